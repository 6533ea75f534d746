"""Word documents as councils lay them out: a title, the header fields in a two-column table,
headings for the items, bulleted follow-ups. python-docx is imported only when one is made."""

from __future__ import annotations

import io
from typing import Any


def document(title: str, rows: list[tuple[str, str]]) -> Any:
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = "da-DK"
    doc.add_heading(title, level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = f"{label}:"
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
    return doc


def labelled(doc: Any, label: str, text: str) -> None:
    doc.add_paragraph().add_run(f"{label}:").bold = True
    for line in text.splitlines():
        doc.add_paragraph(line)


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
