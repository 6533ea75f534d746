"""Who came to a meeting: absences with reasons, guests, the referent.

Recording adds to what is there: ``--absent Ulla`` after four other afbud makes five. A mark is
taken away with ``remove``, all of them at once with ``replace``. A guest need not be a person in
the store (»Lene Holm (forvaltningen)«): an unknown guest is kept as written, never made a member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

_DANISH = {"absent": "meldt afbud", "guest": "gæst", "present": "til stede"}
MAX_NAME = 300


def _split(entry: str) -> tuple[str, str | None]:
    """ "Jannie Hansen:syg" -> ("Jannie Hansen", "syg")"""
    name, _, reason = entry.partition(":")
    return " ".join(name.split()), (" ".join(reason.split()) or None)


def set_attendance(
    council: CouncilContext,
    *,
    ref: str,
    absent: list[str] | None = None,
    guests: list[str] | None = None,
    present: list[str] | None = None,
    referent: str | None = None,
    remove: list[str] | None = None,
    replace: bool = False,
    reopen: bool = False,
) -> int:
    """Record a meeting's attendance; members with no mark were present. Returns its id."""
    from sqlmodel import select

    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.members import find_person
    from udsat_cli.core.minutes import refuse_if_approved
    from udsat_cli.core.owners import person_matches
    from udsat_cli.store.models import Attendance, Meeting, MeetingGuest

    session = council.writing
    if not (absent or guests or present or referent or remove or replace):
        raise InputError(
            "Intet at registrere; angiv --absent, --guest, --present, --referent eller --remove."
        )
    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    marks = {row.person_id: row for row in session.exec(
        select(Attendance).where(Attendance.meeting_id == found.id))}  # fmt: skip
    free = list(session.exec(select(MeetingGuest).where(MeetingGuest.meeting_id == found.id)
                             .order_by(MeetingGuest.position)))  # fmt: skip
    if replace:
        for row in [*marks.values(), *free]:
            session.delete(row)
        marks, free = {}, []
    for name in remove or []:
        key = " ".join(name.split()).casefold()
        guest = next((g for g in free if g.name.casefold() == key), None)
        hits = [pid for pid, _ in person_matches(council, name) if pid in marks]
        if guest is not None:
            free.remove(guest)
            session.delete(guest)
        elif len(hits) == 1:
            session.delete(marks.pop(hits[0]))
        else:
            raise NotFoundError(f"»{name}« står ikke som afbud, gæst eller til stede på mødet.")
    session.flush()
    given: dict[int, str] = {}
    for status, entries in (("absent", absent), ("guest", guests), ("present", present)):
        for entry in entries or []:
            name, reason = _split(entry)
            if not name:
                raise InputError("Et navn må ikke være tomt.")
            if status != "absent" and reason:
                raise InputError("Kun afbud har en begrundelse (--absent NAVN:grund).")
            if status == "guest" and len(person_matches(council, name)) != 1:
                _free_guest(council, found.id, name, free)
                continue
            pid = find_person(council, name).id
            if given.get(pid, status) != status:
                who = find_person(council, name).full_name
                raise InputError(
                    f"{who} kan ikke både være {_DANISH[given[pid]]} og {_DANISH[status]}."
                )
            given[pid] = status
            row = marks.get(pid) or Attendance(meeting_id=found.id, person_id=pid, status=status)
            row.status, row.reason = status, reason
            marks[pid] = row
            session.add(row)
    if referent is not None:
        meeting = session.get(Meeting, found.id)
        meeting.referent_id = find_person(council, referent).id
        session.add(meeting)
    session.flush()
    return found.id


def _free_guest(council: CouncilContext, meeting_id: int, name: str, free: list) -> None:
    from udsat_cli.store.models import MeetingGuest

    if len(name) > MAX_NAME:
        raise InputError(f"En gæsts navn må højst være {MAX_NAME} tegn.")
    if any(g.name.casefold() == name.casefold() for g in free):
        return
    position = max((g.position for g in free), default=-1) + 1
    guest = MeetingGuest(meeting_id=meeting_id, position=position, name=name)
    free.append(guest)
    council.writing.add(guest)
