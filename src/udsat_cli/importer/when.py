"""Finding dates and times inside running text, read by the Danish date grammar."""

from __future__ import annotations

import re
from datetime import date

from udsat_cli.dates.vocab import MONTH_WORD
from udsat_cli.errors import UdsatError

_DATE_START = re.compile(
    r"(?:(?<=\bd\.)|(?<![\w.]))(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}"
    r"|\d{1,2}/\d{1,2}\s+\d{4}"
    rf"|\d{{1,2}},\s*{MONTH_WORD},?\s+\d{{4}}"  # "10, oktober, 2024" in an agenda system's header
    rf"|\d{{1,2}}\.?\s?{MONTH_WORD}(?:\s+\d{{4}})?)",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"(?:kl\.?\s*:?\s*)?(?<![\d.])(\d{1,2})[.:](\d{2})(?![.\d])(?:\s*(?:-|–|til)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?)?"
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
    return [(start, day) for start, _, day in date_spans(text, context)]


def date_spans(text: str, context: date | None = None) -> list[tuple[int, int, date]]:
    found = []
    for m in _DATE_START.finditer(text):
        reading = _read(m.group(0).strip(" ."), context)
        if reading:
            found.append((m.start(), m.end(), reading[0]))
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


_KEYWORDS = re.compile(r"møde|referat|dato|\btid\b|\bkl\b|dagsorden|beslutning|afholdt", re.I)
_NOT_THIS_MEETING = re.compile(
    r"(?:referat(?:et)?\s+(?:af|fra)\s+(?:mødet|sidste|forrige|seneste)|sidste|forrige|næste|seneste|tidligere|godkend\w*|udsendt"
    r"|frist|deadline|senest|inden|indtil|fra\s+den)\b[^.]*$",
    re.I,
)
_FILE_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def file_date(name: str) -> date | None:
    """ "referat-2012-06-18.txt": the date many secretaries put in the file name."""
    if m := _FILE_DATE.search(name):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def first_date(
    when: str | None, texts: list[str], name: str = ""
) -> tuple[date | None, str | None, str | None]:
    """The meeting's date and time: from the Tid/Dato field; else a date in a heading or a line
    about the meeting; else the file name's date; else the first other date near the top. Dates
    of other meetings ("referat af mødet den …", "næste møde …") and dates in parentheses (the
    agenda's events) are not the meeting's."""
    from_name = file_date(name)
    if when and (spans := date_spans(when, from_name)):
        start, end = clock_range(when[spans[0][1] :])
        if start is None:
            start, end = clock_range(when)
        return spans[0][2], start, end
    strong, weak = [], []
    for text in [t for t in texts if t][:30]:
        for start, end, day in date_spans(text, from_name):
            before = text[:start]
            if _NOT_THIS_MEETING.search(before) or before.count("(") > before.count(")"):
                continue
            alone = len(text) - (end - start) <= 24 and not before.strip(" ,").count(" ") > 1
            # a line that is the date ("Torsdag 10, oktober, 2024 - 16:00") heads the minutes
            (strong if alone or _KEYWORDS.search(text) else weak).append((day, text, end))
    if strong or (weak and not from_name):
        day, text, end = (strong or weak)[0]
        start_time, end_time = clock_range(text[end:])
        return day, start_time, end_time
    if from_name:
        return from_name, None, None
    return None, None, None


_PLACE = re.compile(
    r"kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s+(?:(?:i|på)\s+|(?=hos\s))"
    r"(?P<place>[^.]+?(?:\s+i\s+[^.]+?)?)\s*\.?$"
    r"|\b(?:afholdt|holdt)\s+(?P<held>(?:i|på)\s+[^.,]+|hos\s+[A-ZÆØÅ][^.,]*)"
    r"|\d{4}\s+(?P<after>hos\s+[A-ZÆØÅ][^.,]*)",
    re.IGNORECASE,
)


_VENUE = re.compile(
    r"\b\w+(?:vej|gade|allé|alle|plads|stræde|torv|vænge|parken)\s+\d+\w?\b"
    r"|\b\w*(?:huset|salen|lokale|lokalet|rådhus|rådhuset|centret|center|biblioteket|kantinen"
    r"|skolen|kirken|mødelokale)\b",
    re.I,
)


def place_in_prose(texts: list[str]) -> str | None:
    for text in texts:
        if m := _PLACE.search(text):
            held = re.sub(r"^(?:i|på)\s+", "", m["held"] or "")
            return (m["place"] or held or m["after"]).strip()
    texts = [text for text in texts if text][:8]
    for text in texts:  # a venue on its own line under the title: "Fælleshuset, Engvej 2"
        if _VENUE.search(text) and len(text.split()) <= 7 and ":" not in text:
            if not re.search(r"\d{4}|møde\b|referat|dagsorden|^\d{1,2}\s*[.)]", text, re.I):
                return text.strip(" .")
    return None
