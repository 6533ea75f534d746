"""The change journal: every row a writing command touches, so it can be shown and undone.

A write session records, after each flush, what the ORM inserted, updated and deleted, with
the values before and after; when the command's transaction is about to commit the rows are
written as one change set. Undo reverts the latest change set that is not undone yet.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from udsat_cli.store.tables import change_row, change_set, metadata

if TYPE_CHECKING:
    from udsat_cli.store.models import ChangeRow, ChangeSet

SKIP = {"change_set", "change_row"}
# Bookkeeping written outside the journal (see core.reminders.record): when undo removes a row
# it points to, its rows go too, so it never stands in the way of undoing an earlier command.
BOOKKEEPING = {
    "action": (("reminder_log", "action_id"),),
    "person": (("reminder_log", "person_id"), ("event_reminder_log", "person_id")),
    "event": (("event_reminder_log", "event_id"),),
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):  # a kept Word file
        import base64

        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _dump(values: dict[str, Any] | None) -> str | None:
    return (
        None
        if values is None
        else json.dumps(
            {k: _plain(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True
        )
    )


def _columns(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    return {attr.key: getattr(obj, attr.key) for attr in state.mapper.column_attrs}


def _old(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    values = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        values[attr.key] = history.deleted[0] if history.deleted else getattr(obj, attr.key)
    return values


class Recorder:
    def __init__(self, session: Session) -> None:
        self.rows: list[tuple[str, str, dict[str, Any], dict | None, dict | None]] = []
        event.listen(session, "after_flush", self._after_flush)

    def _key(self, obj: Any) -> dict[str, Any]:
        mapper = inspect(obj).mapper
        return {col.key: getattr(obj, col.key) for col in mapper.primary_key}

    def _after_flush(self, session: Session, _context: Any) -> None:
        for obj in session.new:
            if obj.__tablename__ not in SKIP:
                self.rows.append(("insert", obj.__tablename__, self._key(obj), None, _columns(obj)))
        for obj in session.dirty:
            if obj.__tablename__ not in SKIP and session.is_modified(
                obj, include_collections=False
            ):
                old, new = _old(obj), _columns(obj)
                if old != new:
                    self.rows.append(("update", obj.__tablename__, self._key(obj), old, new))
        for obj in session.deleted:
            if obj.__tablename__ not in SKIP:
                self.rows.append(("delete", obj.__tablename__, self._key(obj), _columns(obj), None))

    def write(self, session: Session, *, command: str, at: datetime) -> int | None:
        """The rows as one change set; returns its id (None when nothing was changed)."""
        session.flush()
        if not self.rows:
            return None
        from udsat_cli.store.values import clean_text

        connection = session.connection()
        council_id = session.info.get("udsat.council_id")
        shown = clean_text(command, lines=False)[:500]
        made = connection.execute(
            insert(change_set).values(
                at=at, command=shown, council_id=council_id, author=author(), process=process()
            )
        ).inserted_primary_key
        assert made is not None  # an INSERT's result always has it
        set_id = made[0]
        connection.execute(
            insert(change_row),
            [
                {
                    "change_set_id": set_id,
                    "table_name": table,
                    "row_key": _dump(key),
                    "op": op,
                    "old": _dump(old),
                    "new": _dump(new),
                    "action_id": _action_of(table, key, old or new or {}),
                }
                for op, table, key, old, new in self.rows
            ],
        )
        return set_id


def author() -> str:
    """Who is at the keyboard: UDSAT_USER (a person's name, for two people who share one OS
    account), else the OS user on this machine, »anna@pc-17«."""
    import os

    from udsat_cli.store.values import clean_text

    named = clean_text(os.environ.get("UDSAT_USER", ""), lines=False).strip()
    if named:
        return named[:200]
    try:
        import getpass

        user = getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry): the user id
        user = f"uid {os.getuid()}" if hasattr(os, "getuid") else "ukendt"
    import socket

    return clean_text(f"{user}@{socket.gethostname()}", lines=False)[:200]


def process() -> str:
    import os

    return f"pid {os.getpid()}"


def _action_of(table: str, key: dict[str, Any], values: dict[str, Any]) -> int | None:
    if table == "action":
        return key.get("id")
    return values.get("action_id")


def _typed(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    """JSON values back to what the columns hold."""
    from sqlalchemy import Boolean, Date, DateTime, LargeBinary

    typed = {}
    for name, value in values.items():
        kind = table.c[name].type
        kind = getattr(kind, "impl", kind)  # tables.UTCDateTime decorates DateTime
        if value is not None and isinstance(kind, LargeBinary):
            import base64

            value = base64.b64decode(value)
        elif value is not None and isinstance(kind, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(kind, Date):
            value = date.fromisoformat(value)
        elif value is not None and isinstance(kind, Boolean):
            value = bool(value)
        typed[name] = value
    return typed


class Conflict(Exception):
    """A later command, by anyone, changed rows the command to undo also changed."""

    def __init__(self, command: str, at: datetime) -> None:
        super().__init__(command)
        self.command, self.at = command, at


def undo_latest(
    session: Session,
    *,
    council_id: int,
    at: datetime,
    author: str | None = None,
    number: int | None = None,
) -> tuple[ChangeSet, list[ChangeRow]] | None:
    """Revert a change set of the council, row by row in reverse: the one numbered ``number``,
    else the latest not undone yet by ``author`` (or by no one known: from before m017); None
    if there is none. Refused (``Conflict``) when a later command touched the same rows."""
    from sqlalchemy import or_

    from udsat_cli.store.models import ChangeRow, ChangeSet

    latest = (
        select(ChangeSet)
        .where(ChangeSet.undone_at.is_(None), ChangeSet.council_id == council_id)
        .order_by(ChangeSet.id.desc())
    )
    if number is not None:
        latest = latest.where(ChangeSet.id == number)
    elif author is not None:
        latest = latest.where(or_(ChangeSet.author == author, ChangeSet.author.is_(None)))
    change_set = session.scalars(latest.limit(1)).first()
    if change_set is None:
        return None
    of_set = select(ChangeRow).where(ChangeRow.change_set_id == change_set.id)
    rows = list(session.scalars(of_set.order_by(ChangeRow.id.desc())))
    _refuse_conflicts(session, change_set, rows)
    connection = session.connection()
    for row in rows:
        table = metadata.tables[row.table_name]
        key = _typed(table, json.loads(row.row_key))
        where = and_(*(table.c[k] == v for k, v in key.items()))
        if row.op == "insert":
            for log_table, column in BOOKKEEPING.get(row.table_name, ()) if "id" in key else ():
                log = metadata.tables[log_table]
                connection.execute(delete(log).where(log.c[column] == key["id"]))
            connection.execute(delete(table).where(where))
        elif row.op == "update":
            assert row.old is not None  # an update or a delete keeps the row as it was
            connection.execute(
                update(table).where(where).values(**_typed(table, json.loads(row.old)))
            )
        else:
            assert row.old is not None
            connection.execute(insert(table).values(**_typed(table, json.loads(row.old))))
    change_set.undone_at = at
    session.add(change_set)
    session.flush()
    return change_set, rows


def _refuse_conflicts(session: Session, change_set: ChangeSet, rows: list[ChangeRow]) -> None:
    from udsat_cli.store.models import ChangeRow, ChangeSet

    touched = {(r.table_name, r.row_key) for r in rows}
    if not touched:
        return
    later = (
        select(ChangeSet.command, ChangeSet.at, ChangeRow.table_name, ChangeRow.row_key)
        .join(ChangeRow, ChangeRow.change_set_id == ChangeSet.id)
        .where(
            ChangeSet.id > change_set.id,
            ChangeSet.undone_at.is_(None),
            ChangeRow.table_name.in_({t for t, _ in touched}),
        )
        .order_by(ChangeSet.id)
    )
    for command, at, table, key in session.execute(later):
        if (table, key) in touched:
            raise Conflict(command, at)
