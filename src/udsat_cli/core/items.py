"""Agenda items: title, kind, sagsfremstilling (background) and beslutning (decision)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from udsat_cli.core import lookup
from udsat_cli.errors import InputError, NotFoundError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import AgendaItem

KINDS = ("beslutning", "orientering", "drøftelse")


def _kind(text: str | None) -> str | None:
    if text is None:
        return None
    kind = text.strip().lower()
    if kind not in KINDS:
        raise InputError(f"Ukendt punkttype «{text}»; brug en af: {', '.join(KINDS)}.")
    return kind


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _items(session: Session, meeting_id: int) -> list[AgendaItem]:
    return list(
        session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.number)
        ).all()
    )


def _append(
    session: Session,
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> AgendaItem:
    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkts titel må ikke være tom.")
    item = AgendaItem(
        meeting_id=meeting_id, number=len(_items(session, meeting_id)) + 1, title=title,
        kind=_kind(kind), background=_text(background), decision=_text(decision),
    )  # fmt: skip
    session.add(item)
    session.flush()
    return item


def ensure_item(
    session: Session,
    *,
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> AgendaItem:
    """The meeting's item with this title (any case), added at the end if it has none."""
    wanted = " ".join(title.split()).casefold()
    for item in _items(session, meeting_id):
        if item.title.casefold() == wanted:
            return item
    return _append(session, meeting_id, title, kind, background, decision)


def add_item(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    ref: str,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> tuple[int, int]:
    """Add an item at the end of a meeting's agenda; returns (meeting id, item number)."""
    db = session_db(session)
    found = lookup.meeting(db, council=lookup.council(db, name=council), ref=ref, today=now.date())
    item = _append(session, found.id, title, kind, background, decision)
    return found.id, item.number


def item_at(session: Session, meeting_id: int, number: int) -> AgendaItem:
    for item in _items(session, meeting_id):
        if item.number == number:
            return item
    raise NotFoundError(f"Mødet har intet punkt {number}; se punkterne med: udsat meeting show.")


def edit_item(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    ref: str,
    number: int,
    title: str | None = None,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> tuple[int, int]:
    db = session_db(session)
    found = lookup.meeting(db, council=lookup.council(db, name=council), ref=ref, today=now.date())
    item = item_at(session, found.id, number)
    if all(v is None for v in (title, kind, background, decision)):
        raise InputError("Intet at ændre; angiv --title, --kind, --background eller --decision.")
    if title is not None:
        if not title.strip():
            raise InputError("Et punkts titel må ikke være tom.")
        item.title = " ".join(title.split())
    if kind is not None:
        item.kind = _kind(kind)
    if background is not None:
        item.background = _text(background)
    if decision is not None:
        item.decision = _text(decision)
    session.add(item)
    session.flush()
    return found.id, number


def move_item(
    session: Session, *, now: datetime, council: str | None, ref: str, number: int, to: int
) -> int:
    """Move item ``number`` to position ``to``; the items between shift one place."""
    db = session_db(session)
    found = lookup.meeting(db, council=lookup.council(db, name=council), ref=ref, today=now.date())
    items = _items(session, found.id)
    moving = item_at(session, found.id, number)
    if not 1 <= to <= len(items):
        raise InputError(f"Mødet har punkterne 1–{len(items)}; der er intet punkt {to}.")
    items.remove(moving)
    items.insert(to - 1, moving)
    for position, item in enumerate(items, start=1):
        item.number = position
        session.add(item)
    session.flush()
    return found.id
