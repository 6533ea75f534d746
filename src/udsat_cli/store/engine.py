"""SQLAlchemy side of the store: engine set-up, migrations and the write session.

Imported only by commands that write (or by reads on a non-SQLite URL): SQLAlchemy and SQLModel
cost hundreds of milliseconds to import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session

from udsat_cli.errors import StoreError
from udsat_cli.store import migrations
from udsat_cli.store.db import BUSY_TIMEOUT_S, Db, missing_store_error
from udsat_cli.store.location import Location


def create_file(path: Path) -> None:
    """Create an empty SQLite file readable by its owner only (the store holds personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def make_engine(location: Location) -> Engine:
    if not location.is_sqlite:
        return create_engine(location.sqlalchemy_url)
    engine = create_engine(location.sqlalchemy_url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below open transactions
        for pragma in (
            "PRAGMA foreign_keys = ON",
            f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}",
            "PRAGMA journal_mode = WAL",
        ):
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue on the busy timeout
        # instead of failing half-way with "database is locked".
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def apply_migrations(connection: Any) -> list[str]:
    """Apply the pending migrations inside the caller's transaction; return their names."""
    connection.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS udsat_migrations "
        "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
    )
    applied = {row[0] for row in connection.exec_driver_sql("SELECT name FROM udsat_migrations")}
    done = []
    for fn in migrations.MIGRATIONS:
        if fn.__name__ in applied:
            continue
        fn(connection.exec_driver_sql, connection.dialect.name)
        connection.execute(
            text("INSERT INTO udsat_migrations (name, applied_at) VALUES (:name, :at)"),
            {"name": fn.__name__, "at": datetime.now(UTC).isoformat(timespec="seconds")},
        )
        done.append(fn.__name__)
    return done


def _create_if_missing(location: Location, *, create: bool) -> bool:
    """True when this call created the store file."""
    if location.is_sqlite and location.path is not None and not location.path.exists():
        if not create:
            raise missing_store_error(location)
        create_file(location.path)
        return True
    return False


def _remove_store_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def migrate_store(location: Location) -> list[str]:
    engine = make_engine(location)
    try:
        with _translated_errors(location), engine.begin() as connection:
            return apply_migrations(connection)
    finally:
        engine.dispose()


@contextmanager
def _translated_errors(location: Location) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        raise StoreError(f"Kan ikke åbne lageret {location}: {exc.orig}.") from exc
    except DatabaseError as exc:
        if "not a database" in str(exc):
            raise StoreError(
                f"{location} er ikke et udsat-lager (ikke en SQLite-database)."
            ) from exc
        raise


@contextmanager
def write_session(
    location: Location, *, create: bool = False, command: str | None = None
) -> Iterator[Session]:
    """One transaction for one command: committed when the block ends, rolled back on any error.
    With ``command``, every row the command touches goes into the change journal (undo, log)."""
    created = _create_if_missing(location, create=create)
    engine = make_engine(location)
    try:
        with Session(engine) as session, session.begin():
            with _translated_errors(location):
                apply_migrations(session.connection())
            recorder = None
            if command is not None:
                from udsat_cli.store.journal import Recorder

                recorder = Recorder(session)
            yield session
            if recorder is not None:
                recorder.write(session, command=command, at=datetime.now(UTC))
    except BaseException:
        engine.dispose()
        if created and location.path is not None:
            _remove_store_file(location.path)  # a failed first command leaves no store behind
        raise
    finally:
        engine.dispose()


@contextmanager
def alchemy_db(location: Location) -> Iterator[Db]:
    """The ``Db`` interface over SQLAlchemy, for stores that are not SQLite files."""
    engine = make_engine(location)
    try:
        with engine.begin() as connection:
            with _translated_errors(location):
                apply_migrations(connection)
            yield Db(connection, alchemy=True)
    finally:
        engine.dispose()


def session_db(session: Session) -> Db:
    """Run core SQL inside a write session's transaction."""
    return Db(session.connection(), alchemy=True)
