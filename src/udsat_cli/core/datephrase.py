"""How udsat reads a phrase, shown before a secretary trusts it with a deadline (``udsat date``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.lookup import MeetingRef
from udsat_cli.core.seasons import seasons_for
from udsat_cli.core.views import Plan, resolve_deadline
from udsat_cli.errors import UdsatError
from udsat_cli.store.db import Db


@dataclass(frozen=True)
class Explanation:
    text: str
    reading: dates.Reading
    meeting: MeetingRef | None
    label: str | None  # how a meeting-anchored phrase reads, e.g. "næste møde"

    @property
    def day(self) -> date | None:
        return self.meeting.date if self.meeting else self.reading.date


def explain(db: Db | None, *, council: str | None, today: date, text: str) -> Explanation:
    """Read ``text``; meeting-anchored phrases are resolved against the council's meeting plan."""
    cref = None
    if db is not None:
        try:
            cref = lookup.council(db, name=council)
        except UdsatError:
            if council:
                raise
    seasons = seasons_for(db, council=cref) if db is not None and cref else None
    reading = dates.read(text, today=today, seasons=seasons)
    if reading.kind == "date":
        return Explanation(text, reading, None, None)
    if db is None or cref is None:
        return Explanation(text, reading, None, _label(reading, None))
    plan = Plan(lookup.meeting_plan(db, council=cref))
    source = lookup.latest_meeting(db, council=cref, on_or_before=today)
    due_meeting_id = None
    if reading.kind == "meeting":
        held = next((m for m in plan.meetings if m.date == reading.date), None)
        due_meeting_id = held.id if held else None
    due, _ = resolve_deadline(
        reading.kind, reading.date, due_meeting_id, reading.n,
        source=source.date if source else today, plan=plan,
    )  # fmt: skip
    meeting = next((m for m in plan.meetings if m.date == due), None) if due else None
    return Explanation(text, reading, meeting, _label(reading, meeting))


def _label(reading: dates.Reading, meeting: MeetingRef | None) -> str:
    if reading.kind == "nth_meeting_after":
        return "næste møde" if reading.n == 1 else f"om {reading.n} møder"
    assert reading.date is not None
    if reading.kind == "meeting":
        return f"mødet {dates.long_date(reading.date)}"
    return f"første møde fra {dates.long_date(reading.date)}"
