"""Agenda items: title, kind, sagsfremstilling (background) and beslutning (decision)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError, UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef

KINDS = ("beslutning", "orientering", "drøftelse")


@dataclass
class ItemTexts:
    meeting_id: int
    number: int
    title: str
    background: str | None
    decision: str | None


def find_item(council: CouncilContext, *, meeting: MeetingRef, ref: str) -> tuple[int, int, str]:
    """(id, number, title) of the meeting's item that REF names: its number on the agenda, its
    title, or the one title close to what was typed (named on stderr). Anything else is refused
    with the closest titles: a new item is made only by ``item add`` or ``--new-item``."""
    import difflib

    from udsat_cli import dates

    items = council.db.all(
        "SELECT id, number, title FROM agenda_item WHERE meeting_id = :m ORDER BY number",
        m=meeting.id,
    )
    wanted = " ".join(ref.split())
    on = f"mødet d. {dates.long_date(meeting.date)}"
    if wanted.isascii() and wanted.isdigit():
        for iid, number, title in items:
            if number == int(wanted):
                return iid, number, title
        raise NotFoundError(
            f"{on[0].upper()}{on[1:]} har intet punkt {wanted}"
            + (f"; punkterne er 1–{len(items)}." if items else "; det har ingen punkter endnu.")
        )
    key = wanted.casefold()
    exact = [row for row in items if row[2].casefold() == key]
    if exact:
        return exact[0]
    titles = {row[2].casefold(): row for row in items}
    close = difflib.get_close_matches(key, list(titles), n=3, cutoff=0.8)
    words = [row for row in items if f" {key} " in f" {row[2].casefold()} "]
    candidates = [titles[c] for c in close] or words
    if len(candidates) == 1:
        iid, number, title = candidates[0]
        council.notify(f"Læste »{wanted}« som punkt {number} »{title}«.")
        return iid, number, title
    near = candidates or [titles[c] for c in difflib.get_close_matches(key, list(titles), n=3,
                                                                       cutoff=0.5)]  # fmt: skip
    guess = " eller ".join(f"punkt {n} »{t}«" for _, n, t in near)
    advice = f"mente du {guess}? Ellers tilføj" if near else "tilføj"
    raise NotFoundError(
        f"{on[0].upper()}{on[1:]} har intet punkt »{wanted}«; {advice} det med "
        "udsat item add, eller brug --new-item."
    )


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
    kind = {f"{k}spunkt": k for k in KINDS}.get(kind, kind)  # "orienteringspunkt"
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
    reopen: bool = False,
    closed: bool = False,
    public_decision: str | None = None,
) -> tuple[int, int]:
    """Add an item at the end of a meeting's agenda; returns (meeting id, item number)."""
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.minutes import refuse_if_approved

    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    item = _append(council, found.id, title, kind, background, decision)
    if closed or public_decision is not None:
        _close(item, closed=closed or None, public_decision=public_decision)
        council.writing.add(item)
        council.writing.flush()
    return found.id, item.number


def _close(item, *, closed: bool | None, public_decision: str | None) -> None:  # noqa: ANN001
    if closed is not None:
        item.closed = closed
    if public_decision is not None:
        item.public_decision = _text(public_decision)
    if item.public_decision and not item.closed:
        raise InputError("--public-decision gælder kun et lukket punkt; tilføj --closed.")


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
    reopen: bool = False,
    expected: tuple[str | None, str | None] | None = None,
    kept: str | None = None,
    closed: bool | None = None,
    public_decision: str | None = None,
) -> tuple[int, int]:
    """Change an item. ``expected``: its texts when the editor opened; if another process has
    changed them since, nothing is written (the typed text stays in the file ``kept``)."""
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.minutes import refuse_if_approved

    found = find_meeting(council, ref)
    item = _item_at(council, found.id, number)
    if expected is not None and (item.background, item.decision) != expected:
        raise UdsatError(
            f"Punkt {number} er ændret af en anden, mens du skrev; intet er ændret. Din tekst er "
            f"gemt i {kept}"
        )
    refuse_if_approved(council, found, reopen=reopen)
    if all(v is None for v in (title, kind, background, decision, closed, public_decision)):
        raise InputError("Intet at ændre; angiv --title, --kind, --background eller --decision.")
    _close(item, closed=closed, public_decision=public_decision)
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


def move_item(
    council: CouncilContext, *, ref: str, number: int, to: int, reopen: bool = False
) -> int:
    """Move item ``number`` to position ``to``; the items between shift one place."""
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.minutes import refuse_if_approved

    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
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
