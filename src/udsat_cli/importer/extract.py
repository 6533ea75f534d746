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
    proposals,
    remember_people,
    sentences,
    with_context,
)
from udsat_cli.importer.fields import MeetingFields, read_fields
from udsat_cli.importer.items import Item, find_items, sections
from udsat_cli.importer.layout import repeated_labels, without_noise
from udsat_cli.importer.notes import Event, Topic, event_in, topic_in
from udsat_cli.importer.source import Line, load

_TRIGGERS = ("senest", "inden", "til", "på", "den", "d.", "før", "i", "efter", "ultimo",
             "primo", "medio", "uge", "næste", "om", "første", "mødet")  # fmt: skip


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
            found and line.kind == "text" and text[:1].islower()
            and found[-1][1:] == (item, section) and not found[-1][0].endswith((".", ":", "?", "!"))
        ):  # fmt: skip
            found[-1] = (f"{found[-1][0]} {text}", item, section)
        else:
            found.append((text, item, section))
    return found


def extract(path: Path) -> Extraction:
    lines = load(path)
    # The same minutes as .docx and as .txt differ in layout, not in words: hash the words.
    words = re.sub(r"[\W_]+", "", " ".join(line.text for line in lines).casefold())
    digest = hashlib.sha256(words.encode()).hexdigest()
    lines = without_noise(lines)
    repeated = repeated_labels(lines)
    meeting = read_fields(lines, path.name)
    items = find_items(lines, meeting.field_lines, repeated)
    places = sections(lines, items, meeting.field_lines, repeated)
    found: list[tuple[Proposal, str | None]] = []
    topics: list[tuple[Topic, str | None]] = []
    events: list[tuple[Event, str | None]] = []
    people = meeting.participants + meeting.absent + meeting.guests
    reader = Reader(people + ([meeting.referent] if meeting.referent else []))
    loose: dict[int, list[tuple[str, Any]]] = {}  # deadlines in a decision, without an owner
    for text, item, section in _paragraphs(lines, places):
        if section in ("background", "proposal") or (item < 0 and items):
            continue
        previous = None
        reader.last_person = None
        title = items[item].title if item >= 0 else None
        for sentence in sentences(text):
            found_here = with_context(proposals(sentence, reader), previous, title)
            remember_people(reader, sentence, found_here)
            if not found_here:
                if topic := topic_in(sentence, title):
                    topics.append((topic, title))
                elif event := event_in(sentence, meeting.date):
                    events.append((event, title))
                elif deadline := find_deadline(sentence, meeting.date):
                    if deadline[1].kind == "date" and item >= 0:
                        loose.setdefault(item, []).append(deadline)
            for proposal in found_here:
                deadline = find_deadline(proposal.what, meeting.date) or (
                    find_deadline(sentence, meeting.date) if len(found_here) == 1 else None
                )
                if deadline:
                    _set_deadline(proposal, deadline)
                found.append((proposal, title))
            previous = sentence
    for item, deadlines in loose.items():  # "Svar inden for ca. 14 dage." under the item
        if len(deadlines) == 1:
            for proposal, title in found:
                if title == items[item].title and proposal.deadline_text is None:
                    _set_deadline(proposal, deadlines[0])
    return Extraction(path.stem, digest, meeting, items, found, topics, events)


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
