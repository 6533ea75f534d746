"""Who should be reminded of what today, per person:
overdue      open actions whose deadline has passed;
due_soon     open actions due within N days (meeting-anchored deadlines included);
resumed      postponed actions whose day has come: they are to be taken up again;
for_meeting  what the follow-up report of a meeting within N days takes up (and deadlines in
             words that name no day, »snarest«, which are due by that meeting);
events       the events within N days the person attends (an event alone reminds too);
hearings     open consultations whose deadline is within N days (or passed), to the secretary
             and the chair, who answer or put them on an agenda;
duties       the standing order's days within N days: proposals close, the agenda goes out (to
             the secretary, else the chair).

Actions owned by the council itself, by a unit or by nobody go to the referent (of the action's
meeting, else the council's secretary, else its chair). Whatever was reminded to a person today
is left out of a second run the same day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ACTIVE, OPEN, ActionView, Which, owner_names, select_actions
from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.followups import carried_section
from udsat_cli.core.hearings import HearingView, hearings_due
from udsat_cli.core.meetings import MeetingRef, latest_meeting, next_meeting
from udsat_cli.store.db import Db, in_list

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

CHUNK = 500
GROUPS = ("overdue", "due_soon", "resumed", "for_meeting")


@dataclass
class Duty:
    """A day the standing order fixes before a meeting."""

    kind: str  # proposals (forslag skal være inde) or agenda (dagsordenen sendes ud)
    day: date
    meeting: MeetingRef

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.meeting.id}"


@dataclass
class OwnerReminder:
    person_id: int
    name: str
    email: str | None
    overdue: list[ActionView] = field(default_factory=list)
    due_soon: list[ActionView] = field(default_factory=list)
    resumed: list[ActionView] = field(default_factory=list)
    for_meeting: list[ActionView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    hearings: list[HearingView] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)

    @property
    def actions(self) -> list[ActionView]:
        return self.overdue + self.due_soon + self.resumed + self.for_meeting


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


def _people_of(db: Db, ids: list[int]) -> dict[int, list[tuple[int, str, str | None]]]:
    """The people who own each action (bodies own no mailbox)."""
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


def _referents(council: CouncilContext, ids: list[int]) -> dict[int, tuple[int, str, str | None]]:
    """For actions no person owns: who is reminded instead (see the module's docstring)."""
    fallback = next(iter(_officers(council)), None)
    found = {}
    for start in range(0, len(ids), CHUNK):
        placeholders, params = in_list("a", ids[start : start + CHUNK])
        for aid, pid, name, email in council.db.rows(
            "SELECT a.id, p.id, p.full_name, p.email FROM action a "
            "LEFT JOIN meeting m ON m.id = a.meeting_id LEFT JOIN person p ON p.id = m.referent_id "
            f"WHERE a.id IN {placeholders}",
            **params,
        ):
            person = (pid, name, email) if pid is not None else fallback
            if person is not None:
                found[aid] = tuple(person)
    return found


def _already(db: Db, *, day: date) -> set[tuple[str, int | str, int, str]]:
    actions = db.rows(
        "SELECT action_id, person_id, channel FROM reminder_log WHERE day = :d", d=day
    )
    events = db.rows(
        "SELECT event_id, person_id, channel FROM event_reminder_log WHERE day = :d", d=day
    )
    duties = db.rows("SELECT duty, person_id, channel FROM duty_reminder_log WHERE day = :d", d=day)
    return (
        {("action", *row) for row in actions}
        | {("event", *row) for row in events}
        | {("duty", *row) for row in duties}
    )


def _group(
    action: ActionView, horizon: date, meeting: MeetingRef | None, previous: MeetingRef | None
) -> str | None:
    if action.status == "postponed":
        return "resumed" if action.due is not None and action.due <= horizon else None
    if action.overdue:
        return "overdue"
    if action.due is not None and action.due <= horizon:
        return "due_soon"
    if meeting and (action.undated or _followed_up_at(action, meeting, previous)):
        return "for_meeting"
    return None


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
    meeting = next_meeting(council)  # today's until it is over, then the following one
    if meeting is not None and meeting.date > horizon:
        meeting = None
    previous = (
        latest_meeting(council, on_or_before=meeting.date - timedelta(days=1)) if meeting else None
    )
    due: dict[int, tuple[ActionView, str]] = {}
    for action in select_actions(council, Which(statuses=ACTIVE)):
        if group := _group(action, horizon, meeting, previous):
            due[action.id] = (action, group)
    only = find_person(council, owner, lookup=True).id if owner else None
    skip = set() if again else _already(db, day=today)
    people: dict[int, OwnerReminder] = {}

    def remind(what: str, ref: int | str, who: tuple[int, str, str | None]) -> OwnerReminder | None:
        pid, name, email = who
        way = "email" if channel == "email" and email else "print"  # as it will go out
        if (only is not None and pid != only) or (what, ref, pid, way) in skip:
            return None
        return people.setdefault(pid, OwnerReminder(pid, name, email))

    ids = sorted(due)
    persons = _people_of(db, ids)
    instead = _referents(council, [aid for aid in ids if aid not in persons])
    labels: dict[int, list[str]] = {}
    for start in range(0, len(ids), CHUNK):
        labels |= owner_names(council, *in_list("a", ids[start : start + CHUNK]))
    for aid in ids:
        action, group = due[aid]
        action.owners = tuple(labels.get(aid, ()))
        for who in persons.get(aid) or ([instead[aid]] if aid in instead else []):
            if person := remind("action", aid, who):
                getattr(person, group).append(action)
    for event, who in _attending(council, start=today, end=horizon):
        if person := remind("event", event.id, who):
            person.events.append(event)
    officers = _officers(council)
    for hearing in hearings_due(council, until=horizon):
        for who in officers:
            if person := remind("duty", f"hearing-{hearing.id}", who):
                person.hearings.append(hearing)
    for duty in _duties(council, start=today, end=horizon):
        for who in officers[:1]:
            if person := remind("duty", duty.key, who):
                person.duties.append(duty)
    for person in people.values():
        for group in GROUPS:
            getattr(person, group).sort(key=lambda a: (a.due or date.max, a.id))
    owners_sorted = sorted(people.values(), key=lambda p: p.name)
    return Reminders(council.name, today, days, meeting, owners_sorted)


def _officers(council: CouncilContext) -> list[tuple[int, str, str | None]]:
    """The secretary first, then the chair: who answers for the council's own duties."""
    return [
        tuple(row)
        for row in council.db.rows(
            "SELECT id, full_name, email FROM person WHERE council_id = :c AND role IN "
            "('sekretær', 'formand') AND member_to IS NULL ORDER BY role DESC, id",
            c=council.id,
        )
    ]


def _duties(council: CouncilContext, *, start: date, end: date) -> list[Duty]:
    from udsat_cli.core.councils import council_settings

    settings = council_settings(council)
    found = []
    for kind, days in (("proposals", settings.proposals_days), ("agenda", settings.agenda_days)):
        if not days:
            continue
        for meeting in council.plan.meetings:
            day = meeting.date - timedelta(days=days)
            if start <= day <= end:
                found.append(Duty(kind, day, meeting))
    return sorted(found, key=lambda d: (d.day, d.kind))


def _followed_up_at(action: ActionView, meeting: MeetingRef, previous: MeetingRef | None) -> bool:
    """Whether the coming meeting's follow-up report takes the action up (its own rule)."""
    if previous is not None and action.meeting == previous.date:
        return action.status in OPEN or carried_section(action, meeting=meeting) is not None
    return carried_section(action, meeting=meeting) is not None


def _attending(
    council: CouncilContext, *, start: date, end: date
) -> list[tuple[EventView, tuple[int, str, str | None]]]:
    found = events_between(council, start=start, end=end)
    if not found:
        return []
    by_id = {e.id: e for e in found}
    ids, params = in_list("e", list(by_id))
    return [
        (by_id[eid], (pid, name, email))
        for eid, pid, name, email in council.db.rows(
            "SELECT ea.event_id, p.id, p.full_name, p.email FROM event_attendee ea "
            f"JOIN person p ON p.id = ea.person_id WHERE ea.event_id IN {ids} "
            "ORDER BY ea.event_id, p.id",
            **params,
        )
    ]


def record(council: CouncilContext, *, owners: list[OwnerReminder], channel: str) -> None:
    """Note that these owners were reminded of these actions and events today. Bookkeeping
    outside the change journal: never undone, and it never blocks undo of an earlier command."""
    for person in owners:
        duties = [f"hearing-{h.id}" for h in person.hearings] + [d.key for d in person.duties]
        for duty in duties:
            council.db.execute(
                "INSERT INTO duty_reminder_log (council_id, person_id, duty, day, channel, at) "
                "VALUES (:c, :p, :k, :d, :ch, :at)",
                c=council.id,
                p=person.person_id,
                k=duty,
                d=council.today,
                ch=channel,
                at=council.now,
            )
        logs = (
            ("reminder_log", "action_id", person.actions),
            ("event_reminder_log", "event_id", person.events),
        )
        for table, column, things in logs:
            for thing in things:
                council.db.execute(
                    f"INSERT INTO {table} ({column}, person_id, day, channel, at) "
                    "VALUES (:x, :p, :d, :ch, :at)",
                    x=thing.id,
                    p=person.person_id,
                    d=council.today,
                    ch=channel,
                    at=council.now,
                )
