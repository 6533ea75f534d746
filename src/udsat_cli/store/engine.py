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

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session

from udsat_cli.errors import StoreError
from udsat_cli.store import migrations
from udsat_cli.store.db import BUSY_TIMEOUT_S, Db, missing_store_error
from udsat_cli.store.location import Location
from udsat_cli.store.migrate import (
    MigrationFailed,
    MigrationStatus,
    apply_migrations,
    copy_before_migrating,
    migration_status,
    pending_migrations,
    restore_copy,
)


def create_file(path: Path) -> None:
    """Create an empty SQLite file readable by its owner only (the store holds personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def make_engine(location: Location) -> Engine:
    if not location.is_sqlite:
        return _server_engine(location)
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


def _server_engine(location: Location) -> Engine:
    """PostgreSQL (or another server): the URL may name a file that holds the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError
    from sqlalchemy.pool import NullPool

    try:
        url = make_url(location.sqlalchemy_url)
    except ArgumentError:
        raise StoreError(f"{location} er ikke en gyldig database-URL.") from None
    if "password_file" in url.query:
        name = url.query["password_file"]
        path = Path(name if isinstance(name, str) else name[0]).expanduser()
        try:
            password = path.read_text(encoding="utf-8").splitlines()[0]
        except (OSError, UnicodeDecodeError, IndexError):
            raise StoreError(f"Kan ikke læse adgangskoden i filen {path}.") from None
        url = url.difference_update_query(["password_file"]).set(password=password)
    try:
        # One command, one connection: nothing to pool between runs.
        return create_engine(url, poolclass=NullPool)
    except NoSuchModuleError:
        raise StoreError(f"udsat kender ikke databasetypen i {location}.") from None
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"Databasen i {location} kræver Python-pakken {exc.name}; "
            "installér den med: pip install 'udsat[postgres]'."
        ) from None


def _take_write_lock(connection: Any) -> None:
    """Writers take turns, as SQLite's BEGIN IMMEDIATE makes them: no write can then fail half-way
    on another's (no serialization errors, no deadlocks), and reads never wait."""
    if connection.dialect.name == "postgresql":
        # Keyed on the schema, so two stores in one database do not wait for each other.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7510, hashtext(current_schema()))")


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


def migrate_store(location: Location, *, create: bool = False) -> list[str]:
    """Bring a store up to this version's schema (making it, with ``create``) as a command of its
    own."""
    with write_session(location, create=create) as session:
        return session.info.get("udsat.migrated", [])


@contextmanager
def _translated_errors(location: Location) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        reason = " ".join(str(exc.orig).split())
        raise StoreError(f"Kan ikke åbne lageret {location}: {reason}.") from exc
    except DatabaseError as exc:
        if "not a database" in str(exc):
            raise StoreError(
                f"{location} er ikke et udsat-lager (ikke en SQLite-database)."
            ) from exc
        raise


def _open_store(session: Session, location: Location, *, create: bool) -> tuple[list[str], bool]:
    """Check the store at the start of a write: (migrations to apply, whether it existed)."""
    with _translated_errors(location):
        connection = session.connection()
        _take_write_lock(connection)
        pending = pending_migrations(connection)
    if pending is None and not create:
        raise missing_store_error(location)
    return (list(migrations.NAMES) if pending is None else pending), pending is not None


@contextmanager
def write_session(
    location: Location, *, create: bool = False, command: str | None = None
) -> Iterator[Session]:
    """One transaction for one command: committed when the block ends, rolled back on any error.
    With ``command``, every row the command touches goes into the change journal (undo, log).
    Pending migrations run first, in the same transaction."""
    created = _create_if_missing(location, create=create)
    engine = make_engine(location)
    safety: Path | None = None
    try:
        with Session(engine) as session, session.begin():
            pending, existed = _open_store(session, location, create=create)
            if pending:
                if existed and location.path is not None:
                    safety = copy_before_migrating(location.path)
                with _translated_errors(location):
                    session.info["udsat.migrated"] = apply_migrations(session.connection())
            recorder = None
            if command is not None:
                from udsat_cli.store.journal import Recorder

                recorder = Recorder(session)
            yield session
            if recorder is not None:
                recorder.write(session, command=command, at=datetime.now(UTC))
    except BaseException as exc:
        engine.dispose()
        if created and location.path is not None:
            _remove_store_file(location.path)  # a failed first command leaves no store behind
        elif safety is not None and isinstance(exc, MigrationFailed):
            restore_copy(safety, location.path)
        raise
    finally:
        engine.dispose()
        if safety is not None:
            safety.unlink(missing_ok=True)


@contextmanager
def alchemy_db(location: Location, *, write: bool = False) -> Iterator[Db]:
    """The ``Db`` interface over SQLAlchemy, for stores that are not SQLite files. A read sees one
    snapshot and takes no lock; a write queues behind other writers."""
    engine = make_engine(location)
    try:
        for attempt in (1, 2):
            with _translated_errors(location), engine.begin() as connection:
                if write:
                    _take_write_lock(connection)
                elif connection.dialect.name == "postgresql":
                    connection.exec_driver_sql(
                        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    )
                pending = pending_migrations(connection)
                if pending is None:
                    raise missing_store_error(location)
                if not pending:
                    yield Db(connection, alchemy=True)
                    return
            if attempt == 1:
                migrate_store(location)  # then read again, in a new transaction
        raise StoreError(f"Lageret {location} kunne ikke opdateres.")
    finally:
        engine.dispose()


def server_store_exists(location: Location) -> bool:
    """Whether a database server already holds a store (a SQLite store is its file)."""
    engine = make_engine(location)
    try:
        with _translated_errors(location), engine.connect() as connection:
            return pending_migrations(connection) is not None
    finally:
        engine.dispose()


def session_db(session: Session) -> Db:
    """Run core SQL inside a write session's transaction."""
    return Db(session.connection(), alchemy=True)


def read_migration_status(location: Location) -> MigrationStatus:
    """The store's migrations, read without applying any."""
    _create_if_missing(location, create=False)  # refuses a missing file
    engine = make_engine(location)
    try:
        with _translated_errors(location), engine.connect() as connection:
            status = migration_status(connection)
    finally:
        engine.dispose()
    if status is None:
        raise missing_store_error(location)
    return status
