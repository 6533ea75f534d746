"""Finding dates and times inside running text, read by the Danish date grammar."""

from __future__ import annotations

import re
from datetime import date

from udsat_cli.dates.vocab import MONTH_WORD
from udsat_cli.errors import UdsatError

_DATE_START = re.compile(
    r"(?<![\w.])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}"
    rf"|\d{{1,2}}\.?\s?{MONTH_WORD}(?:\s+\d{{4}})?)",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?:kl\.?\s*:?\s*)?(\d{1,2})[.:](\d{2})(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?"
    r"|kl\.?\s*(\d{1,2})(?:\s*(?:-|–|til)\s*(\d{1,2}))?",
    re.IGNORECASE,
)


def _read(text: str, context: date | None) -> tuple[date, str | None, str | None] | None:
    from udsat_cli.dates import read

    try:
        found = read(text, today=context or date.today(), prefer="nearest")
    except UdsatError:
        return None
    if found.kind != "date" or found.date is None:
        return None
    return found.date, found.time, found.end_time


def dates_in(text: str, context: date | None = None) -> list[tuple[int, date]]:
    """(position, date) of every absolute date in a text."""
    found = []
    for m in _DATE_START.finditer(text):
        reading = _read(m.group(0).strip(" ."), context)
        if reading:
            found.append((m.start(), reading[0]))
    return found


def clock_range(text: str) -> tuple[str | None, str | None]:
    m = _CLOCK.search(text)
    if not m:
        return None, None
    if m[1] is not None:
        start = _hhmm(m[1], m[2])
        end = _hhmm(m[3], m[4]) if m[3] else None
    else:
        start = _hhmm(m[5], None)
        end = _hhmm(m[6], None) if m[6] else None
    if start is None or (end is not None and end <= start):
        return start, None
    return start, end


def _hhmm(hour: str | None, minute: str | None) -> str | None:
    if hour is None or int(hour) > 23 or int(minute or 0) > 59:
        return None
    return f"{int(hour):02d}:{int(minute or 0):02d}"


def first_date(when: str | None, texts: list[str]) -> tuple[date | None, str | None, str | None]:
    """The meeting's date and time: from the Tid/Dato field, else from the first lines."""
    candidates = ([when] if when else []) + [t for t in texts[:25] if t]
    for text in candidates:
        found = dates_in(text)
        if found:
            position, day = found[0]
            start, end = clock_range(text[position:])
            return day, start, end
    return None, None, None


_PLACE = re.compile(
    r"kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s+(?:i|på)\s+"
    r"(?P<place>[^.]+?(?:\s+i\s+[^.]+?)?)\s*\.?$"
    r"|\b(?:afholdt|holdt)\s+(?:i|på)\s+(?P<held>[^.,]+)",
    re.IGNORECASE,
)


def place_in_prose(texts: list[str]) -> str | None:
    for text in texts:
        if m := _PLACE.search(text):
            return (m["place"] or m["held"]).strip()
    return None
