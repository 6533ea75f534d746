"""udsat restore: an export read back into an empty store."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "restore")
def restore_command(
    ctx: typer.Context,
    path: str = typer.Argument(..., metavar="FIL", help="En eksport fra udsat export."),
) -> None:
    """Læs en JSON-eksport ind i et tomt lager (kan ikke fortrydes med udsat undo).

    Eksempel:

    \b
      udsat --db nyt.db restore udsat-eksport.json
    """
    from dataclasses import replace

    from udsat_cli.cli.inputs import read_json
    from udsat_cli.core.export import restore_data
    from udsat_cli.render.export import EXPORT_RESTORED
    from udsat_cli.store.newfile import built_aside

    data = read_json(path)  # read whole before the store is touched
    st = state(ctx)
    # A killed restore leaves no store half-made: it is built aside and linked when whole.
    with (
        built_aside(st.location) as target,
        replace(st, location=target).store(mode="write", create=True) as store,
    ):
        counts = restore_data(store.db, data)
    output.choose().show(counts, EXPORT_RESTORED)
