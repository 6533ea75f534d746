"""The annual report (årsberetning) of one year, as data: a draft the council approves.

Everything is counted from the store, for one council and one calendar year: the meetings held
and cancelled, who attended, the items treated and decided, the consultations answered, the
follow-ups agreed and what became of them, the events the council took part in, and who joined
and left. Approved minutes are read as they were approved (core.approved): a closed item shows
only its public decision, and attendance is the minutes' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.hearings import HearingView, hearings_answered
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.errors import InputError
from udsat_cli.store.db import required_date

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
    decision: str | None  # a closed item's public decision only
    closed: bool = False

    @property
    def is_decision(self) -> bool:
        """A decision item (not an orientation or discussion) with a decision written."""
        return bool(self.decision) and self.kind in (None, "beslutning")


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
        return [i for i in self.items if i.is_decision]

    @property
    def meetings(self) -> list[tuple[MeetingRef, str]]:
        """Every meeting of the year in date order: (meeting, held/cancelled/planned)."""
        found = [(m, "held") for m in self.held] + [(m, "cancelled") for m in self.cancelled]
        found += [(m, "planned") for m in self.planned]
        return sorted(found, key=lambda pair: (pair[0].date, pair[0].id))

    def items_by_kind(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for item in self.items:
            found[item.kind or "andet"] = found.get(item.kind or "andet", 0) + 1
        return found


def annual_report(council: CouncilContext, *, year: int) -> AnnualReport:
    if not 1900 <= year <= 2199:
        raise InputError(f"»{year}« er ikke et årstal mellem 1900 og 2199.")
    db, start, end = council.db, date(year, 1, 1), date(year, 12, 31)
    held: list[MeetingRef] = []
    cancelled: list[MeetingRef] = []
    planned: list[MeetingRef] = []
    for mid, day, s, e, place, was_cancelled in db.rows(
        "SELECT id, date, start_time, end_time, place, cancelled FROM meeting "
        "WHERE council_id = :c AND date >= :s AND date <= :e ORDER BY date, id",
        c=council.id,
        s=start,
        e=end,
    ):
        ref = MeetingRef(mid, required_date(day), s, e, place)
        (cancelled if was_cancelled else held if ref.date <= council.today else planned).append(ref)
    records = [_record(council, m) for m in held]
    return AnnualReport(
        council=council.name,
        year=year,
        today=council.today,
        held=held,
        cancelled=cancelled,
        planned=planned,
        attendance=_attendance(council, records),
        items=_items(records),
        hearings=[
            h
            for h in hearings_answered(council, after=date(year - 1, 12, 31), until=end)
            if h.answered_on and h.answered_on.year == year
        ],
        followups=_followups(council, held),
        events=[
            e
            for e in events_between(council, start=start, end=min(end, council.today))
            if e.attendees
        ],
        joined=_changes(council, "member_from", start, end),
        left=_changes(council, "member_to", start, end),
    )


@dataclass
class _Held:
    """What the year's report needs of one held meeting: from its kept minutes if approved."""

    meeting: MeetingRef
    present: list[str]
    absent: list[str]
    items: list[TreatedItem]


def _record(council: CouncilContext, meeting: MeetingRef) -> _Held:
    from udsat_cli.core.attendance import roll
    from udsat_cli.core.items import read_items
    from udsat_cli.core.minutes import kept_minutes

    kept = kept_minutes(council, meeting=meeting)
    if kept is not None:
        present, absent, items = kept.participants, [a.name for a in kept.absent], kept.items
    else:
        taken = roll(council, meeting)
        present, absent = taken.present, [name for name, _ in taken.absent]
        items = read_items(council, meeting.id)
    treated = [
        TreatedItem(
            meeting.date,
            i.number,
            i.title,
            i.kind,
            i.public_decision if i.closed else i.decision,
            i.closed,
        )
        for i in items
        if not i.standing
    ]
    return _Held(meeting, present, absent, treated)


def _attendance(council: CouncilContext, records: list[_Held]) -> list[Attendance]:
    """Each member's meetings, as the minutes record who was present and who sent afbud."""
    roles: dict[str, str] = dict(
        council.db.rows("SELECT full_name, role FROM person WHERE council_id = :c", c=council.id)
    )
    found: dict[str, Attendance] = {}
    for record in records:
        for name, here in [(n, True) for n in record.present] + [(n, False) for n in record.absent]:
            if roles.get(name) in ("gæst", "ekstern"):
                continue
            row = found.setdefault(name, Attendance(name, roles.get(name, "medlem"), 0, 0, 0))
            row.meetings += 1
            row.present += here
            row.absent += not here
    return list(found.values())


def _items(records: list[_Held]) -> list[TreatedItem]:
    return [item for record in records for item in record.items]


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
    return FollowupCounts(
        total,
        counts["done"],
        counts["dropped"],
        counts["open"] + counts["in_progress"],
        counts["postponed"],
    )


def _changes(council: CouncilContext, column: str, start: date, end: date) -> list[Change]:
    return [
        Change(name, role, required_date(day))
        for name, role, day in council.db.rows(
            f"SELECT full_name, role, {column} FROM person WHERE council_id = :c "
            f"AND {column} >= :s AND {column} <= :e AND role NOT IN ('gæst', 'ekstern') "
            f"ORDER BY {column}, full_name",
            c=council.id,
            s=start,
            e=end,
        )
    ]
