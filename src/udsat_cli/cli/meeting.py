"""udsat meeting: the meeting plan."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

meeting_app = sub_app("Rådets møder.")
app.add_typer(meeting_app, name="meeting")
_REF = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato.")
_FORMAT = output.format_option(*output.TEXT_FORMATS)
_CORRECTION = typer.Option(
    False, "--reopen", help="En rettelse af et holdt møde (et godkendt referat åbnes igen)."
)
_NO_MAIL = typer.Option(
    False, "--no-mail", help="Send ikke ændringen til dem, der har fået invitationen."
)


@command(meeting_app, "add")
def meeting_add_command(
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

    with state(ctx).write() as council:
        added = add_meeting(council, when=when, place=place)
    print(f"Planlagde møde {added.id}: {dates.meeting_when(added.date, added.start, added.end)}.")


@command(meeting_app, "list")
def meeting_list_command(
    ctx: typer.Context,
    planned: bool = typer.Option(False, "--planned", help="Kun møder, der ikke er aflyst."),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Vis rådets møder, også de aflyste.

    Eksempel:

    \b
      udsat meeting list
    """
    from udsat_cli.core.meetings import meeting_list
    from udsat_cli.render.meetings import MEETINGS

    shown = output.choose(fmt, as_json)
    with state(ctx).read() as council:
        found = meeting_list(council, include_cancelled=not planned)
    shown.show(found, MEETINGS)


@command(meeting_app, "show")
def meeting_show_command(
    ctx: typer.Context,
    ref: str = _REF,
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis et møde med dagsordenspunkter og opgaver.

    Eksempel:

    \b
      udsat meeting show "1. april 2019"
    """
    from udsat_cli.core.meeting_detail import meeting_detail
    from udsat_cli.render.meetings import MEETINGS_DETAIL

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        detail = meeting_detail(council, ref=ref)
    shown.show(detail, MEETINGS_DETAIL)


@command(meeting_app, "plan")
def meeting_plan_command(
    ctx: typer.Context,
    whens: list[str] | None = typer.Argument(None, metavar="[TIDSPUNKT]...", help="Mødedage."),
    every: str | None = typer.Option(
        None,
        "--every",
        metavar="INTERVAL",
        help='Fx "4 uger", "1 måned", "2. torsdag i måneden" eller "hver anden onsdag".',
    ),
    start: str | None = typer.Option(None, "--from", metavar="DATO", help="Første møde."),
    until: str | None = typer.Option(None, "--until", metavar="DATO", help="Sidste mulige dag."),
    time: str | None = typer.Option(None, "--time", metavar="TID", help='Fx "16.00-18.00".'),
    place: str | None = typer.Option(None, "--place", metavar="STED", help="Mødested."),
    any_day: bool = typer.Option(
        False,
        "--any-day",
        help="Også weekender, helligdage og rådets ferier (ellers den næste hverdag).",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Vis de møder, der ville blive planlagt; skriv intet."
    ),
) -> None:
    """Planlæg årets møder: en række datoer eller en fast serie på hverdage.

    Eksempel:

    \b
      udsat meeting plan --every "2. torsdag" --from 1/1-2027 --until 31/12-2027 --time 16-18
      udsat meeting plan "4. marts 2027" "1. april 2027 kl. 16-18"
    """
    from udsat_cli.core.meetings import plan_days, plan_meetings
    from udsat_cli.render.meetings import MEETINGS_PLANNED, MEETINGS_TRIAL

    st = state(ctx)
    given = {
        "whens": whens,
        "every": every,
        "start": start,
        "until": until,
        "time": time,
        "any_day": any_day,
    }
    with st.read() if dry_run else st.write() as council:  # a trial writes nothing
        if dry_run:
            found = plan_days(council, **given)
        else:
            found = plan_meetings(council, place=place, **given)
    output.choose().show(found, MEETINGS_TRIAL if dry_run else MEETINGS_PLANNED)


@command(meeting_app, "move")
def meeting_move_command(
    ctx: typer.Context,
    ref: str = _REF,
    when: str = typer.Argument(..., metavar="TIDSPUNKT", help="Ny dag (og evt. tid)."),
    reopen: bool = _CORRECTION,
    no_mail: bool = _NO_MAIL,
) -> None:
    """Flyt et møde; frister som »næste møde« flytter med. Et holdt møde flyttes kun som en
    rettelse af datoen (--reopen).

    Er indkaldelsen sendt, får modtagerne straks en opdateret kalenderinvitation (--no-mail
    holder den tilbage); det, der ikke kom ud, sendes med næste send-agenda eller remind --send.

    Eksempel:

    \b
      udsat meeting move "23. maj 2019" "28. maj 2019 kl. 16-18"
    """
    from udsat_cli import dates
    from udsat_cli.cli.sent import announce
    from udsat_cli.core.meetings import move_meeting

    st = state(ctx)
    with st.write() as council:
        before, after = move_meeting(council, ref=ref, when=when, reopen=reopen)
    print(
        f"Flyttede mødet fra {dates.long_date(before.date)} til "
        f"{dates.meeting_when(after.date, after.start, after.end)}."
    )
    announce(st, after.id, hold=no_mail)


@command(meeting_app, "cancel")
def meeting_cancel_command(
    ctx: typer.Context, ref: str = _REF, reopen: bool = _CORRECTION, no_mail: bool = _NO_MAIL
) -> None:
    """Aflys et møde; frister som »næste møde« går videre til det følgende. Et møde med et
    referat kan ikke aflyses.

    Er indkaldelsen sendt, får modtagerne straks en aflysning, der fjerner mødet fra deres
    kalender (--no-mail holder den tilbage).

    Eksempel:

    \b
      udsat meeting cancel "23. maj 2019"
    """
    from udsat_cli import dates
    from udsat_cli.cli.sent import announce
    from udsat_cli.core.meetings import cancel_meeting

    st = state(ctx)
    with st.write() as council:
        cancelled = cancel_meeting(council, ref=ref, reopen=reopen)
    print(f"Aflyste mødet {dates.weekday_date(cancelled.date)}.")
    announce(st, cancelled.id, hold=no_mail)
