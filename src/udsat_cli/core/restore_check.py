"""An export checked before it is read in, with the rules the commands use: every column known
and of its type (dates that are dates, times that are times of day, text within its length and
free of control characters and non-characters), codes that udsat knows (roles, statuses, who
answers a consultation), addresses that are one address, the JSON texts udsat reads back (an
action's state, the standing points, a kept referat) readable as udsat reads them, no two rows
with the same key, and every reference to a row that the export holds. A bad row is refused by
its table and its number, and nothing is read in."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from udsat_cli.errors import InputError

TABLE_NAMES = {
    "council": "råd",
    "person": "personer",
    "meeting": "møder",
    "agenda_item": "punkter",
    "action": "opgaver",
    "action_owner": "ansvarlige",
    "action_event": "opgavernes historik",
    "council_season": "sæsoner",
    "attendance": "fremmøde",
    "topic": "punkter til listen",
    "event": "arrangementer",
    "event_attendee": "deltagere",
    "reminder_log": "påmindelser",
    "import_log": "importer",
    "action_body_owner": "ansvarlige",
    "meeting_guest": "gæster",
    "event_reminder_log": "påmindelser om arrangementer",
    "hearing": "høringer",
    "agenda_notice": "indkaldelser",
    "duty_reminder_log": "påmindelser om frister",
    "minutes_version": "godkendte referater",
    "store_identity": "lagerets id",
    "attachment": "bilag",
    "meeting_reply": "svar på invitationer",
    "mail_message": "mails",
    "inbox_message": "læste mails",
}


TIMES = {
    ("meeting", "start_time"),
    ("meeting", "end_time"),
    ("event", "start_time"),
    ("hearing", "deadline_time"),
}
MONTH_DAYS = {("council_season", "start_md"), ("council_season", "end_md")}
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _codes() -> dict[tuple[str, str], set[str]]:
    from udsat_cli.core.actions import LABELS
    from udsat_cli.core.hearings import STATUS_LABELS
    from udsat_cli.core.items import KINDS
    from udsat_cli.core.members import ROLES

    return {
        ("person", "role"): set(ROLES),
        ("action", "status"): set(LABELS),
        ("action", "due_kind"): {
            "date",
            "meeting",
            "first_meeting_after",
            "nth_meeting_after",
            "text",
        },
        ("attendance", "status"): {"absent", "guest", "present"},
        ("agenda_item", "kind"): set(KINDS),
        ("agenda_item", "standing"): {
            "approval",
            "followups",
            "hearings",
            "economy",
            "events",
            "other",
            "own",
        },
        ("action_body_owner", "kind"): {"council", "unit"},
        ("reminder_log", "channel"): {"print", "email"},
        ("event_reminder_log", "channel"): {"print", "email"},
        ("meeting_reply", "response"): {"accepted", "declined", "tentative"},
        ("mail_message", "status"): {"sent", "refused", "deferred", "held"},
        ("mail_message", "kind"): {"notice", "update", "cancel", "reminder"},
        ("inbox_message", "outcome"): {"applied", "unknown", "ignored"},
        ("duty_reminder_log", "channel"): {"print", "email"},
        ("hearing", "status"): set(STATUS_LABELS),
        ("hearing", "answer_by"): {"meeting", "chair"},
    }


def _refuse(table: str, n: int, column: str, value: Any, why: str) -> InputError:
    shown = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
    return InputError(
        f"Eksporten har en ugyldig række i {TABLE_NAMES.get(table, table)}, nr. {n}: "
        f"{column} »{shown}« {why}; intet er læst ind"
    )


def _value(table: str, n: int, column: Any, value: Any, codes: dict) -> None:
    from sqlalchemy import Boolean, Date, DateTime, Integer, LargeBinary, String

    from udsat_cli.addresses import is_address
    from udsat_cli.store.values import clean_text

    name = column.name
    kind = getattr(column.type, "impl", column.type)
    if value is None:
        if not column.nullable and not column.primary_key and column.server_default is None:
            raise _refuse(table, n, name, "", "mangler")
        return
    if isinstance(kind, LargeBinary):
        import base64
        import binascii

        try:
            base64.b64decode(str(value), validate=True)
        except (binascii.Error, ValueError):
            raise _refuse(table, n, name, "…", "er ikke en fil (base64)") from None
    elif isinstance(kind, Boolean):
        if value not in (True, False, 0, 1):
            raise _refuse(table, n, name, value, "er ikke ja eller nej")
    elif isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**31 - 1:
            raise _refuse(table, n, name, value, "er ikke et helt tal")
    elif isinstance(kind, DateTime):
        try:
            datetime.fromisoformat(str(value))
        except ValueError:
            raise _refuse(table, n, name, value, "er ikke et tidspunkt") from None
    elif isinstance(kind, Date):
        try:
            date.fromisoformat(str(value))
        except ValueError:
            raise _refuse(table, n, name, value, "er ikke en dato") from None
    elif isinstance(kind, String):
        if not isinstance(value, str):
            raise _refuse(table, n, name, value, "er ikke tekst")
        limit = getattr(kind, "length", None)
        if limit is not None and len(value) > limit:
            raise _refuse(table, n, name, value, f"er over {limit} tegn")
        if clean_text(value, lines=limit is None) != value:
            raise _refuse(table, n, name, value, "har styretegn")
    if (table, name) in codes and value not in codes[(table, name)]:
        raise _refuse(table, n, name, value, "er ikke en værdi, udsat kender")
    if (table, name) == ("person", "email") and not is_address(value):
        raise _refuse(table, n, name, value, "er ikke én e-mailadresse")
    if (table, name) in TIMES and not _TIME.fullmatch(value):
        raise _refuse(table, n, name, value, "er ikke et klokkeslæt (TT:MM)")
    if (table, name) in MONTH_DAYS and not _month_day(value):
        raise _refuse(table, n, name, value, "er ikke en dag i året (MM-DD)")
    if (table, name) in READ_BACK:
        try:
            READ_BACK[(table, name)](json.loads(value))
        except Exception:  # whatever the reader trips on: udsat could not read it back
            raise _refuse(table, n, name, value, "kan udsat ikke læse") from None


def _month_day(value: str) -> bool:
    try:
        date.fromisoformat(f"2000-{value}")  # a leap year: 02-29 is a day
    except ValueError:
        return False
    return len(value) == 5


def _need(condition: bool) -> None:
    if not condition:
        raise ValueError


def _action_state(state: Any) -> None:
    """An action as it stood after a change (core.actions.snapshot), as the minutes read it."""
    from udsat_cli.core.actions import LABELS

    _need(isinstance(state, dict) and isinstance(state["title"], str))
    _need(state["status"] in LABELS)
    _need(isinstance(state["owners"], list) and all(isinstance(o, str) for o in state["owners"]))
    _need(
        state["due_kind"]
        in (None, "date", "meeting", "first_meeting_after", "nth_meeting_after", "text")
    )
    _need(state["due_date"] is None or bool(date.fromisoformat(state["due_date"])))
    for key in ("due_meeting_id", "due_n", "item_id"):
        value = state.get(key)
        _need(value is None or (isinstance(value, int) and not isinstance(value, bool)))
    _need(state["due_text"] is None or isinstance(state["due_text"], str))


def _standing_points(data: Any) -> None:
    from udsat_cli.core.standing import parse

    found = parse(json.dumps(data))
    _need(
        all(
            isinstance(p.key, str) and isinstance(p.title, str)
            for p in (*found.before, *found.after)
        )
    )


def _kept_minutes(data: Any) -> None:
    from udsat_cli.core.minutes import minutes_from_data

    _need(isinstance(data, dict))
    minutes_from_data(data)  # read back as »minutes --approved« reads it


READ_BACK: dict[tuple[str, str], Callable[[Any], None]] = {
    ("action_event", "state"): _action_state,
    ("council", "standing_points"): _standing_points,
    ("minutes_version", "data"): _kept_minutes,
}


def check_export(tables: dict[str, Any], order: list[str]) -> None:
    """Refuse the export at its first bad row (see the module's docstring)."""
    from udsat_cli.store.tables import metadata

    codes = _codes()
    ids: dict[str, set[Any]] = {}
    for table in order:
        schema = metadata.tables[table]
        rows = tables.get(table) or []
        if not isinstance(rows, list):
            raise InputError(f"Eksporten har ikke en liste af rækker i {TABLE_NAMES[table]}.")
        seen: dict[tuple[str, ...], set[tuple[Any, ...]]] = {key: set() for key in _keys(schema)}
        for n, row in enumerate(rows, start=1):
            if not isinstance(row, dict) or not row:
                raise InputError(f"Eksporten har en ugyldig række i {TABLE_NAMES[table]}, nr. {n}.")
            if unknown := set(row) - set(schema.c.keys()):
                raise _refuse(table, n, sorted(unknown)[0], "", "er ikke en kolonne i tabellen")
            for column in schema.c:
                value = row.get(column.name)
                _value(table, n, column, value, codes)
                for fk in column.foreign_keys:
                    target = fk.column.table.name
                    if value is not None and value not in ids.get(target, set()):
                        why = f"peger på noget, der ikke er i eksporten ({TABLE_NAMES[target]})"
                        raise _refuse(table, n, column.name, value, why)
            for key, taken in seen.items():
                values = tuple(row.get(c) for c in key)
                if None in values:
                    continue
                if values in taken:
                    shown = ", ".join(map(str, values))
                    raise _refuse(table, n, "/".join(key), shown, "har en anden række allerede")
                taken.add(values)
            if (table, row.get("status")) == ("hearing", "answered") and not row.get("answered_on"):
                raise _refuse(table, n, "answered_on", "", "mangler, når høringen er besvaret")
            if "id" in row:
                ids.setdefault(table, set()).add(row["id"])


def _keys(schema: Any) -> list[tuple[str, ...]]:
    """The columns no two rows may share: the primary key and every unique constraint."""
    from sqlalchemy import UniqueConstraint

    keys = [tuple(c.name for c in schema.primary_key.columns)]
    keys += [
        tuple(c.name for c in constraint.columns)
        for constraint in schema.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    keys += [(c.name,) for c in schema.columns if c.unique]
    return [key for key in dict.fromkeys(keys) if key]
