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
from udsat_cli.store.db import as_date, in_list, required_datetime

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
    from udsat_cli.danish import nearest

    close = nearest(key, LABELS.values())
    hint = f"mente du {close}? Ellers brug" if close else "brug"
    raise InputError(f"Ukendt status »{text}«; {hint} en af: {', '.join(LABELS.values())}.")


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
    undated: bool = False  # the deadline is words that name no day (»snarest«)
    item_id: int | None = None


_SELECT = """
SELECT a.id, a.title, a.status, a.due_kind, a.due_date, a.due_meeting_id, a.due_n, a.due_text,
       m.date, i.title, i.number, a.created_at, a.item_id
FROM action a
LEFT JOIN meeting m ON m.id = a.meeting_id
LEFT JOIN agenda_item i ON i.id = a.item_id
"""


@dataclass(frozen=True)
class Which:
    """Which actions of the council a query selects (every given condition holds)."""

    id: int | None = None
    meeting: int | None = None  # decided at this meeting
    elsewhere: int | None = None  # not decided at this meeting (or at no meeting)
    statuses: tuple[str, ...] | None = None
    closed_since: date | None = None  # with ``statuses``: or closed on or after this day
    owner: int | None = None  # a person among the owners
    by_item: bool = False  # in the order of their items on the agenda, else by number


def _where(council: CouncilContext, which: Which) -> tuple[str, dict[str, Any]]:
    """The SQL for ``which``: written here only, next to the query it completes."""
    found = ["a.council_id = :c"]
    params: dict[str, Any] = {"c": council.id}
    if which.id is not None:
        found.append("a.id = :id")
        params["id"] = which.id
    if which.meeting is not None:
        found.append("a.meeting_id = :m")
        params["m"] = which.meeting
    if which.elsewhere is not None:
        found.append("(a.meeting_id IS NULL OR a.meeting_id <> :other)")
        params["other"] = which.elsewhere
    if which.statuses is not None:
        marks, values = in_list("s", list(which.statuses))
        params.update(values)
        if which.closed_since is None:
            found.append(f"a.status IN {marks}")
        else:
            found.append(f"(a.status IN {marks} OR a.closed_at >= :since)")
            params["since"] = which.closed_since
    if which.owner is not None:
        found.append("a.id IN (SELECT action_id FROM action_owner WHERE person_id = :p)")
        params["p"] = which.owner
    order = "i.number, a.id" if which.by_item else "a.id"
    return " AND ".join(found) + f" ORDER BY {order}", params


def select_actions(
    council: CouncilContext, which: Which, *, until: date | None = None
) -> Iterator[ActionView]:
    """The actions ``which`` selects, without owners and notes (see ``with_people``).

    ``until`` is the coming meeting's date: actions count how many meetings they were carried past.
    """
    plan, today = council.plan, council.today
    where, params = _where(council, which)
    for row in council.db.rows(_SELECT + "WHERE " + where, **params):
        (
            aid,
            title,
            status,
            kind,
            due_date,
            due_mid,
            due_n,
            text,
            mdate,
            item,
            number,
            created,
            item_id,
        ) = row
        source = as_date(mdate) or required_datetime(created).date()
        due, due_text = resolve_deadline(
            kind, as_date(due_date), due_mid, due_n, text, source=source, plan=plan
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
            undated=kind == "text",
            item_id=item_id,
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


def owner_names(council: CouncilContext, ids: str, params: dict) -> dict[int, list[str]]:
    """Each action's owners in their order: people by full name, bodies as written."""
    found: dict[int, list[tuple[int, str]]] = {}
    for aid, position, name in council.db.rows(
        "SELECT ao.action_id, ao.position, p.full_name FROM action_owner ao "
        f"JOIN person p ON p.id = ao.person_id WHERE ao.action_id IN {ids} "
        "UNION ALL SELECT action_id, position, label FROM action_body_owner "
        f"WHERE action_id IN {ids}",
        **params,
    ):
        found.setdefault(aid, []).append((position, name))
    return {aid: [name for _, name in sorted(pairs)] for aid, pairs in found.items()}


def _fill(council: CouncilContext, chunk: list[ActionView]) -> list[ActionView]:
    ids, params = in_list("a", [a.id for a in chunk])
    owners = owner_names(council, ids, params)
    notes: dict[int, str] = dict(
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
    return next(with_people(council, select_actions(council, Which(id=action_id))))


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

    person = find_person(council, owner, lookup=True) if owner else None
    which = Which(statuses=statuses or ACTIVE, owner=person.id if person else None)
    found = sorted(select_actions(council, which), key=_soonest_first)
    return ActionList(
        council.name, list(with_people(council, found)), person.full_name if person else None
    )


# --- writes -----------------------------------------------------------------------------------


def _same(owner) -> tuple:
    """Owners compared as people by id, bodies by their words in any case."""
    return (owner.kind, owner.person_id, owner.label.casefold())


def _owners(council: CouncilContext, names: list[str]) -> list:
    from udsat_cli.core.owners import resolve_owner

    found: dict[tuple, object] = {}
    for name in names:
        owner = resolve_owner(council, name)
        found.setdefault(_same(owner), owner)
    return list(found.values())


def _event_meeting(council: CouncilContext) -> int | None:
    from udsat_cli.core.meetings import latest_meeting

    found = latest_meeting(council, on_or_before=council.today)
    return found.id if found else None


def _item_id(council: CouncilContext, meeting, item: str, *, new_item: bool) -> int:
    """The agenda item ``--item`` names on the action's meeting (see items.find_item)."""
    from udsat_cli.core.items import ensure_item, find_item

    if meeting is None:
        raise InputError("--item kræver et møde; tilføj mødet først eller angiv det med --meeting.")
    if new_item:
        return ensure_item(council, meeting_id=meeting.id, title=item).id
    return find_item(council, meeting=meeting, ref=item)[0]


def _link_owners(council: CouncilContext, action_id: int, owners: list) -> None:
    from udsat_cli.store.models import ActionBodyOwner, ActionOwner

    link: ActionOwner | ActionBodyOwner
    for position, owner in enumerate(owners):
        if owner.person_id is not None:
            link = ActionOwner(action_id=action_id, person_id=owner.person_id, position=position)
        else:
            link = ActionBodyOwner(
                action_id=action_id, position=position, kind=owner.kind, label=owner.label
            )
        council.writing.add(link)
    council.writing.flush()


def _current_owners(council: CouncilContext, action_id: int) -> list:
    from udsat_cli.core.owners import Owner

    rows = council.db.all(
        "SELECT ao.position, 'person', p.full_name, p.id FROM action_owner ao "
        "JOIN person p ON p.id = ao.person_id WHERE ao.action_id = :a "
        "UNION ALL SELECT position, kind, label, NULL FROM action_body_owner WHERE action_id = :a",
        a=action_id,
    )
    return [Owner(kind, label, pid) for _, kind, label, pid in sorted(rows)]


def _unlink_owners(council: CouncilContext, action_id: int) -> None:
    from sqlalchemy import select

    from udsat_cli.store.models import ActionBodyOwner, ActionOwner

    session = council.writing
    for model in (ActionOwner, ActionBodyOwner):
        for link in session.exec(select(model).where(model.action_id == action_id)).all():
            session.delete(link)
    session.flush()


def snapshot(council: CouncilContext, action) -> str:
    """The action as it stands after a change, kept with the change: the minutes of its meeting
    show it as it stood then, whatever happens to it later."""
    import json

    state = {
        "title": action.title,
        "status": action.status,
        "due_kind": action.due_kind,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "due_meeting_id": action.due_meeting_id,
        "due_n": action.due_n,
        "due_text": action.due_text,
        "item_id": action.item_id,
        "owners": [o.label for o in _current_owners(council, action.id)],
    }
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


def add_action(
    council: CouncilContext,
    *,
    title: str,
    owners: list[str],
    due: str | None = None,
    meeting: str | None = None,
    item: str | None = None,
    new_item: bool = False,
    note: str | None = None,
    details: str | None = None,
    reopen: bool = False,
) -> ActionView:
    """Record a follow-up action. ``meeting`` defaults to the latest meeting on or before today;
    ``details`` keeps longer text, such as the sentence of the minutes it was read from. An
    action may have no owner (»Vi følger op på næste møde«)."""
    from udsat_cli.core.meetings import find_meeting, latest_meeting
    from udsat_cli.store.models import Action, ActionEvent

    session = council.writing
    title = " ".join(title.split())
    if not title:
        raise InputError("Opgavens titel må ikke være tom.")
    owner_list = _owners(council, owners)
    source = (
        find_meeting(council, meeting)
        if meeting
        else latest_meeting(council, on_or_before=council.today)
    )
    if source is not None:
        from udsat_cli.core.meetings import refuse_if_approved

        refuse_if_approved(council, source, reopen=reopen)
    action = Action(
        council_id=council.id,
        title=title,
        details=details,
        meeting_id=source.id if source else None,
        item_id=_item_id(council, source, item, new_item=new_item) if item else None,
        status="open",
        created_at=council.now,
    )
    set_deadline(council, action, due, later=False)
    session.add(action)
    session.flush()
    _link_owners(council, action.id, owner_list)
    session.add(
        ActionEvent(
            action_id=action.id,
            at=council.now,
            meeting_id=_event_meeting(council),
            kind="created",
            new="open",
            note=note.strip() if note and note.strip() else None,
            state=snapshot(council, action),
        )
    )
    session.flush()
    return action_view(council, action.id)


def _load(council: CouncilContext, action_id: int):
    from udsat_cli.store.models import Action

    action = council.writing.get(Action, action_id)
    if action is None or action.council_id != council.id:
        raise NotFoundError(
            f"Opgave #{action_id} findes ikke i {council.name}; se opgaverne med: "
            "udsat actions --all."
        )
    return action


def update_action(
    council: CouncilContext,
    *,
    action_id: int,
    status: str | None = None,
    note: str | None = None,
    due: str | None = None,
    owners: list[str] | None = None,
    remove_owners: list[str] | None = None,
    title: str | None = None,
    item: str | None = None,
    new_item: bool = False,
) -> ActionView:
    """Change an action (status, deadline, owners, title, item) and/or add a note; every change
    becomes an event in its history, with the action as it stands after it."""
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.owners import resolve_owner
    from udsat_cli.store.models import ActionEvent

    action = _load(council, action_id)
    note = note.strip() if note and note.strip() else None
    if all(v is None or v == [] for v in (status, note, due, owners, remove_owners, title, item)):
        raise InputError(
            "Intet at ændre; angiv --status, --note, --due, --owner, --remove-owner, --title "
            "eller --item."
        )
    if status is not None and status == action.status:
        raise UdsatError(f"Opgave #{action_id} er allerede {LABELS[status]}.")
    events: list[tuple[str, str | None, str | None]] = []
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise InputError("Opgavens titel må ikke være tom.")
        if title != action.title:
            events.append(("title", action.title, title))
            action.title = title
    if owners or remove_owners:
        before = _current_owners(council, action_id)
        leaving = [resolve_owner(council, name, lookup=True) for name in remove_owners or []]
        gone = {_same(o) for o in leaving}
        if missing := [o.label for o in leaving if _same(o) not in {_same(b) for b in before}]:
            raise InputError(f"{', '.join(missing)} er ikke ansvarlig for opgave #{action_id}.")
        after = [o for o in before if _same(o) not in gone]
        after += [
            o for o in _owners(council, owners or []) if _same(o) not in {_same(a) for a in after}
        ]
        if after != before:
            _unlink_owners(council, action_id)
            _link_owners(council, action_id, after)
            events.append(
                ("owners", ", ".join(o.label for o in before), ", ".join(o.label for o in after))
            )
    if item is not None:
        meeting = (
            find_meeting(council, str(action.meeting_id), cancelled=True)
            if action.meeting_id
            else None
        )
        old_item = action.item_id
        action.item_id = _item_id(council, meeting, item, new_item=new_item)
        if action.item_id != old_item:
            events.append(("item", str(old_item) if old_item else None, str(action.item_id)))
    if due is not None:
        old_text = action.due_text
        set_deadline(council, action, due, later=True)
        events.append(("due", old_text, action.due_text))
    if status is not None:
        events.append(("status", action.status, status))
        action.status = status
        action.closed_at = council.now if status in CLOSED else None
    if not events and note is None:
        raise UdsatError(f"Opgave #{action_id} er allerede sådan; intet er ændret.")
    council.writing.add(action)
    council.writing.flush()
    state = snapshot(council, action)
    meeting_id = _event_meeting(council)
    rows = [
        ActionEvent(
            action_id=action_id,
            at=council.now,
            meeting_id=meeting_id,
            kind=kind,
            old=old,
            new=new,
            state=state,
        )
        for kind, old, new in events
    ]
    if note is not None:
        if not rows:
            rows.append(
                ActionEvent(
                    action_id=action_id,
                    at=council.now,
                    meeting_id=meeting_id,
                    kind="note",
                    state=state,
                )
            )
        rows[-1].note = note
    council.writing.add_all(rows)
    council.writing.flush()
    return action_view(council, action_id)
