"""The document's skeleton, read before its sentences: what is no content, what labels a section.

Minutes published by a municipality's agenda system carry a fixed skeleton around the words of
the meeting: the site's navigation and cookie banner, page numbers and running headers of a PDF
("24. maj 2021 side 2 af 6"), a table of contents, and under every point the same section labels
(Resumé, Sagsfremstilling, Indstilling or Forslag, Bilag, "Beslutning i Ældrerådet den 10-11-2016").
``noise`` finds the lines that are no content at all; ``section_label`` tells a label from text.
A label is recognised by what it says (the labels agenda systems print), or by repeating under
point after point: a line that recurs with other text between its occurrences is a section, never
a point of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from udsat_cli.importer.source import Line

# What each section is: background and proposal (the administration's case and what it proposes,
# not what was decided), decision (what the meeting decided), meta (case numbers, attachments,
# who decides): only a decision, or free prose where a point has no sections, proposes tasks.
_KINDS = {
    "background": (
        "sagsfremstilling",
        "supplerende sagsfremstilling",
        "baggrund",
        "resumé",
        "resume",
        "sagsresumé",
        "sagsresume",
        "beskrivelse af sagen",
        "sagsbeskrivelse",
        "sagens indhold",
        "indledning",
        "formål",
        "vurdering",
        "administrationens vurdering",
        "forvaltningens vurdering",
        "lovgrundlag",
        "retsgrundlag",
        "historik",
        "sagens baggrund",
        "kort om sagen",
        "problemstilling",
    ),
    "proposal": (
        "indstilling",
        "indstillinger",
        "forslag",
        "forslag til beslutning",
        "administrationens indstilling",
        "forvaltningens indstilling",
        "direktionens indstilling",
        "det indstilles",
        "anbefaling",
        "administrationen indstiller",
        "forvaltningen indstiller",
    ),
    "decision": (
        "beslutning",
        "beslutninger",
        "afgørelse",
        "konklusion",
        "drøftelse",
        "opfølgning",
        "bemærkninger",
        "orientering",
        "aftale",
        "aftaler",
        "protokol",
        "protokollat",
    ),
    "meta": (
        "bilag",
        "bilagsnr",
        "bilagsnummer",
        "bilagsoversigt",
        "sagsnr",
        "sagsnummer",
        "sagsbehandler",
        "øvrige sagsbehandlere",
        "initialer",
        "åbent",
        "lukket",
        "åben sag",
        "lukket sag",
        "økonomiske konsekvenser",
        "økonomiske konsekvenser og finansiering",
        "økonomi og finansiering",
        "sagens gang",
        "sagen behandles i",
        "sagen afgøres i",
        "afgøres af",
        "kompetence",
        "beslutningskompetence",
        "høringsparter",
        "personalemæssige konsekvenser",
        "miljøvurdering",
        "sagsgang",
        "journalnr",
        "dokumentnr",
        "ansvarlig enhed",
        "relation til politikker",
        "politisk behandling",
        "hent som fil",
        "sag",
        "sag nr",
        "j nr",
        "journalnummer",
        "åbent punkt",
        "lukket punkt",
        "åben sag",
        "åben dagsorden",
        "lukket dagsorden",
        "tidligere beslutninger",
        "tidligere behandling",
        "dokumenter",
        "bilag til sagen",
    ),
}
# Words that label a section only where they recur under several points: alone they are the
# document's own heading ("Referat") or a table of contents ("Indhold").
# Some are also the titles of points in a club's minutes ("Kommunikation", "Høring").
_WHEN_REPEATED = {
    "referat": "decision",
    "indhold": "background",
    "behandling": "decision",
    "høring": "meta",
    "tidsplan": "meta",
    "kommunikation": "meta",
    "lovgivning": "meta",
    "bevilling": "meta",
}
KIND_OF = {label: kind for kind, labels in _KINDS.items() for label in labels}
_LABEL = re.compile(
    r"^(?P<label>[A-Za-zÆØÅæøåé][A-Za-zÆØÅæøåé /&-]{1,45}?)\s*\.?\s*(?::\s*(?P<rest>.*))?$"
)
# A label made of label words: "Beslutning/referat", "Drøftelse og beslutning", "Ældrerådets
# bemærkninger", "Forvaltningens indstilling"; not "Forslag til ny vedtægt" (a point's title).
_WORD_KIND = {
    "beslutning": "decision",
    "beslutninger": "decision",
    "referat": "decision",
    "konklusion": "decision",
    "bemærkninger": "decision",
    "drøftelse": "decision",
    "opfølgning": "decision",
    "høringssvar": "decision",
    "sagsfremstilling": "background",
    "baggrund": "background",
    "resumé": "background",
    "resume": "background",
    "sagsresume": "background",
    "sagsresumé": "background",
    "indstilling": "proposal",
    "forslag": "proposal",
    "anbefaling": "proposal",
}
_JOINING = {"og", "/", "&", "-", "samt"}
_OWNER = re.compile(
    r"^\w+(?:rådets|udvalgets|bestyrelsens|forvaltningens|administrationens"
    r"|sekretariatets|direktionens)$"
)
_DATE = r"(?:\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.?\s+[a-zæøå]+\.?\s+\d{4})"
# "Beslutning i Ældrerådet den 10-11-2016", "Beslutning Ældrerådet den 10-11-2016",
# "Beslutning i Seniorrådet 9. juni 2021:", "Beslutning fra mødet": a body's name or a date, not
# "Beslutning om ny formand" (a point's title).
DECIDED_BY = re.compile(
    r"^(?i:beslutning(?:er)?|afgørelse|protokol)(?:\s+(?i:i|fra|på|af|truffet\s+i))?"
    r"(?P<body>(?:\s+(?:[A-ZÆØÅ][\w&-]*|(?i:[\wæøå-]*(?:råd|rådet|udvalg|udvalget|bestyrelse"
    r"|bestyrelsen|nævn|nævnet|mødet|forum))|og|for|&)){1,6}?)?"
    rf"(?:\s+(?i:den|d\.))?(?P<date>\s*{_DATE})?\s*:?\s*$"
)


# "Sagsnr. 27.69.48-A00-1-13", "J.nr. 23/1234": a case number without a colon.
CASE_NUMBER = re.compile(
    r"^(?:sagsnr|sags?\s*nr|j\.?\s*nr|journalnr|dok(?:ument)?\.?\s*nr|sagsnummer)\.?\s*:?\s*"
    r"(?P<rest>\d.*)$",
    re.I,
)


@dataclass(frozen=True)
class Section:
    kind: str  # background, proposal, decision, meta
    rest: str  # text after "Label:" on the same line


def _normal(label: str) -> str:
    return " ".join(label.casefold().replace(".", " ").split())


def section_label(text: str, repeated: frozenset[str] = frozenset()) -> Section | None:
    """The section a line opens ("Sagsfremstilling", "Beslutning: Godkendt."), else None.
    ``repeated``: the labels that recur in this document (see ``repeated_labels``)."""
    if len(text) > 200 or not text[:1].isalpha():
        return None
    if (m := DECIDED_BY.match(text)) and (m["body"] or m["date"]):
        return Section("decision", "")
    if m := CASE_NUMBER.match(text):
        return Section("meta", m["rest"])
    m = _LABEL.match(text)
    if not m:
        return None
    label = _normal(m["label"])
    kind = KIND_OF.get(label) or (_WHEN_REPEATED.get(label) if label in repeated else None)
    if kind is None:
        kind = _made_of_label_words(label)
    if kind is None:
        return None
    rest = (m["rest"] or "").strip()
    return Section(kind, rest)


def _made_of_label_words(label: str) -> str | None:
    words = re.findall(r"[^\s/&-]+|[/&-]", label)
    kinds = [_WORD_KIND[w] for w in words if w in _WORD_KIND]
    if not kinds or not 1 < len(words) <= 5:  # alone, "Referat" is a label only where it recurs
        return None
    if any(w not in _WORD_KIND and w not in _JOINING and not _OWNER.match(w) for w in words):
        return None
    return "decision" if "decision" in kinds else kinds[0]


def repeated_labels(lines: list[Line]) -> frozenset[str]:
    """Short lines that recur with other text between them: "Referat" under every point."""
    counts = Counter(
        _normal(line.text.rstrip(":"))
        for line in lines
        if line.kind != "blank" and len(line.text) <= 40 and not line.text.endswith(".")
    )
    return frozenset(label for label, n in counts.items() if n >= 2 and label in _WHEN_REPEATED)


_NAVIGATION = re.compile(
    r"^(?:skip|spring|gå|hop)\s+(?:direkte\s+)?(?:til|over)\s+(?:hoved\s*)?(?:indhold(?:et)?"
    r"|menu(?:en)?|navigation(?:en)?|content|hovedmenu(?:en)?)\b"
    r"|^(?:hent som fil|print|udskriv|del(?: på \w+)?|til toppen|tilbage til toppen|luk|menu|søg"
    r"|log ind|hovedmenu|del siden|læs op|vis mere|vis alle|kontakt os|følg os|privatlivspolitik"
    r"|cookiepolitik|tilgængelighedserklæring|om hjemmesiden|nyhedsbrev)\s*:?$"
    r"|^(?:tlf\.?|telefon|cvr(?:-nr\.?)?|ean(?:-nr\.?)?|hovednummer)\s*:?\s*[\d +]{6,}$"
    r"|^(?:hjem|forside)(?:\s*[>/›»|]\s*|\s+)(?:[A-ZÆØÅ][^.!?]*)$",
    re.I,
)
_COOKIE = re.compile(r"\bcookie|\b(?:accepter|afvis|tillad)\s+(?:alle|nødvendige|valgte)\b", re.I)
PAGE = re.compile(
    r"\b(?:side|page)\s+\d{1,3}\s*(?:af|of|/)\s*\d{1,3}\b|^(?:side|page)\s+\d{1,3}$"
    r"|^[-–]\s*\d{1,3}\s*[-–]$",
    re.I,
)
_TOC_LINE = re.compile(r"\S(?:\s*\.{3,}|\s*…+|\s*_{3,})\s*\d{1,3}$")
_TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse|indhold)\s*:?$", re.I)


def noise(lines: list[Line]) -> set[int]:
    """Lines that are not the meeting's content: navigation, cookie banners, page numbers, running
    headers next to them, and a table of contents."""
    found: set[int] = set()
    pages = []
    for i, line in enumerate(lines):
        text = line.text
        if line.kind == "blank":
            continue
        if len(text) <= 120 and (_NAVIGATION.match(text) or _COOKIE.search(text)):
            found.add(i)
        elif len(text) <= 120 and PAGE.search(text):
            found.add(i)
            pages.append(i)
        elif len(text) <= 300 and _TOC_LINE.search(text):
            found.add(i)
        elif _TOC_HEADING.match(text) and (entries := _contents(lines, i)):
            found |= {i} | entries
    found |= _running_headers(lines, pages) | _dated_headers(lines, found)
    return found


_HEADER_DATE = re.compile(
    r"\d{1,2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4}", re.I
)


def _dated_headers(lines: list[Line], dropped: set[int]) -> set[int]:
    """A short line with a date that recurs three times or more ("Ældrerådet 10-11-2016" atop
    every page) is a running header, unless it labels a section."""
    counts = Counter(
        line.text
        for i, line in enumerate(lines)
        if i not in dropped and line.kind != "blank" and len(line.text) <= 80
    )
    headers = {
        text
        for text, n in counts.items()
        if n >= 3 and _HEADER_DATE.search(text) and section_label(text) is None
    }
    return {i for i, line in enumerate(lines) if line.text in headers} if headers else set()


def _contents(lines: list[Line], heading: int) -> set[int]:
    """The entries under a table of contents' heading: titles ending in their page number."""
    found = set()
    for j in range(heading + 1, len(lines)):
        if lines[j].kind == "blank":
            if found:
                break
            continue
        if not re.search(r"\D\s+\d{1,3}$", lines[j].text):
            break
        found.add(j)
    return found


def _running_headers(lines: list[Line], pages: list[int]) -> set[int]:
    """A line that recurs next to the page numbers is the page's header or footer; its first
    occurrence above every page break is the document's title and stays."""
    if len(pages) < 2:
        return set()
    near: Counter[str] = Counter()
    spots: dict[str, list[int]] = {}
    for page in pages:
        for j in _neighbours(lines, page):
            key = lines[j].text.casefold()
            near[key] += 1
            spots.setdefault(key, []).append(j)
    found = set()
    for key, n in near.items():
        if n >= 2 and len(key) <= 80:
            found.update(spots[key])
            found.update(
                j for j, line in enumerate(lines) if line.text.casefold() == key and j > pages[0]
            )
    return found


def _neighbours(lines: list[Line], at: int) -> list[int]:
    """The nearest two non-blank lines above and below a page number."""
    found = []
    for step in (-1, 1):
        j, taken = at + step, 0
        while 0 <= j < len(lines) and taken < 2:
            if lines[j].kind != "blank":
                found.append(j)
                taken += 1
            j += step
    return found


def without_noise(lines: list[Line]) -> list[Line]:
    drop = noise(lines)
    return [line for i, line in enumerate(lines) if i not in drop]
