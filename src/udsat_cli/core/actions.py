"""Recording follow-up actions and every change to them; nothing here ever deletes an action."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session, select

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.items import ensure_item
from udsat_cli.core.seasons import seasons_for
from udsat_cli.core.status import CLOSED, LABELS
from udsat_cli.core.views import ActionView, action_view
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import Db, in_list
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import Action, ActionEvent, ActionOwner


def _owners(db: Db, cref: lookup.CouncilRef, names: list[str]) -> list[int]:
    if not names:
        raise InputError("En opgave skal have mindst én ansvarlig (--owner).")
    ids: list[int] = []
    for name in names:
        pid = lookup.person(db, council=cref, name=name).id
        if pid not in ids:
            ids.append(pid)
    return ids


def _set_deadline(
    db: Db,
    action: Action,
    cref: lookup.CouncilRef,
    text: str | None,
    today: date,
    *,
    later: bool = False,
) -> None:
    """Store a deadline as typed. ``later``: set after the action was created, so "næste møde"
    counts from the latest meeting by today, not from the meeting the action came from."""
    if text is None or not text.strip():
        action.due_kind = action.due_date = action.due_meeting_id = action.due_n = None
        action.due_text = None
        return
    deadline = dates.parse_deadline(text, today=today, seasons=seasons_for(db, council=cref))
    action.due_kind, action.due_date, action.due_n = deadline.kind, deadline.date, deadline.n
    if deadline.kind == "nth_meeting_after" and later:
        latest = lookup.latest_meeting(db, council=cref, on_or_before=today)
        action.due_date = latest.date if latest else today
    action.due_meeting_id = None
    if deadline.kind == "meeting":
        assert deadline.date is not None
        action.due_meeting_id = lookup.meeting(
            db, council=cref, ref=deadline.date.isoformat(), today=today
        ).id
    action.due_text = " ".join(text.split())


def _event_meeting(db: Db, cref: lookup.CouncilRef, today: date) -> int | None:
    found = lookup.latest_meeting(db, council=cref, on_or_before=today)
    return found.id if found else None


def add_action(
    session: Session,
    *,
    now: datetime,
    council: str | None,
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
    db = session_db(session)
    today = now.date()
    cref = lookup.council(db, name=council)
    title = " ".join(title.split())
    if not title:
        raise InputError("Opgavens titel må ikke være tom.")
    owner_ids = _owners(db, cref, owners)
    source = (
        lookup.meeting(db, council=cref, ref=meeting, today=today)
        if meeting
        else lookup.latest_meeting(db, council=cref, on_or_before=today)
    )
    if item and source is None:
        raise InputError("--item kræver et møde; tilføj mødet først eller angiv det med --meeting.")
    action = Action(
        council_id=cref.id,
        title=title,
        details=details,
        meeting_id=source.id if source else None,
        item_id=ensure_item(session, meeting_id=source.id, title=item).id
        if item and source
        else None,
        status="open",
        created_at=now,
    )
    _set_deadline(db, action, cref, due, today)
    session.add(action)
    session.flush()
    for position, pid in enumerate(owner_ids):
        session.add(ActionOwner(action_id=action.id, person_id=pid, position=position))
    session.add(
        ActionEvent(
            action_id=action.id,
            at=now,
            meeting_id=_event_meeting(db, cref, today),
            kind="created",
            new="open",
            note=note.strip() if note and note.strip() else None,
        )
    )
    session.flush()
    return action_view(db, council_id=cref.id, action_id=action.id, today=today)


def _load(
    session: Session, db: Db, *, council: str | None, action_id: int
) -> tuple[Action, lookup.CouncilRef]:
    action = session.get(Action, action_id)
    if action is not None:
        cref = lookup.CouncilRef(
            action.council_id,
            db.scalar("SELECT name FROM council WHERE id = :c", c=action.council_id),
        )
        if council is None or cref.name.casefold() == council.strip().casefold():
            return action, cref
    raise NotFoundError(f"Opgave #{action_id} findes ikke; se opgaverne med: udsat actions --all.")


def _replace_owners(session: Session, db: Db, action_id: int, owner_ids: list[int]) -> str:
    """Link the new owners; return the old ones' names for the history."""
    links = session.exec(select(ActionOwner).where(ActionOwner.action_id == action_id)).all()
    old = _names(db, [link.person_id for link in sorted(links, key=lambda k: k.position)])
    for link in links:
        session.delete(link)
    session.flush()
    for position, pid in enumerate(owner_ids):
        session.add(ActionOwner(action_id=action_id, person_id=pid, position=position))
    return old


def _names(db: Db, person_ids: list[int]) -> str:
    if not person_ids:
        return ""
    ids, params = in_list("p", person_ids)
    names = dict(db.rows(f"SELECT id, full_name FROM person WHERE id IN {ids}", **params))
    return ", ".join(names[pid] for pid in person_ids)


def update_action(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    action_id: int,
    status: str | None = None,
    note: str | None = None,
    due: str | None = None,
    owners: list[str] | None = None,
) -> ActionView:
    """Change status, deadline or owners and/or add a note; every change becomes an event."""
    db = session_db(session)
    today = now.date()
    action, cref = _load(session, db, council=council, action_id=action_id)
    note = note.strip() if note and note.strip() else None
    if status is None and note is None and due is None and not owners:
        raise InputError("Intet at ændre; angiv --status, --note, --due eller --owner.")
    if status is not None and status == action.status:
        raise UdsatError(f"Opgave #{action_id} er allerede {LABELS[status]}.")
    meeting_id = _event_meeting(db, cref, today)
    events: list[ActionEvent] = []

    def event(kind: str, old: str | None = None, new: str | None = None) -> None:
        events.append(
            ActionEvent(
                action_id=action_id, at=now, meeting_id=meeting_id, kind=kind, old=old, new=new
            )
        )

    if owners:
        owner_ids = _owners(db, cref, owners)
        old = _replace_owners(session, db, action_id, owner_ids)
        event("owners", old, _names(db, owner_ids))
    if due is not None:
        old_text = action.due_text
        _set_deadline(db, action, cref, due, today, later=True)
        event("due", old_text, action.due_text)
    if status is not None:
        event("status", action.status, status)
        action.status = status
        action.closed_at = now if status in CLOSED else None
    if note is not None:
        if not events:
            event("note")
        events[-1].note = note
    session.add(action)
    session.add_all(events)
    session.flush()
    return action_view(db, council_id=cref.id, action_id=action_id, today=today)
