"""udsat log and udsat undo."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state


@command(app, "log")
def log_command(
    ctx: typer.Context,
    action_id: str | None = typer.Argument(
        None, metavar="[NR]", help="Kun denne opgaves ændringer."
    ),
    limit: int = typer.Option(
        20, "--limit", metavar="N", help="De seneste N kommandoer.", min=1, max=1_000_000
    ),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis hvad der er ændret, hvornår og med hvilken kommando.

    Eksempel:

    \b
      udsat log 12
    """
    from udsat_cli.core.changelog import change_log

    st = state(ctx)
    wanted = output.parse_id(action_id) if action_id is not None else None
    with st.read() as db:
        found = change_log(db, action_id=wanted, limit=limit)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.change_set(c) for c in found])
    else:
        from udsat_cli.render.changes import change_sets

        output.lines(change_sets(found))


@command(app, "undo")
def undo_command(ctx: typer.Context) -> None:
    """Fortryd den seneste kommando, der skrev i lageret (kan gentages).

    Eksempel:

    \b
      udsat undo
    """
    from udsat_cli.core.changelog import undo
    from udsat_cli.render.changes import undone

    st = state(ctx)
    with st.write(journal=False) as session:
        reverted = undo(session, now=st.now)
    output.lines(undone(reverted))
