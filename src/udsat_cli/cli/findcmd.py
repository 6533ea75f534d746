"""udsat search and udsat backup."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state


@command(app, "search")
def search_command(
    ctx: typer.Context,
    words: list[str] = typer.Argument(..., metavar="TEKST", help="Ord at søge efter."),
    limit: int = typer.Option(30, "--limit", metavar="N", help="Højst N fund.", min=1, max=10_000),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Søg i punkter, sagsfremstillinger, beslutninger, opgaver og noter.

    Eksempel:

    \b
      udsat search socialt frikort
    """
    from udsat_cli.core.search import search

    st = state(ctx)
    with st.read() as db:
        hits = search(db, council=st.council, text=" ".join(words), limit=limit)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.hit(h) for h in hits])
    else:
        from udsat_cli.render.text import hits as render

        output.lines(render(hits))


@command(app, "backup")
def backup_command(
    ctx: typer.Context,
    path: str = typer.Argument(..., metavar="FIL", help="Hvor kopien skal ligge."),
    force: bool = typer.Option(False, "--force", help="Overskriv en eksisterende fil."),
) -> None:
    """Tag en sikkerhedskopi af lageret, også mens andre skriver i det.

    Eksempel:

    \b
      udsat backup ~/udsat-kopi-$(date +%F).db
    """
    from udsat_cli.store.backup import backup

    st = state(ctx)
    target = backup(st.location, path, force=force)
    print(f"Kopierede lageret til {target}.")
