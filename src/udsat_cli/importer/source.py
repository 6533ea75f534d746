"""Files to lines: Word documents with their structure, and text in whatever encoding it came in."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from udsat_cli.errors import InputError, file_error
from udsat_cli.textform import nfc


@dataclass(frozen=True)
class Line:
    """kind: text, blank, title (a Word document's title), heading, number (an auto-numbered
    paragraph, its number not in the text), bullet, or field (a row of a two-column header table,
    as "Label: value")."""

    text: str
    kind: str = "text"
    indent: int = 0  # leading spaces in plain text: sub-points of an agenda list are indented


def _error(path: Path, what: str) -> InputError:
    return InputError(f"{path.name} {what}.")


def load(path: Path) -> list[Line]:
    from udsat_cli.limits import MINUTES, check_zip, read_bytes

    try:
        data = read_bytes(path, MINUTES, what="referater")
    except IsADirectoryError:
        raise _error(path, "er en mappe, ikke et referat") from None
    except FileNotFoundError:
        raise InputError(f"Filen {path} findes ikke.") from None
    except OSError as exc:
        raise file_error(exc, path) from None
    if not data.strip():
        raise _error(path, "er tom")
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        check_zip(path, data)
        lines = _docx(path, data)
    else:
        lines = _text(path, data)
    if not any(line.text for line in lines):
        raise _error(path, "indeholder ingen tekst")
    return lines


_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t\n\r\f"}


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else Windows-1252, else Latin-1; None for binary data."""
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = len(text) - len(text.translate(_CONTROLS))
        return None if controls > len(text) / 100 else text
    return None


_ARTIFACTS = re.compile(r"\[bookmark: [^\]]*\]")


def clean(text: str) -> str:
    text = _ARTIFACTS.sub("", text).replace("\u00a0", " ").replace("\t", " ").replace("\u200b", "")
    return nfc(" ".join(text.split()))


def _lines_of(text: str) -> list[Line]:
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean(raw)
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        lines.append(Line(line, "text" if line else "blank", indent if line else 0))
    return lines


def _text(path: Path, data: bytes) -> list[Line]:
    text = decode(data)
    if text is None:
        raise _error(path, "er hverken tekst eller et Word-dokument")
    return _lines_of(text)


def _docx(path: Path, data: bytes) -> list[Line]:
    import io

    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise _error(path, "er ikke et gyldigt Word-dokument") from exc
    except Exception as exc:  # python-docx raises its own types for broken packages
        if type(exc).__module__.startswith(("docx", "lxml")):
            raise _error(path, "er ikke et gyldigt Word-dokument") from exc
        raise
    return list(_docx_lines(document))


def _docx_lines(document) -> list[Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _numbering_formats(document)
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(element, document)
            text = clean(paragraph.text)
            yield Line(text, _paragraph_kind(paragraph, numbering) if text else "blank")
        elif tag == "tbl":
            yield from _table_lines(Table(element, document))
            yield Line("", "blank")


def _table_lines(table) -> list[Line]:
    for row in table.rows:
        cells = []
        for cell in row.cells:
            parts = [clean(p.text) for p in cell.paragraphs]
            text = ", ".join(p for p in parts if p)
            if not cells or text != cells[-1]:  # merged cells repeat
                cells.append(text)
        if len(cells) == 2 and cells[0] and len(cells[0]) <= 40:
            yield Line(f"{cells[0].rstrip(':').strip()}: {cells[1]}", "field")
        else:
            yield from (Line(c) for c in cells if c)


def _numbering_formats(document) -> dict[tuple[str, str], str]:
    """(numId, ilvl) -> numFmt ("decimal", "bullet", ...) from the numbering part."""
    from docx.oxml.ns import qn

    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for item in root.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in item.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            levels[lvl.get(qn("w:ilvl"))] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
        abstract[item.get(qn("w:abstractNumId"))] = levels
    formats = {}
    for num in root.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        levels = abstract.get(ref.get(qn("w:val")) if ref is not None else None, {})
        for ilvl, fmt in levels.items():
            formats[(num.get(qn("w:numId")), ilvl)] = fmt
    return formats


def _paragraph_kind(paragraph, numbering: dict[tuple[str, str], str]) -> str:
    from docx.oxml.ns import qn

    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if style.startswith(("title", "titel", "subtitle", "undertitel")):
        return "title"  # the document's own title, never a point
    if style.startswith(("heading", "overskrift")):
        return "heading"
    props = paragraph._p.pPr
    numbered = props.find(qn("w:numPr")) if props is not None else None
    if numbered is not None:
        num_id = numbered.find(qn("w:numId"))
        ilvl = numbered.find(qn("w:ilvl"))
        key = (
            num_id.get(qn("w:val")) if num_id is not None else None,
            ilvl.get(qn("w:val")) if ilvl is not None else "0",
        )
        return "bullet" if numbering.get(key, "decimal") == "bullet" else "number"
    if "number" in style or "tal" in style:
        return "number"
    if "bullet" in style or "punkttegn" in style or "list" in style:
        return "bullet"
    return "text"
