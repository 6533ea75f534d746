"""Deadlines: stored as typed, resolved against the meeting plan whenever they are read.

A deadline is a kind with its parts (``due_kind``, ``due_date``, ``due_meeting_id``, ``due_n``)
and the words it was given (``due_text``), which it is shown in, with the day they come to:
»til efteråret (1. september 2019)«, »næste møde (23. maj 2019)«, »mødet i juni (ikke planlagt)«.
  date                 a day
  meeting              the meeting held on ``due_date`` (``due_meeting_id`` once it exists)
  first_meeting_after  the first meeting on or after ``due_date`` ("mødet i juni")
  nth_meeting_after    the ``due_n``-th meeting after ``due_date`` (the meeting it was set at)
  text                 words that name no day (»snarest«, »til næste SUS«): due by the next
                       meeting, as far as reports and reminders are concerned
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef, Plan


MAX_TEXT = 200


def _anchor_text(kind: str, due_date: date | None, n: int | None) -> str:
    """How an anchored deadline reads when its words were not kept (stores before 0.2)."""
    if kind == "meeting":
        return f"mødet {dates.long_date(due_date)}" if due_date else "mødet"
    if kind == "first_meeting_after":
        return f"første møde fra {dates.long_date(due_date)}" if due_date else "første møde"
    return "næste møde" if n == 1 else f"om {n} møder"


def resolve_deadline(
    kind: str | None,
    due_date: date | None,
    due_meeting_id: int | None,
    due_n: int | None,
    due_text: str | None,
    *,
    source: date,
    plan: Plan,
) -> tuple[date | None, str | None]:
    """The date a deadline falls on today, and how it reads: as written, with its day."""
    if kind is None:
        return None, None
    if kind == "text":
        return None, due_text
    if kind == "date":
        if due_date is None:
            return None, due_text
        day = dates.long_date(due_date)
        plain = not due_text or dates.names_a_day(due_text)
        return due_date, day if plain else f"{due_text} ({day})"
    if kind == "meeting":
        found = plan.by_id.get(due_meeting_id) if due_meeting_id else None
    elif kind == "first_meeting_after":
        found = plan.first_on_or_after(due_date) if due_date else None
    else:  # counted from the source meeting, or from when the deadline was set later on
        found = plan.nth_after(due_date or source, due_n or 1)
    text = due_text or _anchor_text(kind, due_date, due_n)
    if found is None:
        return None, f"{text} ({'aflyst' if kind == 'meeting' else 'ikke planlagt'})"
    return found.date, f"{text} ({dates.long_date(found.date)})"


def set_deadline(council: CouncilContext, action: Any, text: str | None, *, later: bool) -> None:
    """Store a deadline on an Action row as typed. ``later``: set after the action was created, so
    "næste møde" counts from the latest meeting by today, not from the meeting it came from.
    Words that name no day are kept as text (stderr says so); an ambiguous or impossible date
    is refused."""
    from udsat_cli.core.meetings import find_meeting, latest_meeting
    from udsat_cli.dates.grammar import NoReading

    action.due_kind = action.due_date = action.due_meeting_id = action.due_n = None
    action.due_text = None
    if text is None or not text.strip():
        return
    typed = " ".join(text.split())
    try:
        deadline = dates.parse_deadline(typed, today=council.today, seasons=council.seasons)
    except NoReading:
        if len(typed) > MAX_TEXT:
            raise InputError(f"En frist må højst være {MAX_TEXT} tegn.") from None
        action.due_kind, action.due_text = "text", typed
        council.notify(f"Fristen »{typed}« er gemt som tekst; udsat kan ikke sætte en dato på den.")
        return
    if deadline.year_filled and deadline.date:
        council.notify(f"Læste fristen »{typed}« som {dates.long_date(deadline.date)}.")
    action.due_kind, action.due_date, action.due_n = deadline.kind, deadline.date, deadline.n
    if deadline.kind == "nth_meeting_after" and later:
        latest = latest_meeting(council, on_or_before=council.today)
        action.due_date = latest.date if latest else council.today
    if deadline.kind == "meeting":
        assert deadline.date is not None
        action.due_meeting_id = find_meeting(council, deadline.date.isoformat()).id
    action.due_text = typed


# --- udsat date: how a phrase is read, before a secretary trusts it with a deadline ------------


@dataclass(frozen=True)
class Explanation:
    text: str
    reading: dates.Reading
    meeting: MeetingRef | None
    label: str | None  # how a meeting-anchored phrase reads, e.g. "næste møde"

    @property
    def day(self) -> date | None:
        return self.meeting.date if self.meeting else self.reading.date


def explain(council: CouncilContext | None, *, today: date, text: str) -> Explanation:
    """Read ``text``; meeting-anchored phrases are resolved against the council's plan (without
    a council, they are only named)."""
    from udsat_cli.core.meetings import latest_meeting

    reading = dates.read(text, today=today, seasons=council.seasons if council else None)
    if reading.kind == "date":
        return Explanation(text, reading, None, None)
    if council is None:
        return Explanation(text, reading, None, _label(reading))
    plan = council.plan
    source = latest_meeting(council, on_or_before=today)
    held = plan.on(reading.date) if reading.kind == "meeting" and reading.date else None
    due, _ = resolve_deadline(
        reading.kind, reading.date, held.id if held else None, reading.n, text,
        source=source.date if source else today, plan=plan,
    )  # fmt: skip
    return Explanation(text, reading, plan.on(due) if due else None, _label(reading))


def _label(reading: dates.Reading) -> str:
    if reading.kind == "nth_meeting_after":
        return "næste møde" if reading.n == 1 else f"om {reading.n} møder"
    assert reading.date is not None
    if reading.kind == "meeting":
        return f"mødet {dates.long_date(reading.date)}"
    return f"første møde fra {dates.long_date(reading.date)}"
