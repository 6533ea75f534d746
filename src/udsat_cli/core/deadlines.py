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
    from udsat_cli.dates.typos import Guess


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
    is refused, and so is a date or meeting written slightly wrong (»15. marst«, »næste mode«),
    with its nearest reading."""
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
        refuse_near_miss(council, typed, today=council.today, deadline=True)
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


def refuse_near_miss(
    council: CouncilContext | None, text: str, *, today: date, deadline: bool
) -> None:
    """Refuse ``text``, which the grammar could not read, when it is a date or a meeting written
    slightly wrong, offering its nearest reading; return when it names no day (or, read for
    itself and not as a deadline, when no reading is near)."""
    from udsat_cli.dates.grammar import EXAMPLES, quoted
    from udsat_cli.dates.typos import near_miss

    seasons = council.seasons if council else None
    guess = near_miss(text, today=today, seasons=seasons, deadline=deadline)
    if guess is None:
        return
    said = f"fristen »{quoted(text)}«" if deadline else f"»{quoted(text)}« som en dato"
    offer = _offer(council, guess, today=today)
    if offer is not None:
        raise InputError(f"Kan ikke læse {said}; mente du {offer}?")
    if deadline:  # (a phrase read for itself is refused as the grammar refuses it)
        raise InputError(f"Kan ikke læse {said}; skriv den fx som {EXAMPLES}.")


def _offer(council: CouncilContext | None, guess: Guess, *, today: date) -> str | None:
    """The nearest reading as it is offered: 15. marts 2020, or the phrase with its day."""
    if guess.either:
        return " eller ".join(dates.long_date(d) for d in guess.either)
    reading = guess.reading
    if reading is None:
        return None
    if reading.kind == "date":
        assert reading.date is not None  # a date reading has its day
        day = dates.long_date(reading.date)
        return day if dates.names_a_day(guess.phrase) else f"»{guess.phrase}« ({day})"
    if council is None:
        return f"»{guess.phrase}«"
    held = _meeting(council, reading, guess.phrase, today=today)
    return f"»{guess.phrase}« ({dates.long_date(held.date) if held else 'intet møde planlagt'})"


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
    a council, they are only named). A date written slightly wrong is refused with its nearest
    reading."""
    from udsat_cli.dates.grammar import NoReading

    try:
        reading = dates.read(text, today=today, seasons=council.seasons if council else None)
    except NoReading:
        refuse_near_miss(council, text, today=today, deadline=False)
        raise
    if reading.kind == "date":
        return Explanation(text, reading, None, None)
    if council is None:
        return Explanation(text, reading, None, _label(reading))
    return Explanation(
        text, reading, _meeting(council, reading, text, today=today), _label(reading)
    )


def _meeting(
    council: CouncilContext, reading: dates.Reading, text: str, *, today: date
) -> MeetingRef | None:
    """The meeting a meeting-anchored reading comes to in the council's plan, typed ``today``."""
    from udsat_cli.core.meetings import latest_meeting

    plan = council.plan
    source = latest_meeting(council, on_or_before=today)
    held = plan.on(reading.date) if reading.kind == "meeting" and reading.date else None
    due, _ = resolve_deadline(
        reading.kind,
        reading.date,
        held.id if held else None,
        reading.n,
        text,
        source=source.date if source else today,
        plan=plan,
    )
    return plan.on(due) if due else None


def _label(reading: dates.Reading) -> str:
    if reading.kind == "nth_meeting_after":
        return "næste møde" if reading.n == 1 else f"om {reading.n} møder"
    assert reading.date is not None
    if reading.kind == "meeting":
        return f"mødet {dates.long_date(reading.date)}"
    return f"første møde fra {dates.long_date(reading.date)}"
