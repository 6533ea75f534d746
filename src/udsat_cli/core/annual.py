"""The annual report (årsberetning) of one year, as data: a draft the council approves.

Everything is counted from the store, for one council and one calendar year: the meetings held
and cancelled, who attended, the items treated and decided, the consultations answered, the
follow-ups agreed and what became of them, the events, and who joined and left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.hearings import HearingView, hearings_answered
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.members import is_member_on, member_list
from udsat_cli.errors import InputError
from udsat_cli.store.db import as_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class Attendance:
    name: str
    role: str
    meetings: int  # held while a member
    present: int
    absent: int


@dataclass
class TreatedItem:
    meeting: date
    number: int
    title: str
    kind: str | None
    decision: str | None


@dataclass
class FollowupCounts:
    agreed: int  # follow-ups agreed at the year's meetings
    done: int
    dropped: int
    open: int  # open or in progress today
    postponed: int


@dataclass
class Change:
    name: str
    role: str
    day: date


@dataclass
class AnnualReport:
    council: str
    year: int
    today: date
    held: list[MeetingRef]
    cancelled: list[MeetingRef]
    planned: list[MeetingRef]  # later in the year, not yet held
    attendance: list[Attendance]
    items: list[TreatedItem]
    hearings: list[HearingView]
    followups: FollowupCounts
    events: list[EventView]  # those held by today
    joined: list[Change]
    left: list[Change]

    @property
    def decisions(self) -> list[TreatedItem]:
        return [i for i in self.items if i.decision]

    def items_by_kind(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for item in self.items:
            found[item.kind or "andet"] = found.get(item.kind or "andet", 0) + 1
        return found


def annual_report(council: CouncilContext, *, year: int) -> AnnualReport:
    if not 1900 <= year <= 2199:
        raise InputError(f"»{year}« er ikke et årstal mellem 1900 og 2199.")
    db, start, end = council.db, date(year, 1, 1), date(year, 12, 31)
    held, cancelled, planned = [], [], []
    for mid, day, s, e, place, was_cancelled in db.rows(
        "SELECT id, date, start_time, end_time, place, cancelled FROM meeting "
        "WHERE council_id = :c AND date >= :s AND date <= :e ORDER BY date, id",
        c=council.id, s=start, e=end,
    ):  # fmt: skip
        ref = MeetingRef(mid, as_date(day), s, e, place)
        (cancelled if was_cancelled else held if ref.date <= council.today else planned).append(ref)
    return AnnualReport(
        council=council.name, year=year, today=council.today, held=held, cancelled=cancelled,
        planned=planned, attendance=_attendance(council, held), items=_items(council, held),
        hearings=[h for h in hearings_answered(council, after=date(year - 1, 12, 31), until=end)
                  if h.answered_on and h.answered_on.year == year],
        followups=_followups(council, held),
        events=events_between(council, start=start, end=min(end, council.today)),
        joined=_changes(council, "member_from", start, end),
        left=_changes(council, "member_to", start, end),
    )  # fmt: skip


def _attendance(council: CouncilContext, held: list[MeetingRef]) -> list[Attendance]:
    """A member counts as present unless marked absent, as the minutes print it."""
    absent: set[tuple[int, int]] = set()
    if held:
        from udsat_cli.store.db import in_list

        marks, params = in_list("m", [m.id for m in held])
        absent = {
            (mid, pid)
            for mid, pid in council.db.rows(
                f"SELECT meeting_id, person_id FROM attendance WHERE meeting_id IN {marks} "
                "AND status = 'absent'",
                **params,
            )
        }
    found = []
    for member in sorted(member_list(council, include_left=True).members, key=lambda m: m.id):
        meetings = [m for m in held if is_member_on(member, m.date)]
        if not meetings:
            continue
        away = sum((m.id, member.id) in absent for m in meetings)
        found.append(Attendance(member.full_name, member.role, len(meetings),
                                len(meetings) - away, away))  # fmt: skip
    return found


def _items(council: CouncilContext, held: list[MeetingRef]) -> list[TreatedItem]:
    if not held:
        return []
    from udsat_cli.store.db import in_list

    marks, params = in_list("m", [m.id for m in held])
    return [
        TreatedItem(as_date(day), number, title, kind, decision)
        for day, number, title, kind, decision in council.db.rows(
            "SELECT m.date, i.number, i.title, i.kind, i.decision FROM agenda_item i "
            f"JOIN meeting m ON m.id = i.meeting_id WHERE i.meeting_id IN {marks} "
            "ORDER BY m.date, i.number",
            **params,
        )
    ]


def _followups(council: CouncilContext, held: list[MeetingRef]) -> FollowupCounts:
    counts = dict.fromkeys(("done", "dropped", "open", "in_progress", "postponed"), 0)
    total = 0
    if held:
        from udsat_cli.store.db import in_list

        marks, params = in_list("m", [m.id for m in held])
        for status, n in council.db.rows(
            f"SELECT status, COUNT(*) FROM action WHERE meeting_id IN {marks} GROUP BY status",
            **params,
        ):
            counts[status] = counts.get(status, 0) + n
            total += n
    return FollowupCounts(total, counts["done"], counts["dropped"],
                          counts["open"] + counts["in_progress"], counts["postponed"])  # fmt: skip


def _changes(council: CouncilContext, column: str, start: date, end: date) -> list[Change]:
    return [
        Change(name, role, as_date(day))
        for name, role, day in council.db.rows(
            f"SELECT full_name, role, {column} FROM person WHERE council_id = :c "
            f"AND {column} >= :s AND {column} <= :e AND role NOT IN ('gæst', 'ekstern') "
            f"ORDER BY {column}, full_name",
            c=council.id, s=start, e=end,
        )  # fmt: skip
    ]

