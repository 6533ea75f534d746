"""Who came to a meeting: absences with reasons, guests, the referent.

The first time attendance is recorded (or the live screen opens, or the minutes are approved) the
roll is taken: every member of the council on the meeting's day gets a row, present unless marked
otherwise, and from then on the minutes read these rows, never today's member list. A member who
joins or leaves later, or is added with an earlier start, does not change a meeting already held.

Recording adds to what is there: ``--absent Ulla`` after four other afbud makes five. A mark is
taken away with ``remove`` (a member is then present again), all of them at once with
``replace``. A guest need not be a person in the store (»Lene Holm (forvaltningen)«): an unknown
guest is kept as written, never made a member.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef

_DANISH = {"absent": "meldt afbud", "guest": "gæst", "present": "til stede"}
MAX_NAME = 300


@dataclass
class Roll:
    present: list[str]
    absent: list[tuple[str, str | None]]  # (name, reason)
    guests: list[str]
    taken: bool  # stored with the meeting (else: computed from the members of that day)


def roll(council: CouncilContext, meeting: MeetingRef) -> Roll:
    """Who was at a meeting, as stored with it, or (before the roll is taken) as the members of
    that day and the marks recorded so far have it."""
    db = council.db
    taken = db.scalar("SELECT roll_taken_at FROM meeting WHERE id = :m", m=meeting.id) is not None
    marks = {
        pid: (status, name, reason)
        for pid, status, name, reason in db.rows(
            "SELECT a.person_id, a.status, p.full_name, a.reason FROM attendance a "
            "JOIN person p ON p.id = a.person_id WHERE a.meeting_id = :m ORDER BY p.id",
            m=meeting.id,
        )
    }
    if taken:
        present = [n for s, n, _ in marks.values() if s == "present"]
    else:
        from udsat_cli.core.members import members_on

        members = members_on(council, meeting.date)
        present = [m.full_name for m in members if marks.get(m.id, ("present",))[0] == "present"]
        present += [n for s, n, _ in marks.values() if s == "present" and n not in present]
    guests = [n for s, n, _ in marks.values() if s == "guest"]
    guests += [
        name
        for (name,) in db.rows(
            "SELECT name FROM meeting_guest WHERE meeting_id = :m ORDER BY position", m=meeting.id
        )
    ]
    absent = [(n, r) for s, n, r in marks.values() if s == "absent"]
    return Roll(present, absent, guests, taken)


def take_roll(council: CouncilContext, *, meeting: MeetingRef) -> bool:
    """Store the meeting's attendance for every member of that day (present unless marked);
    once only. Returns whether it was taken now."""
    from sqlalchemy import select

    from udsat_cli.core.members import members_on
    from udsat_cli.store.models import Attendance, Meeting

    session = council.writing
    row = session.get_one(Meeting, meeting.id)
    if row.roll_taken_at is not None:
        return False
    marked = {
        a.person_id
        for a in session.exec(select(Attendance).where(Attendance.meeting_id == meeting.id))
    }
    for member in members_on(council, meeting.date):
        if member.id not in marked:
            session.add(Attendance(meeting_id=meeting.id, person_id=member.id, status="present"))
    row.roll_taken_at = council.now
    session.add(row)
    session.flush()
    return True


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
    from sqlalchemy import select

    from udsat_cli.core.meetings import find_meeting, refuse_if_approved
    from udsat_cli.core.members import find_person, is_member_on, member_list
    from udsat_cli.core.owners import person_matches
    from udsat_cli.store.models import Attendance, Meeting, MeetingGuest

    session = council.writing
    if not (absent or guests or present or referent or remove or replace):
        raise InputError(
            "Intet at registrere; angiv --absent, --guest, --present, --referent eller --remove."
        )
    found = find_meeting(council, ref)
    refuse_if_approved(council, found, reopen=reopen)
    if found.date <= council.today:  # held (afbud given ahead wait for the day's members)
        take_roll(council, meeting=found)
    members = {
        m.id for m in member_list(council, include_left=True).members if is_member_on(m, found.date)
    }
    marks = {
        row.person_id: row
        for row in session.exec(select(Attendance).where(Attendance.meeting_id == found.id))
    }
    free = list(
        session.exec(
            select(MeetingGuest)
            .where(MeetingGuest.meeting_id == found.id)
            .order_by(MeetingGuest.position)
        )
    )
    if replace:
        for row in free:
            session.delete(row)
        for pid, row in list(marks.items()):
            if pid in members:  # a member of the day is on the roll: present again
                row.status, row.reason = "present", None
                session.add(row)
            else:
                session.delete(marks.pop(pid))
        free = []
    for name in remove or []:
        key = " ".join(name.split()).casefold()
        guest = next((g for g in free if g.name.casefold() == key), None)
        hits = [
            pid
            for pid, _ in person_matches(council, name)
            if pid in marks and (pid not in members or marks[pid].status != "present")
        ]
        if guest is not None:
            free.remove(guest)
            session.delete(guest)
        elif len(hits) == 1 and hits[0] in members:  # back on the roll as present
            marks[hits[0]].status, marks[hits[0]].reason = "present", None
            session.add(marks[hits[0]])
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
        meeting = session.get_one(Meeting, found.id)
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


# --- answers to the invitation (udsat inbox) and who is expected --------------------------------

RESPONSES = ("accepted", "declined", "tentative")


def record_reply(
    council: CouncilContext,
    *,
    meeting: MeetingRef,
    person_id: int,
    response: str,
    comment: str | None = None,
) -> None:
    """A member's answer to the invitation, kept with the meeting. An afbud is the attendance
    mark too, with its reason; an acceptance takes an earlier afbud back. Written like every
    attendance change (journal, undo); refused once the minutes are approved."""
    from udsat_cli.core.meetings import refuse_if_approved
    from udsat_cli.store.models import Attendance, Meeting, MeetingReply

    assert response in RESPONSES
    refuse_if_approved(council, meeting, reopen=False)
    session = council.writing
    comment = " ".join((comment or "").split())[:MAX_NAME] or None
    reply = session.get(MeetingReply, (meeting.id, person_id))
    if reply is None:
        reply = MeetingReply(
            meeting_id=meeting.id, person_id=person_id, response=response, at=council.now
        )
    reply.response, reply.comment, reply.at = response, comment, council.now
    session.add(reply)
    mark = session.get(Attendance, (meeting.id, person_id))
    if response == "declined":
        mark = mark or Attendance(meeting_id=meeting.id, person_id=person_id, status="absent")
        mark.status, mark.reason = "absent", comment
        session.add(mark)
    elif response == "accepted" and mark is not None and mark.status == "absent":
        if session.get_one(Meeting, meeting.id).roll_taken_at is not None:
            mark.status, mark.reason = "present", None  # on the roll: present again
            session.add(mark)
        else:
            session.delete(mark)
    session.flush()


@dataclass
class Expected:
    """Who is coming to a meeting, as the afbud and the answers to the invitation say, and
    whether the council will be quorate (beslutningsdygtigt)."""

    members: int
    quorum: int
    absent: list[tuple[str, str | None]]  # members' afbud, with the reason
    accepted: list[str]
    tentative: list[str]
    substitutes: list[str]  # suppleanter of the day who have sent no afbud
    upcoming: bool  # the meeting is still to come

    @property
    def coming(self) -> int:
        return self.members - len(self.absent)

    @property
    def warning(self) -> str | None:
        """Before the meeting, when too many have sent afbud: who to call in."""
        if not self.upcoming or self.coming >= self.quorum:
            return None
        from udsat_cli.danish import count, join_names

        away = count(len(self.absent), "medlem", "medlemmer")
        said = (
            f"Rådet bliver ikke beslutningsdygtigt: {away} har meldt afbud, så kun "
            f"{self.coming} af {self.members} kommer, og der skal være mindst "
            f"{self.quorum}."
        )
        if self.substitutes:
            return f"{said} Indkald en suppleant: {join_names(self.substitutes, 'eller')}."
        return f"{said} Rådet har ingen suppleanter registreret."


def expected(council: CouncilContext, meeting: MeetingRef) -> Expected:
    from udsat_cli.core.members import members_on, quorum

    members = members_on(council, meeting.date)
    ids = {m.id for m in members}
    marks = {
        pid: reason
        for pid, status, reason in council.db.rows(
            "SELECT person_id, status, reason FROM attendance WHERE meeting_id = :m "
            "ORDER BY person_id",
            m=meeting.id,
        )
        if status == "absent"
    }
    answers: dict[int, str] = dict(
        council.db.rows(
            "SELECT person_id, response FROM meeting_reply WHERE meeting_id "
            "= :m ORDER BY person_id",
            m=meeting.id,
        )
    )
    names = {m.id: m.full_name for m in members}
    substitutes = [
        name
        for pid, name in council.db.rows(
            "SELECT id, full_name FROM person WHERE council_id = :c AND role = 'suppleant' AND "
            "(member_from IS NULL OR member_from <= :d) AND (member_to IS NULL OR member_to >= :d) "
            "ORDER BY full_name",
            c=council.id,
            d=meeting.date,
        )
        if pid not in marks
    ]
    cancelled = council.db.scalar("SELECT cancelled FROM meeting WHERE id = :m", m=meeting.id)
    return Expected(
        members=len(members),
        quorum=quorum(council, members=len(members)),
        absent=[(names[pid], reason) for pid, reason in marks.items() if pid in ids],
        accepted=[names[p] for p, r in answers.items() if r == "accepted" and p in names],
        tentative=[names[p] for p, r in answers.items() if r == "tentative" and p in names],
        substitutes=substitutes,
        upcoming=meeting.date >= council.today and not cancelled,
    )
