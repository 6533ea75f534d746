"""Actions as people see them: owners by name, deadlines resolved against the meeting plan."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from udsat_cli import dates
from udsat_cli.core.lookup import MeetingRef
from udsat_cli.store.db import Db, as_date, as_datetime, in_list

CHUNK = 500


@dataclass
class ActionView:
    """One action as reported. Filled in stages (row, then owners and note, then section), in
    place: copying per row is measurable in a report of hundreds of actions."""

    id: int
    title: str
    owners: tuple[str, ...]
    status: str
    due: date | None
    due_text: str | None
    meeting: date | None
    item: str | None
    note: str | None
    carried: int = 0
    section: str | None = None
    item_number: int | None = None
    overdue: bool = False


class Plan:
    """A council's meetings in date order, for resolving meeting-anchored deadlines."""

    def __init__(self, meetings: list[MeetingRef]) -> None:
        self.meetings = meetings
        self.dates = [m.date for m in meetings]
        self.by_id = {m.id: m for m in meetings}

    def first_on_or_after(self, day: date) -> MeetingRef | None:
        i = bisect_left(self.dates, day)
        return self.meetings[i] if i < len(self.meetings) else None

    def nth_after(self, day: date, n: int) -> MeetingRef | None:
        i = bisect_right(self.dates, day) + n - 1
        return self.meetings[i] if i < len(self.meetings) else None

    def count_between(self, after: date, before: date) -> int:
        """Meetings strictly between two dates."""
        return max(0, bisect_left(self.dates, before) - bisect_right(self.dates, after))


def _anchor_text(kind: str, due_date: date | None, n: int | None) -> str:
    if kind == "meeting":
        return f"mødet {dates.long_date(due_date)}" if due_date else "mødet"
    if kind == "first_meeting_after":
        return f"første møde fra {dates.long_date(due_date)}" if due_date else "første møde"
    return "næste møde" if n == 1 else f"om {n} møder"


def resolve_deadline(
    kind: str | None,
    due_date: date | None,
    due_meeting_id: int | None,
    due_n: int | None,
    *,
    source: date,
    plan: Plan,
) -> tuple[date | None, str | None]:
    """The date a deadline falls on today, and how it reads in Danish."""
    if kind is None:
        return None, None
    if kind == "date":
        return due_date, dates.long_date(due_date) if due_date else None
    if kind == "meeting":
        found = plan.by_id.get(due_meeting_id) if due_meeting_id else None
    elif kind == "first_meeting_after":
        found = plan.first_on_or_after(due_date) if due_date else None
    else:  # counted from the source meeting, or from when the deadline was set later on
        found = plan.nth_after(due_date or source, due_n or 1)
    text = _anchor_text(kind, due_date, due_n)
    if found is None:
        suffix = "aflyst" if kind == "meeting" else "ikke planlagt"
        return None, f"{text} ({suffix})"
    if kind == "meeting":
        return found.date, f"mødet {dates.long_date(found.date)}"
    return found.date, f"{text} ({dates.long_date(found.date)})"


_SELECT = """
SELECT a.id, a.title, a.status, a.due_kind, a.due_date, a.due_meeting_id, a.due_n,
       m.date, i.title, i.number, a.created_at
FROM action a
LEFT JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN agenda_item i ON i.id = a.item_id
"""


def select_actions(
    db: Db, *, where: str, plan: Plan, today: date, until: date | None = None, **params: Any
) -> Iterator[ActionView]:
    """Actions matching a WHERE clause, without owners and notes (see ``with_people``).

    ``until`` is the coming meeting's date: actions count how many meetings they were carried past.
    """
    for row in db.rows(_SELECT + "WHERE " + where, **params):
        aid, title, status, kind, due_date, due_mid, due_n, mdate, item, number, created = row
        source = as_date(mdate) or as_datetime(created).date()
        due, due_text = resolve_deadline(
            kind, as_date(due_date), due_mid, due_n, source=source, plan=plan
        )
        carried = plan.count_between(source, until) if until and mdate else 0
        yield ActionView(
            id=aid,
            title=title,
            owners=(),
            status=status,
            due=due,
            due_text=due_text,
            meeting=as_date(mdate),
            item=item,
            note=None,
            carried=carried,
            item_number=number,
            overdue=due is not None and due < today and status in ("open", "in_progress"),
        )


def with_people(db: Db, actions: Iterable[ActionView]) -> Iterator[ActionView]:
    """Fill in owners and latest notes, a chunk of actions at a time."""
    chunk: list[ActionView] = []
    for action in actions:
        chunk.append(action)
        if len(chunk) == CHUNK:
            yield from _fill(db, chunk)
            chunk = []
    if chunk:
        yield from _fill(db, chunk)


def _fill(db: Db, chunk: list[ActionView]) -> list[ActionView]:
    ids, params = in_list("a", [a.id for a in chunk])
    owners: dict[int, list[str]] = {}
    for aid, name in db.rows(
        "SELECT ao.action_id, p.full_name FROM action_owner ao "
        f"JOIN person p ON p.id = ao.person_id WHERE ao.action_id IN {ids} "
        "ORDER BY ao.action_id, ao.position",
        **params,
    ):
        owners.setdefault(aid, []).append(name)
    notes = dict(
        db.rows(
            "SELECT action_id, note FROM action_event WHERE id IN ("
            "SELECT MAX(id) FROM action_event "
            f"WHERE note IS NOT NULL AND action_id IN {ids} GROUP BY action_id)",
            **params,
        )
    )
    for action in chunk:
        action.owners = tuple(owners.get(action.id, ()))
        action.note = notes.get(action.id)
    return chunk


def action_view(db: Db, *, council_id: int, action_id: int, today: date) -> ActionView:
    from udsat_cli.core.lookup import CouncilRef, meeting_plan

    plan = Plan(meeting_plan(db, council=CouncilRef(council_id, "")))
    found = select_actions(db, where="a.id = :id", plan=plan, today=today, id=action_id)
    return next(with_people(db, found))
