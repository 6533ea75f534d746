"""The follow-up report on a terminal, with Rich. Pipes get plain text instead."""

from __future__ import annotations

from udsat_cli import dates
from udsat_cli.core.followups import FollowupReport
from udsat_cli.core.status import LABELS
from udsat_cli.render.text import (
    REPORT_TITLE,
    SECTION_TITLES,
    due_text,
    grouped,
    join_names,
    meeting_line,
)

STATUS_STYLES = {
    "open": "yellow",
    "in_progress": "cyan",
    "done": "green",
    "postponed": "magenta",
    "dropped": "dim",
}


def followups(report: FollowupReport) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{REPORT_TITLE}[/]")
    console.print(f"{report.council} · {meeting_line(report.meeting)}")
    if report.previous_meeting:
        console.print(f"Sidste møde: {dates.weekday_date(report.previous_meeting.date)}")
    if not report.actions:
        console.print("\nIngen opfølgningspunkter.")
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            console.rule(f"[bold]{SECTION_TITLES[this]}[/]")
        table = Table(title=title, title_justify="left", show_header=True, expand=True)
        for header in ("Nr.", "Opgave", "Ansvarlige", "Frist", "Status"):
            table.add_column(header)
        for a in actions:
            task = a.title + (f"\n[dim]{a.note}[/]" if a.note else "")
            due = f"[red]{due_text(a)}[/]" if a.overdue else due_text(a)
            status = f"[{STATUS_STYLES[a.status]}]{LABELS[a.status]}[/]"
            if a.carried:
                status += f"\n[dim]overført {a.carried}×[/]"
            table.add_row(f"#{a.id}", task, join_names(a.owners), due, status)
        console.print(table)
