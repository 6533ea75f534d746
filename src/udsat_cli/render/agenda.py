"""The agenda (dagsorden) as plain text, Markdown and Word. Point 2, the follow-ups, is printed
by the follow-up report's own functions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render import followups, hearings
from udsat_cli.render.common import header, join_names, md
from udsat_cli.render.minutes import GROUP_TITLES

if TYPE_CHECKING:
    from pathlib import Path

    from udsat_cli.core.agenda import Agenda
    from udsat_cli.core.events import EventView

TITLE = "Dagsorden"
NO_EVENTS = "Ingen tilmeldte arrangementer."


def header_rows(agenda: Agenda) -> list[tuple[str, str]]:
    m = agenda.meeting
    rows = [("Forum", agenda.council), ("Tid", dates.meeting_when(m.date, m.start, m.end))]
    if m.place:
        rows.append(("Sted", m.place))
    rows.append(("Medlemmer", ", ".join(agenda.members) or "ingen registreret"))
    return rows


def event_line(event: EventView) -> str:
    day = f"{event.date.day}. {dates.MONTHS[event.date.month - 1]}"
    when = f"{day} {dates.clock(event.time)}".strip()
    who = f", her deltager {join_names(event.attendees)}" if event.attendees else ""
    return f"{when} – {event.title}{who}"


def _groups(agenda: Agenda) -> Iterator[tuple[str | None, object]]:
    """(heading or None, point): the meeting's items grouped by kind, as the minutes are."""
    kind = None
    for point in agenda.points:
        item_kind = point.item.kind if point.kind == "item" and point.item else None
        if item_kind and item_kind != kind:
            kind = item_kind
            yield GROUP_TITLES[item_kind], point
        else:
            yield None, point


def text(agenda: Agenda) -> Iterator[str]:
    yield TITLE
    yield ""
    yield from header(header_rows(agenda))
    for heading, point in _groups(agenda):
        if heading:
            yield ""
            yield heading.upper()
        yield ""
        yield f"{point.number}. {point.title}"
        if point.kind == "followups":
            yield from (f"   {line}".rstrip() for line in followups.body_text(agenda.followups))
        elif point.item and point.item.background:
            yield ""
            yield "   Sagsfremstilling:"
            yield from (f"   {line}" for line in point.item.background.splitlines())
        elif point.kind == "events":
            yield ""
            yield from ([f"   · {event_line(e)}" for e in agenda.events] or [f"   {NO_EVENTS}"])
        elif point.kind == "hearings":
            yield ""
            yield from (f"   · {hearings.line(h)}" for h in agenda.loose_hearings)


def markdown(agenda: Agenda) -> Iterator[str]:
    yield f"# {TITLE}"
    yield ""
    yield from (f"**{label}:** {md(value)}  " for label, value in header_rows(agenda))
    for heading, point in _groups(agenda):
        if heading:
            yield ""
            yield f"**{heading}**"
        yield ""
        yield f"## {point.number}. {md(point.title)}"
        if point.kind == "followups":
            yield from followups.body_markdown(agenda.followups)
        elif point.item and point.item.background:
            yield ""
            yield "**Sagsfremstilling:**"
            yield from (md(line) for line in point.item.background.splitlines())
        elif point.kind == "events":
            yield ""
            yield from ([f"- {md(event_line(e))}" for e in agenda.events] or [NO_EVENTS])
        elif point.kind == "hearings":
            yield ""
            yield from (f"- {md(hearings.line(h))}" for h in agenda.loose_hearings)


def docx(agenda: Agenda, *, template: Path | None = None) -> bytes:
    from udsat_cli.render import word

    doc = word.document(TITLE, header_rows(agenda), forum=agenda.council, template=template)
    for heading, point in _groups(agenda):
        if heading:
            doc.add_paragraph().add_run(heading).bold = True
        doc.add_heading(f"{point.number}. {point.title}", level=1)
        if point.kind == "followups":
            followups.body_docx(doc, agenda.followups)
        elif point.item and point.item.background:
            word.labelled(doc, "Sagsfremstilling", point.item.background)
        elif point.kind == "events":
            for event in agenda.events:
                doc.add_paragraph(event_line(event), style="List Bullet")
            if not agenda.events:
                doc.add_paragraph(NO_EVENTS)
        elif point.kind == "hearings":
            for hearing in agenda.loose_hearings:
                doc.add_paragraph(hearings.line(hearing), style="List Bullet")
    doc.core_properties.subject = followups.TITLE
    return word.to_bytes(doc)
