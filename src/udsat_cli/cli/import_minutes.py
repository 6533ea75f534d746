"""udsat import: read existing minutes, show what was found, write what the secretary accepts."""

from __future__ import annotations

from pathlib import Path

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "import")
def import_minutes(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., metavar="FIL...", help="Referater (.docx, .txt, .md)."),
    yes: bool = typer.Option(False, "--yes", help="Acceptér alt uden at spørge."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Vis kun; skriv intet."),
    as_json: bool = typer.Option(False, "--json", help="Udskriv det fundne som JSON; skriv intet."),
) -> None:
    """Læs eksisterende referater ind: møde, punkter og opgaver, gennemset før de skrives.

    Eksempel:

    \b
      udsat import referat-2019-04-01.docx
      udsat import --dry-run --json referat.txt
    """
    from udsat_cli.importer.extract import extract

    extractions = [extract(path) for path in files]
    if as_json:
        output.choose(as_json=True).show(extractions, "imports.extractions")
        return
    from udsat_cli.cli.import_review import review_and_write

    review_and_write(state(ctx), extractions, yes=yes, dry_run=dry_run)
