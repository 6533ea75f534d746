"""Word documents as a Danish office uses them: A4, Danish proofing in every style, the council
as author, the council's name and page numbers in the header, real heading styles (Word's
navigation pane and screen readers see the structure), a title, the header fields as a
borderless two-column list, headings for the items, a Word paragraph per paragraph of text and
real bullets and numbers for lists. Without a template, one sans-serif font (Arial) in black
throughout, as a municipal referat looks.

With a template (the municipality's own .docx: logo, fonts, margins, header and footer) its
styles, sections and header are kept and only its body is replaced. python-docx is imported
only when a document is made.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates

if TYPE_CHECKING:
    from udsat_cli.limits import WordFile

LANGUAGE = "da-DK"
FONT = "Arial"  # on every office PC; LibreOffice shows it as the metric-equal Liberation Sans
BODY_SIZE = 22  # half-points: 11 pt
# style id: size, space before and after, in points
HEADINGS = {
    "Title": (18, 0, 12),
    "Heading1": (14, 18, 6),
    "Heading2": (12, 12, 3),
    "Heading3": (11, 10, 3),
}
LABEL_WIDTH_MM = 28  # the header's label column: »Deltagere:« in bold 11 pt fits
CLOSED = "Lukket punkt"
BULLET, NUMBER = "List Bullet", "List Number"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TABLE_PROPERTIES = (  # the order of <w:tblPr>'s children in the schema
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)

_BULLET_LINE = re.compile(r"[-–•·*▪]\s+(?P<text>\S.*)")
_MONTH = "|".join(dates.MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
# »1. Punkt« or »2) Punkt«, but not a date such as »15. december mødes rådet«
_NUMBER_LINE = re.compile(
    rf"(?P<n>\d{{1,3}})[.)]\s+(?!(?:{_MONTH})\b)(?P<text>\S.*)", re.IGNORECASE
)


def document(
    title: str,
    rows: list[tuple[str, str]],
    *,
    forum: str,
    author: str | None = None,
    template: WordFile | None = None,
) -> Any:
    doc = _base(template)
    _styles_looked_up_once(doc)
    _danish_everywhere(doc)
    props = doc.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title, props.author, props.last_modified_by = title, author or forum, author or forum
    props.created = props.modified = now
    props.comments, props.keywords, props.category = "", "", ""
    props.language, props.revision = LANGUAGE, 1
    if template is None:
        _a4(doc)
        _typography(doc)
        _header(doc, forum)
    heading(doc, title, 0)
    if rows:
        _fields(doc, rows)
    return doc


def _styles_looked_up_once(doc: Any) -> None:
    """python-docx finds a style's id by scanning every style of the document for the default
    style (CT_Styles.default_for), for each styled paragraph: over half of writing an agenda. The
    styles do not change while a document is written, so each name is looked up once, and the
    default once per kind of style."""
    part, styles = doc.part, doc.styles
    known: dict[tuple[object, object], str | None] = {}  # (name or ("id", id), type): id
    defaults: dict[object, Any] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
        if style_or_name is None:
            return None
        text = isinstance(style_or_name, str)
        name = style_or_name if text else ("id", style_or_name.style_id)
        if (name, style_type) not in known:
            style = styles[style_or_name] if text else style_or_name
            if style.type != style_type:  # as python-docx says it
                raise ValueError(f"assigned style is type {style.type}, need type {style_type}")
            if style_type not in defaults:
                defaults[style_type] = styles.default(style_type)
            default = style == defaults[style_type]
            known[name, style_type] = None if default else style.style_id
        return known[name, style_type]

    part.get_style_id = get_style_id  # this document only; headers and tables ask it too


def _fields(doc: Any, rows: list[tuple[str, str]]) -> None:
    """The header fields as a borderless two-column list: a narrow column of bold labels, the
    values beside them, long values wrapping in their own column (a table Word and the importer
    both read as label and value)."""
    from docx.shared import Mm, Pt

    width = _text_width(doc)
    label_width = Mm(LABEL_WIDTH_MM)
    table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    _borderless(table, width)
    table.columns[0].width, table.columns[1].width = label_width, width - label_width
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = f"{label}:"
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
        for cell in cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)


def grid(
    doc: Any,
    headers: list[str],
    rows: list[list[str]],
    *,
    weights: list[float],
    right: frozenset[int] = frozenset(),
) -> Any:
    """A data table with ruled cells, its header row in bold and repeated on every page (screen
    readers read it as the header), columns as wide as ``weights`` share the text width, the
    columns in ``right`` (numbers) right-aligned. A template without »Table Grid« gets the
    rules as direct formatting."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    table = doc.add_table(rows=1, cols=len(headers))
    try:
        table.style = doc.styles["Table Grid"]
    except KeyError:
        _table_property(table, _borders("single"))
    table.autofit = False
    width = _text_width(doc)
    for column, weight in zip(table.columns, weights, strict=True):
        column.width = int(width * weight / sum(weights))
    repeat = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values, bold in [(headers, True)] + [(row, False) for row in rows]:
        cells = table.rows[0].cells if bold else table.add_row().cells
        for number, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.text = value
            paragraph = cell.paragraphs[0]
            if bold:
                paragraph.runs[0].bold = True
            if number in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _text_width(doc: Any) -> int:
    from docx.shared import Mm

    section = doc.sections[-1]
    try:
        return section.page_width - section.left_margin - section.right_margin
    except TypeError:  # a template section without a page size
        return Mm(160)


def _borders(kind: str) -> Any:
    """<w:tblBorders> with every side and inner line ``kind`` (»nil« or »single«)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), kind)
        if kind != "nil":
            border.set(qn("w:sz"), "4")
            border.set(qn("w:space"), "0")
            border.set(qn("w:color"), "auto")
        borders.append(border)
    return borders


def _borderless(table: Any, width: int) -> None:
    """No borders whatever the table style says, flush with the text's left edge."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = table._tbl.tblPr
    props.find(qn("w:tblW")).set(qn("w:w"), str(width // 635))  # EMU to twentieths of a point
    props.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), "0")
    indent.set(qn("w:type"), "dxa")
    borders = _borders("nil")
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("left", 0), ("right", 113)):  # 2 mm between label and value
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    for element in (indent, borders, margins):
        _table_property(table, element)


def _table_property(table: Any, element: Any) -> None:
    """Into <w:tblPr> where the schema puts it (Word refuses a file with them out of order)."""
    props = table._tbl.tblPr
    tag = element.tag.replace(W, "w:")
    for old in props.findall(element.tag):
        props.remove(old)
    props.insert_element_before(element, *TABLE_PROPERTIES[TABLE_PROPERTIES.index(tag) + 1 :])


def _base(template: WordFile | None) -> Any:
    from docx import Document

    if template is None:
        return Document()
    from udsat_cli.errors import InputError

    try:
        doc = template.document()
    except InputError:
        raise InputError(
            f"Skabelonen {template.name} kan ikke læses som et Word-dokument."
        ) from None
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


def _typography(doc: Any) -> None:
    """One sans-serif font in every style that took the theme's fonts (python-docx's own
    template has Cambria for text and Calibri for headings), 11 pt text, and black headings of
    sensible sizes instead of the template's blue ones."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.styles.style import CharacterStyle, StyleFactory

    styles = doc.styles.element
    rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if rpr is not None:
        if rpr.find(qn("w:rFonts")) is None:
            rpr.insert(0, OxmlElement("w:rFonts"))
        for tag in ("w:sz", "w:szCs"):
            size = rpr.find(qn(tag))
            if size is not None:
                size.set(qn("w:val"), str(BODY_SIZE))
    spacing = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}spacing")
    if spacing is not None:
        spacing.set(qn("w:after"), "120")  # 6 pt between paragraphs
    for fonts in styles.iter(qn("w:rFonts")):
        if fonts.getparent().getparent().tag == qn("w:rPrDefault") or any(
            name.endswith(("Theme", "theme")) for name in fonts.keys()
        ):
            for name in list(fonts.keys()):
                del fonts.attrib[name]
            for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(name), FONT)
    for element in styles.findall(qn("w:style")):  # elements: 160 style objects cost 3 ms
        style_id = element.get(qn("w:styleId"), "")
        base = style_id.removesuffix("Char")
        if base == "Title" or re.fullmatch(r"Heading\d", base):
            rpr = element.get_or_add_rPr()
            for tag in ("w:color", "w:spacing", "w:kern"):  # black, no letter-spacing
                for found in rpr.findall(qn(tag)):
                    rpr.remove(found)
        if style_id in HEADINGS:
            _heading_style(StyleFactory(element), *HEADINGS[style_id])
        elif style_id == "Header":
            header = StyleFactory(element)
            assert isinstance(header, CharacterStyle)  # a paragraph style, which has a font
            header.font.size = Pt(9)


def _heading_style(style: Any, size: int, before: int, after: int) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.size, style.font.bold = Pt(size), True
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # the Title's blue rule
        ppr.remove(border)
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


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


def paragraph(doc: Any, text: str = "", style: str | None = None) -> None:
    """``doc.add_paragraph(text, style)``, the same XML, made directly. python-docx adds a run's
    text a character at a time and places the style through its schema machinery: for an
    agenda with 200 follow-ups that was a seventh of the whole command. Text with a tab or a
    line break (which become <w:tab/> and <w:br/>) goes through python-docx."""
    if "\t" in text or "\n" in text or "\r" in text:
        doc.add_paragraph(text, style)
        return
    from docx.enum.style import WD_STYLE_TYPE

    element = doc.element.body.add_p()  # before the last section's page setup, as add_paragraph
    if style is not None:  # python-docx leaves an empty <w:pPr/> for the default style
        props = _child(element, "pPr")
        style_id = doc.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        if style_id:
            _child(props, "pStyle").set(f"{W}val", style_id)
    if text:
        run = _child(_child(element, "r"), "t")
        run.text = text
        if len(text.strip()) < len(text):
            run.set(XML_SPACE, "preserve")


def _child(parent: Any, name: str) -> Any:
    """A new last child <w:name> (lxml's SubElement, through the element, with python-docx's
    element classes)."""
    child = parent.makeelement(f"{W}{name}", {})
    parent.append(child)
    return child


def heading(doc: Any, text: str, level: int) -> None:
    """``doc.add_heading(text, level)`` through ``paragraph``."""
    paragraph(doc, text, "Title" if level == 0 else f"Heading {level}")


def label(doc: Any, text: str) -> Any:
    """»Beslutning:« in bold on a line of its own, kept on the page of what follows it."""
    from docx.shared import Pt

    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{text.rstrip(':')}:").bold = True
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(2)  # the label belongs to the text under it
    return paragraph


def labelled(doc: Any, label_text: str, text: str | None) -> None:
    """A label and its text as paragraphs and lists; nothing at all where the text is empty, so
    no label stands with nothing under it."""
    if not text or not text.strip():
        return
    if label_text:
        label(doc, label_text)
    paragraphs(doc, text)


def closed_mark(doc: Any) -> Any:
    """»Lukket punkt« in italics under a closed item's heading."""
    paragraph = doc.add_paragraph()
    paragraph.add_run(CLOSED).italic = True
    return paragraph


def bullets(doc: Any, lines: list[str]) -> None:
    for line in lines:
        paragraph(doc, line, BULLET)


def paragraphs(doc: Any, text: str | None) -> None:
    """Text as it was typed, as Word paragraphs: one per paragraph, a paragraph's wrapped lines
    joined, no empty paragraph for a blank line; »- x«, »• x« and »1. x« lines as real bullets
    and numbers."""
    if not text:
        return
    numbers: int | None = None  # the list the numbered lines go into, while they run
    for kind, body, number in blocks(text):
        if kind == "text":
            paragraph(doc, body)
        elif kind == "bullet":
            paragraph(doc, body, BULLET)
        else:
            numbers = numbers if numbers is not None else _new_list(doc, number)
            _numbered(doc, body, number, numbers)
        if kind != "number":
            numbers = None


def blocks(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, number): a paragraph (»text«), a »bullet« or a »number«ed list item.

    Blank lines part paragraphs. A line that only wraps the sentence before it (that sentence
    has not ended and the line goes on in lower case, or the line is indented under a list
    item) is joined to it with a space; any other line is a paragraph of its own, as imported
    minutes and the editor keep one paragraph per line."""
    found: list[list] = []
    for chunk in re.split(r"\n[ \t]*\n", "\n".join(text.splitlines())):
        current: list | None = None
        for raw in chunk.splitlines():
            line = raw.strip()
            if not line:
                continue
            bullet, number = _BULLET_LINE.fullmatch(line), _NUMBER_LINE.fullmatch(line)
            if bullet:
                current = ["bullet", bullet["text"], 0]
            elif number:
                current = ["number", number["text"], int(number["n"])]
            elif current and (
                _wraps(current[1], line) or (current[0] != "text" and raw[:1].isspace())
            ):
                current[1] += f" {line}"
                continue
            else:
                current = ["text", line, 0]
            found.append(current)
    return [(kind, body, n) for kind, body, n in found]


def _wraps(before: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence ``before`` ended with."""
    return not before.endswith((".", "!", "?", ":", ";")) and (
        line[0].islower() or line[0].isdigit()
    )


def _new_list(doc: Any, start: int) -> int | None:
    """A numbering of its own for one numbered list, starting at its first number (Word would
    otherwise go on counting from the document's last list). None where the template's List
    Number style has no numbering of its own."""
    try:
        style = doc.styles[NUMBER]
    except KeyError:
        return None
    num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = doc.part.numbering_part.element
    try:
        used = numbering.num_having_numId(num_pr.numId.val)
    except KeyError:
        return None
    num = numbering.add_num(used.abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _numbered(doc: Any, text: str, number: int, num_id: int | None) -> None:
    if num_id is None:  # no numbering to restart: the number stays in the text
        doc.add_paragraph(f"{number}. {text}")
        return
    paragraph = doc.add_paragraph(text, style=NUMBER)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
