"""Agenda items: title, kind, sagsfremstilling (background) and beslutning (decision)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

KINDS = ("beslutning", "orientering", "drøftelse")


@dataclass
class ItemTexts:
    meeting_id: int
    number: int
    title: str
    background: str | None
    decision: str | None


def item_texts(council: CouncilContext, *, ref: str, number: int) -> ItemTexts:
    """An agenda item's sagsfremstilling and beslutning, to edit them."""
    from udsat_cli.core.meetings import find_meeting

    meeting = find_meeting(council, ref)
    row = council.db.one(
        "SELECT title, background, decision FROM agenda_item "
        "WHERE meeting_id = :m AND number = :n",
        m=meeting.id,
        n=number,
    )
    if row is None:
        raise _no_item(number)
    return ItemTexts(meeting.id, number, row[0], row[1], row[2])


def _no_item(number: int) -> NotFoundError:
    return NotFoundError(f"Mødet har intet punkt {number}; se punkterne med: udsat item list MØDE.")


def _kind(text: str | None) -> str | None:
    if text is None:
        return None
    kind = text.strip().lower()
    if kind not in KINDS:
        raise InputError(f"Ukendt punkttype »{text}«; brug en af: {', '.join(KINDS)}.")
    return kind


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _items(council: CouncilContext, meeting_id: int) -> list:
    from sqlmodel import select

    from udsat_cli.store.models import AgendaItem

    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    return list(council.writing.exec(query.order_by(AgendaItem.number)).all())


def _append(
    council: CouncilContext,
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
):  # noqa: ANN202  (an AgendaItem row)
    from udsat_cli.store.models import AgendaItem

    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkts titel må ikke være tom.")
    item = AgendaItem(
        meeting_id=meeting_id, number=len(_items(council, meeting_id)) + 1, title=title,
        kind=_kind(kind), background=_text(background), decision=_text(decision),
    )  # fmt: skip
    council.writing.add(item)
    council.writing.flush()
    return item


def ensure_item(
    council: CouncilContext,
    *,
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
):  # noqa: ANN201  (an AgendaItem row)
    """The meeting's item with this title (any case), added at the end if it has none."""
    wanted = " ".join(title.split()).casefold()
    for item in _items(council, meeting_id):
        if item.title.casefold() == wanted:
            return item
    return _append(council, meeting_id, title, kind, background, decision)


def add_item(
    council: CouncilContext,
    *,
    ref: str,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> tuple[int, int]:
    """Add an item at the end of a meeting's agenda; returns (meeting id, item number)."""
    from udsat_cli.core.meetings import find_meeting

    found = find_meeting(council, ref)
    item = _append(council, found.id, title, kind, background, decision)
    return found.id, item.number


def _item_at(council: CouncilContext, meeting_id: int, number: int):  # noqa: ANN202
    for item in _items(council, meeting_id):
        if item.number == number:
            return item
    raise _no_item(number)


def edit_item(
    council: CouncilContext,
    *,
    ref: str,
    number: int,
    title: str | None = None,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
) -> tuple[int, int]:
    from udsat_cli.core.meetings import find_meeting

    found = find_meeting(council, ref)
    item = _item_at(council, found.id, number)
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
    council.writing.add(item)
    council.writing.flush()
    return found.id, number


def move_item(council: CouncilContext, *, ref: str, number: int, to: int) -> int:
    """Move item ``number`` to position ``to``; the items between shift one place."""
    from udsat_cli.core.meetings import find_meeting

    found = find_meeting(council, ref)
    items = _items(council, found.id)
    moving = _item_at(council, found.id, number)
    if not 1 <= to <= len(items):
        raise InputError(f"Mødet har punkterne 1–{len(items)}; der er intet punkt {to}.")
    items.remove(moving)
    items.insert(to - 1, moving)
    for position, item in enumerate(items, start=1):
        item.number = position
        council.writing.add(item)
    council.writing.flush()
    return found.id
