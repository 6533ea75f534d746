"""Putting the reading together: one file in, the extraction a secretary reviews out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from udsat_cli.importer.actions import (
    Proposal,
    Reader,
    back_reference,
    ownerless_task,
    proposals,
    remember_people,
    sentences,
    with_context,
)
from udsat_cli.importer.fields import MeetingFields, is_body, read_fields
from udsat_cli.importer.items import Item, find_items, sections
from udsat_cli.importer.layout import repeated_labels, without_noise
from udsat_cli.importer.notes import Event, Topic, event_in, topic_in
from udsat_cli.importer.source import Line, load

_TRIGGERS = (
    "senest",
    "inden",
    "til",
    "på",
    "den",
    "d.",
    "før",
    "i",
    "efter",
    "ultimo",
    "primo",
    "medio",
    "uge",
    "næste",
    "om",
    "første",
    "mødet",
)


# Lines read at all: a 300-page referat has some 15,000; a paste of millions stops here.
MOST_LINES = 60_000
# Characters of decisions and prose read sentence by sentence for tasks: a long referat has a
# few ten thousand; a 10 MB paste stops here instead of taking minutes.
PROSE_BUDGET = 250_000
# A word without which no phrase is a date: a number, a month or weekday, a season, a holiday,
# a unit of time or a meeting.
_DATE_WORD = re.compile(
    r"\d|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|dag|uge|måned|år\b|morgen|møde|ferie"
    r"|forår|efterår|sommer|vinter|høst|påske|pinse|nytår|himmelfart|grundlov|sankt|fastelavn"
    r"|ultimo|primo|medio|kvartal|halvår|weekend|snarest|snart",
    re.I,
)


@dataclass
class Extraction:
    name: str
    digest: str
    meeting: MeetingFields
    items: list[Item]
    actions: list[tuple[Proposal, str | None]]  # with the title of the item it came from
    topics: list[tuple[Topic, str | None]] = field(default_factory=list)
    events: list[tuple[Event, str | None]] = field(default_factory=list)


def find_deadline(text: str, context: date | None) -> tuple[str, Any] | None:
    """The leftmost, longest phrase in ``text`` that reads as a deadline (not "i dag")."""
    from udsat_cli.dates import read
    from udsat_cli.errors import UdsatError

    words = text.replace("–", " ").split()
    for i, word in enumerate(words):
        lower = word.lower()
        if not (lower in _TRIGGERS or lower[:1].isdigit()):
            continue
        if not _DATE_WORD.search(" ".join(words[i : i + 7])):
            continue  # "til Ole og Bo": nothing the date grammar could read
        for j in range(min(len(words), i + 7), i, -1):
            phrase = " ".join(words[i:j]).strip(",.;:()")
            if not phrase or phrase.lower() in ("i dag", "i morgen", "til", "på", "den"):
                continue
            try:
                found = read(phrase, today=context or date.today(), prefer="future")
            except UdsatError:
                continue
            return phrase, found
    return None


def _paragraphs(
    lines: list[Line], places: list[tuple[int, str, str]]
) -> list[tuple[str, int, str]]:
    """(text, item index, section) per paragraph; wrapped lines are joined back together."""
    found: list[tuple[str, int, str]] = []
    for line, (item, section, content) in zip(lines, places, strict=True):
        if line.kind == "blank" or section in ("title", "label", "field", "meta"):
            continue
        text = content.lstrip("·•-– ").strip()
        if (
            found
            and line.kind == "text"
            and text[:1].islower()
            and found[-1][1:] == (item, section)
            and not found[-1][0].endswith((".", ":", "?", "!"))
        ):
            found[-1] = (f"{found[-1][0]} {text}", item, section)
        else:
            found.append((text, item, section))
    return found


def extract(path: Path) -> Extraction:
    lines = load(path)
    # The same minutes as .docx and as .txt differ in layout, not in words: hash the words.
    words = re.sub(r"[\W_]+", "", " ".join(line.text for line in lines).casefold())
    digest = hashlib.sha256(words.encode()).hexdigest()
    lines = without_noise(lines[:MOST_LINES])
    repeated = repeated_labels(lines)
    meeting = read_fields(lines, path.name)
    items = find_items(lines, meeting.field_lines, repeated)
    places = sections(lines, items, meeting.field_lines, repeated)
    found: list[tuple[Proposal, str | None]] = []
    topics: list[tuple[Topic, str | None]] = []
    events: list[tuple[Event, str | None]] = []
    people = meeting.participants + meeting.absent + meeting.guests
    reader = Reader(people + ([meeting.referent] if meeting.referent else []))
    read = _Reading(meeting.date)
    current = None
    budget = PROSE_BUDGET
    for text, item, section in _paragraphs(lines, places):
        if section in ("background", "proposal") or (item < 0 and items):
            continue
        if budget <= 0:
            break  # far beyond any minutes: the rest is not read sentence by sentence
        text, budget = text[:budget], budget - len(text)
        title = items[item].title if item >= 0 else None
        if item != current:
            current, read.pending, read.last, read.just_before = item, [], [], []
            reader.we = reporting_unit(title or "")
        if (m := DEADLINE_LINE.match(text)) and read.last:  # "Frist: 1. maj" under the task
            if deadline := read.deadline(m["when"]):
                for proposal in read.last:
                    if proposal.deadline_text is None:
                        _set_deadline(proposal, deadline)
            continue
        unit = UNIT_SPEAKS.match(text)
        we, reader.we = reader.we, (reporting_unit(f"fra {unit['unit']}") if unit else reader.we)
        previous = None
        reader.last_person = None
        for sentence in sentences(text):
            found_here = _sentence(sentence, previous, title, reader, read)
            if not found_here:
                if topic := topic_in(sentence, title):
                    topics.append((topic, title))
                elif event := event_in(sentence, meeting.date):
                    events.append((event, title))
            found.extend((proposal, title) for proposal in found_here)
            previous = sentence
        reader.we = we
    return Extraction(path.stem, digest, meeting, items, found, topics, events)


# "Frist: 1. maj", "Deadline: uge 12": the deadline of the task just above.
DEADLINE_LINE = re.compile(
    r"^(?:frist|deadline|tidsfrist|svarfrist|senest)\s*:\s*(?P<when>.+)$", re.I
)
# "Fra forvaltningen: Vi har …": a unit speaking in the first person.
UNIT_SPEAKS = re.compile(r"^(?:orientering\s+|nyt\s+)?fra\s+(?P<unit>[^:.]{3,40}):", re.I)
_REPORT = re.compile(
    r"^(?:orientering|nyt|status|meddelelser?|information|beretning|nyheder|fra)\s+(?:fra|ved)?\s*"
    r"(?P<unit>[^,.:;]{3,60})$",
    re.I,
)
_UNIT = re.compile(
    r"forvaltning|administration|sekretariat|afdeling|\bcent(?:er|ret)\b|kommune|direktion"
    r"|\bstab(?:en)?\b|\benhed|myndighed|jobcent|borgerservice|\S\s&\s\S",
    re.I,
)


def reporting_unit(title: str) -> str | None:
    """ "Orientering fra Social & Familie": in this point "vi" is that unit, not the council."""
    m = _REPORT.match(title.strip())
    if not m or not _UNIT.search(m["unit"]):
        return None
    unit = m["unit"].strip()
    return unit[:1].upper() + unit[1:]


@dataclass
class _Reading:
    """What the reading of one point carries from sentence to sentence."""

    meeting_day: date | None
    pending: list[tuple[str, str]] = field(default_factory=list)  # (task, source) without owner
    last: list[Proposal] = field(default_factory=list)  # the tasks of the last sentence with any
    just_before: list[Proposal] = field(default_factory=list)  # the previous sentence's tasks

    def deadline(self, text: str) -> tuple[str, Any] | None:
        """A deadline stated in ``text``; never the meeting's own day (that is when it was said)."""
        found = find_deadline(text, self.meeting_day)
        if found and found[1].kind == "date" and found[1].date == self.meeting_day:
            return None
        return found


def _sentence(
    sentence: str, previous: str | None, title: str | None, reader: Reader, read: _Reading
) -> list[Proposal]:
    """The tasks of one sentence, with the deadlines its own words state."""
    if owners := back_reference(sentence, reader):  # "Asbjørn og Louise har opgaven."
        made = [
            Proposal(owners, task, source, 0.75, f"»{sentence.strip()}« efter opgaven")
            for task, source in read.pending
        ]
        if not made:
            for proposal in read.last:
                if all(is_body(o) or o.casefold() == "vi" for o in proposal.owners):
                    proposal.owners = list(owners)
        read.pending = []
        read.last = made or read.last
        return made
    found = proposals(sentence, reader)
    for proposal in found:
        if deadline := read.deadline(_clause_of(proposal, sentence)):
            _set_deadline(proposal, deadline)
    found = with_context(found, previous, title)
    remember_people(reader, sentence, found)
    just_before, read.just_before = read.just_before, found
    if found:
        read.pending, read.last = [], found
        return found
    if (m := DEADLINE_SENTENCE.search(sentence)) and just_before:
        # "Svaret skal være forvaltningen i hænde inden 1. februar." right after the task
        if deadline := read.deadline(m[0]):
            for proposal in just_before:
                if proposal.deadline_text is None:
                    _set_deadline(proposal, deadline)
    elif task := ownerless_task(sentence):
        anaphoric = previous and ANAPHOR_START.match(sentence)
        read.pending.append((task, f"{previous} {sentence}" if anaphoric else sentence))
    return found


# A sentence of its own that only states when: "Svaret skal foreligge senest 1. marts."
DEADLINE_SENTENCE = re.compile(
    r"\b(?:senest|inden|(?:frist(?:en)?|deadline)\s*(?:er\b|:)?)\s*(?:den\s+|d\.\s*)?"
    r"(?:\d{1,2}\.?\s*(?:/\s*\d{1,2}|[a-zæøå]+\.?)(?:\s*\d{4})?|(?:man|tirs|ons|tors|fre|lør|søn)dag\b"
    r"|uge\s+\d{1,2})",
    re.I,
)
ANAPHOR_START = re.compile(r"^(?:det|dette|den|denne|disse|de)\b", re.I)


def _clause_of(proposal: Proposal, sentence: str) -> str:
    """The task and what stands before its owner in its own clause: "Til næste møde tager Søren
    …" keeps its opening, "… og Siw kan hjælpe fra uge 47" is another clause."""
    what = proposal.what
    first = what.split()[0] if what.split() else ""
    at = sentence.find(what) if what in sentence else sentence.find(first)
    if at <= 0:
        return what
    owner = proposal.owners[0].split()[0] if proposal.owners and proposal.owners[0].split() else ""
    named = sentence.casefold().find(owner.casefold(), 0, at) if owner else -1
    lead = sentence[: named if named >= 0 else at]
    lead = re.split(r"[,;:(]\s*|\s(?:og|men|samt)\s|\s[–-]>?\s", lead)[-1]
    return f"{lead} {what}"


def _set_deadline(proposal: Proposal, deadline: tuple[str, Any]) -> None:
    proposal.deadline_text = deadline[0]
    proposal.anchored = deadline[1].kind != "date"
    proposal.deadline = deadline[1].date if not proposal.anchored else None


def to_json(x: Extraction) -> dict[str, Any]:
    m = x.meeting
    return {
        "meeting": {
            "council": m.council,
            "date": m.date.isoformat() if m.date else None,
            "start": m.start,
            "end": m.end,
            "place": m.place,
            "participants": m.participants,
            "absent": m.absent,
            "guests": m.guests,
            "referent": m.referent,
        },
        "items": [
            {
                "number": i.number,
                "title": i.title,
                "kind": i.kind,
                "background": "\n".join(i.background) or None,
                "decision": "\n".join(i.decision) or None,
            }
            for i in x.items
        ],
        "actions": [
            {
                "owners": p.owners,
                "what": p.what,
                "deadline_text": p.deadline_text,
                "deadline": p.deadline.isoformat() if p.deadline else None,
                "item": item,
                "confidence": p.confidence,
                "reason": p.reason,
                "source": p.source,
            }
            for p, item in x.actions
        ],
        "topics": [
            {"title": t.title, "when_text": t.when_text, "item": item, "source": t.source}
            for t, item in x.topics
        ],
        "events": [
            {"title": e.title, "date": e.day.isoformat(), "item": item, "source": e.source}
            for e, item in x.events
        ],
    }
