"""A small SQL connection shared by every query in ``core``.

Queries are portable SQL with ``:name`` parameters. On SQLite they run through the stdlib driver, so
read commands never import SQLAlchemy (hundreds of milliseconds at start-up); on any other URL, and
inside a write session, the same SQL text runs through SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from udsat_cli.errors import StoreError
from udsat_cli.store import migrations
from udsat_cli.store.location import Location

Row = tuple[Any, ...]
BUSY_TIMEOUT_S = 30


class Db:
    """Runs SQL text; rows come back as plain tuples."""

    def __init__(self, connection: Any, *, alchemy: bool) -> None:
        self._connection = connection
        self._alchemy = alchemy

    @property
    def dialect(self) -> str:
        return self._connection.dialect.name if self._alchemy else "sqlite"

    def rows(self, sql: str, **params: Any) -> Iterator[Row]:
        if self._alchemy:
            from sqlalchemy import text

            yield from (tuple(r) for r in self._connection.execute(text(sql), params))
        else:
            yield from self._connection.execute(
                sql, {k: _sqlite_value(v) for k, v in params.items()}
            )

    def records(self, sql: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        if self._alchemy:
            from sqlalchemy import text

            result = self._connection.execute(text(sql), params)
            keys = list(result.keys())
            yield from (dict(zip(keys, row, strict=True)) for row in result)
        else:
            cursor = self._connection.execute(sql, {k: _sqlite_value(v) for k, v in params.items()})
            keys = [d[0] for d in cursor.description]
            yield from (dict(zip(keys, row, strict=True)) for row in cursor)

    def one(self, sql: str, **params: Any) -> Row | None:
        return next(self.rows(sql, **params), None)

    def scalar(self, sql: str, **params: Any) -> Any:
        row = self.one(sql, **params)
        return row[0] if row else None

    def all(self, sql: str, **params: Any) -> list[Row]:
        return list(self.rows(sql, **params))

    def execute(self, sql: str, **params: Any) -> None:
        """A statement that returns no rows (INSERT, UPDATE, DELETE)."""
        if self._alchemy:
            from sqlalchemy import text

            self._connection.execute(text(sql), params)
        else:
            self._connection.execute(sql, {k: _sqlite_value(v) for k, v in params.items()})


def _sqlite_value(value: Any) -> Any:
    # Stored the way SQLAlchemy stores them on SQLite, so both paths compare alike.
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # stored as UTC without an offset, as SQLModel stores it
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def in_list(prefix: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """Placeholders for ``IN (...)``: ("(:p0, :p1)", {"p0": .., "p1": ..})."""
    names = [f"{prefix}{i}" for i in range(len(values))]
    return "(" + ", ".join(f":{n}" for n in names) + ")", dict(zip(names, values, strict=True))


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def missing_store_error(location: Location) -> StoreError:
    return StoreError(
        f"Der er intet udsat-lager i {location} endnu; opret det med: "
        'udsat init --council "Rådets navn".'
    )


def _open_sqlite(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise FileNotFoundError(path)
    # Escaped by hand: urllib.parse costs 2.5 ms to import, a tenth of a whole read command.
    uri_path = str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    conn = sqlite3.connect(f"file:{uri_path}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)
    conn.isolation_level = None  # we issue BEGIN ourselves: one snapshot per command
    return conn


def _pending(db: Db) -> bool:
    try:
        applied = {name for (name,) in db.rows("SELECT name FROM udsat_migrations")}
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # a new, empty store
            return True
        raise
    return bool(migrations.still_to_apply(applied))


@contextmanager
def write_db(location: Location) -> Iterator[Db]:
    """A small write through the same SQL interface, for bookkeeping on a read path (the reminder
    log): one transaction, taken with the write lock up front; models and migrations stay on
    SQLModel."""
    with read_db(location, write=True) as db:
        yield db


@contextmanager
def read_db(location: Location, *, write: bool = False) -> Iterator[Db]:
    """The store in one transaction (read-only unless ``write``), migrated first if an older udsat
    made it."""
    if not location.is_sqlite:
        from udsat_cli.store.engine import alchemy_db

        with alchemy_db(location, write=write) as db:
            yield db
        return
    assert location.path is not None
    try:
        conn = _open_sqlite(location.path)
    except (FileNotFoundError, sqlite3.OperationalError):
        raise missing_store_error(location) from None
    try:
        if _pending(Db(conn, alchemy=False)):
            from udsat_cli.store.engine import migrate_store

            migrate_store(location)
        if write:
            conn.execute("PRAGMA foreign_keys = ON")
            # Bookkeeping only (the reminder log): in WAL mode NORMAL survives a crashed process;
            # a power cut may forget the last reminders, so they are sent once more, not lost.
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        yield Db(conn, alchemy=False)
        if write:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(
                f"{location} er ikke et udsat-lager (ikke en SQLite-database)."
            ) from exc
        raise
    finally:
        conn.close()
