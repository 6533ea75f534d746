"""Follow-ups that are not "X does Y": points postponed to a later meeting, and dated events.

"Punktet tages op igen næste gang" and "Bo Huniche udskydes til næste møde" become topics for a
coming agenda; "Sommerfesten holdes lørdag d. 21/9" becomes an event. A sentence that already
proposes a task is left to the task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

POSTPONED = re.compile(
    r"\b(?:tages|tage|tager\s+\w+)\s+op\s+(?:igen\s+)?(?:på|ved|til|i)?\s*(?:næste|et\s+senere"
    r"|kommende|senere|efteråret|foråret)"
    r"|\btages\s+op\s+igen\b|\b(?:udskydes|udsættes|udskudt|genoptages|henlægges\s+til)\b"
    r"|\bpå\s+(?:dagsordenen|programmet)\s+(?:til|på|ved)\s+(?:næste|kommende)"
    r"|\b(?:sættes|kommer)\s+på\s+(?:dagsordenen\s+)?(?:til|på|ved)?\s*(?:næste|kommende)"
    r"|\bvender\s+tilbage\s+til\s+(?:punktet|sagen|det)",
    re.I,
)
EVENT_VERB = re.compile(
    r"\b(?:holdes|afholdes|afvikles|finder\s+sted|arrangeres|er\s+planlagt|fejres|løber\s+af"
    r"\s+stablen|bliver\s+(?:holdt|afholdt))\b",
    re.I,
)
ANAPHOR_START = re.compile(r"^(?:punktet|emnet|sagen|dette|det|det\s+her|den|temaet)\b", re.I)
NEXT_MEETING = re.compile(r"\bnæste\s+(?:møde|rådsmøde|bestyrelsesmøde)\b", re.I)


@dataclass
class Topic:
    title: str
    when_text: str | None
    source: str


@dataclass
class Event:
    title: str
    day: date
    source: str


def _subject_phrase(sentence: str, verb_start: int) -> str:
    return sentence[:verb_start].strip(" ,.;:–-")


def topic_in(sentence: str, item: str | None) -> Topic | None:
    """ "Punktet tages op igen næste gang" under "Budget 2025" is the topic "Budget 2025"."""
    m = POSTPONED.search(sentence)
    if not m:
        return None
    subject = _subject_phrase(sentence, m.start())
    subject = re.sub(r"\b(?:blev|bliver|er|skal|vil|må)\s*$", "", subject).strip(" ,")
    subject = re.sub(r",?\s*\b(?:der|som)$", "", subject).strip(" ,")
    if not subject or ANAPHOR_START.match(subject) or len(subject.split()) > 8:
        if not item:
            return None
        title = item
    else:
        title = subject[:1].upper() + subject[1:]
    when = re.search(
        r"\b(?:til|på|ved|i|efter)?\s*(?:næste\s+(?:møde|gang)|efteråret|foråret|sommeren"
        r"|sommerferien|jul(?:en)?|nytår|et\s+senere\s+møde)\b",
        sentence[m.start() :],
        re.I,
    )
    when_text = when[0].strip() if when else None
    if when_text and re.search(r"gang$", when_text):
        when_text = "næste møde"
    return Topic(title, when_text, sentence)


def event_in(sentence: str, context: date | None) -> Event | None:
    """ "Sommerfesten holdes lørdag d. 21/9" with the meeting's date as the year's context."""
    from udsat_cli.importer.when import date_spans

    m = EVENT_VERB.search(sentence)
    if not m or NEXT_MEETING.search(sentence) or sentence.rstrip().endswith("?"):
        return None
    days = [day for _, _, day in date_spans(sentence, context)] + _short_dates(sentence, context)
    later = [d for d in days if context is None or d >= context]
    if not later:
        return None
    title = _subject_phrase(sentence, m.start())
    if not title or len(title.split()) > 8 or ANAPHOR_START.match(title):
        return None
    title = title[:1].upper() + title[1:]
    return Event(title, later[0], sentence)


def _short_dates(sentence: str, context: date | None) -> list[date]:
    """ "d. 21/9": day and month without a year, the year the one after the meeting."""
    from udsat_cli.dates import read
    from udsat_cli.errors import UdsatError

    found = []
    for m in re.finditer(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/])", sentence):
        try:
            reading = read(m[0], today=context or date.today(), prefer="future")
        except UdsatError:
            continue
        if reading.date:
            found.append(reading.date)
    return found
