"""Word documents as a Danish office uses them: A4, Danish proofing in every style, the council
as author, the council's name and page numbers in the header, real heading styles (Word's
navigation pane and screen readers see the structure), a title, the header fields in a
two-column table, headings for the items, bulleted follow-ups.

With a template (the municipality's own .docx: logo, fonts, margins, header and footer) its
styles, sections and header are kept and only its body is replaced. python-docx is imported
only when a document is made.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LANGUAGE = "da-DK"


def document(
    title: str, rows: list[tuple[str, str]], *, forum: str, author: str | None = None,
    template: Path | None = None,
) -> Any:  # fmt: skip
    doc = _base(template)
    _danish_everywhere(doc)
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title, props.author, props.last_modified_by = title, author or forum, author or forum
    props.created = props.modified = now
    props.comments, props.keywords, props.category = "", "", ""
    props.language, props.revision = LANGUAGE, 1
    if template is None:
        _a4(doc)
        _header(doc, forum)
    doc.add_heading(title, level=0)
    if rows:
        table = doc.add_table(rows=0, cols=2)
        if "Table Grid" in [s.name for s in doc.styles]:
            table.style = "Table Grid"
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text = f"{label}:"
            cells[0].paragraphs[0].runs[0].bold = True
            cells[1].text = value
    return doc


def _base(template: Path | None) -> Any:
    from docx import Document

    if template is None:
        return Document()
    from udsat_cli.errors import InputError

    if not template.is_file():
        raise InputError(f"Skabelonen {template} findes ikke.")
    try:
        doc = Document(str(template))
    except Exception as exc:  # python-docx raises several kinds for a file that is not docx
        raise InputError(f"Skabelonen {template} kan ikke læses som et Word-dokument.") from exc
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):  # the last section's page setup stays
            body.remove(child)
    missing = {"Title", "Heading 1", "Heading 2", "List Bullet"} - {s.name for s in doc.styles}
    if missing:
        raise InputError(
            f"Skabelonen {template} mangler typografierne {', '.join(sorted(missing))}; "
            "gem den fra Word med de indbyggede overskrifter og punktopstilling."
        )
    return doc


def _a4(doc: Any) -> None:
    from docx.shared import Mm

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(20)


def _danish_everywhere(doc: Any) -> None:
    """da-DK as the language of the defaults and of every style, so Word checks Danish."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def set_lang(rpr: Any) -> None:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), LANGUAGE)

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        set_lang(rpr)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            set_lang(style.get_or_add_rPr())


def _header(doc: Any, forum: str) -> None:
    """»Udsatterådet Solbjerg · Side 2 af 5« at the top of every page."""
    paragraph = doc.sections[0].header.paragraphs[0]
    paragraph.text = f"{forum} · Side "
    _field(paragraph, "PAGE")
    paragraph.add_run(" af ")
    _field(paragraph, "NUMPAGES")


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind in ("begin", None, "separate", "end"):
        if kind is None:
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {code} "
            run._r.append(text)
            continue
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "1"
            run._r.append(shown)


def label(doc: Any, name: str) -> None:
    doc.add_paragraph().add_run(f"{name}:").bold = True


def labelled(doc: Any, name: str, body: str) -> None:
    label(doc, name)
    text(doc, body)


def text(doc: Any, body: str) -> None:
    for line in body.splitlines():
        doc.add_paragraph(line)


def bullets(doc: Any, lines: list[str]) -> None:
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")


def closed_mark(doc: Any, words: str) -> None:
    """»Lukket punkt« under a closed item's heading, in the internal minutes."""
    doc.add_paragraph().add_run(words).italic = True


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
