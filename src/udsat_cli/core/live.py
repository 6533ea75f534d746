"""Minuting a meeting live, as data: who is there, the quorum, the agenda with what each item
has decided so far, and the follow-ups of the last meeting. The writes are the commands' own
core functions (attendance, item edit, add-action, update), each in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ActionView
from udsat_cli.core.items import ItemRecord
from udsat_cli.core.meetings import MeetingRef

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

OWNER_WORDS = ("rådet", "forvaltningen", "formanden", "sekretæren")


@dataclass
class Seat:
    person_id: int
    name: str
    short: str | None
    status: str  # present or absent
    reason: str | None
    answer: str | None = None  # the answer to the invitation: accepted, declined, tentative


@dataclass
class LiveMeeting:
    council: str
    meeting: MeetingRef
    today: date
    seats: list[Seat]
    quorum: int
    items: list[ItemRecord]
    followups: list[ActionView]  # the last meeting's, as the follow-up report takes them up
    owners: list[str]  # what an owner field completes from
    attendance_taken: bool
    roll_taken: bool = False  # the attendance is stored for every member of the day
    substitutes: list[str] = field(default_factory=list)  # suppleanter to call in

    @property
    def present(self) -> int:
        return sum(s.status == "present" for s in self.seats)

    @property
    def quorum_warning(self) -> str | None:
        if self.present >= self.quorum:
            return None
        from udsat_cli.danish import join_names

        call = (f" Indkald en suppleant: {join_names(self.substitutes, 'eller')}."
                if self.substitutes else "")  # fmt: skip
        if self.meeting.date > self.today:  # before the day: as the afbud say it will be
            return (f"Rådet bliver ikke beslutningsdygtigt: efter afbuddene kommer kun "
                    f"{self.present} af {len(self.seats)} medlemmer, der skal være mindst "
                    f"{self.quorum}.{call}")  # fmt: skip
        return (f"Rådet er ikke beslutningsdygtigt: {self.present} af {len(self.seats)} "
                f"medlemmer er til stede, der skal være mindst {self.quorum}.{call}")  # fmt: skip

    def resume_at(self) -> int:
        """The item to continue with (after a restart, too): the first without a decision after
        the last one decided (standing points often have none)."""
        decided = [n for n, item in enumerate(self.items) if item.decision]
        start = decided[-1] + 1 if decided else 0
        for n, item in enumerate(self.items[start:], start=start):
            if not item.decision:
                return n
        return max(len(self.items) - 1, 0)


def live_meeting(council: CouncilContext, *, meeting: str | None = None) -> LiveMeeting:
    """Today's meeting, else the next one (or the one ``meeting`` names)."""
    from udsat_cli.core.attendance import expected
    from udsat_cli.core.followups import followups, target_meeting
    from udsat_cli.core.members import member_list, members_on, quorum
    from udsat_cli.core.minutes import meeting_items

    target = target_meeting(council, meeting, minuting=True)
    marks = {
        pid: (status, reason)
        for pid, status, reason in council.db.rows(
            "SELECT person_id, status, reason FROM attendance WHERE meeting_id = :m",
            m=target.id,
        )
    }
    roll_taken = council.db.scalar(
        "SELECT roll_taken_at FROM meeting WHERE id = :m", m=target.id
    ) is not None
    members = members_on(council, target.date)
    if roll_taken:  # the roll as stored: a member who joined since is not on it
        everyone = {m.id: m for m in member_list(council, include_left=True).members}
        members = [everyone[pid] for pid in sorted(marks)
                   if marks[pid][0] != "guest" and pid in everyone]  # fmt: skip
    answers = dict(council.db.rows(
        "SELECT person_id, response FROM meeting_reply WHERE meeting_id = :m", m=target.id))
    seats = []
    for m in members:
        status, reason = marks.get(m.id, ("present", None))
        if status != "absent":  # no mark, or a member who came as a guest, is there
            status, reason = "present", None
        seats.append(Seat(m.id, m.full_name, m.short_name, status, reason, answers.get(m.id)))
    needed = quorum(council, members=len(members))
    items, _ = meeting_items(council, target, as_decided=True)
    report = followups(council, meeting=str(target.id))
    owners = sorted({n for m in members for n in (m.full_name, m.short_name,
                                                  m.full_name.split()[0]) if n})  # fmt: skip
    return LiveMeeting(
        council=council.name, meeting=target, today=council.today, seats=seats, quorum=needed,
        items=items, followups=report.actions, owners=[*owners, *OWNER_WORDS],
        attendance_taken=any(status != "present" for status, _ in marks.values()),
        roll_taken=roll_taken, substitutes=expected(council, target).substitutes,
    )  # fmt: skip


def deadline_preview(council: CouncilContext, *, text: str) -> str:
    """How a deadline being typed reads: »til næste møde → torsdag d. 23. maj 2019«."""
    from udsat_cli import dates
    from udsat_cli.core.deadlines import explain

    found = explain(council, today=council.today, text=text)
    if found.day is None:
        return f"{text} → intet møde planlagt endnu"
    return f"{text} → {dates.weekday_date(found.day)}"
