"""udsat meeting: the meeting plan."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command, sub_app
from udsat_cli.cli.state import state

meeting_app = sub_app("Rådets møder.")
app.add_typer(meeting_app, name="meeting")


@command(meeting_app, "add")
def meeting_add(
    ctx: typer.Context,
    when: str = typer.Argument(..., metavar="TIDSPUNKT", help='Fx "1. april 2019 kl. 16-18".'),
    place: str | None = typer.Option(None, "--place", metavar="STED", help="Mødested."),
) -> None:
    """Planlæg et møde.

    Eksempel:

    \b
      udsat meeting add "23. maj 2019 kl. 16.00-18.00" --place "Mødelokale 129, Blok A"
    """
    from udsat_cli import dates
    from udsat_cli.core.meetings import add_meeting

    st = state(ctx)
    with st.write() as session:
        added = add_meeting(session, now=st.now, council=st.council, when=when, place=place)
    print(f"Planlagde møde {added.id}: {dates.meeting_when(added.date, added.start, added.end)}.")


@command(meeting_app, "list")
def meeting_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis rådets møder.

    Eksempel:

    \b
      udsat meeting list
    """
    from udsat_cli.core.listing import meetings

    with state(ctx).read() as db:
        found = meetings(db, council=state(ctx).council)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.meeting(m) for m in found])
    else:
        from udsat_cli.render import text

        output.lines(text.meetings(found))


@command(meeting_app, "show")
def meeting_show(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis et møde med dagsordenspunkter og opgaver.

    Eksempel:

    \b
      udsat meeting show "1. april 2019"
    """
    from udsat_cli.core.listing import meeting_detail

    st = state(ctx)
    with st.read() as db:
        detail = meeting_detail(db, council=st.council, ref=ref, today=st.today)
    if as_json:
        from udsat_cli.render import jsonout

        output.json(jsonout.meeting_detail(detail))
    else:
        from udsat_cli.render import text

        output.lines(text.meeting_detail(detail))


@command(meeting_app, "plan")
def meeting_plan(
    ctx: typer.Context,
    whens: list[str] | None = typer.Argument(None, metavar="[TIDSPUNKT]...", help="Mødedage."),
    every: str | None = typer.Option(None, "--every", metavar="INTERVAL", help='Fx "4 uger".'),
    start: str | None = typer.Option(None, "--from", metavar="DATO", help="Første møde."),
    until: str | None = typer.Option(None, "--until", metavar="DATO", help="Sidste mulige dag."),
    time: str | None = typer.Option(None, "--time", metavar="TID", help='Fx "16.00-18.00".'),
    place: str | None = typer.Option(None, "--place", metavar="STED", help="Mødested."),
) -> None:
    """Planlæg årets møder: en række datoer eller en fast serie.

    Eksempel:

    \b
      udsat meeting plan --every "4 uger" --from 7/1-2027 --until 16/12-2027 --time 16-18
      udsat meeting plan "4. marts 2027" "1. april 2027 kl. 16-18"
    """
    from udsat_cli import dates
    from udsat_cli.core.meetings import plan_meetings

    st = state(ctx)
    with st.write() as session:
        added = plan_meetings(
            session, now=st.now, council=st.council, whens=whens, every=every, start=start,
            until=until, time=time, place=place,
        )  # fmt: skip
    print(f"Planlagde {len(added)} {'møde' if len(added) == 1 else 'møder'}:")
    for m in added:
        print(f"  {m.id}  {dates.meeting_when(m.date, m.start, m.end)}")


@command(meeting_app, "move")
def meeting_move(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
    when: str = typer.Argument(..., metavar="TIDSPUNKT", help="Ny dag (og evt. tid)."),
) -> None:
    """Flyt et møde; frister som »næste møde« flytter med.

    Eksempel:

    \b
      udsat meeting move "23. maj 2019" "28. maj 2019 kl. 16-18"
    """
    from udsat_cli import dates
    from udsat_cli.core.meetings import move_meeting

    st = state(ctx)
    with st.write() as session:
        before, after = move_meeting(session, now=st.now, council=st.council, ref=ref, when=when)
    print(
        f"Flyttede mødet fra {dates.long_date(before.date)} til "
        f"{dates.meeting_when(after.date, after.start, after.end)}."
    )


@command(meeting_app, "cancel")
def meeting_cancel(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
) -> None:
    """Aflys et møde; frister som »næste møde« går videre til det følgende.

    Eksempel:

    \b
      udsat meeting cancel "23. maj 2019"
    """
    from udsat_cli import dates
    from udsat_cli.core.meetings import cancel_meeting

    st = state(ctx)
    with st.write() as session:
        cancelled = cancel_meeting(session, now=st.now, council=st.council, ref=ref)
    print(f"Aflyste mødet {dates.weekday_date(cancelled.date)}.")
