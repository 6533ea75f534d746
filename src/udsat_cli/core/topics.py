"""The backlog: points for coming agendas, each on the first meeting on or after its date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import as_date

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


@dataclass
class TopicList:
    council: str
    topics: list[TopicView]


def topic_list(council: CouncilContext, *, include_dropped: bool = False) -> TopicList:
    """The backlog, each topic with the meeting it goes on (the first on/after its date, or the
    first after the day it was noted)."""
    plan = council.plan
    found = []
    for tid, title, for_date, created, dropped, note in council.db.rows(
        "SELECT id, title, for_date, created_on, dropped_at, note FROM topic "
        "WHERE council_id = :c ORDER BY id",
        c=council.id,
    ):
        if dropped is not None and not include_dropped:
            continue
        for_date = as_date(for_date)
        target = (
            plan.first_on_or_after(for_date) if for_date else plan.nth_after(as_date(created), 1)
        )
        found.append(TopicView(tid, title, for_date, target, dropped is not None, note))
    return TopicList(council.name, found)


def add_topic(council: CouncilContext, *, title: str, when: str | None = None) -> int:
    from udsat_cli.store.models import Topic

    title = " ".join(title.split())
    if not title:
        raise InputError("Et punkt skal have en titel.")
    seasons = council.seasons
    for_date = dates.parse_date(when, today=council.today, seasons=seasons) if when else None
    topic = Topic(council_id=council.id, title=title, for_date=for_date, created_on=council.today)
    council.writing.add(topic)
    council.writing.flush()
    return topic.id


def drop_topic(council: CouncilContext, *, topic_id: int, note: str | None) -> str:
    from udsat_cli.store.models import Topic

    topic = council.writing.get(Topic, topic_id)
    if topic is None or topic.council_id != council.id:
        raise NotFoundError(f"Punkt #{topic_id} findes ikke; se punkterne med: udsat topic list.")
    if topic.dropped_at is not None:
        raise UdsatError(f"Punkt #{topic_id} er allerede taget af listen.")
    topic.dropped_at = council.now
    topic.note = note.strip() if note and note.strip() else None
    council.writing.add(topic)
    council.writing.flush()
    return topic.title
