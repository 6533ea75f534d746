"""udsat search: find what the council decided."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "search")
def search_command(
    ctx: typer.Context,
    words: list[str] = typer.Argument(..., metavar="TEKST", help="Ord at søge efter."),
    limit: int = typer.Option(30, "--limit", metavar="N", help="Højst N fund.", min=1, max=10_000),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Søg i punkter, sagsfremstillinger, beslutninger, opgaver og noter.

    Eksempel:

    \b
      udsat search socialt frikort
    """
    from udsat_cli.core.search import search
    from udsat_cli.render.search import SEARCH

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = search(council, text=" ".join(words), limit=limit)
    shown.show(found, SEARCH)
