"""The minutes (referat) as plain text, Markdown and Word: the header fields, then every point of
the agenda in order — the standing ones too, the follow-up discussion under its point — each with
its sagsfremstilling, decision and follow-ups as the meeting decided them.

One rule for the kinds, in every form: where the minutes are grouped (core decides), a heading
opens each kind's run of items; otherwise each item shows its kind after its title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.render import hearings
from udsat_cli.render.common import header, join_names, md
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.items import ItemRecord
    from udsat_cli.core.minutes import Minutes, Reported
    from udsat_cli.limits import WordFile

TITLE = "Referat"
OTHER = "Øvrige opgaver"
HEARINGS = "Høringssvar"
FOLLOWUPS = "Opfølgning på beslutningspunkter fra sidste møde"
NO_FOLLOWUPS = "Ingen opfølgningspunkter fra sidste møde."
CLOSED = "Lukket punkt"
GROUP_TITLES = {
    "beslutning": "Beslutningspunkter",
    "orientering": "Orienteringspunkter",
    "drøftelse": "Drøftelsespunkter",
}
KIND_NAMES = {
    "beslutning": "beslutningspunkt",
    "orientering": "orienteringspunkt",
    "drøftelse": "drøftelsespunkt",
}
STATUS = {
    "open": "åben",
    "in_progress": "i gang",
    "done": "udført",
    "postponed": "udsat",
    "dropped": "bortfaldet",
}


def _kind(entry: Any) -> str | None:
    return entry.kind


def sections(
    entries: list, *, grouped: bool, kind_of: Callable[[Any], str | None] = _kind
) -> Iterator[tuple[str | None, Any, str]]:
    """(heading or None, entry, title with its kind) for each item or agenda point, by the rule for
    kinds: grouped, a heading where a kind's run begins (an item of no kind stays under the
    heading before it); otherwise the kind after the title."""
    previous = None
    for entry in entries:
        kind = kind_of(entry)
        heading = None
        title = entry.title
        if grouped:
            if kind and kind != previous:
                heading = GROUP_TITLES[kind]
        elif kind:
            title += f" ({KIND_NAMES[kind]})"
        previous = kind or previous
        yield heading, entry, title


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


def _approval_item(doc: Minutes) -> ItemRecord | None:
    return next((i for i in doc.items if i.standing == "approval"), None)


def _approved_line(doc: Minutes) -> str | None:
    if doc.previous_approved is None:
        return None
    return f"Referatet fra mødet {dates.long_date(doc.previous_approved)} blev godkendt."


def _opening(doc: Minutes) -> list[str]:
    """The opening note, and that the last minutes were approved (where no point says so)."""
    lines = [doc.opening_note] if doc.opening_note else []
    line = _approved_line(doc)
    if line and _approval_item(doc) is None:
        lines.append(line)
    return lines


def decision_label(item: ItemRecord) -> str | None:
    """A standing point's text needs no label; an item's is its decision (or orientation)."""
    if item.standing:
        return None
    return "Orientering" if item.kind == "orientering" else "Beslutning"


def decided(action: ActionView) -> str:
    """A follow-up as the minutes record it: what, who, by when (not today's status)."""
    said = [join_names(action.owners)] if action.owners else []
    if action.due_text:
        said.append(f"frist {action.due_text}")
    return action.title + (f" ({', '.join(said)})" if said else "")


def reported_line(r: Reported) -> str:
    """A follow-up as the meeting heard of it: »Tage kontakt til AP (Jette Nyboe): i gang – De
    vil gerne interviewe rådet.«"""
    who = f" ({join_names(r.owners)})" if r.owners else ""
    said = f" – {r.note}" if r.note else ""
    return f"{r.title}{who}: {STATUS.get(r.status, r.status)}{said}"


def bilag(item: ItemRecord) -> str | None:
    """The item's bilag by name, one a line; a closed one says so (its file stays in the store)."""
    names = [
        f"{b.name} (lukket)" if b.closed and not item.closed else b.name for b in item.attachments
    ]
    return "\n".join(names) or None


def _texts(item: ItemRecord, doc: Minutes) -> list[tuple[str | None, str]]:
    """(label or None, text) under an item; nothing for what is empty."""
    decision = item.decision
    line = _approved_line(doc)
    if line and item is _approval_item(doc):
        decision = f"{line}\n{decision}" if decision and line not in decision else line
    found: list[tuple[str | None, str]] = []
    if item.background:
        found.append(("Sagsfremstilling", item.background))
    if names := bilag(item):
        found.append(("Bilag", names))
    if decision:
        found.append((decision_label(item), decision))
    return found


def _discussion(doc: Minutes) -> list[str]:
    return [reported_line(r) for r in doc.reported]


def _carries_discussion(doc: Minutes, item: ItemRecord) -> bool:
    """The follow-up discussion stands under its point (said to be empty there), or under the
    approval point where a council has no follow-up point (and only if there is one)."""
    if doc.reported_under != item.number:
        return False
    return bool(doc.reported) or item.standing == "followups"


def text(doc: Minutes) -> Iterator[str]:
    yield TITLE
    yield ""
    yield from header(header_rows(doc))
    for line in _opening(doc):
        yield ""
        yield line
    if doc.reported_under is None and doc.reported:
        yield ""
        yield FOLLOWUPS
        yield from (f"· {line}" for line in _discussion(doc))
    for heading, item, title in sections(doc.items, grouped=doc.grouped):
        if heading:
            yield ""
            yield heading.upper()
        yield ""
        yield f"{item.number}. {title}"
        if item.closed:
            yield CLOSED
        if _carries_discussion(doc, item):
            yield ""
            lines = [f"· {line}" for line in _discussion(doc)]
            yield from lines or [NO_FOLLOWUPS]
        for label, body in _texts(item, doc):
            yield ""
            if label:
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
    if doc.reported_under is None and doc.reported:
        yield ""
        yield f"{h}# {FOLLOWUPS}"
        yield ""
        yield from (f"- {md(line)}" for line in _discussion(doc))
    sub = h + ("##" if doc.grouped and any(i.kind for i in doc.items) else "#")
    for heading, item, title in sections(doc.items, grouped=doc.grouped):
        if heading:
            yield ""
            yield f"{h}# {heading}"
        yield ""
        yield f"{sub} {item.number}. {md(title)}"
        if item.closed:
            yield ""
            yield f"*{CLOSED}*"
        if _carries_discussion(doc, item):
            yield ""
            lines = [f"- {md(line)}" for line in _discussion(doc)]
            yield from lines or [NO_FOLLOWUPS]
        for label, body in _texts(item, doc):
            yield ""
            if label:
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


def docx(doc: Minutes, *, template: WordFile | None = None) -> bytes:
    from udsat_cli.render import word

    document = word.document(
        TITLE, header_rows(doc), forum=doc.council, author=doc.referent, template=template
    )
    add_items(document, doc)
    return word.to_bytes(document)


def add_items(document: Any, doc: Minutes) -> None:
    from udsat_cli.render import word

    for line in _opening(doc):
        word.paragraphs(document, line)
    if doc.reported_under is None and doc.reported:
        word.heading(document, FOLLOWUPS, level=1)
        word.bullets(document, _discussion(doc))
    level = 2 if doc.grouped and any(i.kind for i in doc.items) else 1
    for heading, item, title in sections(doc.items, grouped=doc.grouped):
        if heading:
            word.heading(document, heading, level=1)
        word.heading(document, f"{item.number}. {title}", level=level)
        if item.closed:
            word.closed_mark(document)
        if _carries_discussion(doc, item):
            word.bullets(document, _discussion(doc))
            if not doc.reported:
                word.paragraphs(document, NO_FOLLOWUPS)
        for label, body in _texts(item, doc):
            if label:
                word.labelled(document, label, body)
            else:
                word.paragraphs(document, body)
        if item.actions:
            word.label(document, "Opfølgning")
            word.bullets(document, [decided(a) for a in item.actions])
    if doc.other_actions:
        word.heading(document, OTHER, level=1)
        word.bullets(document, [decided(a) for a in doc.other_actions])
    if doc.hearings:
        word.heading(document, HEARINGS, level=1)
        for line in hearings.answers(doc.hearings):
            if line.startswith("· "):
                word.bullets(document, [line[2:]])
            else:
                word.paragraphs(document, line.strip())


def header_text(doc: Minutes) -> Iterator[str]:
    """What ``udsat attendance`` prints: the header as the minutes will show it."""
    yield from header(header_rows(doc))


MINUTES = view(__name__)
MINUTES_HEADER = view(__name__, "header")
