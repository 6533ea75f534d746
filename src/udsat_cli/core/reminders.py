"""Who should be reminded of what today: per owner, the overdue actions and those due within N
days (meeting-anchored deadlines included), plus the follow-ups of a meeting within N days and
the events the owner attends. Actions already reminded to the owner today are left out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from udsat_cli.core.actions import OPEN, ActionView, select_actions
from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.followups import carried_section
from udsat_cli.core.meetings import MeetingRef, latest_meeting, next_meeting
from udsat_cli.store.db import Db, in_list

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

CHUNK = 500


@dataclass
class OwnerReminder:
    person_id: int
    name: str
    email: str | None
    overdue: list[ActionView] = field(default_factory=list)
    due_soon: list[ActionView] = field(default_factory=list)
    for_meeting: list[ActionView] = field(default_factory=list)  # follow-ups due at the meeting
    events: list[EventView] = field(default_factory=list)

    @property
    def actions(self) -> list[ActionView]:
        return self.overdue + self.due_soon + self.for_meeting


@dataclass
class Reminders:
    council: str
    today: date
    days: int
    meeting: MeetingRef | None
    owners: list[OwnerReminder]

    @property
    def empty(self) -> bool:
        return not self.owners


def _owners_of(db: Db, ids: list[int]) -> dict[int, list[tuple[int, str, str | None]]]:
    found: dict[int, list[tuple[int, str, str | None]]] = {}
    for start in range(0, len(ids), CHUNK):
        placeholders, params = in_list("a", ids[start : start + CHUNK])
        for aid, pid, name, email in db.rows(
            "SELECT ao.action_id, p.id, p.full_name, p.email FROM action_owner ao "
            f"JOIN person p ON p.id = ao.person_id WHERE ao.action_id IN {placeholders} "
            "ORDER BY ao.action_id, ao.position",
            **params,
        ):
            found.setdefault(aid, []).append((pid, name, email))
    return found


def _already(db: Db, *, day: date) -> set[tuple[int, int, str]]:
    return set(
        db.rows("SELECT action_id, person_id, channel FROM reminder_log WHERE day = :d", d=day)
    )


def reminders(
    council: CouncilContext,
    *,
    days: int = 7,
    owner: str | None = None,
    again: bool = False,
    channel: str = "print",
) -> Reminders:
    from udsat_cli.core.members import find_person

    db, today = council.db, council.today
    horizon = today + timedelta(days=days)
    meeting = next_meeting(council, on_or_after=today)
    if meeting is not None and meeting.date > horizon:
        meeting = None
    previous = (
        latest_meeting(council, on_or_before=meeting.date - timedelta(days=1)) if meeting else None
    )
    due: dict[int, tuple[ActionView, str]] = {}
    for action in select_actions(
        council,
        where="a.council_id = :c AND a.status IN ('open', 'in_progress', 'postponed')",
        c=council.id,
    ):
        if action.overdue:
            due[action.id] = (action, "overdue")
        elif action.due is not None and action.due <= horizon:
            due[action.id] = (action, "due_soon")
        elif meeting and _followed_up_at(action, meeting, previous):
            due[action.id] = (action, "for_meeting")
    only = find_person(council, owner).id if owner else None
    skip = set() if again else _already(db, day=today)
    people: dict[int, OwnerReminder] = {}
    for aid, owners in _owners_of(db, sorted(due)).items():
        action, kind = due[aid]
        action.owners = tuple(name for _, name, _ in owners)
        for pid, name, email in owners:
            # e-mail where there is an address (when sending), printed for the secretary otherwise
            way = "email" if channel == "email" and email else "print"
            if (only is not None and pid != only) or (aid, pid, way) in skip:
                continue
            person = people.setdefault(pid, OwnerReminder(pid, name, email))
            getattr(person, kind).append(action)
    attending = _attending(council, start=today, end=horizon)
    for person in people.values():
        person.events = attending.get(person.name, [])
        for actions in (person.overdue, person.due_soon, person.for_meeting):
            actions.sort(key=lambda a: (a.due or date.max, a.id))
    owners_sorted = sorted(people.values(), key=lambda p: p.name)
    return Reminders(council.name, today, days, meeting, owners_sorted)


def _followed_up_at(action: ActionView, meeting: MeetingRef, previous: MeetingRef | None) -> bool:
    """Whether the coming meeting's follow-up report takes the action up (its own rule)."""
    if previous is not None and action.meeting == previous.date:
        return action.status in OPEN or carried_section(action, meeting=meeting) is not None
    return carried_section(action, meeting=meeting) is not None


def _attending(council: CouncilContext, *, start: date, end: date) -> dict[str, list[EventView]]:
    found: dict[str, list[EventView]] = {}
    for event in events_between(council, start=start, end=end):
        for name in event.attendees:
            found.setdefault(name, []).append(event)
    return found


def record(council: CouncilContext, *, owners: list[OwnerReminder], channel: str) -> None:
    """Note that these owners were reminded of these actions today. Bookkeeping outside the
    change journal: it is never undone, and undo of an earlier command is never blocked by it."""
    for person in owners:
        for action in person.actions:
            council.db.execute(
                "INSERT INTO reminder_log (action_id, person_id, day, channel, at) "
                "VALUES (:a, :p, :d, :ch, :at)",
                a=action.id,
                p=person.person_id,
                d=council.today,
                ch=channel,
                at=council.now,
            )
