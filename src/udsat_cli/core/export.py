"""Moving the data out and back in: a full JSON export, CSV for Excel, Markdown, and restore.

``restore`` writes rows as they are, outside the change journal: it can only fill an empty store,
so there is nothing before it to go back to, and ``udsat undo`` right after it says so.

The JSON export is every row of every table (of one council, or of the whole store), in a fixed
order with ISO dates, so that export -> restore -> export gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import InputError
from udsat_cli.store.db import Db

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.minutes import Minutes

FORMAT = "udsat-export"
VERSION = 1
BOOLEANS = {
    ("meeting", "cancelled"),
    ("agenda_notice", "changed"),
    ("agenda_item", "closed"),
    ("council", "group_items"),
    ("attachment", "closed"),
}
BINARY = {("minutes_version", "docx"), ("attachment", "data")}  # base64 in the export

IN_MEETINGS = "meeting_id IN (SELECT id FROM meeting WHERE council_id = :c)"
IN_ACTIONS = "action_id IN (SELECT id FROM action WHERE council_id = :c)"
IN_EVENTS = "event_id IN (SELECT id FROM event WHERE council_id = :c)"
IN_ITEMS = (
    "item_id IN (SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id "
    "WHERE m.council_id = :c)"
)

# (table, primary key columns, condition selecting one council's rows)
TABLES: list[tuple[str, tuple[str, ...], str]] = [
    # The store's id goes with every export: restored, its calendar UIDs are the same events.
    ("store_identity", ("id",), "1 = 1"),
    ("council", ("id",), "id = :c"),
    ("person", ("id",), "council_id = :c"),
    ("meeting", ("id",), "council_id = :c"),
    ("topic", ("id",), "council_id = :c"),  # before the items that take topics up
    ("agenda_item", ("id",), IN_MEETINGS),
    ("action", ("id",), "council_id = :c"),
    ("action_owner", ("action_id", "person_id"), IN_ACTIONS),
    ("action_event", ("id",), IN_ACTIONS),
    ("council_season", ("council_id", "name"), "council_id = :c"),
    ("attendance", ("meeting_id", "person_id"), IN_MEETINGS),
    ("event", ("id",), "council_id = :c"),
    ("event_attendee", ("event_id", "person_id"), IN_EVENTS),
    ("reminder_log", ("id",), IN_ACTIONS),
    ("import_log", ("council_id", "digest"), "council_id = :c"),
    ("action_body_owner", ("action_id", "position"), IN_ACTIONS),
    ("meeting_guest", ("meeting_id", "position"), IN_MEETINGS),
    ("event_reminder_log", ("id",), IN_EVENTS),
    ("hearing", ("id",), "council_id = :c"),
    ("agenda_notice", ("id",), IN_MEETINGS),
    ("duty_reminder_log", ("id",), "council_id = :c"),
    ("minutes_version", ("id",), IN_MEETINGS),
    ("attachment", ("id",), IN_ITEMS),
    ("meeting_reply", ("meeting_id", "person_id"), IN_MEETINGS),
    ("mail_message", ("id",), "council_id = :c"),
    ("inbox_message", ("council_id", "message_key"), "council_id = :c"),
]


def _plain(table: str, column: str, value: Any) -> Any:
    if (table, column) in BOOLEANS:
        return None if value is None else bool(value)
    if (table, column) in BINARY and value is not None:
        import base64

        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds").replace("+00:00", "")
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_data(db: Db, *, council_id: int | None) -> dict[str, Any]:
    """Every row of one council (or of the whole store, ``council_id=None``)."""
    everything = council_id is None
    params = {} if everything else {"c": council_id}
    tables = {}
    for table, key, condition in TABLES:
        where = "" if everything else f" WHERE {condition}"
        rows = db.records(f"SELECT * FROM {table}{where} ORDER BY {', '.join(key)}", **params)
        tables[table] = [{k: _plain(table, k, v) for k, v in row.items()} for row in rows]
    return {"format": FORMAT, "version": VERSION, "tables": tables}


@dataclass
class ExportData:
    """Every row of one council, or of the whole store."""

    data: dict[str, Any]


def export(
    council: CouncilContext, *, fmt: str, everything: bool = False
) -> ExportData | ActionTable | CouncilRecord:
    """What ``udsat export`` writes: every row (json), the actions (csv), or every meeting's
    minutes (markdown)."""
    if fmt not in ("json", "csv", "markdown"):
        raise InputError(f"Ukendt format »{fmt}«; brug en af: json, csv, markdown.")
    if fmt == "json":
        return ExportData(export_data(council.db, council_id=None if everything else council.id))
    if everything:
        raise InputError("--all kan kun bruges med --format json.")
    return action_table(council) if fmt == "csv" else council_record(council)


def restore_data(db: Db, data: Any) -> dict[str, int]:
    """Insert an export into an empty store, ids and all; returns rows per table."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError("Filen er ikke en eksport fra udsat (udsat export --format json).")
    if data.get("version") != VERSION:
        raise InputError(
            f"Eksporten har version {data.get('version')}; denne udsat læser version {VERSION}."
        )
    if db.scalar("SELECT COUNT(*) FROM council"):
        raise InputError("Lageret er ikke tomt; en eksport kan kun læses ind i et tomt lager.")
    counts = {}
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise InputError("Eksporten mangler sine tabeller.")
    known = {table for table, _, _ in TABLES}
    if unknown := set(tables) - known:
        raise InputError(f"Eksporten har ukendte tabeller: {', '.join(sorted(unknown))}.")
    from udsat_cli.core.restore_check import check_export

    check_export(tables, [table for table, _, _ in TABLES])
    for table, _, _ in TABLES:
        rows = tables.get(table) or []
        if table == "store_identity" and rows:  # the export's id, not the one made just now
            db.execute("DELETE FROM store_identity")
        for row in rows:
            columns = list(row)
            row = {k: _stored(table, k, v) for k, v in row.items()}
            db.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)})",
                **row,
            )
        counts[table] = len(rows)
    if db.dialect == "postgresql":  # explicit ids leave the identity sequences behind
        for table, key, _ in TABLES:
            if key == ("id",) and counts.get(table) and table != "store_identity":  # text id
                db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    return counts


def _stored(table: str, column: str, value: Any) -> Any:
    if (table, column) in BINARY and value is not None:
        import base64

        return base64.b64decode(value)
    if (table, column) in BOOLEANS and value is not None:
        return bool(value)
    return value


CSV_COLUMNS = [
    "Nr.",
    "Opgave",
    "Ansvarlige",
    "Status",
    "Frist",
    "Frist (tekst)",
    "Møde",
    "Punkt",
    "Seneste note",
]


@dataclass
class ActionTable:
    council: str
    columns: list[str]
    actions: list[ActionView]


def action_table(council: CouncilContext) -> ActionTable:
    """Every action of the council, by number, for a spreadsheet."""
    from udsat_cli.core.actions import LABELS, list_actions

    found = list_actions(council, statuses=tuple(LABELS)).actions
    return ActionTable(council.name, CSV_COLUMNS, sorted(found, key=lambda a: a.id))


@dataclass
class CouncilRecord:
    council: str
    minutes: list[Minutes]


def council_record(council: CouncilContext) -> CouncilRecord:
    """The whole council as one document: every meeting's minutes, in date order."""
    from udsat_cli.core.minutes import minutes_of

    return CouncilRecord(council.name, [minutes_of(council, m) for m in council.plan.meetings])
