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
