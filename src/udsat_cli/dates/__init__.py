"""All reading and printing of dates and times, in Danish, in one place.

Reading (``read``) is built on a small grammar plus python-dateutil; printing gives the Danish long
forms. Everything that takes a date from a person goes through here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from udsat_cli.dates.read import EXAMPLES, Reading, Season, default_seasons, quoted, read
from udsat_cli.dates.show import clock, long_date, meeting_when, weekday_date
from udsat_cli.dates.vocab import MONTHS, WEEKDAYS
from udsat_cli.errors import InputError

__all__ = [
    "EXAMPLES", "MONTHS", "WEEKDAYS", "Reading", "Season", "clock", "default_seasons",
    "long_date", "meeting_when", "parse_date", "parse_deadline", "parse_meeting_time", "read",
    "weekday_date",
]  # fmt: skip


def _a_date(text: str, reading: Reading) -> date:
    if reading.kind != "date" or reading.date is None:
        raise InputError(f"«{quoted(text)}» peger på et møde; her skal der stå en dato.")
    return reading.date


def parse_date(text: str, *, today: date, seasons: Mapping[str, Season] | None = None) -> date:
    """A day, without a time: --today, a meeting REF, a date in a listing filter."""
    reading = read(text, today=today, seasons=seasons)
    if reading.time is not None:
        raise InputError(f"«{quoted(text)}»: her skal der kun stå en dato, ikke et klokkeslæt.")
    return _a_date(text, reading)


def parse_meeting_time(text: str, *, today: date) -> tuple[date, str | None, str | None]:
    """A meeting's day and its optional time or time range."""
    reading = read(text, today=today)
    return _a_date(text, reading), reading.time, reading.end_time


def parse_deadline(
    text: str, *, today: date, seasons: Mapping[str, Season] | None = None
) -> Reading:
    """A deadline: a date, or a reference to a meeting resolved when it is read."""
    reading = read(text, today=today, seasons=seasons)
    if reading.time is not None:
        raise InputError(f"«{quoted(text)}»: en frist er en dag; udelad klokkeslættet.")
    return reading
