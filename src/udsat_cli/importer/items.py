"""Agenda items and their sections (sagsfremstilling, beslutning …) in the minutes' lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from udsat_cli.dates.vocab import MONTH_WORD
from udsat_cli.importer.fields import label_of
from udsat_cli.importer.source import Line

SECTION = re.compile(
    r"^(?P<label>sagsfremstilling|baggrund|beslutning|orientering|indstilling|drøftelse"
    r"|konklusion|opfølgning|bemærkninger)\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
SECTION_KIND = {"sagsfremstilling": "background", "baggrund": "background",
                "indstilling": "background"}  # fmt: skip
GROUPS = {
    "beslutningspunkter": "beslutning",
    "orienteringspunkter": "orientering",
    "drøftelsespunkter": "drøftelse",
    "punkter til beslutning": "beslutning",
    "punkter til orientering": "orientering",
    "punkter til drøftelse": "drøftelse",
}
NUMBERED = re.compile(
    r"^(?:punkt\s*|pkt\.?\s*|ad\s+(?:pkt\.?\s*)?)?(\d{1,2})\s*[.)]\s*(\S.*)$", re.I
)
_MONTH = re.compile(rf"^{MONTH_WORD}", re.I)


@dataclass
class Item:
    number: int | None
    title: str
    kind: str | None
    line: int
    background: list[str] = field(default_factory=list)
    decision: list[str] = field(default_factory=list)


def section_label(text: str) -> tuple[str, str] | None:
    """("background", rest) for "Sagsfremstilling: …"; ("decision", rest) for "Beslutning" …"""
    m = SECTION.match(text)
    if not m or (m["rest"] and not text[m.end("label") :].lstrip().startswith(":")):
        return None
    label = m["label"].lower()
    return SECTION_KIND.get(label, "decision"), m["rest"].strip()


def _numbered(text: str) -> tuple[int, str] | None:
    m = NUMBERED.match(text)
    if not m or _MONTH.match(m[2]) or m[2][0].isdigit() or len(m[2]) > 150:
        return None
    return int(m[1]), m[2]


def _standalone(lines: list[Line], i: int) -> bool:
    """A short line on its own, between blank lines, that reads like a heading, not a sentence."""
    text = lines[i].text
    before = i == 0 or lines[i - 1].kind == "blank"
    after = i + 1 < len(lines) and lines[i + 1].kind == "blank"
    following = any(line.kind != "blank" for line in lines[i + 1 : i + 6])
    sentence = text.endswith((".", "?", "!")) and not text.lower().endswith(("evt.", "mv.", "m.m."))
    if not sentence:
        from udsat_cli.importer.actions import proposals

        sentence = bool(proposals(text))  # "Jens kontakter KAB" on its own line is a task
    return (
        before and after and following and not sentence
        and len(text) <= 90 and len(text.split()) <= 12
        and text[0].isupper() and not text[0].isdigit() and not text.startswith(("·", "-", "•"))
    )  # fmt: skip


_DOCUMENT_WORDS = re.compile(
    r"^(?:dagsorden|referat|indkaldelse|bilag|indhold|mødereferat|beslutningsreferat"
    r"|dagsorden\s+og\s+referat|referat\s+og\s+dagsorden)\s*:?$",
    re.I,
)


def _document_heading(title: str) -> bool:
    """ "Dagsorden", "Referat", "Bestyrelsesmøde … 27/5 2013": the document's own headings."""
    from udsat_cli.importer.when import dates_in

    return bool(_DOCUMENT_WORDS.match(title.strip())) or (
        bool(re.match(r"(?:referat|dagsorden|\w*møde\b)", title, re.I)) and bool(dates_in(title))
    )


def find_items(lines: list[Line], skip: set[int]) -> list[Item]:
    candidates: list[Item] = []
    kind = None
    structured = sum(1 for line in lines if line.kind in ("number", "heading")) + sum(
        1 for line in lines if line.kind == "text" and _numbered(line.text)
    )
    for i, line in enumerate(lines):
        text = line.text
        if i in skip or line.kind == "blank" or section_label(text) or label_of(text):
            continue
        if text.lower().rstrip(":") in GROUPS:
            kind = GROUPS[text.lower().rstrip(":")]
            continue
        if line.kind == "number":
            candidates.append(Item(None, text.rstrip(":"), kind, i))
        elif line.kind == "heading" and not re.search(r"\d", text):
            candidates.append(Item(None, text.rstrip(":"), kind, i))
        elif line.kind in ("text", "heading") and (numbered := _numbered(text)):
            candidates.append(Item(numbered[0], numbered[1].rstrip(":").strip(), kind, i))
        elif structured < 2 and line.kind == "text" and _standalone(lines, i) and i > 0:
            candidates.append(Item(None, text.rstrip(":").strip(), kind, i))
    candidates = [c for c in candidates if not _document_heading(c.title)]
    for position, item in enumerate(candidates, start=1):
        if item.number is None and all(c.number is None for c in candidates):
            item.number = position
    return candidates


def sections(lines: list[Line], items: list[Item], skip: set[int]) -> list[tuple[int, str, str]]:
    """For every line: (index of its item or -1, its section, the text in it). Sections are
    title, label, field, background, decision and body; "Beslutning: tekst" gives the text."""
    starts = {item.line: n for n, item in enumerate(items)}
    current, section = -1, "body"
    found = []
    for i, line in enumerate(lines):
        if i in starts:
            current, section = starts[i], "body"
            found.append((current, "title", line.text))
            continue
        labelled = section_label(line.text) if line.kind != "blank" else None
        if labelled:
            section = labelled[0]
            if (
                current >= 0
                and section == "decision"
                and line.text.lower().startswith("orientering")
            ):
                items[current].kind = items[current].kind or "orientering"
            if labelled[1]:
                _add(items, current, section, labelled[1])
            found.append((current, section if labelled[1] else "label", labelled[1]))
            continue
        if i in skip:
            found.append((current, "field", line.text))
            continue
        if line.kind != "blank":
            _add(items, current, section, line.text)
        found.append((current, section, line.text))
    return found


def _add(items: list[Item], current: int, section: str, text: str) -> None:
    if current < 0:
        return
    target = items[current].background if section == "background" else items[current].decision
    target.append(text)
