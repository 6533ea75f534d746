"""udsat export: the council's data as JSON, CSV for Excel, or Markdown."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state
from udsat_cli.errors import InputError


@command(app, "export")
def export_command(
    ctx: typer.Context,
    fmt: str = typer.Option("json", "--format", metavar="FORMAT", help="json, csv eller markdown."),
    out: str | None = output.OUT,
    everything: bool = typer.Option(False, "--all", help="Hele lageret, alle råd (kun json)."),
    separator: str = typer.Option(
        ";",
        "--separator",
        metavar="TEGN",
        help='CSV-skilletegn (standard »;«, som dansk Excel venter; fx ",").',
    ),
    force: bool = output.FORCE,
) -> None:
    """Eksportér rådets data som JSON, CSV (til Excel) eller Markdown.

    Eksempel:

    \b
      udsat export --format csv -o opgaver.csv
      udsat export --all -o udsat-eksport.json
    """
    from udsat_cli.core.export import export
    from udsat_cli.render.export import to_bytes

    if len(separator) != 1:
        raise InputError("--separator skal være ét tegn, fx »;«.")
    with state(ctx).read() as council:
        found = export(council, fmt=fmt.strip().lower(), everything=everything)
    # Every row (json) is the store itself, for its owner only; a CSV or Markdown as the umask.
    private = fmt.strip().lower() == "json"
    output.emit(to_bytes(found, separator=separator), out, force=force, private=private)
