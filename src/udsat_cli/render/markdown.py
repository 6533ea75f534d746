"""Markdown, for agendas kept in wikis, e-mails and shared documents."""

from __future__ import annotations

from collections.abc import Iterator

from udsat_cli import dates
from udsat_cli.core.followups import FollowupReport
from udsat_cli.render.text import REPORT_TITLE, SECTION_TITLES, action_facts, grouped, meeting_line


def followups(report: FollowupReport) -> Iterator[str]:
    yield f"# {REPORT_TITLE}"
    yield ""
    yield f"**{report.council}** · {meeting_line(report.meeting)}"
    if report.previous_meeting:
        yield ""
        yield f"Sidste møde: {dates.weekday_date(report.previous_meeting.date)}"
    if not report.actions:
        yield ""
        yield "Ingen opfølgningspunkter."
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            yield ""
            yield f"## {SECTION_TITLES[this]}"
        yield ""
        yield f"### {title}"
        yield ""
        for action in actions:
            yield f"- **{action.title}** (#{action.id})  "
            yield f"  {action_facts(action)}" + ("  " if action.note else "")
            if action.note:
                yield f"  *Seneste note:* {action.note}"
