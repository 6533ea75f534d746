"""Creating a council (and with it, on first use, the store)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, UdsatError

if TYPE_CHECKING:
    from sqlmodel import Session


def init_council(session: Session, *, now: datetime, name: str) -> str:
    """Add a council to the store; returns its name as stored."""
    from udsat_cli.store.db import Db
    from udsat_cli.store.models import Council

    name = " ".join(name.split())
    if not name:
        raise InputError("Rådets navn må ikke være tomt.")
    db = Db(session.connection(), alchemy=True)
    for (existing,) in db.rows("SELECT name FROM council"):
        if existing.casefold() == name.casefold():
            raise UdsatError(f"Rådet »{existing}« findes allerede i lageret.")
    council = Council(name=name, created_at=now)
    session.add(council)
    session.flush()
    session.info["udsat.council_id"] = council.id  # the change journal files »init« under it
    return name
