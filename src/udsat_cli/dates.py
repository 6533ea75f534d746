"""All reading and printing of dates and times, in Danish.

Reading returns plain values (``date``, ``"HH:MM"`` strings) or a ``Deadline`` for phrases that may
point at a meeting. Printing always gives the Danish long form; ISO belongs to JSON and CSV only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from udsat_cli.errors import InputError

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

EXAMPLES = '"23. maj 2019", "23/5-2019" eller "næste møde"'


@dataclass(frozen=True)
class Deadline:
    """A deadline as the user meant it: a date, or a reference to a meeting resolved when read.

    kind: "date" (date), "meeting" (the meeting held on ``date``), "first_meeting_after"
    (the first meeting on or after ``date``) or "nth_meeting_after" (the ``n``-th meeting after
    the action's source meeting).
    """

    kind: str
    date: date | None = None
    n: int | None = None

    @property
    def anchored(self) -> bool:
        return self.kind != "date"


# --- reading ---------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})")
_LONG = re.compile(r"(\d{1,2})\.?\s*([a-zæøå]+)\.?\s+(\d{4})")
_TIME_RANGE = re.compile(
    r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|til)\s*(\d{1,2})(?:[.:](\d{2}))?$"
)
_TIME = re.compile(r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?$")


def _clean(text: str) -> str:
    return " ".join(text.strip().lower().rstrip(".,;!").split())


def _month_number(word: str) -> int | None:
    for number, name in enumerate(MONTHS, start=1):
        if name.startswith(word) and len(word) >= 3:
            return number
    return None


def _make_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"«{text}» er ikke en gyldig dato.") from None


def _read_date(text: str) -> date | None:
    if m := _ISO.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _NUMERIC.fullmatch(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), text)
    if (m := _LONG.fullmatch(text)) and (month := _month_number(m[2])):
        return _make_date(int(m[3]), month, int(m[1]), text)
    return None


def parse_date(text: str, *, today: date) -> date:
    """Read an absolute date ("1. april 2019", "1/4-2019", "1.4.2019", "2019-04-01")."""
    cleaned = _clean(text)
    if cleaned == "i dag":
        return today
    found = _read_date(cleaned)
    if found is None:
        raise InputError(f"Kan ikke læse datoen «{text}»; skriv fx {EXAMPLES}.")
    return found


def _hhmm(hour: str, minute: str | None, text: str) -> str:
    h, m = int(hour), int(minute or 0)
    if h > 24 or m > 59:
        raise InputError(f"«{text}» er ikke et gyldigt klokkeslæt.")
    return f"{h:02d}:{m:02d}"


def parse_meeting_time(text: str, *, today: date) -> tuple[date, str | None, str | None]:
    """Read a meeting's date and optional time or time range ("1. april 2019 kl. 16.00-18.00")."""
    cleaned = _clean(text)
    day_part, _, time_part = cleaned.partition(" kl")
    time_part = time_part.strip(". ")
    if not time_part:
        # "1/4-2019 16:00-18:00": the time may follow without "kl."
        words = cleaned.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            if _read_date(" ".join(words[:cut])):
                day_part, time_part = " ".join(words[:cut]), " ".join(words[cut:])
                break
    when = parse_date(day_part, today=today)
    if not time_part:
        return when, None, None
    if m := _TIME_RANGE.fullmatch(time_part):
        return when, _hhmm(m[1], m[2], text), _hhmm(m[3], m[4], text)
    if m := _TIME.fullmatch(time_part):
        return when, _hhmm(m[1], m[2], text), None
    raise InputError(f"Kan ikke læse klokkeslættet i «{text}»; skriv fx «23. maj 2019 kl. 16-18».")


def parse_deadline(text: str, *, today: date) -> Deadline:
    """Read a deadline: a date, or "næste møde" (the first meeting after the source meeting)."""
    cleaned = _clean(text)
    if cleaned in ("næste møde", "til næste møde", "på næste møde"):
        return Deadline("nth_meeting_after", n=1)
    found = _read_date(cleaned)
    if found is None:
        raise InputError(f"Kan ikke læse fristen «{text}»; skriv fx {EXAMPLES}.")
    return Deadline("date", date=found)


# --- printing --------------------------------------------------------------------------------


def long_date(d: date) -> str:
    """1. april 2019"""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def weekday_date(d: date) -> str:
    """mandag d. 1. april 2019"""
    return f"{WEEKDAYS[d.weekday()]} d. {long_date(d)}"


def clock(start: str | None, end: str | None = None) -> str:
    """kl. 16.00–18.00 (empty when no time is known)"""
    if not start:
        return ""
    text = f"kl. {start.replace(':', '.')}"
    return f"{text}–{end.replace(':', '.')}" if end else text


def meeting_when(d: date, start: str | None = None, end: str | None = None) -> str:
    """mandag d. 1. april 2019 kl. 16.00–18.00"""
    return " ".join(part for part in (weekday_date(d), clock(start, end)) if part)
