"""Events the council takes part in ("4. april – Netværksmøde, her deltager Søren, René …")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.errors import InputError
from udsat_cli.store.db import required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class EventView:
    id: int
    date: date
    time: str | None
    title: str
    attendees: tuple[str, ...]


@dataclass
class EventList:
    council: str
    events: list[EventView]


def events_between(
    council: CouncilContext, *, start: date, end: date | None = None
) -> list[EventView]:
    db = council.db
    rows = db.all(
        "SELECT id, date, start_time, title FROM event WHERE council_id = :c AND date >= :s "
        + ("AND date <= :e " if end else "")
        + "ORDER BY date, id",
        c=council.id,
        s=start,
        **({"e": end} if end else {}),
    )
    people: dict[int, list[str]] = {}
    if rows:
        for eid, name in db.rows(
            "SELECT ea.event_id, p.full_name FROM event_attendee ea "
            "JOIN person p ON p.id = ea.person_id JOIN event e ON e.id = ea.event_id "
            "WHERE e.council_id = :c AND e.date >= :s ORDER BY p.id",
            c=council.id,
            s=start,
        ):
            people.setdefault(eid, []).append(name)
    return [
        EventView(eid, required_date(day), time, title, tuple(people.get(eid, ())))
        for eid, day, time, title in rows
    ]


def event_list(council: CouncilContext, *, include_past: bool = False) -> EventList:
    start = date.min if include_past else council.today
    return EventList(council.name, events_between(council, start=start))


def add_event(
    council: CouncilContext, *, when: str, title: str, attendees: list[str] | None = None
) -> int:
    from udsat_cli.core.members import find_person
    from udsat_cli.store.models import Event, EventAttendee

    session = council.writing
    title = " ".join(title.split())
    if not title:
        raise InputError("Et arrangement skal have en titel.")
    day, start, _ = dates.parse_meeting_time(when, today=council.today)
    event = Event(
        council_id=council.id, date=day, start_time=start, title=title, created_at=council.now
    )
    session.add(event)
    session.flush()
    for pid in dict.fromkeys(find_person(council, n).id for n in attendees or []):
        session.add(EventAttendee(event_id=event.id, person_id=pid))
    session.flush()
    return event.id
