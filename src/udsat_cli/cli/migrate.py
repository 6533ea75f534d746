"""udsat migrate: bring the store up to this version's schema, or show where it stands."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "migrate")
def migrate_command(
    ctx: typer.Context,
    status: bool = typer.Option(
        False, "--status", help="Vis anvendte og manglende ændringer uden at ændre noget."
    ),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Opdatér lagerets opbygning til denne udgave af udsat (sker ellers ved første kommando).

    Eksempel:

    \b
      udsat migrate --status
    """
    from udsat_cli.render.migrations import MIGRATIONS_MIGRATED, MIGRATIONS_STATUS
    from udsat_cli.store.migrate import Migrated, migration_status

    shown, st = output.choose(fmt, as_json, formats=("text", "json")), state(ctx)
    if status or shown.is_json:
        with st.store(migrate=False) as store:
            found = migration_status(store.db, location=str(st.location))
        return shown.show(found, MIGRATIONS_STATUS)
    with st.store(mode="write") as store:
        migrated = Migrated(str(st.location), store.migrated)
    output.choose().show(migrated, MIGRATIONS_MIGRATED)
