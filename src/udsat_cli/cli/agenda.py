"""udsat agenda: the notice of the next meeting's agenda, with the follow-ups as its point 2."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "agenda")
def agenda_command(
    ctx: typer.Context,
    next_meeting: bool = typer.Option(False, "--next-meeting", help="Til næste møde (standard)."),
    meeting: str | None = typer.Option(
        None, "--meeting", metavar="MØDE", help="Et bestemt møde (nummer eller dato)."
    ),
    fmt: str | None = output.format_option(*output.DOC_FORMATS),
    as_json: bool = output.JSON,
    out: str | None = output.OUT,
    force: bool = output.FORCE,
    template: str | None = output.TEMPLATE,
) -> None:
    """Skriv dagsordenen til næste møde, med opfølgningen fra sidste møde.

    Eksempel:

    \b
      udsat agenda --next-meeting --format docx -o dagsorden.docx
    """
    from udsat_cli.core.agenda import agenda

    shown = output.choose(fmt, as_json, out, force, formats=output.DOC_FORMATS,
                          template=template)  # fmt: skip
    with state(ctx).read() as council:
        record = agenda(council, meeting=meeting)
    shown.show(record, "agenda")
