"""The meeting plan and one meeting, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.actions import one_text
from udsat_cli.render.common import count, md, meeting_line, table
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.attendance import Expected
    from udsat_cli.core.meeting_detail import MeetingDetail
    from udsat_cli.core.meetings import MeetingList, MeetingRef, PlannedDay

COLUMNS = ["Nr.", "Dato", "Tid", "Sted", ""]


def _rows(found: MeetingList) -> list[list[str]]:
    return [
        [
            str(r.meeting.id),
            dates.weekday_date(r.meeting.date),
            dates.clock(r.meeting.start, r.meeting.end),
            r.meeting.place or "",
            "aflyst" if r.cancelled else "",
        ]
        for r in found.meetings
    ]


def text(found: MeetingList) -> Iterator[str]:
    if not found.meetings:
        yield "Ingen møder endnu."
        return
    yield from table(COLUMNS, _rows(found))


def markdown(found: MeetingList) -> Iterator[str]:
    if not found.meetings:
        yield "Ingen møder endnu."
        return
    yield "| Nr. | Dato | Tid | Sted | |"
    yield "|---|---|---|---|---|"
    yield from ("| " + " | ".join(md(c) for c in row) + " |" for row in _rows(found))


def planned_text(added: list[MeetingRef]) -> Iterator[str]:
    width = len(str(added[-1].id)) if added else 1
    yield f"Planlagde {count(len(added), 'møde', 'møder')}:"
    for m in added:
        yield f"  {m.id:>{width}}  {dates.meeting_when(m.date, m.start, m.end)}"


def trial_text(days: list[PlannedDay]) -> Iterator[str]:
    """meeting plan --dry-run"""
    planned = count(len(days), "møde", "møder")
    yield f"Prøvekørsel: udsat ville planlægge {planned} (intet er skrevet):"
    for day in days:
        yield f"  {dates.meeting_when(day.date, day.start, day.end)}"


def attendance_lines(expected: Expected) -> Iterator[str]:
    """Who has sent afbud, who has accepted, and the warning when too few will come."""
    from udsat_cli.render.common import join_names

    if expected.absent:
        yield "Afbud: " + join_names(
            f"{name} ({reason})" if reason else name for name, reason in expected.absent
        )
    if expected.accepted:
        yield f"Deltager: {join_names(expected.accepted)}"
    if expected.tentative:
        yield f"Måske: {join_names(expected.tentative)}"
    if warning := expected.warning:
        yield f"OBS: {warning}"


def detail_text(detail: MeetingDetail) -> Iterator[str]:
    yield f"{detail.council} · møde {detail.meeting.id}"
    yield meeting_line(detail.meeting) + (" · aflyst" if detail.cancelled else "")
    if detail.expected is not None and (lines := list(attendance_lines(detail.expected))):
        yield ""
        yield "Fremmøde"
        yield from lines
    if detail.items:
        yield ""
        yield "Dagsorden"
        yield from (f"{number}. {title}" for number, title in detail.items)
    yield ""
    yield "Opgaver fra mødet"
    if not detail.actions:
        yield "Ingen."
    for action in detail.actions:
        yield from one_text(action)


MEETINGS = view(__name__)
MEETINGS_DETAIL = view(__name__, "detail")
MEETINGS_TRIAL = view(__name__, "trial")
MEETINGS_PLANNED = view(__name__, "planned")
