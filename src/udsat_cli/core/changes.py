"""The history of changes (udsat log) and undoing the last command (udsat undo)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import NotFoundError, UdsatError
from udsat_cli.store.db import Db, in_list, required_datetime

if TYPE_CHECKING:
    from udsat_cli.store.models import Session


@dataclass
class Change:
    table: str
    key: dict[str, Any]
    op: str  # insert, update or delete
    old: dict[str, Any] | None
    new: dict[str, Any] | None


@dataclass
class ChangeSetView:
    id: int
    at: datetime
    command: str
    undone: bool
    changes: list[Change]
    author: str | None = None  # who made it (None: from before udsat recorded it)
    process: str | None = None


@dataclass
class ChangeLog:
    sets: list[ChangeSetView]
    action_id: int | None = None
    # Names for the ids the changes hold, so the log reads »Jette Nyboe«, not »person #3«.
    people: dict[int, str] = field(default_factory=dict)
    items: dict[int, str] = field(default_factory=dict)
    me: str | None = None  # who asks: an undo says whose command it took back, if not theirs


def _names(db: Db, sets: list[ChangeSetView]) -> tuple[dict[int, str], dict[int, str]]:
    """Names for the people and items the changes point to: from the changes themselves (a
    person the command added, or removed by an undo), else from the store."""
    people: set[int] = set()
    items: set[int] = set()
    known: dict[str, dict[int, str]] = {"person": {}, "agenda_item": {}}
    for change_set in sets:
        for change in change_set.changes:
            for values in (change.old or {}, change.new or {}):
                people |= {v for k, v in values.items() if k in PERSON_FIELDS and v}
                items |= {v for k, v in values.items() if k == "item_id" and v}
                if change.table == "action_event" and values.get("kind") == "item":
                    items |= {int(v) for k in ("old", "new") if (v := values.get(k))}
                label = {"person": "full_name", "agenda_item": "title"}.get(change.table)
                if label and values.get("id") and values.get(label):
                    known[change.table][values["id"]] = values[label]
    found = []
    for table, label, wanted in (("person", "full_name", people), ("agenda_item", "title", items)):
        names = dict(known[table])
        if missing := sorted(wanted - set(names)):
            ids, params = in_list("x", missing)
            names.update(db.rows(f"SELECT id, {label} FROM {table} WHERE id IN {ids}", **params))
        found.append(names)
    return found[0], found[1]


PERSON_FIELDS = ("person_id", "referent_id")


def _load(s: str | None) -> dict[str, Any] | None:
    return None if s is None else json.loads(s)


def change_log(
    db: Db,
    *,
    council_id: int | None,
    action_id: int | None = None,
    limit: int = 20,
    number: int | None = None,
) -> ChangeLog:
    """The council's latest commands that wrote, newest first; with ``action_id`` those touching
    that action, with ``number`` that one. ``council_id=None``: a store with no council left (its
    »init« undone)."""
    mine = (
        "council_id = :c"
        if council_id is not None
        else ("(council_id IS NULL OR council_id NOT IN (SELECT id FROM council))")
    )
    if number is not None:
        sets = db.all(
            f"SELECT id, at, command, undone_at, author, process FROM change_set WHERE {mine} "
            "AND id = :s",
            c=council_id,
            s=number,
        )
    elif action_id is None:
        sets = db.all(
            f"SELECT id, at, command, undone_at, author, process FROM change_set WHERE {mine} "
            "ORDER BY id DESC LIMIT :n",
            c=council_id,
            n=limit,
        )
    else:
        if not db.scalar(
            "SELECT id FROM action WHERE id = :a AND council_id = :c", a=action_id, c=council_id
        ):
            raise NotFoundError(f"Opgave #{action_id} findes ikke.")
        sets = db.all(
            f"SELECT id, at, command, undone_at, author, process FROM change_set WHERE {mine} "
            "AND id IN "
            "(SELECT change_set_id FROM change_row WHERE action_id = :a) ORDER BY id DESC LIMIT :n",
            c=council_id,
            a=action_id,
            n=limit,
        )
    if not sets:
        return ChangeLog([], action_id)
    ids, params = in_list("s", [row[0] for row in sets])
    changes: dict[int, list[Change]] = {}
    for set_id, table, key, op, old, new, aid in db.rows(
        "SELECT change_set_id, table_name, row_key, op, old, new, action_id FROM change_row "
        f"WHERE change_set_id IN {ids} ORDER BY id",
        **params,
    ):
        if action_id is None or aid == action_id:
            changes.setdefault(set_id, []).append(
                Change(table, json.loads(key), op, _load(old), _load(new))
            )
    views = [
        ChangeSetView(
            sid,
            required_datetime(at),
            command,
            undone is not None,
            changes.get(sid, []),
            author,
            process,
        )
        for sid, at, command, undone, author, process in sets
    ]
    people, items = _names(db, views)
    return ChangeLog(views, action_id, people, items)


class NotYours(UdsatError):
    """``undo N`` of another person's command, not confirmed: shown first, then asked."""

    def __init__(self, found: ChangeLog) -> None:
        view = found.sets[0]
        super().__init__(
            f"Kommando #{view.id} er lavet af {view.author}, ikke af dig; fortryd "
            f"den med: udsat undo {view.id} --yes"
        )
        self.found = found


def to_undo(db: Db, *, council_id: int, number: int) -> ChangeLog:
    """Change set ``number`` of the council as ``undo N`` would take it back (to show it
    before undoing another's command)."""
    found = change_log(db, council_id=council_id, number=number)
    if not found.sets:
        raise NotFoundError(
            f"Kommando #{number} findes ikke i rådets log; se numrene med: udsat log."
        )
    if found.sets[0].undone:
        raise UdsatError(f"Kommando #{number} er allerede fortrudt.")
    return found


def undo(
    session: Session,
    *,
    council: str | None,
    now: datetime,
    author: str,
    number: int | None = None,
    others: bool = False,
) -> ChangeLog:
    """Revert a command as a whole: ``author``'s own latest in the council, or the one numbered
    ``number`` (another person's only with ``others``, else ``NotYours``). Refused when a later
    command, by anyone, changed the same rows. Returns it with the names it points to."""
    from sqlalchemy.exc import IntegrityError

    from udsat_cli.core.context import CouncilNotChosen, find_council
    from udsat_cli.store.journal import Conflict, undo_latest

    db = Db(session.connection(), alchemy=True)
    try:
        council_id, _ = find_council(db, name=council)
    except CouncilNotChosen:
        if council or db.scalar("SELECT COUNT(*) FROM council"):
            raise
        raise UdsatError("Der er intet at fortryde.") from None
    which = "Den seneste kommando" if number is None else f"Kommando #{number}"
    if number is not None:
        shown = to_undo(db, council_id=council_id, number=number)
        if shown.sets[0].author not in (None, author) and not others:
            raise NotYours(shown)
    try:
        found = undo_latest(session, council_id=council_id, at=now, author=author, number=number)
    except Conflict as later:
        raise UdsatError(
            f"{which} kan ikke fortrydes: »{later.command}« fra {_when(later.at)} "
            "har ændret de samme data siden; fortryd den først"
        ) from None
    except IntegrityError:
        raise UdsatError(f"{which} kan ikke fortrydes, fordi senere data bygger på den.") from None
    if found is None:
        if db.scalar(
            "SELECT COUNT(*) FROM change_set WHERE council_id = :c AND undone_at IS NULL",
            c=council_id,
        ):
            raise UdsatError(
                f"Der er intet af dit at fortryde ({author}); en andens kommando "
                "fortrydes med dens nummer: udsat undo NR (se numrene med udsat "
                "log)"
            )
        raise UdsatError("Der er intet at fortryde.")
    change_set, rows = found
    changes = [
        Change(r.table_name, json.loads(r.row_key), r.op, _load(r.old), _load(r.new))
        for r in reversed(rows)
    ]
    view = ChangeSetView(
        change_set.id,
        change_set.at,
        change_set.command,
        True,
        changes,
        change_set.author,
        change_set.process,
    )
    people, items = _names(db, [view])
    return ChangeLog([view], None, people, items, me=author)


def _when(at: datetime) -> str:
    from udsat_cli import dates

    local = at.astimezone() if at.tzinfo else at
    return f"{dates.long_date(local.date())} kl. {local:%H.%M}"
