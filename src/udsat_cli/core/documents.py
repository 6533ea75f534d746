"""The documents a council uses, as data: the next agenda (dagsorden) and the minutes (referat).

Both come from the same store as the follow-up report, which the agenda carries as its point 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from udsat_cli.core import lookup
from udsat_cli.core.events import EventView, events
from udsat_cli.core.followups import FollowupReport, followups
from udsat_cli.core.lookup import CouncilRef, MeetingRef
from udsat_cli.core.views import ActionView, Plan, select_actions, with_people
from udsat_cli.store.db import Db, as_date

EVENT_HORIZON = timedelta(days=120)  # "kommende arrangementer": the next four months
NOT_MEMBERS = ("ekstern", "gæst", "suppleant", "sekretær")  # staff and outsiders are not members


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


@dataclass
class TopicView:
    id: int
    title: str
    for_date: date | None
    meeting: MeetingRef | None
    dropped: bool
    note: str | None


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


@dataclass
class Agenda:
    council: str
    meeting: MeetingRef
    members: list[str]
    followups: FollowupReport
    items: list[ItemRecord]
    topics: list[TopicView]
    events: list[EventView]


def members_on(db: Db, *, council: CouncilRef, day: date) -> list[tuple[int, str]]:
    """The council's members on a day: not outsiders, guests or deputies, and not yet left."""
    return [
        (pid, name)
        for pid, name, role, start, end in db.rows(
            "SELECT id, full_name, role, member_from, member_to FROM person "
            "WHERE council_id = :c ORDER BY id",
            c=council.id,
        )
        if role not in NOT_MEMBERS
        and (start is None or as_date(start) <= day)
        and (end is None or as_date(end) >= day)
    ]


def _items(db: Db, meeting: MeetingRef, plan: Plan, today: date) -> tuple[list, list]:
    items = {
        iid: ItemRecord(number, title, kind, background, decision)
        for iid, number, title, kind, background, decision in db.rows(
            "SELECT id, number, title, kind, background, decision FROM agenda_item "
            "WHERE meeting_id = :m ORDER BY number",
            m=meeting.id,
        )
    }
    item_of = dict(db.rows("SELECT id, item_id FROM action WHERE meeting_id = :m", m=meeting.id))
    others = []
    actions = select_actions(db, where="a.meeting_id = :m ORDER BY a.id", plan=plan, today=today,
                             m=meeting.id)  # fmt: skip
    for action in with_people(db, actions):
        item = items.get(item_of.get(action.id))
        (item.actions if item else others).append(action)
    return list(items.values()), others


def minutes(db: Db, *, council: str | None, today: date, ref: str) -> Minutes:
    cref = lookup.council(db, name=council)
    meeting = lookup.meeting(db, council=cref, ref=ref, today=today)
    marks = {
        pid: (status, name, reason)
        for pid, status, name, reason in db.rows(
            "SELECT a.person_id, a.status, p.full_name, a.reason FROM attendance a "
            "JOIN person p ON p.id = a.person_id WHERE a.meeting_id = :m ORDER BY p.id",
            m=meeting.id,
        )
    }
    members = members_on(db, council=cref, day=meeting.date)
    present = [name for pid, name in members if marks.get(pid, ("present",))[0] == "present"]
    present += [n for pid, (s, n, _) in marks.items() if s == "present" and n not in present]
    referent = db.scalar(
        "SELECT p.full_name FROM meeting m JOIN person p ON p.id = m.referent_id WHERE m.id = :m",
        m=meeting.id,
    )
    plan = Plan(lookup.meeting_plan(db, council=cref))
    items, others = _items(db, meeting, plan, today)
    return Minutes(
        council=cref.name,
        meeting=meeting,
        participants=present,
        absent=[Absence(n, r) for s, n, r in marks.values() if s == "absent"],
        guests=[n for s, n, _ in marks.values() if s == "guest"],
        referent=referent,
        items=items,
        other_actions=others,
    )


def topics(db: Db, *, council: CouncilRef, include_dropped: bool = False) -> list[TopicView]:
    """The backlog, each topic with the meeting it goes on (the first on/after its date)."""
    plan = Plan(lookup.meeting_plan(db, council=council))
    found = []
    for tid, title, for_date, created, dropped, note in db.rows(
        "SELECT id, title, for_date, created_on, dropped_at, note FROM topic "
        "WHERE council_id = :c ORDER BY id",
        c=council.id,
    ):
        if dropped is not None and not include_dropped:
            continue
        for_date = as_date(for_date)
        target = (
            plan.first_on_or_after(for_date) if for_date else plan.nth_after(as_date(created), 1)
        )
        found.append(TopicView(tid, title, for_date, target, dropped is not None, note))
    return found


def agenda(db: Db, *, council: str | None, today: date, ref: str | None = None) -> Agenda:
    """The next meeting's agenda, or the agenda of the meeting ``ref`` names."""
    report = followups(db, council=council, today=today, meeting=ref)
    cref = lookup.council(db, name=council)
    meeting = report.meeting
    plan = Plan(lookup.meeting_plan(db, council=cref))
    items, _ = _items(db, meeting, plan, today)
    queued = [t for t in topics(db, council=cref) if t.meeting and t.meeting.id == meeting.id]
    return Agenda(
        council=cref.name,
        meeting=meeting,
        members=[name for _, name in members_on(db, council=cref, day=meeting.date)],
        followups=report,
        items=items,
        topics=queued,
        events=events(db, council=cref, start=meeting.date, end=meeting.date + EVENT_HORIZON),
    )
