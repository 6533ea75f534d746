"""The minutes (referat) of a held meeting, as data, and keeping them as the meeting decided.

Each follow-up is shown as it stood when the minutes were written: its creation and the
corrections made while this meeting was the latest (``update --title/--owner/--due/--item``),
up to the approval of the minutes. What happened later (done, postponed, dropped, a new deadline)
belongs to the next follow-up report, not to these minutes. ``approve`` marks the minutes
approved; an approved meeting's items, decisions and attendance change only with ``--reopen``,
which takes the approval back (the change journal keeps the command).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.core.actions import ActionView, select_actions, with_people
from udsat_cli.core.deadlines import resolve_deadline
from udsat_cli.core.hearings import HearingView, hearings_answered
from udsat_cli.core.meetings import MeetingRef, find_meeting, latest_meeting
from udsat_cli.core.members import members_on
from udsat_cli.errors import InputError, UdsatError
from udsat_cli.store.db import as_date, as_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class Absence:
    name: str
    reason: str | None


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


@dataclass
class Minutes:
    council: str
    meeting: MeetingRef
    participants: list[str]
    absent: list[Absence]
    guests: list[str]
    referent: str | None
    items: list[ItemRecord]
    other_actions: list[ActionView]
    opening_note: str | None = None
    approved: date | None = None  # the day these minutes were approved
    previous_approved: date | None = None  # the meeting whose minutes were approved at this one
    hearings: list[HearingView] = field(default_factory=list)  # answered since the last meeting


def _approval(council: CouncilContext, meeting_id: int) -> datetime | None:
    return as_datetime(
        council.db.scalar("SELECT approved_at FROM meeting WHERE id = :m", m=meeting_id)
    )


def refuse_if_approved(council: CouncilContext, meeting: MeetingRef, *, reopen: bool) -> None:
    """Approved minutes stay as approved, unless the change is asked for with --reopen, which
    takes the approval back."""
    if _approval(council, meeting.id) is None:
        return
    when = dates.long_date(meeting.date)
    if not reopen:
        raise UdsatError(
            f"Referatet af mødet {when} er godkendt og ændres ikke; brug --reopen, hvis det skal "
            "ændres alligevel"
        )
    from udsat_cli.store.models import Meeting

    row = council.writing.get(Meeting, meeting.id)
    row.approved_at = None
    council.writing.add(row)
    council.writing.flush()
    council.notify(
        f"Referatet af mødet {when} er åbnet igen (se udsat log); godkend det igen med: "
        f"udsat minutes approve {meeting.id}."
    )


def approve_minutes(council: CouncilContext, *, ref: str) -> MeetingRef:
    from udsat_cli.store.models import Meeting

    meeting = find_meeting(council, ref)
    if meeting.date > council.today:
        raise InputError(f"Mødet {dates.long_date(meeting.date)} er ikke holdt endnu.")
    row = council.writing.get(Meeting, meeting.id)
    if row.approved_at is not None:
        when = dates.long_date(meeting.date)
        raise UdsatError(f"Referatet af mødet {when} er allerede godkendt.")
    row.approved_at = council.now
    council.writing.add(row)
    council.writing.flush()
    return meeting


def set_opening_note(council: CouncilContext, *, ref: str, text: str, reopen: bool) -> MeetingRef:
    """The words the minutes open with (»Velkommen til Lisbeth Andersen.«); empty removes them."""
    from udsat_cli.store.models import Meeting

    meeting = find_meeting(council, ref)
    refuse_if_approved(council, meeting, reopen=reopen)
    row = council.writing.get(Meeting, meeting.id)
    row.opening_note = text.strip() or None
    council.writing.add(row)
    council.writing.flush()
    return meeting


def _as_decided(council: CouncilContext, meeting: MeetingRef, actions: list[ActionView]) -> None:
    """Each action as the minutes record it (see the module's docstring), in place."""
    if not actions:
        return
    approved = _approval(council, meeting.id)
    commands: dict[int, dict[tuple, list[tuple[str, str | None]]]] = {}
    for aid, kind, at, event_meeting, state in council.db.rows(
        "SELECT e.action_id, e.kind, e.at, e.meeting_id, e.state FROM action_event e "
        "JOIN action a ON a.id = e.action_id WHERE a.meeting_id = :m ORDER BY e.action_id, e.id",
        m=meeting.id,
    ):
        at = as_datetime(at)
        if kind != "created" and (
            event_meeting != meeting.id or (approved is not None and at > approved)
        ):
            continue
        commands.setdefault(aid, {}).setdefault((at, event_meeting), []).append((kind, state))
    plan = council.plan
    for action in actions:
        decided = None
        for events in commands.get(action.id, {}).values():
            if any(kind == "status" for kind, _ in events):
                continue  # a later development (done, postponed, dropped), not a correction
            decided = next((s for _, s in reversed(events) if s), decided)
        if decided is not None:
            _apply(action, json.loads(decided), plan, meeting.date)


def _apply(action: ActionView, state: dict[str, Any], plan: Any, source: date) -> None:
    action.title = state["title"]
    action.owners = tuple(state["owners"])
    action.due, action.due_text = resolve_deadline(
        state["due_kind"], as_date(state["due_date"]), state["due_meeting_id"], state["due_n"],
        state["due_text"], source=source, plan=plan,
    )  # fmt: skip
    action.undated = state["due_kind"] == "text"
    action.overdue = False
    action.item_id = state.get("item_id")


def meeting_items(
    council: CouncilContext, meeting: MeetingRef, *, as_decided: bool = False
) -> tuple[list[ItemRecord], list[ActionView]]:
    """A meeting's items, each with the actions decided under it, and the actions under none.
    ``as_decided``: the actions as the minutes record them, not as they stand today."""
    items = {
        iid: ItemRecord(number, title, kind, background, decision, closed=bool(closed),
                        public_decision=public)  # fmt: skip
        for iid, number, title, kind, background, decision, closed, public in council.db.rows(
            "SELECT id, number, title, kind, background, decision, closed, public_decision "
            "FROM agenda_item WHERE meeting_id = :m ORDER BY number",
            m=meeting.id,
        )
    }
    found = list(with_people(council, select_actions(
        council, where="a.meeting_id = :m ORDER BY a.id", m=meeting.id
    )))  # fmt: skip
    if as_decided:
        _as_decided(council, meeting, found)
    others = []
    for action in found:
        item = items.get(action.item_id)
        (item.actions if item else others).append(action)
    return list(items.values()), others


def minutes(council: CouncilContext, *, ref: str) -> Minutes:
    return minutes_of(council, find_meeting(council, ref))


def minutes_of(council: CouncilContext, meeting: MeetingRef) -> Minutes:
    db = council.db
    marks = {
        pid: (status, name, reason)
        for pid, status, name, reason in db.rows(
            "SELECT a.person_id, a.status, p.full_name, a.reason FROM attendance a "
            "JOIN person p ON p.id = a.person_id WHERE a.meeting_id = :m ORDER BY p.id",
            m=meeting.id,
        )
    }
    members = members_on(council, meeting.date)
    present = [m.full_name for m in members if marks.get(m.id, ("present",))[0] == "present"]
    present += [n for s, n, _ in marks.values() if s == "present" and n not in present]
    guests = [n for s, n, _ in marks.values() if s == "guest"]
    guests += [name for (name,) in db.rows(
        "SELECT name FROM meeting_guest WHERE meeting_id = :m ORDER BY position", m=meeting.id
    )]  # fmt: skip
    referent, note, approved = db.one(
        "SELECT p.full_name, m.opening_note, m.approved_at FROM meeting m "
        "LEFT JOIN person p ON p.id = m.referent_id WHERE m.id = :m",
        m=meeting.id,
    )  # type: ignore[misc]
    items, others = meeting_items(council, meeting, as_decided=True)
    previous = latest_meeting(council, on_or_before=meeting.date - timedelta(days=1))
    previous_approved = None
    if previous is not None:
        at = _approval(council, previous.id)
        if at is not None and previous.date < at.date() <= meeting.date:
            previous_approved = previous.date
    return Minutes(
        council=council.name,
        meeting=meeting,
        participants=present,
        absent=[Absence(n, r) for s, n, r in marks.values() if s == "absent"],
        guests=guests,
        referent=referent,
        items=items,
        other_actions=others,
        opening_note=note,
        approved=as_datetime(approved).date() if approved else None,
        previous_approved=previous_approved,
        hearings=hearings_answered(
            council, after=previous.date if previous else None, until=meeting.date,
            meeting_id=meeting.id,
        ),
    )
