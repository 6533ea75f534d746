"""The minutes (referat) of a held meeting, as data: who came, each item with its sagsfremstilling,
decision and follow-ups, and the follow-ups that belong to no item."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ActionView, select_actions, with_people
from udsat_cli.core.meetings import MeetingRef, find_meeting
from udsat_cli.core.members import members_on

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


def meeting_items(
    council: CouncilContext, meeting: MeetingRef
) -> tuple[list[ItemRecord], list[ActionView]]:
    """A meeting's items, each with the actions decided under it, and the actions under none."""
    items = {
        iid: ItemRecord(number, title, kind, background, decision)
        for iid, number, title, kind, background, decision in council.db.rows(
            "SELECT id, number, title, kind, background, decision FROM agenda_item "
            "WHERE meeting_id = :m ORDER BY number",
            m=meeting.id,
        )
    }
    item_of = dict(
        council.db.rows("SELECT id, item_id FROM action WHERE meeting_id = :m", m=meeting.id)
    )
    others = []
    actions = select_actions(council, where="a.meeting_id = :m ORDER BY a.id", m=meeting.id)
    for action in with_people(council, actions):
        item = items.get(item_of.get(action.id))
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
    referent = db.scalar(
        "SELECT p.full_name FROM meeting m JOIN person p ON p.id = m.referent_id WHERE m.id = :m",
        m=meeting.id,
    )
    items, others = meeting_items(council, meeting)
    return Minutes(
        council=council.name,
        meeting=meeting,
        participants=present,
        absent=[Absence(n, r) for s, n, r in marks.values() if s == "absent"],
        guests=[n for s, n, _ in marks.values() if s == "guest"],
        referent=referent,
        items=items,
        other_actions=others,
    )
