"""The agenda and the minutes as Word documents, laid out as councils' Word minutes are: the header
fields in a two-column table, the items as numbered headings, the follow-ups as a bulleted list."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from udsat_cli.render.documents import (
    AGENDA_TITLE,
    MINUTES_TITLE,
    agenda_header,
    agenda_points,
    decision_label,
    event_line,
    minutes_header,
)
from udsat_cli.render.text import REPORT_TITLE, SECTION_TITLES, action_facts, grouped

if TYPE_CHECKING:
    from udsat_cli.core.documents import Agenda, Minutes
    from udsat_cli.core.views import ActionView


def _document(title: str, rows: list[tuple[str, str]]) -> Any:
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


def _labelled(doc: Any, label: str, text: str) -> None:
    doc.add_paragraph().add_run(f"{label}:").bold = True
    for line in text.splitlines():
        doc.add_paragraph(line)


def _actions(doc: Any, actions: list[ActionView]) -> None:
    doc.add_paragraph().add_run("Opfølgning:").bold = True
    for action in actions:
        facts = action_facts(action, as_decided=True)
        doc.add_paragraph(f"{action.title} — {facts}", style="List Bullet")


def _bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def minutes(record: Minutes) -> bytes:
    doc = _document(MINUTES_TITLE, minutes_header(record))
    for item in record.items:
        doc.add_heading(f"{item.number}. {item.title}", level=2)
        if item.background:
            _labelled(doc, "Sagsfremstilling", item.background)
        if item.decision:
            _labelled(doc, decision_label(item), item.decision)
        if item.actions:
            _actions(doc, item.actions)
    if record.other_actions:
        doc.add_heading("Øvrige opgaver", level=2)
        _actions(doc, record.other_actions)
    return _bytes(doc)


def agenda(record: Agenda) -> bytes:
    doc = _document(AGENDA_TITLE, agenda_header(record))
    items = iter(record.items)
    for number, (kind, title) in enumerate(agenda_points(record), start=1):
        doc.add_heading(f"{number}. {title}", level=2)
        if kind == "followups":
            if not record.followups.actions:
                doc.add_paragraph("Ingen opfølgningspunkter.")
            for section, group, actions in grouped(record.followups.actions):
                doc.add_paragraph().add_run(f"{SECTION_TITLES[section]} – {group}").bold = True
                for action in actions:
                    doc.add_paragraph(
                        f"{action.title} — {action_facts(action)}", style="List Bullet"
                    )
        elif kind == "item":
            item = next(items)
            if item.background:
                _labelled(doc, "Sagsfremstilling", item.background)
        elif kind == "events":
            for event in record.events:
                doc.add_paragraph(event_line(event), style="List Bullet")
    doc.core_properties.subject = REPORT_TITLE
    return _bytes(doc)
