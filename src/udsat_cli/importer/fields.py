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
    "when": (
        "tid",
        "tidspunkt",
        "dato",
        "mødedato",
        "mødetid",
        "afholdt",
        "mødetidspunkt",
        "mødedag",
    ),
    "clock": ("kl", "klokken", "klokkeslæt"),
    "place": ("sted", "mødested", "lokale", "adresse", "mødelokale", "lokation"),
    "participants": (
        "deltagere",
        "tilstede",
        "til stede",
        "fremmødte",
        "tilstedeværende",
        "mødedeltagere",
        "deltog",
        "deltagende",
        "medlemmer",
        "fremmødt",
        "fremmødet",
        "deltager",
    ),
    "absent": (
        "afbud",
        "afbud fra",
        "fraværende",
        "udeblevet",
        "udeblevet uden afbud",
        "ikke til stede",
        "ikke mødt",
        "forfald",
        "meldt afbud",
        "fraværende med afbud",
        "deltog ikke",
        "afbud med fravær",
        "afbud/fravær",
    ),
    "guests": ("gæster", "gæst", "inviterede", "desuden deltog", "øvrige deltagere"),
    "referent": (
        "referent",
        "referat taget af",
        "referatskriver",
        "valg af referent",
        "referent for mødet",
        "referat ved",
    ),
    "other": (
        "dagsorden udsendt",
        "dagorden udsendt",
        "referat udsendt",
        "ordstyrer",
        "mødeleder",
        "mødeleder/ordstyrer",
        "emne",
    ),
}
_LABEL_OF = {label: key for key, labels in LABELS.items() for label in labels}
ROLE_WORDS = {
    "formand",
    "næstformand",
    "medlem",
    "suppleant",
    "sekretær",
    "referent",
    "gæst",
    "kasserer",
    "konsulent",
    "chefkonsulent",
    "leder",
    "afdelingsleder",
    "formanden",
    "næstformanden",
}
LABEL_LINE = re.compile(r"^(?P<label>[A-Za-zÆØÅæøå/ ]{2,30}?)\s*\.?\s*:\s*(?P<value>.*)$")
ENUMERATOR = re.compile(
    r"^\s*(?:[a-zA-Z]|\d{1,2})\s*[).]\s+"
)  # "a ) Valg af referent", "1. Deltagere"
# A label run into its value in text taken from PDFs: "MødestedByrådssalen", "Tid10. maj".
RUN_IN = re.compile(
    "^(?P<label>"
    + "|".join(
        sorted(
            (lab.capitalize() for labs in LABELS.values() for lab in labs if len(lab) >= 4),
            key=len,
            reverse=True,
        )
    )
    + r")(?P<value>[A-ZÆØÅ0-9].*)$"
)
NOT_NAMES = {
    "ingen",
    "alle",
    "ingen afbud",
    "alle mødt",
    "alle til stede",
    "n/a",
    "nej",
    "-",
    "ikke relevant",
    "ingen fraværende",
    "ingen gæster",
    "alle deltog",
    "fuldtallig",
}


# A header's facts stand in its first characters: a line a megabyte long is searched that far.
HEAD = 300
PROSE_HEAD = 5000


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
    guest_roles: dict[str, str] = field(default_factory=dict)  # »Karen Holm«: »forvaltningen«
    referent: str | None = None
    field_lines: set[int] = field(default_factory=set)  # lines consumed by the header


# "Fra Velfærdsforvaltningen: …", "Fra administrationen deltager: …": more people present,
# from a unit, under the members.
FROM_UNIT = re.compile(
    r"^fra\s+(?P<unit>[\wæøå&-]+(?:\s+[\wæøå&-]+)?)(?P<verb>\s+(?:deltager|deltog|deltagere))?$",
    re.I,
)


def label_of(text: str) -> tuple[str, str] | None:
    """("participants", "Jette, Allan") for "Deltagere: Jette, Allan"; None for other lines."""
    text = ENUMERATOR.sub("", text, count=1)
    m = LABEL_LINE.match(text)
    if m:
        label = " ".join(m["label"].lower().rstrip(".").split())
        key = _LABEL_OF.get(label) or _LABEL_OF.get(label.split(" fra ")[0])
        if key is None and (unit := FROM_UNIT.match(label)):
            key = "participants" if unit["verb"] else "unit"
        return (key, m["value"].strip()) if key else None
    bare = text.lower().rstrip(".:").strip()
    if bare in _LABEL_OF and (text.rstrip().endswith(":") or bare in _ALONE):
        return _LABEL_OF[bare], ""
    if m := RUN_IN.match(text):
        return _LABEL_OF[m["label"].lower()], m["value"].strip()
    return None


# Labels that may stand alone on a line without a colon, the value on the next line (PDF text,
# an agenda system's facts block); not the council's ("Udvalg") nor the others ("Emne").
_ALONE = {
    label
    for key in ("when", "clock", "place", "participants", "absent", "guests", "referent")
    for label in LABELS[key]
} - {"afholdt", "deltog"}


def _is_name(part: str) -> bool:
    words = part.split()
    return (
        0 < len(words) <= 5
        and part.casefold() not in NOT_NAMES
        and part[0].isupper()
        and not any(ch.isdigit() for ch in part)
        and not part.endswith(":")
        and words[0].casefold() not in QUANTIFIERS
    )


QUANTIFIERS = {"resten", "alle", "ingen", "øvrige", "hele", "samtlige", "begge"}


def is_body(name: str) -> bool:
    """ "Seniorrådet", "Bestyrelsen": the council itself, not a person."""
    word = name.split()[0].lower() if name.split() else ""
    return word.endswith(("rådet", "bestyrelsen", "udvalget")) or word in {"vi", "rådet"}


# A title before the name: "Direktør Mette Jeppesen", "Sundheds- og Omsorgschef Thyra Pallesen".
_TITLE_WORD = re.compile(
    r"^(?:\w+-\s+og\s+)?\w*(?:chef|direktør|leder|konsulent|koordinator|medarbejder|rådgiver"
    r"|sekretær|formand|næstformand|medlem|borgmester|rådmand|kasserer|referent|suppleant"
    r"|repræsentant|udviklingskonsulent|sagsbehandler|fuldmægtig|specialist|ergoterapeut"
    r"|sygeplejerske|psykolog)\s+(?=[A-ZÆØÅ])",
    re.IGNORECASE,
)


def _without_title(part: str) -> str:
    stripped = _TITLE_WORD.sub("", part, count=1)
    return stripped if stripped != part and len(stripped.split()) >= 1 else part


def split_names(value: str) -> list[tuple[str, str | None]]:
    """ "Jette Nyboe (syg), Allan og Helge Bo, formand" -> [(name, note), ...]."""
    found = []
    notes: list[str] = []

    def hide(m: re.Match[str]) -> str:  # a reason in parentheses may hold commas and "og"
        notes.append(m[1].strip())
        return f"\x00{len(notes) - 1}\x00"

    masked = re.sub(r"\(([^)]*)\)", hide, value)
    masked = re.sub(r"-\s+og\s+", "-\x01", masked)  # "Sundheds- og Omsorgschef" is one word
    for part in re.split(r",|;|\bog\b|\s&\s|\s[–-]\s", masked):
        part = part.replace("\x01", " og ")
        note = None
        if m := re.search(r"\x00(\d+)\x00", part):
            note = notes[int(m[1])]
            part = part[: m.start()] + part[m.end() :]
        part = part.replace("\x00", "")
        part = _without_title(" ".join(part.split()).strip(" ."))
        if not part or part.lower() in ROLE_WORDS or is_body(part) or not _is_name(part):
            continue
        found.append((part, note))
    return found


_BULLET = re.compile(r"^\s*(?:[•·*▪◦‣–-]|\d{1,2}[.)])\s*")


def _lead_name(line: str, rest_as_note: bool = False) -> tuple[str, str | None] | None:
    """One person on a line of a list: "Ole Jensen, formand", "• Rie Lind: Konsulent, SIOU",
    "Karina Hoyda, ansat i Center for Social Indsats (referent)": the name, and a note."""
    text = _BULLET.sub("", line).strip()
    note = None
    if m := re.search(r"\(([^)]*)\)", text):
        note = m[1].strip()
    head, *rest = re.split(r"\s*[:,(]\s*|\s[–-]\s", text, maxsplit=1)
    if rest_as_note and note is None and rest:
        note = rest[0].strip(" .") or None  # a guest's organisation: "Katrine Lind, SIOU"
    head = _without_title(" ".join(head.split()).strip(" ."))
    if not head or head.lower() in ROLE_WORDS or is_body(head) or not _is_name(head):
        return None
    return head, note


def names_in(entries: list[str], rest_as_note: bool = False) -> list[tuple[str, str | None]]:
    """The people of a label's value: one line inline ("A, B og C"), a list written one person a
    line (with their role or organisation after the name), or an inline list a PDF wrapped."""
    bullets = all(_BULLET.match(e) for e in entries)
    if bullets or len(entries) >= 3:
        short = [e for e in entries if len(re.split(r"[,;]", e)) <= 2 or ":" in e]
        if bullets or len(short) * 2 > len(entries):
            found = [_lead_name(e, rest_as_note) for e in entries]
            return [f for f in found if f]
    text = ""
    for entry in entries:
        first = re.split(r"[,;]", entry, maxsplit=1)[0].split()
        wrapped = (
            text
            and "," in text
            and not text.rstrip().endswith((",", ";", "."))
            and len(first) == 1
            and not re.match(r"(?:og|&)\b", entry)
        )
        text = f"{text} {entry}" if wrapped else (f"{text}, {entry}" if text else entry)
    return split_names(text)


def _take(found: MeetingFields, key: str, entries: list[str]) -> None:
    entries = [entry[:PROSE_HEAD] for entry in entries[:200]]
    value = ", ".join(entries)
    if key == "council" and value and not found.council:
        found.council = value
    elif key == "place" and value and not found.place:
        found.place = value.rstrip(".")
    elif key in ("participants", "absent", "guests"):
        for name, note in names_in(entries, rest_as_note=key == "guests"):
            if name in getattr(found, key):
                continue
            getattr(found, key).append(name)
            if note and "referent" in note.lower():
                found.referent = name
            elif note and key == "absent":
                found.reasons[name] = note
            elif note and key == "guests":
                found.guest_roles[name] = note
    elif key == "referent" and value and not found.referent:
        names = split_names(value)
        found.referent = names[0][0] if names else None


COUNCIL = re.compile(
    r"\b(?:i|for|hos)\s+(?P<name>(?:[A-ZÆØÅ][\w-]*\s+){0,3}[\w-]*(?:[Rr]åd(?:et)?|[Bb]estyrelse(?:n)?"
    r"|[Uu]dvalg(?:et)?|[Ff]orening(?:en)?|[Ff]agråd))\b"
)


def council_in_title(texts: list[str]) -> str | None:
    """ "Referat af møde i Stevns Kommunes Udsatteråd" names the council."""
    for text in texts:
        if (m := COUNCIL.search(text[:HEAD])) and m["name"][0].isupper():
            return m["name"]
    return None


def _values(lines: list[Line], start: int, value: str) -> tuple[list[str], int]:
    """The value of a label: inline, or the next non-blank lines (one per line) up to a blank,
    another label or a point."""
    from udsat_cli.importer.layout import section_label

    if value:
        return [value], start
    collected, i = [], start + 1
    while i < len(lines) and lines[i].kind == "blank":
        i += 1
    while i < len(lines) and lines[i].kind != "blank":
        text = lines[i].text
        if label_of(text) or text.endswith(":") or lines[i].kind in ("heading", "number"):
            break
        if ENUMERATOR.match(text) or re.match(r"^\d{1,2}\s*[.)]\s", text):
            break
        if POINT.match(text) or section_label(text):
            break
        collected.append(text)
        i += 1
    return collected, i - 1


POINT = re.compile(r"^(?:punkt|pkt\.?|ad)\s*\d{1,2}\b|^\d{1,2}\s*[.)]?$", re.I)


_PROSE_LABELS = (
    r"til\s*stede|tilstedeværende|deltagere|fremmødte|afbud"
    r"|fraværende(?:\s+med\s+afbud)?|referent|gæster"
)
PROSE_FIELD = re.compile(
    rf"(?:^|(?<=[.!?])\s+|(?<=\s)(?=(?-i:[A-ZÆØÅ])[\w ]{{0,25}}:))(?P<label>{_PROSE_LABELS})"
    r"(?:\s*:\s*|\s+fra\s+|\s+var\s+)(?P<value>(?:[^.!?]|(?<=\s[A-ZÆØÅ])\.)+)",
    re.IGNORECASE,
)
# "Afbud fra Lis Berg og Tue Mørk.": a header field written as a sentence of its own.
PROSE_START = re.compile(
    r"^(?:afbud|til\s*stede|fraværende|deltagere|fremmødte)\s+(?:fra|var)\s", re.I
)
# "Helen Schulze deltog ikke i mødet."
ABSENT_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<name>[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w.-]+){0,3})\s+deltog\s+ikke\b"
)
UPPER = "A-ZÆØÅ"
REFERENT_SENTENCE = re.compile(
    rf"(?P<name>[{UPPER}][\w-]+(?:\s+[{UPPER}][\w-]+)?)\s+(?i:(?:blev|er|var)\s+(?:valgt|udpeget)"
    r"\s+(?:som|til)\s+(?:mødets\s+)?referent)"
    rf"|(?i:^referent|referent(?:\s+blev|\s+var|\s+er|\s*:)|referat\s+taget\s+af|referent\s+for\s+mødet"
    rf"(?:\s+var|\s+blev|\s*:)?)\s+(?P<after>[{UPPER}][\w-]+(?:\s+[{UPPER}][\w-]+)?)"
)


def _prose(text: str) -> list[tuple[str, str]]:
    """ "tilstede: A, B og C. Afbud fra D …. referent: E": a whole header written as prose."""
    found = []
    for m in PROSE_FIELD.finditer(text):
        label = " ".join(m["label"].lower().split())
        key = {"til stede": "participants", "tilstede": "participants"}.get(label)
        found.append((key or _LABEL_OF.get(label, "absent"), m["value"].strip()))
    return found


def read_fields(lines: list[Line], name: str = "") -> MeetingFields:
    from udsat_cli.importer.layout import section_label
    from udsat_cli.importer.when import clock_range, dates_in, first_date, place_in_prose

    found = MeetingFields()
    when_text = clock_text = None
    # A label on a line of its own inside a point's sections is a table's column ("Deltagere"
    # over a working group's members), not the meeting's header.
    sections_from = next(
        (i for i, line in enumerate(lines) if line.kind != "blank" and section_label(line.text)),
        len(lines),
    )
    previous, previous_end = None, -10
    for i, line in enumerate(lines):
        labelled = label_of(line.text) if line.kind in ("text", "field") else None
        if labelled is None:
            prose = len(line.text) > 60 or PROSE_START.match(line.text)
            if i < 60 and prose and (pairs := _prose(line.text[:PROSE_HEAD])):
                for key, value in pairs:  # "… kl 13.00-15.00 Deltagere: A, B og C. Afbud: D"
                    _take(found, key, [value])
            continue
        key, value = labelled
        if not value and i > sections_from and not line.text.endswith(":"):
            continue
        if key == "unit":  # "Fra Velfærdsforvaltningen: …" right under the members
            if previous != "participants" or i - previous_end > 3:
                continue
            key = "participants"
        entries, last = _values(lines, i, value)
        if not entries:
            continue  # "1. Dato" in an agenda list is a point, not a header label
        pairs = [(key, entries)]
        if re.search(r"[.!?]\s+\S", value) and len(line.text) > 80:
            pairs = [(k, [v]) for k, v in _prose(line.text[:PROSE_HEAD])]  # it may hold tasks too
        else:
            found.field_lines.update(range(i, last + 1))
        for key, entries in pairs:
            _take(found, key, entries)
        previous, previous_end = key, last
        joined = ", ".join(entries)
        if key == "when" and not dates_in(joined) and clock_range(joined)[0]:
            key = "clock"  # "Mødetidspunkt: 15:00 - 17:00" beside "Mødedato"
        if key == "when" and entries and when_text is None:
            when_text = ", ".join(entries)
        elif key == "clock" and entries and clock_text is None:
            clock_text = ", ".join(entries)
    texts = [line.text for line in lines]
    if not found.referent:
        for text in texts[:40] + texts[-8:]:
            if m := REFERENT_SENTENCE.search(text[:PROSE_HEAD]):
                name = m["name"] or m["after"]
                if name.split()[0].casefold() not in NOT_NAMES | ROLE_WORDS:
                    found.referent = name
                    break
    if not found.council:
        found.council = council_in_title(texts[:6])
    day, start, end = first_date(when_text, texts, name)
    found.date = day
    found.start, found.end = (start, end) if start else clock_range(clock_text or "")
    if found.place is None:
        found.place = place_in_prose([text[:HEAD] for text in texts[:15]])
    for text in texts:
        for m in ABSENT_SENTENCE.finditer(text[:PROSE_HEAD]):
            if m["name"] not in found.absent and m["name"] not in found.participants:
                found.absent.append(m["name"])
    # A members' list names the absent too ("Medlemmer: …", "Fraværende: Erling Tang").
    away = {name.casefold() for name in found.absent}
    found.participants = [p for p in found.participants if p.casefold() not in away]
    for text in texts:  # "Velkommen til Lisbeth Andersen." names a guest
        if m := re.match(r"Velkommen til ([A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+){0,3})", text):
            if m[1] not in found.participants and m[1] not in found.guests:
                found.guests.append(m[1])
    return found
