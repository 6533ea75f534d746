"""The backlog: points for coming agendas, each on the first meeting on or after its date.

A topic leaves the list when it is dropped, or when an item takes it up (``item add --topic``, or
issuing the agenda of its meeting); the item keeps the link, so the agenda never shows it twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import as_date, required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef


@dataclass
class TopicView:
    id: int
    title: str
    for_date: date | None
    meeting: MeetingRef | None
    dropped: bool
    note: str | None
    taken: tuple[date, int] | None = None  # (meeting day, item number) of the item taking it up


@dataclass
class TopicList:
    council: str
    topics: list[TopicView]


def topic_list(council: CouncilContext, *, include_dropped: bool = False) -> TopicList:
    """The backlog, each topic with the meeting it goes on (the first on/after its date, or the
    first after the day it was noted). ``include_dropped``: also those dropped or taken up."""
    plan = council.plan
    found = []
    for tid, title, for_date, created, dropped, note, day, number in council.db.rows(
        "SELECT t.id, t.title, t.for_date, t.created_on, t.dropped_at, t.note, m.date, i.number "
        "FROM topic t LEFT JOIN agenda_item i ON i.topic_id = t.id "
        "LEFT JOIN meeting m ON m.id = i.meeting_id WHERE t.council_id = :c ORDER BY t.id",
        c=council.id,
    ):
        taken = (required_date(day), number) if number is not None else None  # the item's day
        if (dropped is not None or taken) and not include_dropped:
            continue
        for_date = as_date(for_date)
        target = (
            plan.first_on_or_after(for_date)
            if for_date
            else plan.nth_after(required_date(created), 1)
        )
        found.append(TopicView(tid, title, for_date, target, dropped is not None, note, taken))
    return TopicList(council.name, found)


def add_topic(council: CouncilContext, *, title: str, when: str | None = None) -> int:
    from udsat_cli.store.models import Topic

    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkt skal have en titel.")
    for_date = _for_date(council, when) if when else None
    topic = Topic(council_id=council.id, title=title, for_date=for_date, created_on=council.today)
    council.writing.add(topic)
    council.writing.flush()
    return topic.id


def _for_date(council: CouncilContext, when: str) -> date:
    """The day a topic waits for: a date or season (»efter sommerferien«), or the day of the
    meeting a phrase names (»næste møde«, »mødet i juni«)."""
    from udsat_cli.core.deadlines import explain

    found = explain(council, today=council.today, text=when)
    if found.day is None:
        raise InputError(
            f"»{' '.join(when.split())}« er et møde, der ikke er planlagt endnu; planlæg det med "
            "udsat meeting add, eller skriv en dato."
        )
    return found.day


def drop_topic(council: CouncilContext, *, topic_id: int, note: str | None) -> str:
    from udsat_cli.store.models import Topic

    topic = council.writing.get(Topic, topic_id)
    if topic is None or topic.council_id != council.id:
        raise NotFoundError(f"Punkt #{topic_id} findes ikke; se punkterne med: udsat topic list.")
    if topic.dropped_at is not None or council.db.scalar(
        "SELECT 1 FROM agenda_item WHERE topic_id = :t", t=topic_id
    ):
        raise UdsatError(f"Punkt #{topic_id} er allerede taget af listen.")
    topic.dropped_at = council.now
    topic.note = note.strip() if note and note.strip() else None
    council.writing.add(topic)
    council.writing.flush()
    return topic.title
