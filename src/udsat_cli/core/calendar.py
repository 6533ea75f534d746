"""Meetings and deadlines for a calendar that subscribes: stable ids (the invitations' UIDs, see
core.identity), a sequence that grows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.actions import LABELS, list_actions
from udsat_cli.store.db import required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class Entry:
    uid: str
    kind: str  # meeting, deadline or event
    summary: str
    description: str
    day: date
    start: str | None
    end: str | None
    place: str | None
    sequence: int
    status: str  # CONFIRMED/CANCELLED; for deadlines NEEDS-ACTION/COMPLETED/CANCELLED


@dataclass
class CalendarData:
    council: str
    entries: list[Entry]


def calendar_data(council: CouncilContext, *, owner: str | None = None) -> CalendarData:
    from udsat_cli.core.identity import store_id, uid

    db = council.db
    store = store_id(db)
    entries = [
        Entry(
            uid=uid(store, "meeting", mid),
            kind="meeting",
            summary=f"{council.name}: møde",
            description=f"Møde i {council.name}.",
            day=required_date(day),
            start=start,
            end=end,
            place=place,
            sequence=_sequence(council, mid, day, start, end, place, cancelled, revision),
            status="CANCELLED" if cancelled else "CONFIRMED",
        )
        for mid, day, start, end, place, cancelled, revision in db.rows(
            "SELECT id, date, start_time, end_time, place, cancelled, revision FROM meeting "
            "WHERE council_id = :c ORDER BY date, id",
            c=council.id,
        )
    ]
    found = list_actions(council, owner=owner, statuses=tuple(LABELS)).actions
    sequences: dict[int, int] = dict(
        db.rows(
            "SELECT e.action_id, COUNT(*) - 1 FROM action_event e "
            "JOIN action a ON a.id = e.action_id WHERE a.council_id = :c GROUP BY e.action_id",
            c=council.id,
        )
    )
    status = {"done": "COMPLETED", "dropped": "CANCELLED"}
    for action in found:
        if action.due is None:
            continue
        origin = f"\nFra mødet {dates.long_date(action.meeting)}." if action.meeting else ""
        entries.append(
            Entry(
                uid=uid(store, "action", action.id),
                kind="deadline",
                summary=action.title,
                description=f"Ansvarlige: {', '.join(action.owners)}.\nFrist: {action.due_text}."
                f"\nStatus: {LABELS[action.status]}.{origin}",
                day=action.due,
                start=None,
                end=None,
                place=None,
                sequence=sequences.get(action.id, 0),
                status=status.get(action.status, "NEEDS-ACTION"),
            )
        )
    if owner is None:  # the council's own events (an owner's calendar holds their tasks)
        from udsat_cli.core.events import events_between

        for event in events_between(council, start=date(1900, 1, 1)):
            who = f"\nDeltagere fra rådet: {', '.join(event.attendees)}." if event.attendees else ""
            entries.append(
                Entry(
                    uid=uid(store, "event", event.id),
                    kind="event",
                    summary=event.title,
                    description=f"Arrangement for {council.name}.{who}",
                    day=event.date,
                    start=event.time,
                    end=None,
                    place=None,
                    sequence=0,
                    status="CONFIRMED",
                )
            )
    return CalendarData(council.name, entries)


def _sequence(
    council: CouncilContext,
    mid: int,
    day: object,
    start: str | None,
    end: str | None,
    place: str | None,
    cancelled: object,
    revision: int,
) -> int:
    """The SEQUENCE the meeting's invitations carry (core.mailings), so a subscribed calendar
    and an accepted invitation agree on which version is newest."""
    from udsat_cli.core.mailings import calendar_sequence, said
    from udsat_cli.core.meetings import MeetingRef

    meeting = MeetingRef(mid, required_date(day), start, end, place)
    return calendar_sequence(
        council,
        meeting_id=mid,
        revision=revision,
        now_said=said(meeting, cancelled=bool(cancelled)),
    )
