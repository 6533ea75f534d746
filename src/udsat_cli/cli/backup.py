"""udsat backup: a copy of the store, taken while others may write to it."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import app, command, state


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

    target = backup(state(ctx).location, path, force=force)
    print(f"Kopierede lageret til {target}.")
