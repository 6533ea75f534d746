"""One meeting as ``udsat meeting show`` prints it: its items and the actions decided at it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.core.actions import Which, select_actions, with_people
from udsat_cli.core.attendance import Expected, expected
from udsat_cli.core.meetings import MeetingRef, find_meeting

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class MeetingDetail:
    council: str
    meeting: MeetingRef
    items: list[tuple[int, str]]
    actions: list  # ActionView, soonest item first
    cancelled: bool = False
    expected: Expected | None = None  # afbud, answers, quorum (None: cancelled)


def meeting_detail(council: CouncilContext, *, ref: str) -> MeetingDetail:
    found = find_meeting(council, ref, cancelled=True)
    items = council.db.all(
        "SELECT number, title FROM agenda_item WHERE meeting_id = :m ORDER BY number", m=found.id
    )
    actions = select_actions(council, Which(meeting=found.id, by_item=True))
    cancelled = bool(council.db.scalar("SELECT cancelled FROM meeting WHERE id = :m", m=found.id))
    return MeetingDetail(
        council.name,
        found,
        [(n, t) for n, t in items],
        list(with_people(council, actions)),
        cancelled,
        None if cancelled else expected(council, found),
    )
