"""Agenda items: title, kind, sagsfremstilling (background) and beslutning (decision).

The items of a meeting are its agenda's points, in one numbering that the agenda, the minutes and
every command share. Standing points (core.standing) are items too, marked with what they are. A
new item goes before the standing points at the end (»Eventuelt« stays last) and, where the
council groups its items by kind, after the last item of its kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import as_date, required_date

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef

KINDS = ("beslutning", "orientering", "drøftelse")


class AttachmentRef(NamedTuple):
    """A bilag as the agenda and the minutes name it (its file stays in the store)."""

    name: str
    size: int
    closed: bool  # kept in the store: never mailed or published (also every bilag of a closed item)


@dataclass
class ItemRecord:
    number: int
    title: str
    kind: str | None
    background: str | None
    decision: str | None
    actions: list[ActionView] = field(default_factory=list)
    closed: bool = False  # a closed item: only its title and public_decision are published
    public_decision: str | None = None
    standing: str | None = None  # a standing point: approval, followups, events ... (core.standing)
    id: int | None = None
    attachments: list[AttachmentRef] = field(default_factory=list)  # its bilag, in order


def read_items(council: CouncilContext, meeting_id: int) -> list[ItemRecord]:
    """A meeting's items in their order, with their bilag, without their actions."""
    bilag: dict[int, list[AttachmentRef]] = {}
    for iid, name, size, closed, item_closed in council.db.rows(
        "SELECT a.item_id, a.name, a.size, a.closed, i.closed FROM attachment a JOIN agenda_item i "
        "ON i.id = a.item_id WHERE i.meeting_id = :m ORDER BY a.item_id, a.position, a.id",
        m=meeting_id,
    ):
        bilag.setdefault(iid, []).append(AttachmentRef(name, size, bool(closed or item_closed)))
    rows = council.db.rows(
        "SELECT id, number, title, kind, background, decision, closed, public_decision, "
        "standing FROM agenda_item WHERE meeting_id = :m ORDER BY number",
        m=meeting_id,
    )
    return [
        ItemRecord(
            number,
            title,
            kind,
            background,
            decision,
            closed=bool(closed),
            public_decision=public,
            standing=standing,
            id=iid,
            attachments=bilag.get(iid, []),
        )
        for iid, number, title, kind, background, decision, closed, public, standing in rows
    ]


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
    near = candidates or [
        titles[c] for c in difflib.get_close_matches(key, list(titles), n=3, cutoff=0.5)
    ]
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
        "SELECT title, background, decision FROM agenda_item WHERE meeting_id = :m AND number = :n",
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
    from sqlalchemy import select

    from udsat_cli.store.models import AgendaItem

    query = select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
    return list(council.writing.exec(query.order_by(AgendaItem.number)).all())


def _renumber(council: CouncilContext, items: list) -> None:
    for position, item in enumerate(items, start=1):
        if item.number != position:
            item.number = position
            council.writing.add(item)


def insert_position(
    council: CouncilContext, items: list, kind: str | None, *, upcoming: bool
) -> int:
    """Where a new item goes among ``items`` (rows in their order): before the standing points
    at the end and, on the agenda of a meeting to come in a council that groups by kind, right
    after the last item of its kind (a held meeting is entered in the order it was held)."""
    from udsat_cli.core.standing import HEARINGS, standing_list

    after = {p.key for p in standing_list(council).after} | {HEARINGS}
    end = len(items)
    while end > 0 and items[end - 1].standing in after:
        end -= 1
    if kind and upcoming and grouped_council(council):
        same = [i for i, item in enumerate(items[:end]) if item.kind == kind]
        if same:
            return same[-1] + 1
    return end


def grouped_council(council: CouncilContext) -> bool:
    value = council.db.scalar("SELECT group_items FROM council WHERE id = :c", c=council.id)
    return value is None or bool(value)


def insert_item(council: CouncilContext, meeting_id: int, item: Any, *, at: int | None = None):
    """Put a new AgendaItem row into the meeting's numbering (at ``at``, 0-based, or where
    ``insert_position`` says); the items after it move one down."""
    items = _items(council, meeting_id)
    position = at
    if position is None:
        day = as_date(council.db.scalar("SELECT date FROM meeting WHERE id = :m", m=meeting_id))
        upcoming = day is not None and day >= council.today
        position = insert_position(council, items, item.kind, upcoming=upcoming)
    items.insert(position, item)
    _renumber(council, items)
    council.writing.add(item)
    council.writing.flush()
    changed_after_issue(council, meeting_id)
    return item


def changed_after_issue(council: CouncilContext, meeting_id: int) -> None:
    """An issued agenda whose items change before the meeting becomes an »Ændret dagsorden«."""
    from udsat_cli.store.models import Meeting

    meeting = council.writing.get_one(Meeting, meeting_id)
    if meeting.agenda_issued_at is not None and meeting.date >= council.today:
        meeting.agenda_changed_at = council.now
        council.writing.add(meeting)
        council.writing.flush()


def _new(
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
):
    from udsat_cli.store.models import AgendaItem

    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkts titel må ikke være tom.")
    return AgendaItem(
        meeting_id=meeting_id,
        number=0,
        title=title,
        kind=_kind(kind),
        background=_text(background),
        decision=_text(decision),
    )


def ensure_item(
    council: CouncilContext,
    *,
    meeting_id: int,
    title: str,
    kind: str | None = None,
    background: str | None = None,
    decision: str | None = None,
    append: bool = False,
):
    """The meeting's item with this title (any case), added in its place if it has none
    (``append``: at the end, as minutes being imported have it)."""
    wanted = " ".join(title.split()).casefold()
    items = _items(council, meeting_id)
    for item in items:
        if item.title.casefold() == wanted:
            return item
    new = _new(meeting_id, title, kind, background, decision)
    return insert_item(council, meeting_id, new, at=len(items) if append else None)


class Added(NamedTuple):
    meeting_id: int
    number: int
    title: str


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
    topic: int | None = None,
) -> Added:
    """Add an item to a meeting's agenda in its place (see ``insert_position``); ``topic`` takes a
    point of the list up on this meeting (its title unless one is given), which leaves the list."""
    from udsat_cli.core.meetings import find_meeting, refuse_if_approved

    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    topic_row = _topic_to_take(council, topic) if topic is not None else None
    if topic_row is not None and not title.strip():
        title = topic_row.title
    if not title.strip():
        raise InputError("Angiv punktets titel (eller et punkt fra listen med --topic NR).")
    item = _new(found.id, title, kind, background, decision)
    item.standing = _standing_of(council, found.id, item.title)
    if topic_row is not None:
        item.topic_id = topic_row.id
    if closed or public_decision is not None:
        _close(item, closed=closed or None, public_decision=public_decision)
    insert_item(council, found.id, item)
    return Added(found.id, item.number, item.title)


def _standing_of(council: CouncilContext, meeting_id: int, title: str) -> str | None:
    """An item added under the exact title of one of the council's standing points, on a
    meeting that lacks that point, is that point (a past meeting entered by hand)."""
    from udsat_cli.core.standing import standing_list

    for point in (*standing_list(council).before, *standing_list(council).after):
        if point.title.casefold() == title.casefold():
            taken = council.db.scalar(
                "SELECT 1 FROM agenda_item WHERE meeting_id = :m AND standing = :k",
                m=meeting_id,
                k=point.key,
            )
            return None if taken else point.key
    return None


def _topic_to_take(council: CouncilContext, topic_id: int):
    from udsat_cli.store.models import Topic

    row = council.writing.get(Topic, topic_id) if 0 < topic_id < 2**31 else None
    if row is None or row.council_id != council.id:
        raise NotFoundError(
            f"Punkt #{topic_id} findes ikke på listen; se den med: udsat topic list."
        )
    if row.dropped_at is not None:
        raise UdsatError(f"Punkt #{topic_id} »{row.title}« er taget af listen.")
    taken = council.db.one(
        "SELECT m.date, i.number FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE i.topic_id = :t",
        t=topic_id,
    )
    if taken is not None:
        from udsat_cli import dates

        raise UdsatError(
            f"Punkt #{topic_id} »{row.title}« er allerede taget op som punkt {taken[1]} på mødet "
            f"{dates.long_date(required_date(taken[0]))}."
        )
    return row


def _close(item, *, closed: bool | None, public_decision: str | None) -> None:
    if closed is not None:
        item.closed = closed
    if public_decision is not None:
        item.public_decision = _text(public_decision)
    if item.public_decision and not item.closed:
        raise InputError("--public-decision gælder kun et lukket punkt; tilføj --closed.")


def _item_at(council: CouncilContext, meeting_id: int, number: int):
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
    from udsat_cli.core.meetings import find_meeting, refuse_if_approved

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
        if " ".join(title.split()) != item.title:
            item.title = " ".join(title.split())
            changed_after_issue(council, found.id)
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
    from udsat_cli.core.meetings import find_meeting, refuse_if_approved

    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    items = _items(council, found.id)
    moving = _item_at(council, found.id, number)
    if not 1 <= to <= len(items):
        raise InputError(f"Mødet har punkterne 1–{len(items)}; der er intet punkt {to}.")
    items.remove(moving)
    items.insert(to - 1, moving)
    _renumber(council, items)
    council.writing.flush()
    if to != number:
        changed_after_issue(council, found.id)
    return found.id


@dataclass
class Deleted:
    meeting: MeetingRef
    number: int
    title: str
    actions: list[int]  # the actions deleted with it (--with-actions)


def delete_item(
    council: CouncilContext,
    *,
    ref: str,
    number: int,
    with_actions: bool = False,
    reopen: bool = False,
) -> Deleted:
    """Take an item added by mistake off the meeting; the items after it move up. An item with
    follow-ups is kept unless they go too (``with_actions``) or are moved first (update --item).
    A topic it took up goes back on the list; a consultation on it goes back to »Høringer«."""
    from sqlalchemy import select

    from udsat_cli.core.meetings import find_meeting, refuse_if_approved
    from udsat_cli.store.models import Hearing

    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    item = _item_at(council, found.id, number)
    actions = [
        aid
        for (aid,) in council.db.rows(
            "SELECT id FROM action WHERE item_id = :i ORDER BY id", i=item.id
        )
    ]
    if actions and not with_actions:
        listed = ", ".join(f"#{a}" for a in actions)
        raise UdsatError(
            f"Punkt {number} »{item.title}« har opgaverne {listed}; flyt dem først med "
            "udsat update NR --item PUNKT, eller slet dem med punktet: --with-actions."
        )
    if actions:
        _delete_actions(council, action_ids=actions)
    for hearing in council.writing.exec(select(Hearing).where(Hearing.item_id == item.id)):
        hearing.item_id = None
        council.writing.add(hearing)
        council.notify(f"Høringen »{hearing.title}« står ikke længere på et punkt.")
    from udsat_cli.store.models import Attachment

    bilag = list(council.writing.exec(select(Attachment).where(Attachment.item_id == item.id)))
    for file in bilag:  # they go with it (undo brings them back)
        council.writing.delete(file)
    if bilag:
        council.notify(f"Punktets bilag gik med: {', '.join(b.name for b in bilag)}.")
    council.writing.flush()
    council.writing.delete(item)
    council.writing.flush()
    rest = [i for i in _items(council, found.id) if i.id != item.id]
    _renumber(council, rest)
    council.writing.flush()
    changed_after_issue(council, found.id)
    return Deleted(found, number, item.title, actions)


def _delete_actions(council: CouncilContext, *, action_ids: list[int]) -> None:
    """Delete actions with their owners and history: only with the item they were added under
    by mistake (``item delete --with-actions``). The change journal keeps every row for undo."""
    from sqlalchemy import select

    from udsat_cli.store.models import (
        Action,
        ActionBodyOwner,
        ActionEvent,
        ActionOwner,
        ReminderLog,
    )

    session = council.writing
    for model in (ActionOwner, ActionBodyOwner, ActionEvent, ReminderLog):
        for row in session.exec(select(model).where(model.action_id.in_(action_ids))):
            session.delete(row)
    session.flush()
    for action_id in action_ids:
        session.delete(session.get(Action, action_id))
    session.flush()
