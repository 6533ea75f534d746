"""udsat followups: the report that opens the next meeting."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "followups")
@output.report_options(*output.DOC_FORMATS)
def followups_command(
    ctx: typer.Context,
    next_meeting: bool = typer.Option(
        False, "--next-meeting", help="Til rådets næste møde (standard)."
    ),
    meeting: str | None = typer.Option(
        None, "--meeting", metavar="MØDE", help="Til et bestemt møde (nummer eller dato)."
    ),
    *,
    shown: output.Output,
) -> None:
    """Vis opfølgningen på beslutningspunkter til næste møde.

    Eksempel:

    \b
      udsat followups --next-meeting --format markdown > opfølgning.md
    """
    from udsat_cli.core.followups import followups
    from udsat_cli.render.followups import FOLLOWUPS

    with state(ctx).read() as council:
        report = followups(council, meeting=meeting)
    shown.show(report, FOLLOWUPS)
