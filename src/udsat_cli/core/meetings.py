"""Planning meetings: one at a time, a series, moving and cancelling them.

Meeting-anchored deadlines ("næste møde", "mødet i juni") are resolved against the plan whenever
they are read, so every change here moves them too.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlmodel import Session

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.lookup import MeetingRef
from udsat_cli.errors import InputError, UdsatError
from udsat_cli.store.db import Db
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import Meeting

MAX_SERIES = 200


def _refuse_taken(db: Db, cref: lookup.CouncilRef, day: date, *, moving: int | None = None) -> None:
    taken = db.scalar(
        "SELECT id FROM meeting WHERE council_id = :c AND date = :d AND cancelled = :no",
        c=cref.id,
        d=day,
        no=False,
    )
    if taken and taken != moving:
        raise UdsatError(f"{cref.name} har allerede et møde d. {dates.long_date(day)}.")


def _ref(meeting: Meeting) -> MeetingRef:
    return MeetingRef(meeting.id, meeting.date, meeting.start_time, meeting.end_time, meeting.place)


def _place(place: str | None) -> str | None:
    return " ".join(place.split()) if place and place.strip() else None


def add_meeting(
    session: Session, *, now: datetime, council: str | None, when: str, place: str | None = None
) -> MeetingRef:
    return plan_meetings(session, now=now, council=council, whens=[when], place=place)[0]


def _every(text: str) -> timedelta | int:
    """'4 uger' -> 28 days; '1 måned' / 'måned' -> 1 (months)."""
    m = re.fullmatch(
        r"(?:hver |hvert )?(\d+|en|et|to|tre|fire|fem|seks)? ?"
        r"(dag|dage|uge|uger|måned|måneder)",
        " ".join(text.lower().split()),
    )
    if not m:
        raise InputError(f"Kan ikke læse intervallet «{text}»; skriv fx «4 uger» eller «1 måned».")
    words = {"en": 1, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6}
    n = int(m[1]) if m[1] and m[1].isdigit() else words.get(m[1] or "en", 1)
    if n < 1:
        raise InputError("Intervallet skal være mindst 1.")
    if m[2].startswith("måned"):
        return n
    return timedelta(days=n * (7 if m[2].startswith("uge") else 1))


def series(start: date, until: date, every: timedelta | int) -> list[date]:
    from dateutil.relativedelta import relativedelta

    days, k = [], 0
    while True:
        day = start + (relativedelta(months=every * k) if isinstance(every, int) else every * k)
        if day > until:
            return days
        days.append(day)
        k += 1
        if len(days) > MAX_SERIES:
            raise InputError(f"Det giver over {MAX_SERIES} møder; vælg en kortere periode.")


def plan_meetings(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    whens: list[str] | None = None,
    every: str | None = None,
    start: str | None = None,
    until: str | None = None,
    time: str | None = None,
    place: str | None = None,
) -> list[MeetingRef]:
    """Plan meetings on the given days, or every N weeks/months from ``start`` to ``until``."""
    db = session_db(session)
    cref = lookup.council(db, name=council)
    today = now.date()
    clock = (None, None)
    if time:
        _, *clock = dates.parse_meeting_time(f"{today.isoformat()} kl. {time}", today=today)
    planned: list[tuple[date, str | None, str | None]] = []
    if whens:
        if every or start or until:
            raise InputError(
                "Angiv enten datoerne eller --every med --from og --until, ikke begge."
            )
        for when in whens:
            day, begin, end = dates.parse_meeting_time(when, today=today)
            planned.append((day, begin or clock[0], end or clock[1]))
    else:
        if not (every and start and until):
            raise InputError("En mødeserie kræver --every, --from og --until.")
        first = dates.parse_date(start, today=today)
        last = dates.parse_date(until, today=today)
        if last < first:
            raise InputError("--until ligger før --from.")
        planned = [(d, clock[0], clock[1]) for d in series(first, last, _every(every))]
    added = []
    for day, begin, end in planned:
        _refuse_taken(db, cref, day)
        meeting = Meeting(
            council_id=cref.id, date=day, start_time=begin, end_time=end, place=_place(place),
            created_at=now,
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        added.append(_ref(meeting))
    return added


def move_meeting(
    session: Session, *, now: datetime, council: str | None, ref: str, when: str
) -> tuple[MeetingRef, MeetingRef]:
    """Move a meeting to another day (and time, if given); returns (before, after)."""
    db = session_db(session)
    cref = lookup.council(db, name=council)
    found = lookup.meeting(db, council=cref, ref=ref, today=now.date())
    day, begin, end = dates.parse_meeting_time(when, today=now.date())
    _refuse_taken(db, cref, day, moving=found.id)
    meeting = session.get(Meeting, found.id)
    if meeting.cancelled:
        raise UdsatError(f"Mødet d. {dates.long_date(meeting.date)} er aflyst; planlæg et nyt.")
    meeting.date = day
    meeting.revision += 1
    if begin:
        meeting.start_time, meeting.end_time = begin, end
    session.add(meeting)
    session.flush()
    return found, _ref(meeting)


def cancel_meeting(session: Session, *, now: datetime, council: str | None, ref: str) -> MeetingRef:
    """Cancel a meeting: it leaves the plan, but its record and its actions stay."""
    db = session_db(session)
    cref = lookup.council(db, name=council)
    found = lookup.meeting(db, council=cref, ref=ref, today=now.date())
    meeting = session.get(Meeting, found.id)
    if meeting.cancelled:
        raise UdsatError(f"Mødet d. {dates.long_date(meeting.date)} er allerede aflyst.")
    meeting.cancelled = True
    meeting.revision += 1
    session.add(meeting)
    session.flush()
    return found
