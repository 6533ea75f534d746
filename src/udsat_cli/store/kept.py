"""A store held open for a long session (``udsat live``): one connection for all of it.

A command opens the store, does its one transaction and closes it. A full-screen program that
writes a field at a time would pay the connection (and on PostgreSQL the log-in, and the
statements prepared anew) for every field; so it keeps one connection, and SQLite's statement
cache and PostgreSQL's prepared statements stay warm for the whole meeting. Each write is still
a transaction of its own with the write lock taken up front, the flush guard and the change
journal, exactly as ``open_store(mode="write")`` gives a command; each read is one snapshot.
The store must exist and be migrated (the program opens it as a command first).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.store.db import Db
from udsat_cli.store.location import Location

if TYPE_CHECKING:
    from udsat_cli.store.models import Session


class KeptStore:
    def __init__(self, location: Location) -> None:
        from udsat_cli.store.engine import make_engine

        self.location = location
        self._engine = make_engine(location, keep=True)
        self.last_change_set: int | None = None  # the change set the last write made

    @contextmanager
    def read(self) -> Iterator[Db]:
        """One snapshot, on the kept connection; SQLite's read takes no lock."""
        from udsat_cli.store.engine import read_only_snapshot

        with self._faults(), self._engine.connect() as connection:
            connection.info["udsat.read"] = True  # the begin hook: BEGIN, not BEGIN IMMEDIATE
            try:
                with connection.begin():
                    read_only_snapshot(connection)
                    yield Db(connection, alchemy=True)
            finally:
                connection.info.pop("udsat.read", None)

    @contextmanager
    def write(self, command: str) -> Iterator[Session]:
        """One write transaction, as a command's: lock, guard, journal (``command`` in the log)."""
        from udsat_cli.store.engine import take_write_lock
        from udsat_cli.store.journal import Recorder
        from udsat_cli.store.models import Session
        from udsat_cli.store.values import guard

        with self._faults(), Session(self._engine) as session, session.begin():
            guard(session)
            take_write_lock(session.connection())
            recorder = Recorder(session)
            self.last_change_set = None
            yield session
            self.last_change_set = recorder.write(session, command=command, at=datetime.now(UTC))

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _faults(self) -> Iterator[None]:
        """A driver or disk fault as the store's one Danish sentence; the connection is let go,
        so the next read or write connects anew (a restarted server, a network that came back)."""
        from udsat_cli.store.faults import store_fault

        try:
            yield
        except Exception as exc:
            fault = store_fault(self.location, exc) if _driver_error(exc) else None
            if fault is None:
                raise
            self._engine.dispose()
            raise fault from exc


def _driver_error(exc: Any) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.Error | OSError):
        return True
    return type(exc).__module__.startswith(("sqlalchemy", "psycopg"))
