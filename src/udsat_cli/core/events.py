"""Events the council takes part in ("4. april – Netværksmøde, her deltager Søren, René …")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from udsat_cli.core.lookup import CouncilRef
from udsat_cli.store.db import Db, as_date


@dataclass
class EventView:
    id: int
    date: date
    time: str | None
    title: str
    attendees: tuple[str, ...]


def events(db: Db, *, council: CouncilRef, start: date, end: date | None = None) -> list[EventView]:
    rows = db.all(
        "SELECT id, date, start_time, title FROM event WHERE council_id = :c AND date >= :s "
        + ("AND date <= :e " if end else "")
        + "ORDER BY date, id",
        c=council.id,
        s=start,
        **({"e": end} if end else {}),
    )
    people: dict[int, list[str]] = {}
    if rows:
        for eid, name in db.rows(
            "SELECT ea.event_id, p.full_name FROM event_attendee ea "
            "JOIN person p ON p.id = ea.person_id JOIN event e ON e.id = ea.event_id "
            "WHERE e.council_id = :c AND e.date >= :s ORDER BY p.id",
            c=council.id,
            s=start,
        ):
            people.setdefault(eid, []).append(name)
    return [
        EventView(eid, as_date(day), time, title, tuple(people.get(eid, ())))
        for eid, day, time, title in rows
    ]
