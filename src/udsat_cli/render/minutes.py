"""The minutes (referat) as plain text, Markdown and Word: the header fields, then each item with
its sagsfremstilling, decision and follow-ups as the meeting decided them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.render import hearings
from udsat_cli.render.common import header, join_names, md

if TYPE_CHECKING:
    from pathlib import Path

    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.minutes import ItemRecord, Minutes

TITLE = "Referat"
OTHER = "Øvrige opgaver"
HEARINGS = "Høringssvar"
GROUP_TITLES = {"beslutning": "Beslutningspunkter", "orientering": "Orienteringspunkter",
                "drøftelse": "Drøftelsespunkter"}  # fmt: skip


def grouped(items: list) -> Iterator[tuple[str | None, object]]:
    """(heading or None, item): a heading where a run of items of one kind begins, as real
    minutes group »Beslutningspunkter« and »Orienteringspunkter«."""
    kind = None
    for item in items:
        if item.kind and item.kind != kind:
            kind = item.kind
            yield GROUP_TITLES[kind], item
        else:
            yield None, item


def header_rows(doc: Minutes) -> list[tuple[str, str]]:
    m = doc.meeting
    rows = [("Forum", doc.council), ("Tid", dates.meeting_when(m.date, m.start, m.end))]
    if m.place:
        rows.append(("Sted", m.place))
    rows.append(("Deltagere", ", ".join(doc.participants) or "ingen registreret"))
    absent = [f"{a.name} ({a.reason})" if a.reason else a.name for a in doc.absent]
    rows.append(("Afbud", ", ".join(absent) or "ingen"))
    if doc.guests:
        rows.append(("Gæster", ", ".join(doc.guests)))
    rows.append(("Referent", doc.referent or "ikke angivet"))
    if doc.approved:
        rows.append(("Godkendt", dates.long_date(doc.approved)))
    return rows


def _opening(doc: Minutes) -> list[str]:
    """The opening note, and that the last minutes were approved (where no item says so)."""
    lines = [doc.opening_note] if doc.opening_note else []
    if doc.previous_approved and not _approval_item(doc):
        lines.append(_approved_line(doc))
    return lines


def _approval_item(doc: Minutes) -> object | None:
    return next((i for i in doc.items if i.title.casefold().startswith("godkendelse")), None)


def _approved_line(doc: Minutes) -> str:
    assert doc.previous_approved is not None
    return f"Referatet fra mødet {dates.long_date(doc.previous_approved)} blev godkendt."


def decision_label(item: ItemRecord) -> str:
    return "Orientering" if item.kind == "orientering" else "Beslutning"


def decided(action: ActionView) -> str:
    """A follow-up as the minutes record it: what, who, by when (not today's status)."""
    said = [join_names(action.owners)] if action.owners else []
    if action.due_text:
        said.append(f"frist {action.due_text}")
    return action.title + (f" ({', '.join(said)})" if said else "")


def _texts(item: ItemRecord, doc: Minutes) -> list[tuple[str, str]]:
    decision = item.decision
    if doc.previous_approved and item is _approval_item(doc):
        line = _approved_line(doc)
        decision = f"{line}\n{decision}" if decision and line not in decision else line
    return [(label, text) for label, text in (("Sagsfremstilling", item.background),
                                              (decision_label(item), decision)) if text]


def text(doc: Minutes) -> Iterator[str]:
    yield TITLE
    yield ""
    yield from header(header_rows(doc))
    for line in _opening(doc):
        yield ""
        yield line
    for heading, item in grouped(doc.items):
        if heading:
            yield ""
            yield heading.upper()
        yield ""
        yield f"{item.number}. {item.title}"
        for label, body in _texts(item, doc):
            yield ""
            yield f"{label}:"
            yield from body.splitlines()
        if item.actions:
            yield ""
            yield "Opfølgning:"
            yield from (f"· {decided(a)}" for a in item.actions)
    if doc.other_actions:
        yield ""
        yield OTHER
        yield from (f"· {decided(a)}" for a in doc.other_actions)
    if doc.hearings:
        yield ""
        yield HEARINGS
        yield from hearings.answers(doc.hearings)


def markdown(doc: Minutes, *, level: int = 1) -> Iterator[str]:
    h = "#" * level
    yield f"{h} {TITLE}"
    yield ""
    yield from (f"**{label}:** {md(value)}  " for label, value in header_rows(doc))
    for line in _opening(doc):
        yield ""
        yield md(line)
    sub = h + ("##" if any(i.kind for i in doc.items) else "#")  # headings never skip a level
    for heading, item in grouped(doc.items):
        if heading:
            yield ""
            yield f"{h}# {heading}"
        yield ""
        yield f"{sub} {item.number}. {md(item.title)}"
        for label, body in _texts(item, doc):
            yield ""
            yield f"**{label}:**"
            yield from (md(line) for line in body.splitlines())
        if item.actions:
            yield ""
            yield "**Opfølgning:**"
            yield ""
            yield from (f"- {md(decided(a))}" for a in item.actions)
    if doc.other_actions:
        yield ""
        yield f"{h}# {OTHER}"
        yield ""
        yield from (f"- {md(decided(a))}" for a in doc.other_actions)
    if doc.hearings:
        yield ""
        yield f"{h}# {HEARINGS}"
        yield ""
        for line in hearings.answers(doc.hearings):
            yield f"- {md(line[2:])}" if line.startswith("· ") else f"  {md(line.strip())}"


def docx(doc: Minutes, *, template: Path | None = None) -> bytes:
    from udsat_cli.render import word

    document = word.document(TITLE, header_rows(doc), forum=doc.council, author=doc.referent,
                             template=template)  # fmt: skip
    add_items(document, doc)
    return word.to_bytes(document)


def add_items(document: Any, doc: Minutes) -> None:
    from udsat_cli.render import word

    for line in _opening(doc):
        document.add_paragraph(line)
    level = 2 if any(i.kind for i in doc.items) else 1
    for heading, item in grouped(doc.items):
        if heading:
            document.add_heading(heading, level=1)
        document.add_heading(f"{item.number}. {item.title}", level=level)
        for label, body in _texts(item, doc):
            word.labelled(document, label, body)
        if item.actions:
            document.add_paragraph().add_run("Opfølgning:").bold = True
            for action in item.actions:
                document.add_paragraph(decided(action), style="List Bullet")
    if doc.other_actions:
        document.add_heading(OTHER, level=1)
        for action in doc.other_actions:
            document.add_paragraph(decided(action), style="List Bullet")
    if doc.hearings:
        document.add_heading(HEARINGS, level=1)
        for line in hearings.answers(doc.hearings):
            if line.startswith("· "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line.strip())


def header_text(doc: Minutes) -> Iterator[str]:
    """What ``udsat attendance`` prints: the header as the minutes will show it."""
    yield from header(header_rows(doc))
