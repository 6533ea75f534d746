"""Planning meetings."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.lookup import MeetingRef
from udsat_cli.errors import UdsatError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import Meeting


def add_meeting(
    session: Session, *, now: datetime, council: str | None, when: str, place: str | None = None
) -> MeetingRef:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    day, start, end = dates.parse_meeting_time(when, today=now.date())
    if db.scalar(
        "SELECT id FROM meeting WHERE council_id = :c AND date = :d AND cancelled = :no",
        c=cref.id,
        d=day,
        no=False,
    ):
        raise UdsatError(f"{cref.name} har allerede et møde d. {dates.long_date(day)}.")
    meeting = Meeting(
        council_id=cref.id,
        date=day,
        start_time=start,
        end_time=end,
        place=" ".join(place.split()) if place else None,
        created_at=now,
    )
    session.add(meeting)
    session.flush()
    return MeetingRef(meeting.id, day, start, end, meeting.place)
