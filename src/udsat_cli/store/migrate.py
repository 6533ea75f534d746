"""Running the migrations of ``migrations``: which a store lacks, applying them, and the safety copy
a SQLite store gets before its schema changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from udsat_cli.errors import StoreError
from udsat_cli.store import migrations
from udsat_cli.store.backup import copy_store
from udsat_cli.store.db import Db


def pending_migrations(connection: Any) -> list[str] | None:
    """The migrations this store still lacks; None when there is no store here yet."""
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'udsat_migrations'"
        ).scalar()
    else:
        found = connection.exec_driver_sql("SELECT to_regclass('udsat_migrations')").scalar()
    if not found:
        return None
    applied = {row[0] for row in connection.exec_driver_sql("SELECT name FROM udsat_migrations")}
    return migrations.still_to_apply(applied)


class MigrationFailed(StoreError):
    def __init__(self, name: str, reason: BaseException) -> None:
        first = (str(getattr(reason, "orig", None) or reason).strip().splitlines() or [""])[0]
        super().__init__(
            f"Lageret kunne ikke opdateres til denne udgave af udsat ({name}: {first}); "
            "det er ført tilbage, som det var"
        )


def apply_migrations(connection: Any) -> list[str]:
    """Apply the pending migrations inside the caller's transaction; return their names."""
    from sqlalchemy import text

    connection.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS udsat_migrations "
        "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
    )
    applied = {row[0] for row in connection.exec_driver_sql("SELECT name FROM udsat_migrations")}
    done = []
    steps = []
    for fn in migrations.MIGRATIONS:
        if fn.__name__ in applied:
            continue
        try:
            fn(connection.exec_driver_sql, connection.dialect.name)
        except Exception as exc:
            raise MigrationFailed(fn.__name__, exc) from exc
        if step := migrations.after(fn.__name__):
            steps.append((fn.__name__, step))
        connection.execute(
            text("INSERT INTO udsat_migrations (name, applied_at) VALUES (:name, :at)"),
            {"name": fn.__name__, "at": datetime.now(UTC).isoformat(timespec="seconds")},
        )
        done.append(fn.__name__)
    # The steps with application code run once the schema is the one that code reads (a later
    # migration may add a table it queries), still in the same transaction.
    for name, step in steps:
        import importlib

        module, _, function = step.partition(":")
        try:
            getattr(importlib.import_module(module), function)(connection)
        except Exception as exc:
            raise MigrationFailed(name, exc) from exc
    return done


@dataclass(frozen=True)
class MigrationStatus:
    location: str
    applied: list[tuple[str, str]]  # (name, applied_at as ISO text)
    pending: list[str]


@dataclass(frozen=True)
class Migrated:
    location: str
    names: list[str]


def migration_status(db: Db, *, location: str) -> MigrationStatus:
    """What has been applied to a store and what is still to come."""
    applied: dict[str, str] = dict(db.rows("SELECT name, applied_at FROM udsat_migrations"))
    return MigrationStatus(
        location=location,
        applied=[(name, applied[name]) for name in migrations.NAMES if name in applied],
        pending=migrations.still_to_apply(set(applied)),
    )


def copy_before_migrating(path: Path) -> Path:
    """A private copy of the store as it is, taken before its schema changes (a migration that has
    to commit part-way cannot be rolled back by the transaction alone)."""
    copy_path = path.with_name(f".{path.name}.før-opdatering")
    copy_store(path, copy_path, private=True)
    return copy_path


def restore_copy(copy_path: Path, path: Path | None) -> None:
    assert path is not None
    copy_store(copy_path, path)
