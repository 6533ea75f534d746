"""The one way into a store: ``open_store`` gives a command its transaction.

mode "read"    one snapshot, no lock. It runs on the bare driver (the stdlib's sqlite3, or psycopg
               on PostgreSQL), so read commands never import SQLAlchemy (hundreds of
               milliseconds at start-up).
mode "write"   an ORM session in one transaction, with the write lock taken up front; with
               ``command`` every row it touches goes into the change journal (log, undo).
mode "record"  a small write through the same lean path as a read: bookkeeping (the reminder log)
               that is deliberately outside the change journal and cannot be undone.

Pending migrations run first (a store made by an older udsat is brought up to date), unless
``migrate=False``. Every driver or disk fault leaves as one Danish sentence (``faults``).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import StoreError
from udsat_cli.store import migrations
from udsat_cli.store.db import BUSY_TIMEOUT_S, Db
from udsat_cli.store.faults import store_fault
from udsat_cli.store.location import Location, creation_lock

if TYPE_CHECKING:
    from udsat_cli.store.models import Session


class MissingStore(StoreError):
    """There is no udsat store at the location (yet)."""


@dataclass
class Handle:
    """What a command works in: SQL through ``db``; in mode "write" also the ORM ``session``."""

    location: Location
    db: Db
    session: Session | None = None
    migrated: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)


@contextmanager
def open_store(
    location: Location,
    *,
    mode: str = "read",
    create: bool = False,
    command: str | None = None,
    migrate: bool = True,
) -> Iterator[Handle]:
    if mode == "write":
        with _write(location, create=create, command=command, migrate=migrate) as handle:
            yield handle
    elif location.is_sqlite:
        with _lean_sqlite(location, write=mode == "record", migrate=migrate) as handle:
            yield handle
    else:
        from udsat_cli.store.postgres import libpq_target

        write, target = mode == "record", libpq_target(location)
        if target is not None:
            server = _lean_postgres(location, target, write=write, migrate=migrate)
        else:
            server = _server(location, write=write, migrate=migrate)
        with server as handle:
            yield handle


def store_exists(location: Location) -> bool:
    try:
        with open_store(location, migrate=False):
            return True
    except MissingStore:
        return False


def _missing(location: Location) -> MissingStore:
    return MissingStore(location.missing().message)


def _translated(location: Location, exc: BaseException) -> BaseException:
    fault = store_fault(location, exc) if _is_driver_error(exc) else None
    return fault if fault is not None else exc


def _is_driver_error(exc: BaseException) -> bool:
    if isinstance(exc, sqlite3.Error | OSError):
        return True
    module = type(exc).__module__
    return module.startswith(("sqlalchemy", "psycopg"))


# --- SQLite through the stdlib driver ---------------------------------------------------------


def _connect_sqlite(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    if not path.exists():
        raise FileNotFoundError(path)
    # Escaped by hand: urllib.parse costs 2.5 ms to import, a tenth of a whole read command.
    uri_path = str(path.resolve()).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    mode = "mode=ro&immutable=1" if immutable else "mode=rw"
    conn = sqlite3.connect(f"file:{uri_path}?{mode}", uri=True, timeout=BUSY_TIMEOUT_S)
    conn.isolation_level = None  # we issue BEGIN ourselves: one snapshot per command
    return conn


def _on_read_only_media(path: Path) -> bool:
    """A store nobody can write to (a read-only drive, an immutable file): it can still be read,
    as an unchanging file (SQLite's »immutable«), which needs no lock or shared-memory file."""
    return not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK)


def _applied(db: Db) -> set[str] | None:
    try:
        return {name for (name,) in db.rows("SELECT name FROM udsat_migrations")}
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # an empty file: no store yet
            return None
        raise


@contextmanager
def _lean_sqlite(location: Location, *, write: bool, migrate: bool) -> Iterator[Handle]:
    assert location.path is not None
    try:
        conn = _connect_sqlite(location.path)
    except FileNotFoundError:
        raise _missing(location) from None
    except sqlite3.Error as exc:
        raise _translated(location, exc) from exc
    try:
        db = Db(conn, alchemy=False)
        try:
            applied = _applied(db)
        except sqlite3.OperationalError:
            if write or not _on_read_only_media(location.path):
                raise
            conn.close()
            conn = _connect_sqlite(location.path, immutable=True)
            db = Db(conn, alchemy=False)
            applied = _applied(db)
        if applied is None:
            if db.scalar("SELECT COUNT(*) FROM sqlite_master"):
                raise _foreign(location)
            raise _missing(location)
        pending = migrations.still_to_apply(applied)
        if pending and migrate:
            with _write(location, create=False, command=None, migrate=True):
                pass
            pending = []
        if write:
            from udsat_cli.store.fulltext import register

            register(conn)  # the search index's triggers call it, should a record touch them
            conn.execute("PRAGMA foreign_keys = ON")
            # Bookkeeping only: NORMAL survives a crashed process; a power cut may forget the
            # last reminders noted, so they are sent once more, never lost.
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        yield Handle(location, db, pending=pending)
        if write:
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise _translated(location, exc) from exc
    finally:
        conn.close()


# --- PostgreSQL through libpq alone (psycopg's pq layer) -------------------------------------


@contextmanager
def _lean_postgres(
    location: Location, target: tuple[str, dict[str, str]], *, write: bool, migrate: bool
) -> Iterator[Handle]:
    """A read sees one snapshot and takes no lock; a record queues behind other writers."""
    from udsat_cli.store.libpq import LibpqDb
    from udsat_cli.store.postgres import connect_lean

    for attempt in (1, 2):
        try:
            conn = connect_lean(location, target)
        except Exception as exc:
            raise _translated(location, exc) from exc
        try:
            db = LibpqDb(conn)
            if write:
                db.execute("SELECT pg_advisory_xact_lock(7510, hashtext(current_schema()))")
            else:
                db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            if db.scalar("SELECT to_regclass('udsat_migrations')") is None:
                raise _missing(location)
            applied = {name for (name,) in db.rows("SELECT name FROM udsat_migrations")}
            pending = migrations.still_to_apply(applied)
            if not pending or not migrate:
                yield Handle(location, db, pending=pending)
                conn.commit() if write else conn.rollback()
                return
        except Exception as exc:
            translated = _translated(location, exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            conn.close()
        if attempt == 1:  # bring the store up to date, then read again in a new transaction
            with _write(location, create=False, command=None, migrate=True):
                pass
    raise StoreError(f"Lageret {location} kunne ikke opdateres.")


# --- SQLAlchemy: writes, and every store that is not a SQLite file ----------------------------


@contextmanager
def _server(location: Location, *, write: bool, migrate: bool) -> Iterator[Handle]:
    """A read sees one snapshot and takes no lock; a record queues behind other writers."""
    from udsat_cli.store.engine import make_engine, read_only_snapshot, take_write_lock
    from udsat_cli.store.migrate import pending_migrations

    engine = make_engine(location)
    try:
        for attempt in (1, 2):
            with engine.begin() as connection:
                if write:
                    take_write_lock(connection)
                else:
                    read_only_snapshot(connection)
                pending = pending_migrations(connection)
                if pending is None:
                    raise _missing(location)
                if not pending or not migrate:
                    yield Handle(location, Db(connection, alchemy=True), pending=pending)
                    return
            if attempt == 1:  # then read again, in a new transaction
                with _write(location, create=False, command=None, migrate=True):
                    pass
        raise StoreError(f"Lageret {location} kunne ikke opdateres.")
    except Exception as exc:
        translated = _translated(location, exc)
        if translated is exc:
            raise
        raise translated from exc
    finally:
        engine.dispose()


def _create_file(path: Path) -> None:
    """An empty SQLite file readable by its owner only (the store holds personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def _remove_store_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _file_lock(path: Path) -> Any:
    """A lock on a file beside the store, on every system (flock on POSIX, LockFileEx on
    Windows), let go when the process ends, however it ends."""
    from filelock import FileLock

    return FileLock(path, mode=0o600)


@contextmanager
def _creation_lock(path: Path) -> Iterator[None]:
    """Commands that may create a store take turns on it. A first command that fails removes
    the file it made while holding this, so no other command can have written to it: every
    other creator waits here, and no other command writes into a store without tables."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _file_lock(creation_lock(path)):
        yield


def _foreign(location: Location) -> StoreError:
    return StoreError(
        f"{location} indeholder andre data end et udsat-lager; udsat skriver ikke i den. "
        "Vælg en anden fil med --db"
    )


def _refuse_foreign(connection: Any, location: Location) -> None:
    """init writes only into an empty file or an empty schema, never into someone else's data."""
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql("SELECT COUNT(*) FROM sqlite_master").scalar()
    else:
        found = connection.exec_driver_sql(
            "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema()"
        ).scalar()
    if found:
        raise _foreign(location)


@contextmanager
def _write(
    location: Location, *, create: bool, command: str | None, migrate: bool
) -> Iterator[Handle]:
    path = location.path
    lock = _creation_lock(path) if create and path is not None else nullcontext()
    with lock:
        created = False
        if path is not None and not path.exists():
            if not create:
                raise _missing(location)
            try:
                _create_file(path)
            except OSError as exc:
                raise _translated(location, exc) from exc
            created = True
        with _session(
            location, create=create, created=created, command=command, migrate=migrate
        ) as handle:
            yield handle


@contextmanager
def _session(
    location: Location, *, create: bool, created: bool, command: str | None, migrate: bool
) -> Iterator[Handle]:
    from udsat_cli.store.engine import make_engine, take_write_lock
    from udsat_cli.store.migrate import (
        MigrationFailed,
        apply_migrations,
        copy_before_migrating,
        pending_migrations,
        restore_copy,
    )
    from udsat_cli.store.models import Session

    engine = make_engine(location)
    safety: Path | None = None
    try:
        with Session(engine) as session, session.begin():
            from udsat_cli.store.composed import compose_before_flush
            from udsat_cli.store.values import guard

            compose_before_flush(session)
            guard(session)
            connection = session.connection()
            take_write_lock(connection)
            pending = pending_migrations(connection)
            existed = pending is not None
            if pending is None:
                _refuse_foreign(connection, location)
                if not create:
                    raise _missing(location)
                pending = list(migrations.NAMES)
            handle = Handle(location, Db(connection, alchemy=True), session, pending=pending)
            if pending and migrate:
                if existed and location.path is not None:
                    safety = copy_before_migrating(location.path)
                handle.migrated = apply_migrations(connection)
                handle.pending = []
            recorder = None
            if command is not None:
                from udsat_cli.store.journal import Recorder

                recorder = Recorder(session)
            yield handle
            if recorder is not None and command is not None:  # the one implies the other
                recorder.write(session, command=command, at=datetime.now(UTC))
    except BaseException as exc:
        engine.dispose()
        if created and location.path is not None:
            _remove_store_file(location.path)  # a failed first command leaves no store behind
        elif safety is not None and isinstance(exc, MigrationFailed):
            restore_copy(safety, location.path)
        translated = _translated(location, exc) if isinstance(exc, Exception) else exc
        if translated is exc:
            raise
        raise translated from exc
    finally:
        engine.dispose()
        if safety is not None:
            safety.unlink(missing_ok=True)


@contextmanager
def run_lock(location: Location, name: str) -> Iterator[bool]:
    """One run at a time of a long job (sending mail) for a store and a name: yields False at
    once when another run holds it. A file lock beside a SQLite store; a session advisory lock on
    PostgreSQL. Either is let go when the process ends, however it ends."""
    if location.path is not None:
        from filelock import Timeout

        lock = _file_lock(location.path.with_name(f".{location.path.name}.{name}.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()
        return
    from sqlalchemy import text

    from udsat_cli.store.engine import make_engine

    engine = make_engine(location)
    try:
        with engine.connect() as connection:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(7511, hashtext(current_schema() || :n))"),
                {"n": name},
            ).scalar()
            connection.commit()
            yield bool(got)
    finally:
        engine.dispose()
