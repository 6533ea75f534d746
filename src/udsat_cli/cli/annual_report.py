"""udsat annual-report: the draft årsberetning of a year, counted from the store."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "annual-report")
def annual_report_command(
    ctx: typer.Context,
    year: int = typer.Argument(..., metavar="ÅR", help="Året, fx 2026."),
    fmt: str | None = output.format_option(*output.DOC_FORMATS),
    as_json: bool = output.JSON,
    out: str | None = output.OUT,
    force: bool = output.FORCE,
    template: str | None = output.TEMPLATE,
) -> None:
    """Skriv et udkast til årsberetningen: møder, fremmøde, beslutninger, høringssvar og opgaver.

    Eksempel:

    \b
      udsat annual-report 2026 --format docx -o årsberetning-2026.docx
    """
    from udsat_cli.core.annual_report import annual_report
    from udsat_cli.render.annual_report import ANNUAL_REPORT

    shown = output.choose(fmt, as_json, out, force, formats=output.DOC_FORMATS, template=template)
    with state(ctx).read() as council:
        report = annual_report(council, year=year)
    shown.show(report, ANNUAL_REPORT)
