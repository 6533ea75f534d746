"""udsat help KOMMANDO: the help of a command, as KOMMANDO --help shows it."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import app, command


@command(app, "help")
def help_command(
    words: list[str] | None = typer.Argument(
        None, metavar="[KOMMANDO]...", help="Kommandoen, fx »meeting add«."
    ),
) -> None:
    """Vis hjælpen til en kommando (det samme som KOMMANDO --help).

    Uden en kommando vises oversigten over dem alle.

    Eksempel:

    \b
      udsat help meeting add
      udsat help
    """
    from typer.main import get_command

    from udsat_cli.cli import COMMAND_MODULES, load

    wanted = words or []
    known = bool(wanted) and wanted[0] in COMMAND_MODULES
    get_command(load(wanted[:1]) if known else load()).main([*wanted, "--help"], prog_name="udsat")
