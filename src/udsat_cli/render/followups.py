"""The follow-up report, printed: plain text and a Rich table keep the numbers people type;
Markdown and Word read like the »Opfølgning« section of real minutes, one line per follow-up.

The agenda's point 2 is this report, printed by the same functions (``body_*``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.core.actions import LABELS
from udsat_cli.render.common import count, due_text, join_names, md, meeting_line, owners_label
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.followups import FollowupReport
    from udsat_cli.limits import WordFile

TITLE = "Opfølgning på beslutningspunkter fra sidste møde"
SECTION_TITLES = {
    "previous_meeting": "Fra sidste møde",
    "open": "Stadig åbne fra tidligere møder",
    "resumed": "Udsatte punkter, der skal tages op igen",
}
EMPTY = "Ingen opfølgningspunkter."
STATUS_STYLES = {
    "open": "yellow",
    "in_progress": "cyan",
    "done": "green",
    "postponed": "magenta",
    "dropped": "dim",
}


def group_title(action: ActionView) -> str:
    title = action.item or "Uden punkt"
    if action.section != "previous_meeting" and action.meeting:
        title += f" (mødet {dates.long_date(action.meeting)})"
    return title


def grouped(actions: list[ActionView]) -> Iterator[tuple[str, str, list[ActionView]]]:
    """(section, group title, actions) in report order; consecutive actions share a group."""
    key: tuple[str, str] | None = None
    bucket: list[ActionView] = []
    for action in actions:
        this = (action.section or "open", group_title(action))
        if this != key and key is not None and bucket:  # a bucket has its key
            yield (*key, bucket)
            bucket = []
        key = this
        bucket.append(action)
    if bucket and key:
        yield (*key, bucket)


def facts(action: ActionView) -> str:
    """Owners, deadline, status and how often carried; no empty fields."""
    found = []
    if action.owners:
        found.append(f"{owners_label(action)}: {join_names(action.owners)}")
    if action.due_text:
        found.append(f"Frist: {due_text(action)}")
    found.append(f"Status: {LABELS[action.status]}")
    if action.carried:
        found.append(f"Overført {count(action.carried, 'gang', 'gange')}")
    return " · ".join(found)


def minutes_line(action: ActionView) -> str:
    """ "Tage kontakt til AP (Jette Nyboe, frist næste møde (23. maj 2019)): i gang. Note." """
    said = [join_names(action.owners)] if action.owners else []
    if action.due_text:
        said.append(f"frist {due_text(action)}")
    line = action.title + (f" ({', '.join(said)})" if said else "")
    line += f": {LABELS[action.status]}."
    if action.note:
        line += f" {action.note.rstrip('.')}."
    return line


def _heading(report: FollowupReport) -> list[str]:
    lines = [f"{report.council} · {meeting_line(report.meeting)}"]
    if report.previous_meeting:
        lines.append(f"Sidste møde: {dates.weekday_date(report.previous_meeting.date)}")
    return lines


# --- plain text -------------------------------------------------------------------------------


def body_text(report: FollowupReport, *, ids: bool = True) -> Iterator[str]:
    """The report's sections, each opened by a blank line. ``ids``: with the numbers the
    secretary types (»[#29]«); the members' notice leaves them out, they mean nothing there."""
    if not report.actions:
        yield ""
        yield EMPTY
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            yield ""
            yield SECTION_TITLES[this]
        yield ""
        yield title
        for action in actions:
            yield f"· {action.title} [#{action.id}]" if ids else f"· {action.title}"
            yield f"  {facts(action)}"
            if action.note:
                yield f"  Seneste note: {action.note}"


def text(report: FollowupReport) -> Iterator[str]:
    yield TITLE
    yield from _heading(report)
    yield from body_text(report)


# --- Markdown ---------------------------------------------------------------------------------


def body_markdown(report: FollowupReport) -> Iterator[str]:
    """Sections in bold, each item's follow-ups as a list: the same under any heading level."""
    if not report.actions:
        yield ""
        yield EMPTY
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            yield ""
            yield f"**{SECTION_TITLES[this]}**"
        yield ""
        yield f"*{md(title)}*"
        yield ""
        yield from (f"- {md(minutes_line(a))}" for a in actions)


def markdown(report: FollowupReport) -> Iterator[str]:
    yield f"# {TITLE}"
    yield ""
    yield from (f"{md(line)}  " for line in _heading(report))
    yield from body_markdown(report)


# --- Word -------------------------------------------------------------------------------------


def body_docx(doc: Any, report: FollowupReport, *, level: int = 2) -> None:
    """Sections and items as Word headings at ``level`` and below (the agenda's point 2 is a
    level-1 heading of its own), so the navigation pane and screen readers see them."""
    from udsat_cli.render import word

    if not report.actions:
        word.paragraph(doc, EMPTY)
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            word.heading(doc, SECTION_TITLES[this], level=level)
        word.heading(doc, title, level=level + 1)
        for action in actions:
            word.paragraph(doc, minutes_line(action), word.BULLET)


def docx(report: FollowupReport, *, template: WordFile | None = None) -> bytes:
    from udsat_cli.render import word

    doc = word.document(
        TITLE,
        [("Forum", report.council), ("Møde", meeting_line(report.meeting))],
        forum=report.council,
        template=template,
    )
    body_docx(doc, report, level=1)
    return word.to_bytes(doc)


# --- terminal ---------------------------------------------------------------------------------


def rich(report: FollowupReport, console: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(f"[bold]{TITLE}[/]")
    for line in _heading(report):
        console.print(escape(line))
    if not report.actions:
        console.print(f"\n{EMPTY}")
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            console.rule(f"[bold]{SECTION_TITLES[this]}[/]")
        table = Table(title=escape(title), title_justify="left", expand=True)
        for column in ("Nr.", "Opgave", "Ansvarlige", "Frist", "Status"):
            table.add_column(column)
        for a in actions:
            task = escape(a.title) + (f"\n[dim]{escape(a.note)}[/]" if a.note else "")
            due = escape(due_text(a, empty=""))
            status = f"[{STATUS_STYLES[a.status]}]{LABELS[a.status]}[/]"
            if a.carried:
                status += f"\n[dim]overført {a.carried}×[/]"
            table.add_row(
                f"#{a.id}",
                task,
                escape(join_names(a.owners)),
                f"[red]{due}[/]" if a.overdue else due,
                status,
            )
        console.print(table)


FOLLOWUPS = view(__name__)
