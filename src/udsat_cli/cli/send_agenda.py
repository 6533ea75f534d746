"""udsat send-agenda: the notice of meeting, e-mailed to every member and invited guest."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "send-agenda")
def send_agenda(
    ctx: typer.Context,
    meeting: str | None = typer.Argument(
        None, metavar="[MØDE]", help="Mødets nummer eller dato (standard: næste møde)."
    ),
    next_meeting: bool = typer.Option(False, "--next-meeting", help="Til næste møde (standard)."),
    again: bool = typer.Option(False, "--again", help="Send også til dem, der har fået den."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Vis mailene; send og notér intet."),
) -> None:
    """Send indkaldelsen med dagsorden (Word) og kalenderinvitation til medlemmerne.

    Hver modtager noteres, når mailserveren har taget imod; sendes igen efter en ændring,
    hedder mailen »Ændret dagsorden«.

    Eksempel:

    \b
      udsat send-agenda --next-meeting
    """
    from udsat_cli.cli.notice_sending import send_notice
    from udsat_cli.core.notices import plan_notice
    from udsat_cli.store.access import run_lock

    st = state(ctx)
    if dry_run:
        with st.read() as council:
            notice = plan_notice(council, meeting=meeting, again=again, issue=False)
        send_notice(st, notice, dry_run=True)
        return
    with st.read() as council:
        name = f"send-agenda-{council.id}"
    # One sending run at a time per council (as for remind): a second run while one is sending
    # (a slow mail server, an overlapping cron) sends nothing and says so. Planned after taking
    # the lock, so it sees whom the other run has recorded as sent.
    with run_lock(st.location, name) as mine:
        if not mine:
            output.say("Indkaldelsen sendes allerede af en anden kørsel; denne sender intet.")
            return
        with st.write() as council:  # sending issues the agenda
            notice = plan_notice(council, meeting=meeting, again=again, issue=True)
        send_notice(st, notice, dry_run=False)
