"""All reading and printing of dates and times, in Danish, in one place.

Printing (``show``) is cheap and imported eagerly. The grammar (``read``) compiles its patterns
when first used and is imported only by code that reads a date, so commands that merely print
dates start fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from udsat_cli.dates.show import (
    clock,
    long_date,
    long_date_at,
    meeting_when,
    names_a_day,
    weekday_date,
)
from udsat_cli.dates.vocab import MONTH_WORD, MONTHS, NUMBERS, WEEKDAYS, day_off, weekday_number
from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.dates.grammar import Reading, Season

__all__ = [
    "MONTHS",
    "MONTH_WORD",
    "NUMBERS",
    "WEEKDAYS",
    "Reading",
    "Season",
    "clock",
    "day_off",
    "weekday_number",
    "default_seasons",
    "long_date",
    "long_date_at",
    "meeting_when",
    "parse_date",
    "parse_deadline",
    "parse_meeting_time",
    "parse_moment",
    "read",
    "read_day",
    "read_when",
    "weekday_date",
    "names_a_day",
]


def __getattr__(name: str) -> Any:
    if name in ("Reading", "Season", "default_seasons", "read", "EXAMPLES", "quoted", "NoReading"):
        from udsat_cli.dates import grammar

        return getattr(grammar, name)
    raise AttributeError(name)


def _read(
    text: str, today: date, seasons: Mapping[str, Season] | None = None, *, deadline: bool = False
) -> Reading:
    from udsat_cli.dates.grammar import read

    return read(text, today=today, seasons=seasons, deadline=deadline)


def _quoted(text: str) -> str:
    from udsat_cli.dates.grammar import quoted

    return quoted(text)


def _a_date(text: str, reading: Reading) -> date:
    if reading.kind != "date" or reading.date is None:
        raise InputError(f"»{_quoted(text)}« peger på et møde; her skal der stå en dato.")
    return reading.date


def parse_date(text: str, *, today: date, seasons: Mapping[str, Season] | None = None) -> date:
    """A day, without a time: --today, a meeting REF, a date in a listing filter."""
    iso = text.strip()
    if len(iso) == 10 and iso[4] == iso[7] == "-" and iso.replace("-", "").isdigit():
        try:
            found = date.fromisoformat(iso)  # what scripts and cron pass: no grammar needed
        except ValueError:
            pass
        else:
            if not 1900 <= found.year <= 2199:
                raise InputError(f"»{iso}« ligger uden for årene 1900–2199.")
            return found
    reading = _read(text, today, seasons)
    if reading.time is not None:
        raise InputError(f"»{_quoted(text)}«: her skal der kun stå en dato, ikke et klokkeslæt.")
    return _a_date(text, reading)


def parse_moment(text: str, *, today: date) -> tuple[date, str | None]:
    """A day with an optional time: »2019-04-01«, »2019-04-01 19:30«, »1. april 2019 kl. 19.30«
    (--today: the moment a run is as of, for replays and tests)."""
    import re

    shown = re.sub(r"^(\d{4}-\d{2}-\d{2})T", r"\1 ", " ".join(text.split()))
    day, _, clock = shown.partition(" ")
    if len(clock) == 5 and clock[2] == ":" and clock.replace(":", "").isdigit():
        hour, minute = int(clock[:2]), int(clock[3:])
        if hour > 23 or minute > 59:
            raise InputError(f"»{_quoted(text)}«: {clock} er ikke et klokkeslæt.")
        return parse_date(day, today=today), clock
    if not clock:
        return parse_date(day, today=today), None
    reading = read_when(text, today=today)
    if reading.end_time is not None:
        raise InputError(f"»{_quoted(text)}«: her skal der stå ét klokkeslæt, ikke et tidsrum.")
    return _a_date(text, reading), reading.time


def parse_meeting_time(text: str, *, today: date) -> tuple[date, str | None, str | None]:
    """A meeting's day and its optional time or time range."""
    reading = read_when(text, today=today)
    return _a_date(text, reading), reading.time, reading.end_time


def read_when(text: str, *, today: date) -> Reading:
    """A day with an optional time or time range (a meeting, an event)."""
    reading = _read(text, today)
    _a_date(text, reading)
    return reading


def read_day(text: str, *, today: date, seasons: Mapping[str, Season] | None = None) -> Reading:
    """A day as ``parse_date`` reads it, with how (was the year filled in?)."""
    iso = text.strip()
    if len(iso) == 10 and iso[4] == iso[7] == "-" and iso.replace("-", "").isdigit():
        try:
            from udsat_cli.dates.grammar import Reading

            return Reading("date", date.fromisoformat(iso))
        except ValueError:
            pass
    reading = _read(text, today, seasons)
    if reading.time is not None:
        raise InputError(f"»{_quoted(text)}«: her skal der kun stå en dato, ikke et klokkeslæt.")
    _a_date(text, reading)
    return reading


def parse_deadline(
    text: str, *, today: date, seasons: Mapping[str, Season] | None = None
) -> Reading:
    """A deadline: a date, or a reference to a meeting resolved when it is read. A day and month
    without a year is the nearest such day, and refused as ambiguous when that day has passed."""
    reading = _read(text, today, seasons, deadline=True)
    if reading.time is not None:
        raise InputError(f"»{_quoted(text)}«: en frist er en dag; udelad klokkeslættet.")
    return reading
