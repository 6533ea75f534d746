"""Changes as a secretary reads them: "opgave #3: status åben → udført"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.core.actions import LABELS

if TYPE_CHECKING:
    from udsat_cli.core.changes import Change, ChangeLog, ChangeSetView

TABLES = {
    "council": "råd", "person": "person", "meeting": "møde", "agenda_item": "punkt",
    "action": "opgave", "action_owner": "ansvarlig", "action_event": "historik",
    "attendance": "fremmøde", "topic": "punkt til listen", "event": "arrangement",
    "event_attendee": "deltager", "council_season": "sæson", "import_log": "import",
}  # fmt: skip
NEUTER = {"råd", "møde", "punkt", "fremmøde", "arrangement", "punkt til listen"}
FIELDS = {
    "status": "status", "title": "titel", "due_text": "frist", "date": "dato",
    "start_time": "start", "end_time": "slut", "place": "sted", "cancelled": "aflyst",
    "full_name": "navn", "role": "rolle", "email": "e-mail", "member_to": "medlem til",
    "number": "nummer", "decision": "beslutning", "background": "sagsfremstilling",
}  # fmt: skip
QUIET = {"closed_at", "created_at", "revision", "due_kind", "due_date", "due_n", "due_meeting_id"}


def _value(field: str, value: Any) -> str:
    if value is None:
        return "–"
    if field in ("status", "new", "old") and value in LABELS:
        return LABELS[value]
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _name(change: Change) -> str:
    word = TABLES.get(change.table, change.table)
    key = change.key.get("id")
    if key is not None:
        return f"{word} #{key}"
    values = change.new or change.old or {}
    if "action_id" in values and "person_id" in values:
        return f"{word} (person #{values['person_id']}) på opgave #{values['action_id']}"
    return word


def _new(change: Change) -> str:
    return "nyt" if TABLES.get(change.table) in NEUTER else "ny"


def describe(change: Change) -> str:
    values = change.new or change.old or {}
    label = (
        values.get("title") or values.get("full_name") or values.get("name") or values.get("note")
    )
    if change.op == "insert":
        if change.table == "action_event":
            return f"historik: {values.get('kind')}" + (
                f" »{_value('note', label)}«" if label else ""
            )
        return f"{_new(change)} {_name(change)}" + (f": {_value('title', label)}" if label else "")
    if change.op == "delete":
        return f"fjernet {_name(change)}" + (f": {_value('title', label)}" if label else "")
    assert change.old is not None and change.new is not None
    changed = [
        f"{FIELDS.get(k, k)} {_value(k, change.old.get(k))} → {_value(k, v)}"
        for k, v in change.new.items()
        if change.old.get(k) != v and k not in QUIET
    ]
    return f"{_name(change)}: " + (", ".join(changed) or "ændret")


def _when(at: datetime) -> str:
    local = at.astimezone() if at.tzinfo else at
    return f"{dates.long_date(local.date())} kl. {local:%H.%M}"


def text(log: ChangeLog) -> Iterator[str]:
    if not log.sets:
        yield "Ingen ændringer endnu."
        return
    for n, change_set in enumerate(log.sets):
        if n:
            yield ""
        undone = " (fortrudt)" if change_set.undone else ""
        yield f"#{change_set.id} {_when(change_set.at)} · {change_set.command}{undone}"
        yield from (f"  {describe(c)}" for c in change_set.changes)


def undone_text(change_set: ChangeSetView) -> Iterator[str]:
    count = len(change_set.changes)
    yield (
        f"Fortrød »{change_set.command}« fra {_when(change_set.at)}: "
        f"{count} {'ændring' if count == 1 else 'ændringer'}."
    )
    yield from (f"  {describe(c)}" for c in change_set.changes)
