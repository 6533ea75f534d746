"""What a command works with, below the faces: the store, the day it counts from and the council,
and the one way to open them — a read-only snapshot, a write transaction filed in the change
journal, or a bookkeeping write outside it. The command line makes one from its global options;
the live screen keeps one for its session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from udsat_cli.store.location import Location

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.store.access import Handle


@dataclass(frozen=True)
class State:
    location: Location
    today: date
    council: str | None
    debug: bool
    explicit_db: bool = False
    command: str = "udsat"
    clock: str | None = None  # the time --today gave (»2019-04-01 19:30«), as HH:MM

    @property
    def now(self) -> datetime:
        """The moment a change is recorded and a run is as of: today's date (which --today may
        move), at this time, or at the time --today gave."""
        moment = time.fromisoformat(self.clock) if self.clock else datetime.now().time()
        return datetime.combine(self.today, moment).astimezone()

    @contextmanager
    def store(
        self,
        *,
        mode: str = "read",
        create: bool = False,
        migrate: bool = True,
        journal: bool = False,
    ) -> Iterator[Handle]:
        """The store itself, for the commands that work on no council (init, restore, migrate)."""
        from udsat_cli.store.access import open_store

        command = self.command if journal else None
        with open_store(
            self.location, mode=mode, create=create, command=command, migrate=migrate
        ) as handle:
            yield handle

    @contextmanager
    def _council(self, mode: str, *, journal: bool = True) -> Iterator[CouncilContext]:
        from udsat_cli.core.context import council_context

        with self.store(mode=mode, journal=journal and mode == "write") as handle:
            council = council_context(
                handle.db, name=self.council, today=self.today, now=self.now, session=handle.session
            )
            if handle.session is not None:  # the change journal files the command under it
                handle.session.info["udsat.council_id"] = council.id
            yield council
        for notice in council.notices:  # after the commit: only what really happened
            print(notice, file=sys.stderr)

    @contextmanager
    def read(self) -> Iterator[CouncilContext]:
        """The council in one read-only snapshot."""
        with self._council("read") as council:
            yield council

    @contextmanager
    def write(self, *, journal: bool = True) -> Iterator[CouncilContext]:
        """The council in one write transaction; the change journal sees every row it touches."""
        with self._council("write", journal=journal) as council:
            yield council

    @contextmanager
    def read_if_any(self) -> Iterator[CouncilContext | None]:
        """The council, or None where there is no store or no one council to read."""
        from contextlib import ExitStack

        from udsat_cli.core.context import CouncilNotChosen
        from udsat_cli.store.access import MissingStore

        with ExitStack() as stack:
            try:
                council = stack.enter_context(self.read())
            except MissingStore:
                council = None
            except CouncilNotChosen:
                if self.council:
                    raise
                council = None
            yield council

    @contextmanager
    def record(self) -> Iterator[CouncilContext]:
        """The council for bookkeeping outside the change journal (the reminder log)."""
        with self._council("record") as council:
            yield council
