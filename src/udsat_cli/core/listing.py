"""Lists: members, meetings, one meeting, and actions filtered by owner and status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from udsat_cli.core import lookup, status
from udsat_cli.core.lookup import MeetingRef
from udsat_cli.core.views import ActionView, Plan, select_actions, with_people
from udsat_cli.store.db import Db, as_date, in_list


@dataclass(frozen=True)
class Member:
    id: int
    full_name: str
    short_name: str | None
    role: str
    email: str | None
    member_from: date | None
    member_to: date | None


def members(
    db: Db,
    *,
    council: str | None,
    today: date | None = None,
    on: date | None = None,
    include_left: bool = False,
) -> list[Member]:
    """The council's people. ``on``: only the members on that day (not outsiders, guests or
    deputies); otherwise everyone who has not left by ``today`` (or everyone, ``include_left``)."""
    ref = lookup.council(db, name=council)
    found = [
        Member(pid, full, short, role, email, as_date(start), as_date(end))
        for pid, full, short, role, email, start, end in db.rows(
            "SELECT id, full_name, short_name, role, email, member_from, member_to "
            "FROM person WHERE council_id = :c ORDER BY full_name",
            c=ref.id,
        )
    ]
    if on is not None:
        from udsat_cli.core.documents import members_on

        ids = {pid for pid, _ in members_on(db, council=ref, day=on)}
        return [m for m in found if m.id in ids]
    if include_left or today is None:
        return found
    return [m for m in found if m.member_to is None or m.member_to >= today]


def meetings(db: Db, *, council: str | None) -> list[MeetingRef]:
    return lookup.meeting_plan(db, council=lookup.council(db, name=council))


@dataclass(frozen=True)
class MeetingDetail:
    council: str
    meeting: MeetingRef
    items: list[tuple[int, str]]
    actions: list[ActionView]


def meeting_detail(db: Db, *, council: str | None, ref: str, today: date) -> MeetingDetail:
    cref = lookup.council(db, name=council)
    found = lookup.meeting(db, council=cref, ref=ref, today=today)
    items = [
        (number, title)
        for number, title in db.rows(
            "SELECT number, title FROM agenda_item WHERE meeting_id = :m ORDER BY number",
            m=found.id,
        )
    ]
    plan = Plan(lookup.meeting_plan(db, council=cref))
    actions = select_actions(
        db, where="a.meeting_id = :m ORDER BY i.number, a.id", plan=plan, today=today, m=found.id
    )
    return MeetingDetail(cref.name, found, items, list(with_people(db, actions)))


def _sort_key(action: ActionView) -> tuple:
    return (action.due is None, action.due or date.max, action.id)


def actions(
    db: Db,
    *,
    council: str | None,
    today: date,
    owner: str | None = None,
    statuses: tuple[str, ...] | None = None,
) -> list[ActionView]:
    """Actions of the council, soonest deadline first; by default those not yet closed."""
    cref = lookup.council(db, name=council)
    wanted, params = in_list("s", list(statuses or status.ACTIVE))
    where = f"a.council_id = :c AND a.status IN {wanted}"
    if owner:
        params["p"] = lookup.person(db, council=cref, name=owner).id
        where += " AND a.id IN (SELECT action_id FROM action_owner WHERE person_id = :p)"
    plan = Plan(lookup.meeting_plan(db, council=cref))
    found = sorted(
        select_actions(db, where=where, plan=plan, today=today, c=cref.id, **params),
        key=_sort_key,
    )
    return list(with_people(db, found))


def item_texts(
    db: Db, *, council: str | None, ref: str, number: int, today: date
) -> tuple[str | None, str | None]:
    """An agenda item's sagsfremstilling and beslutning, to edit them."""
    from udsat_cli.errors import NotFoundError

    cref = lookup.council(db, name=council)
    found = lookup.meeting(db, council=cref, ref=ref, today=today)
    row = db.one(
        "SELECT background, decision FROM agenda_item WHERE meeting_id = :m AND number = :n",
        m=found.id,
        n=number,
    )
    if row is None:
        raise NotFoundError(
            f"Mødet har intet punkt {number}; se punkterne med: udsat meeting show."
        )
    return row[0], row[1]
