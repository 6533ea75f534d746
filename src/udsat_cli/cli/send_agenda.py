"""udsat send-agenda: the notice of meeting, e-mailed to every member and invited guest."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import app, command, state


@command(app, "send-agenda")
def send_agenda_command(
    ctx: typer.Context,
    meeting: str | None = typer.Argument(
        None, metavar="[MØDE]", help="Mødets nummer eller dato (standard: næste møde)."
    ),
    next_meeting: bool = typer.Option(False, "--next-meeting", help="Til næste møde (standard)."),
    again: bool = typer.Option(False, "--again", help="Send også til dem, der har fået den."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Vis mailene; send og notér intet."),
) -> None:
    """Send indkaldelsen med dagsorden (Word) og kalenderinvitation til medlemmerne.

    Punkternes bilag følger med (lukkede bilag aldrig). Hver modtager noteres, når mailserveren
    har taget imod; en modtager, serveren afviser, noteres og springes over. Sendes igen efter
    en ændring, hedder mailen »Ændret dagsorden«. Flyttede og aflyste møder, hvis ændring ikke
    nåede ud, sendes med.

    Eksempel:

    \b
      udsat send-agenda --next-meeting
    """
    from udsat_cli.cli import sent
    from udsat_cli.sending import notice_run

    run = notice_run(state(ctx), meeting=meeting, again=again, dry_run=dry_run)
    sent.notice(run)
