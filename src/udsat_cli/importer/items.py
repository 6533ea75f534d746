"""Agenda items and their sections (sagsfremstilling, beslutning …) in the minutes' lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"^(?:punkt\s*|pkt\.?\s*|ad\s+(?:pkt\.?\s*|punkt\s*)?)?(\d{1,2})\s*[.):]\s*(\S.*)$", re.I
)
# "Punkt 1 Konstituering", "Ad 2 (Medlemssituationen)", "Ad 2", "Pkt. 4 Eventuelt".
PREFIXED = re.compile(
    r"^(?P<ad>ad\s+(?:pkt\.?\s*|punkt\s+)?|punkt\s+|pkt\.?\s*)(?P<n>\d{1,2})\b\s*[.):]?\s*"
    r"(?:\((?P<paren>[^)]+)\)\s*:?|(?P<title>[^\d\s].*))?$",
    re.I,
)
_MONTH = re.compile(
    r"^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?![a-zæøå])",
    re.I,
)


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
    if (p := PREFIXED.match(text)) and not NUMBERED.match(text):
        title = (p["paren"] or p["title"] or "").strip()
        return int(p["n"]), title.rstrip(":") or ""
    if (p := PREFIXED.match(text)) and p["paren"]:
        return int(p["n"]), p["paren"].strip()
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


def _top_level(candidates: list[Item], lines: list[Line]) -> list[Item]:
    """Items, not their sub-points: numbers that restart inside an item ("1. Er det klar?") are
    sub-points. When the body refers back to the agenda ("Ad 2", "Ad 2 (Titel)"), those headings
    are the items, titled from the agenda list where they carry no title of their own."""
    candidates = _outdented(candidates, lines)
    top: list[Item] = []
    sub = 0  # the number of the last sub-point, 0 outside a run of them
    for c in candidates:
        last = next((t.number for t in reversed(top) if t.number is not None), 0)
        if c.number is not None and sub and c.number == sub + 1:
            sub += 1
        elif c.number is None or c.number == last + 1 or not top:
            top.append(c)
            sub = 0
        elif c.number == 1 and _same(c.title, top[0].title):
            top.append(c)  # the body repeats the agenda's numbering
            sub = 0
        elif c.number == 1:
            sub = 1
    referring = [c for c in top if re.match(r"ad\b", lines[c.line].text, re.I)]
    if referring:
        listed = {c.number: c for c in top if c.line < referring[0].line and c.number}
        extra = []
        for c in top:
            if c.line < referring[0].line:
                continue
            if c in referring and c.number in listed:
                listed[c.number].line = c.line  # its content starts at "Ad N"
            else:
                extra.append(c)
        top = list(listed.values()) + extra
        for c in top:
            c.title = c.title or f"Punkt {c.number}"
    return [c for c in top if c.title]


def _outdented(candidates: list[Item], lines: list[Line]) -> list[Item]:
    """In a list written line after line, the indented entries are sub-points of the one above."""
    blocks: list[list[Item]] = []
    for c in candidates:
        if blocks and c.line == blocks[-1][-1].line + 1:
            blocks[-1].append(c)
        else:
            blocks.append([c])
    kept = []
    for block in blocks:
        first = lines[block[0].line].indent
        kept.extend(c for c in block if lines[c.line].indent <= first)
    return kept


def _same(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.8


def find_items(lines: list[Line], skip: set[int]) -> list[Item]:
    candidates: list[Item] = []
    kind = None
    structured = sum(1 for line in lines if line.kind in ("number", "heading")) + sum(
        1 for line in lines if line.kind == "text" and _numbered(line.text)
    )
    for i, line in enumerate(lines):
        text = line.text
        labelled = label_of(text)
        if labelled and not labelled[1] and not text.endswith(":") and _numbered(text):
            labelled = None  # "1. Dato" in an agenda list is a point
        if i in skip or line.kind == "blank" or section_label(text) or labelled:
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
    candidates = _top_level([c for c in candidates if not _document_heading(c.title)], lines)
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
