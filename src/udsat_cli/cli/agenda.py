"""udsat agenda: the notice of the next meeting's agenda, with the follow-ups as its point 2."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "agenda")
@output.report_options(*output.DOC_FORMATS)
def agenda_command(
    ctx: typer.Context,
    next_meeting: bool = typer.Option(False, "--next-meeting", help="Til næste møde (standard)."),
    meeting: str | None = typer.Option(
        None, "--meeting", metavar="MØDE", help="Et bestemt møde (nummer eller dato)."
    ),
    issue: bool = typer.Option(
        False,
        "--issue",
        help="Udsend dagsordenen: de faste punkter, emnerne og høringerne bliver mødets punkter.",
    ),
    *,
    shown: output.Output,
) -> None:
    """Skriv dagsordenen til næste møde, med opfølgningen fra sidste møde.

    Dagsordenens numre er punkternes numre i alle kommandoer og i referatet. Med --issue er den
    udsendt: derefter er dagsordenen mødets punkter, og en ændring gør den til en ændret dagsorden.

    Eksempel:

    \b
      udsat agenda --next-meeting --format docx -o dagsorden.docx
      udsat agenda --meeting "23. maj 2019" --issue
    """
    from udsat_cli.core.agenda import agenda, issue_agenda
    from udsat_cli.render.agenda import AGENDA

    with state(ctx).write() if issue else state(ctx).read() as council:
        record = (issue_agenda if issue else agenda)(council, meeting=meeting)
    shown.show(record, AGENDA)
