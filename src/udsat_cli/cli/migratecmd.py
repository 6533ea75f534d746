"""udsat migrate: bring the store up to this version's schema, or show where it stands."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state


@command(app, "migrate")
def migrate_command(
    ctx: typer.Context,
    status: bool = typer.Option(
        False, "--status", help="Vis anvendte og manglende ændringer uden at ændre noget."
    ),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON (med --status)."),
) -> None:
    """Opdatér lagerets opbygning til denne udgave af udsat (sker ellers ved første kommando).

    Eksempel:

    \b
      udsat migrate --status
    """
    from udsat_cli.store import engine

    st = state(ctx)
    if status or as_json:
        found = engine.read_migration_status(st.location)
        if as_json:
            from udsat_cli.render import jsonout

            output.json(jsonout.migration_status(found))
        else:
            from udsat_cli.render.text import migration_status

            output.lines(migration_status(found, location=str(st.location)))
        return
    from udsat_cli.render.text import migrated

    output.lines(migrated(engine.migrate_store(st.location), location=str(st.location)))
