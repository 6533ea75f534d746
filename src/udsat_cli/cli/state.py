"""What the global options decide for every command: the store, today, the council."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

import typer

from udsat_cli.store.db import Db, read_db
from udsat_cli.store.location import Location

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass(frozen=True)
class State:
    location: Location
    today: date
    council: str | None
    debug: bool
    explicit_db: bool = False
    command: str = "udsat"

    @property
    def now(self) -> datetime:
        """The moment a change is recorded: today's date (which --today may move), at this time."""
        return datetime.combine(self.today, datetime.now().time()).astimezone()

    def store_exists(self) -> bool:
        if self.location.is_sqlite:
            return bool(self.location.path and self.location.path.exists())
        from udsat_cli.store.engine import server_store_exists

        return server_store_exists(self.location)

    @contextmanager
    def read(self) -> Iterator[Db]:
        with read_db(self.location) as db:
            yield db

    @contextmanager
    def write(self, *, create: bool = False, journal: bool = True) -> Iterator[Session]:
        from udsat_cli.store.engine import write_session

        command = self.command if journal else None
        with write_session(self.location, create=create, command=command) as session:
            yield session


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj
