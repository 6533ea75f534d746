"""The backlog of points for coming agendas, and the events the council takes part in."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import Event, EventAttendee, Topic


def add_topic(
    session: Session, *, now: datetime, council: str | None, title: str, when: str | None = None
) -> int:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkt skal have en titel.")
    for_date = dates.parse_date(when, today=now.date()) if when else None
    topic = Topic(council_id=cref.id, title=title, for_date=for_date, created_on=now.date())
    session.add(topic)
    session.flush()
    return topic.id


def drop_topic(
    session: Session, *, now: datetime, council: str | None, topic_id: int, note: str | None
) -> str:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    topic = session.get(Topic, topic_id)
    if topic is None or topic.council_id != cref.id:
        raise NotFoundError(f"Punkt #{topic_id} findes ikke; se punkterne med: udsat topic list.")
    if topic.dropped_at is not None:
        raise UdsatError(f"Punkt #{topic_id} er allerede taget af listen.")
    topic.dropped_at = now
    topic.note = note.strip() if note and note.strip() else None
    session.add(topic)
    session.flush()
    return topic.title


def add_event(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    when: str,
    title: str,
    attendees: list[str] | None = None,
) -> int:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    title = " ".join(title.split())
    if not title:
        raise InputError("Et arrangement skal have en titel.")
    day, start, _ = dates.parse_meeting_time(when, today=now.date())
    event = Event(council_id=cref.id, date=day, start_time=start, title=title, created_at=now)
    session.add(event)
    session.flush()
    for pid in dict.fromkeys(lookup.person(db, council=cref, name=n).id for n in attendees or []):
        session.add(EventAttendee(event_id=event.id, person_id=pid))
    session.flush()
    return event.id
