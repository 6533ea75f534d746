"""Creating a council (and with it, on first use, the store)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from udsat_cli.errors import InputError, UdsatError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import Council


def init_council(session: Session, *, now: datetime, name: str) -> Council:
    name = " ".join(name.split())
    if not name:
        raise InputError("Rådets navn må ikke være tomt.")
    existing = next(
        (
            n
            for (n,) in session_db(session).rows("SELECT name FROM council")
            if n.casefold() == name.casefold()
        ),
        None,
    )
    if existing:
        raise UdsatError(f"Rådet «{existing}» findes allerede i lageret.")
    council = Council(name=name, created_at=now)
    session.add(council)
    session.flush()
    return council
