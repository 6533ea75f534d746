"""udsat undo: take back the last command that wrote."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "undo")
def undo_command(ctx: typer.Context) -> None:
    """Fortryd rådets seneste kommando, der skrev i lageret (kan gentages).

    Eksempel:

    \b
      udsat undo
    """
    from udsat_cli.core.changes import undo

    st = state(ctx)
    with st.store(mode="write") as store:
        reverted = undo(store.session, council=st.council, now=st.now)
    output.choose().show(reverted, "changes.undone")
