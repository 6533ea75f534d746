"""SQLAlchemy engines for a store: SQLite files opened by path (any file name works as given), and
PostgreSQL with its password kept out of the URL.

Imported only by commands that write, or that read a store which is not a SQLite file: SQLAlchemy
costs hundreds of milliseconds to import.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool, StaticPool

from udsat_cli.errors import StoreError
from udsat_cli.paths import expand_user
from udsat_cli.store import fulltext
from udsat_cli.store.db import BUSY_TIMEOUT_S
from udsat_cli.store.location import Location


def make_engine(location: Location, *, write: bool = True, keep: bool = False) -> Engine:
    """One command, one connection: nothing is pooled between runs. With ``keep`` the one
    connection is kept for every transaction of a long session (``store.kept``); there a read
    marks it (``info["udsat.read"]``) to begin without the write lock."""
    pool = StaticPool if keep else NullPool
    if location.path is None:  # not SQLite
        return _server_engine(location, pool)
    # Absolute: a relative name that begins with »file:« would be read by SQLite as a URI
    # (»file:x.db« opening x.db), splitting the store in two.
    path = os.path.abspath(location.path)

    def connect() -> sqlite3.Connection:
        # By path, not by URL: a URL would read "a%20b.db" as "a b.db" and "?" as options.
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect, poolclass=pool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below open transactions
        for pragma in (
            "PRAGMA foreign_keys = ON",
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}",
            # A command's commit survives a power cut, not only a crashed process (in WAL mode
            # NORMAL may lose the last commits); it costs one fsync per command.
            "PRAGMA synchronous = FULL" if write else "PRAGMA synchronous = NORMAL",
        ):
            dbapi_connection.execute(pragma)
        if not _foreign(dbapi_connection):  # someone else's SQLite file is left as it is
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
        fulltext.register(dbapi_connection)  # the search index's triggers call it

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        # instead of failing half-way with "database is locked".
        reading = not write or connection.info.get("udsat.read")
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


def _foreign(connection: sqlite3.Connection) -> bool:
    """A SQLite file with tables, none of them udsat's."""
    names = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
    return bool(names) and "udsat_migrations" not in names


def _server_engine(location: Location, pool: Any = NullPool) -> Engine:
    """PostgreSQL (or another server): the URL may name a file that holds the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from udsat_cli.store import postgres

    target = postgres.libpq_target(location)
    if target is not None:  # the very connection a read makes, so both see the same server
        return create_engine(
            "postgresql+psycopg://",
            creator=lambda: postgres.connect(location, target),
            poolclass=pool,
        )
    try:
        url = make_url(location.url or "")
    except ArgumentError:
        raise StoreError(f"{location} er ikke en gyldig database-URL.") from None
    if "password_file" in url.query:
        name = url.query["password_file"]
        path = expand_user(name if isinstance(name, str) else name[0])
        password = postgres.read_password(path)
        url = url.difference_update_query(["password_file"]).set(password=password)
    try:
        return create_engine(url, poolclass=pool)
    except NoSuchModuleError:
        raise StoreError(f"udsat kender ikke databasetypen i {location}.") from None
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"Databasen i {location} kræver Python-pakken {exc.name}; "
            "installér den med: pip install 'udsat[postgres]'."
        ) from None


def take_write_lock(connection: Any) -> None:
    """Writers take turns, as SQLite's BEGIN IMMEDIATE makes them: no write can then fail half-way
    on another's (no serialization errors, no deadlocks), and reads never wait."""
    if connection.dialect.name == "postgresql":
        # Keyed on the schema, so two stores in one database do not wait for each other.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7510, hashtext(current_schema()))")


def read_only_snapshot(connection: Any) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
