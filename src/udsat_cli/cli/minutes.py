"""udsat minutes: the minutes (referat) of a held meeting."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "minutes")
def minutes_command(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
    fmt: str | None = output.format_option(*output.DOC_FORMATS),
    as_json: bool = output.JSON,
    out: str | None = output.OUT,
    force: bool = output.FORCE,
) -> None:
    """Skriv referatet af et afholdt møde.

    Eksempel:

    \b
      udsat minutes "1. april 2019" --format docx -o referat-2019-04-01.docx
    """
    from udsat_cli.core.minutes import minutes

    shown = output.choose(fmt, as_json, out, force, formats=output.DOC_FORMATS)
    with state(ctx).read() as council:
        record = minutes(council, ref=ref)
    shown.show(record, "minutes")
