"""Who came to a meeting: absences with reasons, guests, the referent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

_DANISH = {"absent": "meldt afbud", "guest": "gæst", "present": "til stede"}


def _split(entry: str) -> tuple[str, str | None]:
    """ "Jannie Hansen:syg" -> ("Jannie Hansen", "syg")"""
    name, _, reason = entry.partition(":")
    return name.strip(), (reason.strip() or None)


def set_attendance(
    council: CouncilContext,
    *,
    ref: str,
    absent: list[str] | None = None,
    guests: list[str] | None = None,
    present: list[str] | None = None,
    referent: str | None = None,
) -> int:
    """Record a meeting's attendance. Each list given replaces that list for the meeting; members
    not named are present. Returns the meeting's id."""
    from sqlmodel import select

    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.members import find_person
    from udsat_cli.store.models import Attendance, Meeting

    session = council.writing
    found = find_meeting(council, ref)
    if absent is None and guests is None and present is None and referent is None:
        raise InputError(
            "Intet at registrere; angiv --absent, --guest, --present eller --referent."
        )
    changes: dict[str, list[tuple[int, str | None]]] = {}
    for status, entries in (("absent", absent), ("guest", guests), ("present", present)):
        if entries is not None:
            pairs = [_split(e) for e in entries]
            if status != "absent" and any(reason for _, reason in pairs):
                raise InputError("Kun afbud har en begrundelse (--absent NAVN:grund).")
            changes[status] = [(find_person(council, name).id, reason) for name, reason in pairs]
    seen: dict[int, str] = {}
    for status, pairs in changes.items():
        for pid, _ in pairs:
            if pid in seen and seen[pid] != status:
                name = council.db.scalar("SELECT full_name FROM person WHERE id = :p", p=pid)
                raise InputError(
                    f"{name} kan ikke både være {_DANISH[seen[pid]]} og {_DANISH[status]}."
                )
            seen[pid] = status
    rows = session.exec(select(Attendance).where(Attendance.meeting_id == found.id)).all()
    for row in rows:
        if row.status in changes or row.person_id in seen:
            session.delete(row)
    session.flush()
    for status, pairs in changes.items():
        for pid, reason in pairs:
            session.add(
                Attendance(meeting_id=found.id, person_id=pid, status=status, reason=reason)
            )
    if referent is not None:
        meeting = session.get(Meeting, found.id)
        meeting.referent_id = find_person(council, referent).id
        session.add(meeting)
    session.flush()
    return found.id
