"""The agenda (dagsorden) as plain text, Markdown and Word. Point 2, the follow-ups, is printed
by the follow-up report's own functions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render import followups, hearings
from udsat_cli.render.common import header, join_names, md
from udsat_cli.render.minutes import bilag, sections
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.agenda import Agenda, AgendaPoint
    from udsat_cli.core.events import EventView
    from udsat_cli.limits import WordFile

TITLE = "Dagsorden"
CHANGED = "Ændret dagsorden"
NO_EVENTS = "Ingen tilmeldte arrangementer."


def title(agenda: Agenda) -> str:
    return CHANGED if agenda.changed else TITLE


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


def _groups(agenda: Agenda) -> Iterator[tuple[str | None, AgendaPoint, str]]:
    """(heading or None, point, title line), by the minutes' one rule for kinds."""
    return sections(agenda.points, grouped=agenda.grouped, kind_of=_item_kind)


def _item_kind(point: AgendaPoint) -> str | None:
    return point.item.kind if point.item is not None else None


def _bilag(point: AgendaPoint) -> str | None:
    return bilag(point.item) if point.item is not None else None


def text(agenda: Agenda, *, for_members: bool = False) -> Iterator[str]:
    """``for_members``: as the notice's body, without the follow-ups' numbers."""
    yield title(agenda)
    yield ""
    yield from header(header_rows(agenda))
    for heading, point, line in _groups(agenda):
        if heading:
            yield ""
            yield heading.upper()
        yield ""
        yield f"{point.number}. {line}"
        if point.kind == "followups":
            yield from (
                f"   {line}".rstrip()
                for line in followups.body_text(agenda.followups, ids=not for_members)
            )
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
        if names := _bilag(point):
            yield ""
            yield "   Bilag:"
            yield from (f"   · {name}" for name in names.splitlines())


def markdown(agenda: Agenda) -> Iterator[str]:
    yield f"# {title(agenda)}"
    yield ""
    yield from (f"**{label}:** {md(value)}  " for label, value in header_rows(agenda))
    for heading, point, line in _groups(agenda):
        if heading:
            yield ""
            yield f"**{heading}**"
        yield ""
        yield f"## {point.number}. {md(line)}"
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
        if names := _bilag(point):
            yield ""
            yield "**Bilag:**"
            yield from (f"- {md(name)}" for name in names.splitlines())


def docx(agenda: Agenda, *, template: WordFile | None = None) -> bytes:
    from udsat_cli.render import word

    doc = word.document(title(agenda), header_rows(agenda), forum=agenda.council, template=template)
    level = 2 if agenda.grouped and any(_item_kind(p) for p in agenda.points) else 1
    for heading, point, line in _groups(agenda):
        if heading:
            word.heading(doc, heading, level=1)
        word.heading(doc, f"{point.number}. {line}", level=level)
        if point.kind == "followups":
            followups.body_docx(doc, agenda.followups)
        elif point.item and point.item.background:
            word.labelled(doc, "Sagsfremstilling", point.item.background)
        elif point.kind == "events":
            for event in agenda.events:
                word.paragraph(doc, event_line(event), word.BULLET)
            if not agenda.events:
                word.paragraph(doc, NO_EVENTS)
        elif point.kind == "hearings":
            for hearing in agenda.loose_hearings:
                word.paragraph(doc, hearings.line(hearing), word.BULLET)
        if names := _bilag(point):
            word.label(doc, "Bilag")
            word.bullets(doc, names.splitlines())
    doc.core_properties.subject = followups.TITLE
    return word.to_bytes(doc)


AGENDA = view(__name__)
