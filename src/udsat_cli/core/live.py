"""Minuting a meeting live, as data: who is there, the quorum, the agenda with what each item
has decided so far, and the follow-ups of the last meeting. The writes are the commands' own
core functions (attendance, item edit, add-action, update), each in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ActionView
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.minutes import ItemRecord

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

    @property
    def present(self) -> int:
        return sum(s.status == "present" for s in self.seats)

    @property
    def quorum_warning(self) -> str | None:
        if self.present >= self.quorum:
            return None
        return (f"Rådet er ikke beslutningsdygtigt: {self.present} af {len(self.seats)} "
                f"medlemmer er til stede, der skal være mindst {self.quorum}.")  # fmt: skip

    def resume_at(self) -> int:
        """The item to continue with: the first without a decision (after a restart, too)."""
        for n, item in enumerate(self.items):
            if not item.decision:
                return n
        return max(len(self.items) - 1, 0)


def live_meeting(council: CouncilContext, *, meeting: str | None = None) -> LiveMeeting:
    """Today's meeting, else the next one (or the one ``meeting`` names)."""
    from udsat_cli.core.councils import council_settings
    from udsat_cli.core.followups import followups, target_meeting
    from udsat_cli.core.members import members_on
    from udsat_cli.core.minutes import meeting_items

    target = target_meeting(council, meeting, minuting=True)
    marks = {
        pid: (status, reason)
        for pid, status, reason in council.db.rows(
            "SELECT person_id, status, reason FROM attendance WHERE meeting_id = :m",
            m=target.id,
        )
    }
    members = members_on(council, target.date)
    seats = []
    for m in members:
        status, reason = marks.get(m.id, ("present", None))
        if status != "absent":  # no mark, or a member who came as a guest, is there
            status, reason = "present", None
        seats.append(Seat(m.id, m.full_name, m.short_name, status, reason))
    quorum = council_settings(council).quorum or (len(members) + 1) // 2
    items, _ = meeting_items(council, target, as_decided=True)
    report = followups(council, meeting=str(target.id))
    owners = sorted({n for m in members for n in (m.full_name, m.short_name,
                                                  m.full_name.split()[0]) if n})  # fmt: skip
    return LiveMeeting(
        council=council.name, meeting=target, today=council.today, seats=seats, quorum=quorum,
        items=items, followups=report.actions, owners=[*owners, *OWNER_WORDS],
        attendance_taken=bool(marks),
    )  # fmt: skip


def deadline_preview(council: CouncilContext, *, text: str) -> str:
    """How a deadline being typed reads: »til næste møde → torsdag d. 23. maj 2019«."""
    from udsat_cli import dates
    from udsat_cli.core.deadlines import explain

    found = explain(council, today=council.today, text=text)
    if found.day is None:
        return f"{text} → intet møde planlagt endnu"
    return f"{text} → {dates.weekday_date(found.day)}"
