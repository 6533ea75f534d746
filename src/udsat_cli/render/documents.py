"""The agenda (dagsorden) and the minutes (referat) as plain text and Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.text import action_facts, followup_body, join_names

if TYPE_CHECKING:
    from udsat_cli.core.documents import Agenda, ItemRecord, Minutes
    from udsat_cli.core.events import EventView

AGENDA_TITLE = "Dagsorden"
MINUTES_TITLE = "Referat"
APPROVAL = "Godkendelse af referat og dagsorden"
FOLLOWUP = "Opfølgning på beslutningspunkter fra sidste møde"
ECONOMY = "Økonomi"
EVENTS = "Kommende arrangementer"
ANY_OTHER = "Eventuelt"


def _has(items: list[ItemRecord], word: str) -> bool:
    return any(word.casefold() in item.title.casefold() for item in items)


def agenda_points(agenda: Agenda) -> list[tuple[str, str]]:
    """(kind, title) in agenda order; the standard points only where the meeting lacks them."""
    points: list[tuple[str, str]] = []
    if not _has(agenda.items, "godkendelse"):
        points.append(("approval", APPROVAL))
    if not _has(agenda.items, "opfølgning"):
        points.append(("followups", FOLLOWUP))
    points += [("item", item.title) for item in agenda.items]
    points += [("topic", topic.title) for topic in agenda.topics]
    if not _has(agenda.items, "økonomi"):
        points.append(("economy", ECONOMY))
    if not _has(agenda.items, "arrangement"):
        points.append(("events", EVENTS))
    if not _has(agenda.items, "eventuelt"):
        points.append(("other", ANY_OTHER))
    return points


def header(rows: list[tuple[str, str]]) -> Iterator[str]:
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        yield f"{label + ':':<{width}} {value}"


def event_line(event: EventView) -> str:
    day = f"{event.date.day}. {dates.MONTHS[event.date.month - 1]}"
    when = f"{day} {dates.clock(event.time)}".strip()
    who = f", her deltager {join_names(event.attendees)}" if event.attendees else ""
    return f"{when} – {event.title}{who}"


def agenda_header(agenda: Agenda) -> list[tuple[str, str]]:
    m = agenda.meeting
    rows = [("Forum", agenda.council), ("Tid", dates.meeting_when(m.date, m.start, m.end))]
    if m.place:
        rows.append(("Sted", m.place))
    rows.append(("Medlemmer", ", ".join(agenda.members) or "ingen registreret"))
    return rows


def agenda_text(agenda: Agenda, *, markdown: bool = False) -> Iterator[str]:
    yield f"# {AGENDA_TITLE}" if markdown else AGENDA_TITLE
    yield ""
    rows = agenda_header(agenda)
    if markdown:
        yield from (f"**{label}:** {value}  " for label, value in rows)
    else:
        yield from header(rows)
    items = iter(agenda.items)
    for number, (kind, title) in enumerate(agenda_points(agenda), start=1):
        yield ""
        yield f"## {number}. {title}" if markdown else f"{number}. {title}"
        if kind == "followups":
            for line in followup_body(agenda.followups):
                yield _md_followup(line) if markdown else f"   {line}".rstrip()
        elif kind == "item":
            item = next(items)
            if item.background:
                yield ""
                yield from _labelled("Sagsfremstilling", item.background, markdown)
        elif kind == "events":
            yield ""
            if not agenda.events:
                yield (
                    "Ingen tilmeldte arrangementer."
                    if markdown
                    else "   Ingen tilmeldte arrangementer."
                )
            for event in agenda.events:
                yield f"- {event_line(event)}" if markdown else f"   · {event_line(event)}"


def _md_followup(line: str) -> str:
    """A follow-up body line as Markdown: headings in bold, bullets as list items."""
    if line.startswith("· "):
        return f"- {line[2:]}"
    if line.startswith("  "):
        return f"  {line.strip()}"
    return f"**{line}**" if line else ""


def _labelled(label: str, text: str, markdown: bool) -> Iterator[str]:
    yield f"**{label}:**" if markdown else f"{label}:"
    yield from text.splitlines()


def minutes_header(doc: Minutes) -> list[tuple[str, str]]:
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


def minutes_text(doc: Minutes, *, markdown: bool = False) -> Iterator[str]:
    yield f"# {MINUTES_TITLE}" if markdown else MINUTES_TITLE
    yield ""
    rows = minutes_header(doc)
    if markdown:
        yield from (f"**{label}:** {value}  " for label, value in rows)
    else:
        yield from header(rows)
    for item in doc.items:
        yield ""
        yield f"## {item.number}. {item.title}" if markdown else f"{item.number}. {item.title}"
        for label, text in (("Sagsfremstilling", item.background),
                            (decision_label(item), item.decision)):  # fmt: skip
            if text:
                yield ""
                yield from _labelled(label, text, markdown)
        if item.actions:
            yield ""
            yield from _followup_list(item.actions, markdown)
    if doc.other_actions:
        yield ""
        yield "## Øvrige opgaver" if markdown else "Øvrige opgaver"
        yield ""
        yield from _followup_list(doc.other_actions, markdown)


def _followup_list(actions, markdown: bool) -> Iterator[str]:
    yield "**Opfølgning:**" if markdown else "Opfølgning:"
    for action in actions:
        yield f"{'-' if markdown else '·'} {action.title} [#{action.id}]"
        yield f"  {action_facts(action, as_decided=True)}"


def council_markdown(db, *, council: str | None, today) -> Iterator[str]:
    """The whole council as one Markdown document: every meeting's minutes, in date order."""
    from udsat_cli.core import lookup
    from udsat_cli.core.documents import minutes

    cref = lookup.council(db, name=council)
    yield f"# {cref.name}"
    for meeting in lookup.meeting_plan(db, council=cref):
        record = minutes(db, council=cref.name, today=today, ref=str(meeting.id))
        yield ""
        for line in minutes_text(record, markdown=True):
            if line == f"# {MINUTES_TITLE}":
                line = f"## {MINUTES_TITLE} {dates.long_date(meeting.date)}"
            elif line.startswith("## "):
                line = "#" + line
            yield line
