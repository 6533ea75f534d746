"""Follow-up actions: how they are read (owners by name, deadlines resolved against the meeting
plan), the action list, and recording them and every change to them. Nothing here ever deletes
an action; every change is an event in its history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from udsat_cli.core.deadlines import resolve_deadline, set_deadline
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import as_date, as_datetime, in_list

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

CHUNK = 500

# Stable codes in the store and JSON, Danish words for people.
LABELS = {
    "open": "åben",
    "in_progress": "i gang",
    "done": "udført",
    "postponed": "udsat",
    "dropped": "bortfaldet",
}
OPEN = ("open", "in_progress")
ACTIVE = ("open", "in_progress", "postponed")
CLOSED = ("done", "dropped")


def parse_status(text: str) -> str:
    """Accept the code or the Danish word: "i gang", "in_progress", "Udført" ..."""
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    for code, label in LABELS.items():
        if key in (label, code.replace("_", " ")) or key.replace(" ", "") == label.replace(" ", ""):
            return code
    raise InputError(f"Ukendt status »{text}«; brug en af: {', '.join(LABELS.values())}.")


@dataclass
class ActionView:
    """One action as reported. Filled in stages (row, then owners and note, then section), in
    place: copying per row is measurable in a report of hundreds of actions."""

    id: int
    title: str
    owners: tuple[str, ...]
    status: str
    due: date | None
    due_text: str | None
    meeting: date | None
    item: str | None
    note: str | None
    carried: int = 0
    section: str | None = None
    item_number: int | None = None
    overdue: bool = False


_SELECT = """
SELECT a.id, a.title, a.status, a.due_kind, a.due_date, a.due_meeting_id, a.due_n,
       m.date, i.title, i.number, a.created_at
FROM action a
LEFT JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN agenda_item i ON i.id = a.item_id
"""


def select_actions(
    council: CouncilContext, *, where: str, until: date | None = None, **params: Any
) -> Iterator[ActionView]:
    """Actions matching a WHERE clause, without owners and notes (see ``with_people``).

    ``until`` is the coming meeting's date: actions count how many meetings they were carried past.
    """
    plan, today = council.plan, council.today
    for row in council.db.rows(_SELECT + "WHERE " + where, **params):
        aid, title, status, kind, due_date, due_mid, due_n, mdate, item, number, created = row
        source = as_date(mdate) or as_datetime(created).date()
        due, due_text = resolve_deadline(
            kind, as_date(due_date), due_mid, due_n, source=source, plan=plan
        )
        yield ActionView(
            id=aid,
            title=title,
            owners=(),
            status=status,
            due=due,
            due_text=due_text,
            meeting=as_date(mdate),
            item=item,
            note=None,
            carried=plan.count_between(source, until) if until and mdate else 0,
            item_number=number,
            overdue=due is not None and due < today and status in OPEN,
        )


def with_people(council: CouncilContext, actions: Iterable[ActionView]) -> Iterator[ActionView]:
    """Fill in owners and latest notes, a chunk of actions at a time."""
    chunk: list[ActionView] = []
    for action in actions:
        chunk.append(action)
        if len(chunk) == CHUNK:
            yield from _fill(council, chunk)
            chunk = []
    if chunk:
        yield from _fill(council, chunk)


def _fill(council: CouncilContext, chunk: list[ActionView]) -> list[ActionView]:
    ids, params = in_list("a", [a.id for a in chunk])
    owners: dict[int, list[str]] = {}
    for aid, name in council.db.rows(
        "SELECT ao.action_id, p.full_name FROM action_owner ao "
        f"JOIN person p ON p.id = ao.person_id WHERE ao.action_id IN {ids} "
        "ORDER BY ao.action_id, ao.position",
        **params,
    ):
        owners.setdefault(aid, []).append(name)
    notes = dict(
        council.db.rows(
            "SELECT action_id, note FROM action_event WHERE id IN ("
            "SELECT MAX(id) FROM action_event "
            f"WHERE note IS NOT NULL AND action_id IN {ids} GROUP BY action_id)",
            **params,
        )
    )
    for action in chunk:
        action.owners = tuple(owners.get(action.id, ()))
        action.note = notes.get(action.id)
    return chunk


def action_view(council: CouncilContext, action_id: int) -> ActionView:
    found = select_actions(council, where="a.id = :id AND a.council_id = :c", id=action_id,
                           c=council.id)  # fmt: skip
    return next(with_people(council, found))


# --- the action list --------------------------------------------------------------------------


@dataclass
class ActionList:
    council: str
    actions: list[ActionView]
    owner: str | None = None


def _soonest_first(action: ActionView) -> tuple:
    return (action.due is None, action.due or date.max, action.id)


def list_actions(
    council: CouncilContext, *, owner: str | None = None, statuses: tuple[str, ...] | None = None
) -> ActionList:
    """Actions of the council, soonest deadline first; by default those not yet closed."""
    from udsat_cli.core.members import find_person

    wanted, params = in_list("s", list(statuses or ACTIVE))
    where = f"a.council_id = :c AND a.status IN {wanted}"
    person = find_person(council, owner) if owner else None
    if person:
        params["p"] = person.id
        where += " AND a.id IN (SELECT action_id FROM action_owner WHERE person_id = :p)"
    found = sorted(select_actions(council, where=where, c=council.id, **params),
                   key=_soonest_first)  # fmt: skip
    return ActionList(council.name, list(with_people(council, found)),
                      person.full_name if person else None)  # fmt: skip


# --- writes -----------------------------------------------------------------------------------


def _owner_ids(council: CouncilContext, names: list[str]) -> list[int]:
    from udsat_cli.core.members import find_person

    if not names:
        raise InputError("En opgave skal have mindst én ansvarlig (--owner).")
    return list(dict.fromkeys(find_person(council, name).id for name in names))


def _event_meeting(council: CouncilContext) -> int | None:
    from udsat_cli.core.meetings import latest_meeting

    found = latest_meeting(council, on_or_before=council.today)
    return found.id if found else None


def add_action(
    council: CouncilContext,
    *,
    title: str,
    owners: list[str],
    due: str | None = None,
    meeting: str | None = None,
    item: str | None = None,
    note: str | None = None,
    details: str | None = None,
) -> ActionView:
    """Record a follow-up action. ``meeting`` defaults to the latest meeting on or before today;
    ``details`` keeps longer text, such as the sentence of the minutes it was read from."""
    from udsat_cli.core.items import ensure_item
    from udsat_cli.core.meetings import find_meeting, latest_meeting
    from udsat_cli.store.models import Action, ActionEvent, ActionOwner

    session = council.writing
    title = " ".join(title.split())
    if not title:
        raise InputError("Opgavens titel må ikke være tom.")
    owner_ids = _owner_ids(council, owners)
    source = (
        find_meeting(council, meeting)
        if meeting
        else latest_meeting(council, on_or_before=council.today)
    )
    if item and source is None:
        raise InputError("--item kræver et møde; tilføj mødet først eller angiv det med --meeting.")
    action = Action(
        council_id=council.id,
        title=title,
        details=details,
        meeting_id=source.id if source else None,
        item_id=ensure_item(council, meeting_id=source.id, title=item).id
        if item and source
        else None,
        status="open",
        created_at=council.now,
    )
    set_deadline(council, action, due, later=False)
    session.add(action)
    session.flush()
    for position, pid in enumerate(owner_ids):
        session.add(ActionOwner(action_id=action.id, person_id=pid, position=position))
    session.add(
        ActionEvent(
            action_id=action.id, at=council.now, meeting_id=_event_meeting(council),
            kind="created", new="open", note=note.strip() if note and note.strip() else None,
        )
    )  # fmt: skip
    session.flush()
    return action_view(council, action.id)


def _load(council: CouncilContext, action_id: int):  # noqa: ANN202  (an Action row)
    from udsat_cli.store.models import Action

    action = council.writing.get(Action, action_id)
    if action is None or action.council_id != council.id:
        raise NotFoundError(
            f"Opgave #{action_id} findes ikke i {council.name}; se opgaverne med: "
            "udsat actions --all."
        )
    return action


def _names(council: CouncilContext, person_ids: list[int]) -> str:
    if not person_ids:
        return ""
    ids, params = in_list("p", person_ids)
    names = dict(council.db.rows(f"SELECT id, full_name FROM person WHERE id IN {ids}", **params))
    return ", ".join(names[pid] for pid in person_ids)


def _replace_owners(council: CouncilContext, action_id: int, owner_ids: list[int]) -> str:
    """Link the new owners; return the old ones' names for the history."""
    from sqlmodel import select

    from udsat_cli.store.models import ActionOwner

    session = council.writing
    links = session.exec(select(ActionOwner).where(ActionOwner.action_id == action_id)).all()
    old = _names(council, [link.person_id for link in sorted(links, key=lambda k: k.position)])
    for link in links:
        session.delete(link)
    session.flush()
    for position, pid in enumerate(owner_ids):
        session.add(ActionOwner(action_id=action_id, person_id=pid, position=position))
    return old


def update_action(
    council: CouncilContext,
    *,
    action_id: int,
    status: str | None = None,
    note: str | None = None,
    due: str | None = None,
    owners: list[str] | None = None,
) -> ActionView:
    """Change status, deadline or owners and/or add a note; every change becomes an event."""
    from udsat_cli.store.models import ActionEvent

    action = _load(council, action_id)
    note = note.strip() if note and note.strip() else None
    if status is None and note is None and due is None and not owners:
        raise InputError("Intet at ændre; angiv --status, --note, --due eller --owner.")
    if status is not None and status == action.status:
        raise UdsatError(f"Opgave #{action_id} er allerede {LABELS[status]}.")
    meeting_id = _event_meeting(council)
    events: list[ActionEvent] = []

    def event(kind: str, old: str | None = None, new: str | None = None) -> None:
        events.append(ActionEvent(action_id=action_id, at=council.now, meeting_id=meeting_id,
                                  kind=kind, old=old, new=new))  # fmt: skip

    if owners:
        owner_ids = _owner_ids(council, owners)
        event("owners", _replace_owners(council, action_id, owner_ids), _names(council, owner_ids))
    if due is not None:
        old_text = action.due_text
        set_deadline(council, action, due, later=True)
        event("due", old_text, action.due_text)
    if status is not None:
        event("status", action.status, status)
        action.status = status
        action.closed_at = council.now if status in CLOSED else None
    if note is not None:
        if not events:
            event("note")
        events[-1].note = note
    council.writing.add(action)
    council.writing.add_all(events)
    council.writing.flush()
    return action_view(council, action_id)
