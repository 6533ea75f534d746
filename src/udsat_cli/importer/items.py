"""Agenda items and their sections (sagsfremstilling, beslutning …) in the minutes' lines.

Points are read from the document's skeleton: numbered lines ("3. Budget", "Pkt. 3 Budget",
"Ad 3"), a number on its own line with the title on the next, a Word document's headings, and in
an agenda system's print without numbers the title above each point's first section label. Only
where a document has no such skeleton is a short line standing alone a point's title.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from udsat_cli.importer.fields import label_of
from udsat_cli.importer.layout import Section, section_label
from udsat_cli.importer.source import Line

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
    rest: str = ""  # the text after "Title:" on the title's line ("3) Meddelelser: Hans …")


def _numbered(text: str) -> tuple[int, str, str] | None:
    """(number, title, rest) of a numbered point's line; rest is what follows "Title:" when that
    is a sentence ("5) P-forhold: Vi har brug for en p-ansvarlig. …")."""
    if (p := PREFIXED.match(text)) and not NUMBERED.match(text):
        title = (p["paren"] or p["title"] or "").strip()
        return int(p["n"]), title.rstrip(":") or "", ""
    if (p := PREFIXED.match(text)) and p["paren"]:
        return int(p["n"]), p["paren"].strip(), ""
    m = NUMBERED.match(text)
    if not m or _MONTH.match(m[2]) or m[2][0].isdigit():
        return None
    title, rest = _title_and_rest(m[2])
    if len(title) > 150:
        return None
    return int(m[1]), title, rest


def _title_and_rest(text: str) -> tuple[str, str]:
    """ "Meddelelser: Hans har været indlagt." -> ("Meddelelser", "Hans har været indlagt.");
    "Socialmødet: Forslag til tema" stays one title (what follows the colon is no sentence)."""
    head, colon, tail = text.partition(": ")
    tail = tail.strip()
    if (
        colon
        and 0 < len(head.split()) <= 6
        and tail
        and (tail.endswith((".", "!", "?")) or re.search(r"[.!?]\s+[A-ZÆØÅ]", tail))
    ):
        return head.strip(), tail
    return text, ""


NUMBER_ALONE = re.compile(r"^(?:(?:punkt|pkt\.?)\s*)?(\d{1,2})\s*[.)]?$", re.I)


def _title_like(text: str) -> bool:
    """A point's title: short, no sentence, not a label or a field."""
    return (
        0 < len(text.split()) <= 20
        and len(text) <= 160
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((",", ";"))
        and not (text.endswith(".") and not text.casefold().endswith(("evt.", "mv.", "m.m.")))
        and label_of(text) is None
        and not _document_heading(text)
    )


def _heads_text(lines: list[Line], i: int) -> bool:
    """A few words after a blank line and right above a paragraph: "Økonomi" over what was said
    about it, in minutes that mark their points no other way."""
    text = lines[i].text
    if not (lines[i - 1].kind == "blank" and i + 1 < len(lines) and lines[i + 1].kind == "text"):
        return False
    if len(text) > 50 or len(text.split()) > 6 or not text[:1].isupper():
        return False
    if text.rstrip(":").endswith((".", "?", "!", ",", ";")) or label_of(text):
        return False
    if _document_heading(text):
        return False
    from udsat_cli.importer.actions import proposals

    return len(lines[i + 1].text) > len(text) and not proposals(text)


def _standalone(lines: list[Line], i: int) -> bool:
    """A short line on its own, between blank lines, that reads like a heading, not a sentence."""
    text = lines[i].text
    before = i == 0 or lines[i - 1].kind == "blank"
    after = i + 1 < len(lines) and lines[i + 1].kind == "blank"
    following = any(line.kind != "blank" for line in lines[i + 1 : i + 6])
    if len(text) > 90 or not (before and after and following):
        return False
    sentence = text.endswith((".", "?", "!")) and not text.lower().endswith(("evt.", "mv.", "m.m."))
    if not sentence:
        from udsat_cli.importer.actions import proposals

        sentence = bool(proposals(text))  # "Jens kontakter KAB" on its own line is a task
    return (
        before
        and after
        and following
        and not sentence
        and len(text) <= 90
        and len(text.split()) <= 12
        and text[0].isupper()
        and not text[0].isdigit()
        and not text.startswith(("·", "-", "•"))
    )


_DOCUMENT_WORDS = re.compile(
    r"^(?:dagsorden|referat|indkaldelse|bilag|indhold|mødereferat|beslutningsreferat"
    r"|dagsordens?punkter|punkter\s+på\s+dagsordenen"
    r"|dagsorden\s+og\s+referat|referat\s+og\s+dagsorden)\s*:?$",
    re.I,
)


def _document_heading(title: str) -> bool:
    """ "Dagsorden", "Referat", "Bestyrelsesmøde … 27/5 2013": the document's own headings."""
    from udsat_cli.importer.when import dates_in

    return (
        bool(_DOCUMENT_WORDS.match(title.strip()))
        or bool(_DOCUMENT_OF.match(title))
        or (
            bool(re.match(r"(?:referat|dagsorden|\w*møde\b)", title, re.I))
            and bool(dates_in(title))
        )
    )


# "Referat – Handicaprådet", "Dagsorden for Seniorrådet", "Referat fra mødet".
_DOCUMENT_OF = re.compile(r"(?:referat|dagsorden|mødereferat)\s*(?:[–—:-]|fra\b|af\b|for\b)", re.I)


def _top_level(
    candidates: list[Item], lines: list[Line], labels: dict[int, str], skip: set[int]
) -> list[Item]:
    """Items, not their sub-points: numbers that restart inside an item ("1. Er det klar?") are
    sub-points, and so is a numbered list inside a point's proposal or decision ("Forvaltningen
    indstiller, at 1. …") unless it goes on with the points' own numbering. When the body refers
    back to the agenda ("Ad 2", "Ad 2 (Titel)"), those headings are the items, titled from the
    agenda list where they carry no title of their own."""
    candidates = _outdented(candidates, lines)
    at_lines = sorted(labels)
    top: list[Item] = []
    sub = 0  # the number of the last sub-point, 0 outside a run of them
    for n, c in enumerate(candidates):
        last = next((t.number for t in reversed(top) if t.number is not None), 0)
        after = top[-1].line if top else -1
        nearest = bisect.bisect_left(at_lines, c.line) - 1  # the last label above the candidate
        label = at_lines[nearest] if nearest >= 0 and at_lines[nearest] > after else None
        in_section = (
            label is not None
            and labels[label] in ("proposal", "decision")
            and any(lines[k].kind != "blank" and k not in skip for k in range(label + 1, c.line))
        )  # the point's proposal or decision has begun: "Forvaltningen indstiller, at"
        following = candidates[n + 1].number if n + 1 < len(candidates) else None
        continues = bool(top) and c.number == last + 1 and _title_like(c.title)
        if c.number is not None and sub and c.number == sub + 1 and not continues:
            sub += 1
        elif in_section and c.number is not None and not (top and c.number == last + 1):
            sub = c.number
        elif (
            c.number == 1
            and len(top) == 1
            and top[0].number == 1
            and following == 2
            and not _same(c.title, top[0].title)
        ):
            top = [c]  # "1. udsatterådsmøde 2025" above the points was an ordinal, not a point
            sub = 0
        elif c.number is None or last < c.number <= last + 2 or not top:
            top.append(c)  # a number may be missing where its point was a header field
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


_EVT = re.compile(r"^(?:evt|eventuelt)\.?\s*:?$", re.I)


def find_items(
    lines: list[Line], skip: set[int], repeated: frozenset[str] = frozenset()
) -> list[Item]:
    labels = {
        i: found
        for i, line in enumerate(lines)
        if line.kind != "blank" and (found := section_label(line.text, repeated))
    }
    # An agenda system's print: bare section labels on lines of their own ("Beslutning", not
    # the "Beslutning:" of a template filled in by hand), point after point.
    skeleton = sum(1 for i, f in labels.items() if not lines[i].text.endswith(":")) >= 2
    candidates: list[Item] = []
    kind = None
    structured = sum(1 for line in lines if line.kind in ("number", "heading")) + sum(
        1
        for line in lines
        if line.kind == "text" and (_numbered(line.text) or NUMBER_ALONE.match(line.text))
    )
    consumed: set[int] = set()  # titles under a number on a line of its own
    for i, line in enumerate(lines):
        text = line.text
        labelled = label_of(text)
        if labelled and not labelled[1] and not text.endswith(":") and _numbered(text):
            labelled = None  # "1. Dato" in an agenda list is a point
        if i in skip or i in consumed or line.kind == "blank" or i in labels or labelled:
            continue
        if text.lower().rstrip(":") in GROUPS:
            kind = GROUPS[text.lower().rstrip(":")]
            continue
        if line.kind == "number":
            candidates.append(Item(None, text.rstrip(":"), kind, i))
        elif line.kind == "heading" and not re.search(r"\d", text):
            candidates.append(Item(None, text.rstrip(":"), kind, i))
        elif line.kind == "text" and (alone := NUMBER_ALONE.match(text)):
            j = _next_text(lines, i)
            if j is not None and j not in labels and j not in skip and _title_like(lines[j].text):
                candidates.append(Item(int(alone[1]), lines[j].text.rstrip(":"), kind, j))
                consumed.add(j)
        elif line.kind in ("text", "heading") and (numbered := _numbered(text)):
            title = numbered[1].rstrip(":").strip().lstrip("-–— ")  # "Punkt 3 - Budget"
            candidates.append(Item(numbered[0], title, kind, i, rest=numbered[2]))
        elif _EVT.match(text) and structured >= 2:
            candidates.append(Item(None, text.rstrip(":. "), kind, i))  # the customary last point
        elif (
            structured < 2
            and not skeleton
            and line.kind == "text"
            and _standalone(lines, i)
            and i > 0
        ):
            candidates.append(Item(None, text.rstrip(":").strip(), kind, i))
    if skeleton and not any(
        c.number is not None or lines[c.line].kind in ("number", "heading") for c in candidates
    ):
        candidates = _cycle_titles(lines, labels, skip)
    elif not skeleton and structured < 2 and len(candidates) < 2:
        headed = [
            Item(None, lines[i].text.rstrip(":").strip(), kind, i)
            for i in range(1, len(lines))
            if i not in skip and _heads_text(lines, i)
        ]
        if len(headed) >= 2:
            candidates = sorted(
                {c.line: c for c in candidates + headed}.values(), key=lambda c: c.line
            )
    kinds = {at: found.kind for at, found in labels.items()}
    seen: set[str] = set()
    unique = []
    for c in candidates:  # a print repeats the point's title above its sections
        key = c.title.casefold()
        if not _document_heading(c.title) and (c.number is not None or key not in seen):
            unique.append(c)
        seen.add(key)
    candidates = _top_level(unique, lines, kinds, skip)
    if all(c.number is None for c in candidates):
        for position, item in enumerate(candidates, start=1):
            item.number = position
    return candidates


def _cycle_titles(lines: list[Line], labels: dict[int, Section], skip: set[int]) -> list[Item]:
    """In a print without numbers, every point opens with the same section label ("Indhold:",
    "Resumé"); the line above each such label is the point's title, if it reads as one."""
    names = {i: " ".join(lines[i].text.casefold().rstrip(":").split()[:1]) for i in labels}
    counts = Counter(names.values())
    first = next((names[i] for i in sorted(names) if counts[names[i]] >= 2), None)
    found = []
    for i in sorted(names):
        if names[i] != first:
            continue
        j = next((k for k in range(i - 1, -1, -1) if lines[k].kind != "blank"), None)
        if j is not None and j not in labels and j not in skip and _title_like(lines[j].text):
            found.append(Item(None, lines[j].text.rstrip(":").strip(), None, j))
    return found


def sections(
    lines: list[Line], items: list[Item], skip: set[int], repeated: frozenset[str] = frozenset()
) -> list[tuple[int, str, str]]:
    """For every line: (index of its item or -1, its section, the text in it). Sections are
    title, label, field, background, proposal, decision, meta and body; "Beslutning: tekst" gives
    the text, and so does "3) Meddelelser: tekst"."""
    starts = {item.line: n for n, item in enumerate(items)}
    current, section = -1, "body"
    found = []
    for i, line in enumerate(lines):
        if i in starts:
            current, section = starts[i], "body"
            rest = items[current].rest
            if rest:
                _add(items, current, section, rest)
            found.append((current, "body", rest) if rest else (current, "title", line.text))
            continue
        if NUMBER_ALONE.match(line.text) and _next_text(lines, i) in starts:
            found.append((current, "title", line.text))  # "3." above its title
            continue
        labelled = section_label(line.text, repeated) if line.kind != "blank" else None
        if labelled:
            section = labelled.kind
            if (
                current >= 0
                and section == "decision"
                and line.text.lower().startswith("orientering")
            ):
                items[current].kind = items[current].kind or "orientering"
            if labelled.rest:
                _add(items, current, section, labelled.rest)
            found.append((current, section if labelled.rest else "label", labelled.rest))
            continue
        if i in skip:
            found.append((current, "field", line.text))
            continue
        if line.kind != "blank":
            _add(items, current, section, line.text)
        found.append((current, section, line.text))
    return found


_BULLET_MARK = re.compile(r"^(?:[·•▪◦‣]\s*|[-–]\s+)")


def _next_text(lines: list[Line], i: int) -> int | None:
    return next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].kind != "blank"), None)


def _add(items: list[Item], current: int, section: str, text: str) -> None:
    """The administration's case and proposal are the point's background; case numbers and
    attachments are kept out of both."""
    if current < 0 or section == "meta":
        return
    text = _BULLET_MARK.sub("", text)  # a Word list's bullet is no character of the text
    if section in ("background", "proposal"):
        items[current].background.append(text)
    else:
        items[current].decision.append(text)
