"""Consultations (høringer), printed: the list, and the lines the agenda, minutes and reminders
share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.hearings import STATUS_LABELS
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from datetime import date

    from udsat_cli.core.hearings import HearingList, HearingView


def deadline(h: HearingView) -> str:
    return dates.long_date_at(h.deadline, h.deadline_time)


def warning(h: HearingView, today: date) -> str | None:
    if h.overdue(today):
        return "fristen er overskredet"
    if h.needs_chair:
        return "intet møde før fristen: svaret må blive en formandsbeslutning"
    return None


def line(h: HearingView) -> str:
    return f"{h.title} (fra {h.sender}, frist {deadline(h)})"


def details(h: HearingView, today: date) -> Iterator[str]:
    yield f"  Frist: {deadline(h)} · Status: {STATUS_LABELS[h.status]}"
    if h.answer_by == "chair":
        yield "  Besvares af formanden (formandsbeslutning)"
    elif h.meeting is not None:
        where = f", punkt {h.item_number}" if h.item_number else ""
        yield f"  På dagsordenen: mødet {dates.long_date(h.meeting.date)}{where}"
    elif h.open and h.last_meeting_before is not None:
        yield f"  Sidste møde før fristen: {dates.long_date(h.last_meeting_before.date)}"
    if h.material:
        yield f"  Materiale: {h.material}"
    if h.also_to:
        yield f"  Også sendt til: {', '.join(h.also_to)}"
    if h.status == "answered" and h.answered_on:
        yield f"  Besvaret {dates.long_date(h.answered_on)}"
    if note := warning(h, today):
        yield f"  OBS: {note}"


def text(found: HearingList) -> Iterator[str]:
    if not found.hearings:
        yield f"{found.council} har ingen høringer."
        return
    for n, h in enumerate(found.hearings):
        if n:
            yield ""
        yield f"#{h.id} {h.title} – fra {h.sender}"
        yield from details(h, found.today)


def answers(hearings: list[HearingView]) -> Iterator[str]:
    """The answers as the minutes record them."""
    for h in hearings:
        assert h.answered_on is not None  # an answered consultation has its day
        yield f"· {h.title} (fra {h.sender}), besvaret {dates.long_date(h.answered_on)}" + (
            " af formanden" if h.answer_by == "chair" else ""
        )
        if h.answer:
            yield from (f"  {part}" for part in h.answer.splitlines() if part.strip())


HEARINGS = view(__name__)
