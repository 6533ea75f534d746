"""The minutes (referat) as plain text, Markdown and Word: the header fields, then each item with
its sagsfremstilling, decision and follow-ups as the meeting decided them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.render.common import header, join_names, md

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.minutes import ItemRecord, Minutes

TITLE = "Referat"
OTHER = "Øvrige opgaver"


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
    return rows


def decision_label(item: ItemRecord) -> str:
    return "Orientering" if item.kind == "orientering" else "Beslutning"


def decided(action: ActionView) -> str:
    """A follow-up as the minutes record it: what, who, by when (not today's status)."""
    said = [join_names(action.owners)] if action.owners else []
    if action.due_text:
        said.append(f"frist {action.due_text}")
    return action.title + (f" ({', '.join(said)})" if said else "")


def _texts(item: ItemRecord) -> list[tuple[str, str]]:
    return [(label, text) for label, text in (("Sagsfremstilling", item.background),
                                              (decision_label(item), item.decision)) if text]


def text(doc: Minutes) -> Iterator[str]:
    yield TITLE
    yield ""
    yield from header(header_rows(doc))
    for item in doc.items:
        yield ""
        yield f"{item.number}. {item.title}"
        for label, body in _texts(item):
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


def markdown(doc: Minutes, *, level: int = 1) -> Iterator[str]:
    h = "#" * level
    yield f"{h} {TITLE}"
    yield ""
    yield from (f"**{label}:** {md(value)}  " for label, value in header_rows(doc))
    for item in doc.items:
        yield ""
        yield f"{h}# {item.number}. {md(item.title)}"
        for label, body in _texts(item):
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


def docx(doc: Minutes) -> bytes:
    from udsat_cli.render import word

    document = word.document(TITLE, header_rows(doc))
    add_items(document, doc)
    return word.to_bytes(document)


def add_items(document: Any, doc: Minutes) -> None:
    from udsat_cli.render import word

    for item in doc.items:
        document.add_heading(f"{item.number}. {item.title}", level=2)
        for label, body in _texts(item):
            word.labelled(document, label, body)
        if item.actions:
            document.add_paragraph().add_run("Opfølgning:").bold = True
            for action in item.actions:
                document.add_paragraph(decided(action), style="List Bullet")
    if doc.other_actions:
        document.add_heading(OTHER, level=2)
        for action in doc.other_actions:
            document.add_paragraph(decided(action), style="List Bullet")


def header_text(doc: Minutes) -> Iterator[str]:
    """What ``udsat attendance`` prints: the header as the minutes will show it."""
    yield from header(header_rows(doc))
