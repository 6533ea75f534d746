"""udsat annual-report: the draft årsberetning of a year, counted from the store."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "annual-report")
@output.report_options(*output.DOC_FORMATS)
def annual_report_command(
    ctx: typer.Context,
    year: int = typer.Argument(..., metavar="ÅR", help="Året, fx 2026."),
    *,
    shown: output.Output,
) -> None:
    """Skriv et udkast til årsberetningen: møder, fremmøde, beslutninger, høringssvar og opgaver.

    Eksempel:

    \b
      udsat annual-report 2026 --format docx -o årsberetning-2026.docx
    """
    from udsat_cli.core.annual_report import annual_report
    from udsat_cli.render.annual_report import ANNUAL_REPORT

    with state(ctx).read() as council:
        report = annual_report(council, year=year)
    shown.show(report, ANNUAL_REPORT)
