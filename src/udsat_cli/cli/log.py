"""udsat log: what changed, when, and by which command."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state
from udsat_cli.cli.inputs import parse_id


@command(app, "log")
def log_command(
    ctx: typer.Context,
    action_id: str | None = typer.Argument(
        None, metavar="[NR]", help="Kun ændringerne af denne opgave (dens nummer)."
    ),
    limit: int = typer.Option(
        20, "--limit", metavar="N", help="De seneste N kommandoer.", min=1, max=1_000_000
    ),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis hvad der er ændret i rådet, hvornår og med hvilken kommando.

    Eksempel:

    \b
      udsat log 12
    """
    from udsat_cli.core.changes import change_log
    from udsat_cli.render.changes import CHANGES

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    wanted = parse_id(action_id) if action_id is not None else None
    with state(ctx).read_if_any() as council:  # no council left: the undone »init« shows
        if council is None:
            with state(ctx).store() as store:
                found = change_log(store.db, council_id=None, action_id=wanted, limit=limit)
        else:
            found = change_log(council.db, council_id=council.id, action_id=wanted, limit=limit)
    shown.show(found, CHANGES)
