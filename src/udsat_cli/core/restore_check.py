"""An export checked before it is read in, with the rules the commands use: every column known
and of its type (dates that are dates, text within its length and free of control characters),
codes that udsat knows (roles, statuses), addresses that are one address, and every reference
to a row that the export holds. A bad row is refused by its table and its number."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from udsat_cli.errors import InputError

TABLE_NAMES = {
    "council": "råd", "person": "personer", "meeting": "møder", "agenda_item": "punkter",
    "action": "opgaver", "action_owner": "ansvarlige", "action_event": "opgavernes historik",
    "council_season": "sæsoner", "attendance": "fremmøde", "topic": "punkter til listen",
    "event": "arrangementer", "event_attendee": "deltagere", "reminder_log": "påmindelser",
    "import_log": "importer", "action_body_owner": "ansvarlige", "meeting_guest": "gæster",
    "event_reminder_log": "påmindelser om arrangementer", "hearing": "høringer",
    "agenda_notice": "indkaldelser", "duty_reminder_log": "påmindelser om frister",
    "minutes_version": "godkendte referater",
}  # fmt: skip


def _codes() -> dict[tuple[str, str], set[str]]:
    from udsat_cli.core.actions import LABELS
    from udsat_cli.core.items import KINDS
    from udsat_cli.core.members import ROLES

    return {
        ("person", "role"): set(ROLES),
        ("action", "status"): set(LABELS),
        ("action", "due_kind"): {"date", "meeting", "first_meeting_after", "nth_meeting_after",
                                 "text"},  # fmt: skip
        ("attendance", "status"): {"absent", "guest", "present"},
        ("agenda_item", "kind"): set(KINDS),
        ("agenda_item", "standing"): {"approval", "followups", "hearings", "economy", "events",
                                      "other", "own"},
        ("action_body_owner", "kind"): {"council", "unit"},
        ("reminder_log", "channel"): {"print", "email"},
        ("event_reminder_log", "channel"): {"print", "email"},
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
            if "id" in row:
                ids.setdefault(table, set()).add(row["id"])
