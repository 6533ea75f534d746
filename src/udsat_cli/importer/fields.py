"""The meeting's header: forum, time, place, who came, who did not, guests and referent.

Labels may stand with or without a colon, alone on a line (the value on the next lines) or inline,
or in a two-column Word table; the date may also stand in the title or in a prose sentence like
"Referat af møde i … den 24.10.2016 kl. 10.00 i mødelokale M1".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from udsat_cli.importer.source import Line

LABELS = {
    "council": ("forum", "råd", "udvalg", "bestyrelse"),
    "when": ("tid", "tidspunkt", "dato", "mødedato", "mødetid", "afholdt"),
    "clock": ("kl", "klokken", "klokkeslæt"),
    "place": ("sted", "mødested", "lokale", "adresse"),
    "participants": ("deltagere", "tilstede", "til stede", "fremmødte", "tilstedeværende",
                     "mødedeltagere", "deltog", "deltagende", "medlemmer"),
    "absent": ("afbud", "afbud fra", "fraværende", "udeblevet", "udeblevet uden afbud",
               "ikke til stede", "ikke mødt", "forfald", "meldt afbud"),
    "guests": ("gæster", "gæst", "inviterede", "desuden deltog", "øvrige deltagere"),
    "referent": ("referent", "referat taget af", "referatskriver"),
    "other": ("dagsorden udsendt", "dagorden udsendt", "referat udsendt", "ordstyrer",
              "mødeleder", "mødeleder/ordstyrer", "emne"),
}  # fmt: skip
_LABEL_OF = {label: key for key, labels in LABELS.items() for label in labels}
ROLE_WORDS = {"formand", "næstformand", "medlem", "suppleant", "sekretær", "referent", "gæst",
              "kasserer", "konsulent", "chefkonsulent", "leder", "afdelingsleder", "formanden",
              "næstformanden"}  # fmt: skip
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-zÆØÅæøå/ ]{2,30}?)\s*\.?\s*:\s*(?P<value>.*)$")


@dataclass
class MeetingFields:
    council: str | None = None
    date: date | None = None
    start: str | None = None
    end: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    guests: list[str] = field(default_factory=list)
    referent: str | None = None
    field_lines: set[int] = field(default_factory=set)  # lines consumed by the header


def label_of(text: str) -> tuple[str, str] | None:
    """("participants", "Jette, Allan") for "Deltagere: Jette, Allan"; None for other lines."""
    m = LABEL_LINE.match(text)
    if m:
        key = _LABEL_OF.get(" ".join(m["label"].lower().rstrip(".").split()))
        return (key, m["value"].strip()) if key else None
    bare = text.lower().rstrip(".:").strip()
    if bare in _LABEL_OF and text.rstrip().endswith(":"):
        return _LABEL_OF[bare], ""
    return None


def _is_name(part: str) -> bool:
    words = part.split()
    return (
        0 < len(words) <= 5
        and part[0].isupper()
        and not any(ch.isdigit() for ch in part)
        and not part.endswith(":")
    )


def is_body(name: str) -> bool:
    """ "Seniorrådet", "Bestyrelsen": the council itself, not a person."""
    word = name.split()[0].lower() if name.split() else ""
    return word.endswith(("rådet", "bestyrelsen", "udvalget")) or word in {"vi", "rådet"}


def split_names(value: str) -> list[tuple[str, str | None]]:
    """ "Jette Nyboe (syg), Allan og Helge Bo, formand" -> [(name, note), ...]."""
    found = []
    for part in re.split(r",|;|\bog\b|\s&\s|\s[–-]\s", value):
        note = None
        if m := re.search(r"\(([^)]*)\)", part):
            note = m[1].strip()
            part = part[: m.start()] + part[m.end() :]
        part = " ".join(part.split()).strip(" .")
        if not part or part.lower() in ROLE_WORDS or is_body(part) or not _is_name(part):
            continue
        found.append((part, note))
    return found


def _values(lines: list[Line], start: int, value: str) -> tuple[str, int]:
    """The value of a label: inline, or the next non-blank lines (one per line) up to a blank."""
    if value:
        return value, start
    collected, i = [], start + 1
    while i < len(lines) and lines[i].kind == "blank":
        i += 1
    while i < len(lines) and lines[i].kind != "blank":
        text = lines[i].text
        if label_of(text) or text.endswith(":") or lines[i].kind in ("heading", "number"):
            break
        collected.append(text)
        i += 1
    return ", ".join(collected), i - 1


def read_fields(lines: list[Line]) -> MeetingFields:
    from udsat_cli.importer.when import clock_range, first_date, place_in_prose

    found = MeetingFields()
    when_text = clock_text = None
    for i, line in enumerate(lines):
        labelled = label_of(line.text) if line.kind in ("text", "field") else None
        if labelled is None:
            continue
        key, value = labelled
        value, last = _values(lines, i, value)
        found.field_lines.update(range(i, last + 1))
        if key == "council" and value and not found.council:
            found.council = value
        elif key == "when" and value and when_text is None:
            when_text = value
        elif key == "clock" and value and clock_text is None:
            clock_text = value
        elif key == "place" and value and not found.place:
            found.place = value.rstrip(".")
        elif key in ("participants", "absent", "guests"):
            for name, note in split_names(value):
                getattr(found, key).append(name)
                if note and "referent" in note.lower():
                    found.referent = name
                elif note and key == "absent":
                    found.reasons[name] = note
        elif key == "referent" and value and not found.referent:
            names = split_names(value)
            found.referent = names[0][0] if names else None
    texts = [line.text for line in lines]
    day, start, end = first_date(when_text, texts)
    found.date = day
    found.start, found.end = (start, end) if start else clock_range(clock_text or "")
    if found.place is None:
        found.place = place_in_prose(texts[:15])
    for text in texts:  # "Velkommen til Lisbeth Andersen." names a guest
        if m := re.match(r"Velkommen til ([A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+){0,3})", text):
            if m[1] not in found.participants and m[1] not in found.guests:
                found.guests.append(m[1])
    return found
