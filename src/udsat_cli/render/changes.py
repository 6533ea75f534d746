"""Changes as a secretary reads them: »opgave #3: status åben → udført«, in Danish throughout
(field names and values alike: »aflyst nej → ja«, never »False → True«)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.core.actions import LABELS
from udsat_cli.core.hearings import ANSWER_BY
from udsat_cli.core.hearings import STATUS_LABELS as HEARING_STATUS
from udsat_cli.danish import count
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.changes import Change, ChangeLog, ChangeSetView

# (the thing, whether it is neuter: »et møde«, »en opgave«)
TABLES = {
    "council": ("råd", True),
    "person": ("person", False),
    "meeting": ("møde", True),
    "agenda_item": ("punkt", True),
    "action": ("opgave", False),
    "action_owner": ("ansvarlig", False),
    "action_body_owner": ("ansvarlig", False),
    "action_event": ("historik", False),
    "attendance": ("fremmøde", True),
    "meeting_guest": ("gæst", False),
    "topic": ("punkt til listen", True),
    "event": ("arrangement", True),
    "event_attendee": ("deltager", False),
    "council_season": ("sæson", False),
    "import_log": ("import", False),
    "minutes_version": ("godkendt referat", True),
    "hearing": ("høring", False),
    "agenda_notice": ("indkaldelse", False),
    "reminder_log": ("påmindelse", False),
    "event_reminder_log": ("påmindelse", False),
    "duty_reminder_log": ("påmindelse", False),
    "attachment": ("bilag", True),
    "meeting_reply": ("svar på invitationen", True),
}
FIELDS = {
    "status": "status",
    "title": "titel",
    "due_text": "frist",
    "date": "dato",
    "start_time": "start",
    "end_time": "slut",
    "place": "sted",
    "cancelled": "aflyst",
    "full_name": "navn",
    "short_name": "kaldenavn",
    "role": "rolle",
    "email": "e-mail",
    "member_from": "medlem fra",
    "member_to": "medlem til",
    "number": "nummer",
    "decision": "beslutning",
    "background": "sagsfremstilling",
    "kind": "type",
    "item_id": "punkt",
    "referent_id": "referent",
    "approved_at": "godkendt",
    "opening_note": "indledning",
    "reason": "grund",
    "note": "note",
    "for_date": "fra",
    "dropped_at": "taget af listen",
    "start_md": "fra",
    "end_md": "til",
    "name": "navn",
    "label": "ansvarlig",
    "details": "detaljer",
    "closed": "lukket punkt",
    "public_decision": "offentlig beslutning",
    "proposals_days": "forslag senest (dage før mødet)",
    "agenda_days": "dagsorden ud (dage før mødet)",
    "quorum": "beslutningsdygtigt med",
    "attachment_limit_mb": "bilag med indkaldelsen (MB)",
    "sender": "afsender",
    "received": "modtaget",
    "deadline": "frist",
    "deadline_time": "fristens klokkeslæt",
    "answer_by": "besvares",
    "material": "materiale",
    "answer": "høringssvar",
    "answered_on": "besvaret",
    "address": "adresse",
    "sequence": "udgave",
    "changed": "ændret",
    "sent_at": "sendt",
    "file_name": "fil",
    "meeting_id": "møde",
    "person_id": "person",
    "action_id": "opgave",
    "event_id": "arrangement",
    "day": "dag",
    "channel": "kanal",
    "duty": "pligt",
    "version": "udgave",
    "reopened_at": "åbnet igen",
    "agenda_issued_at": "dagsorden udsendt",
    "agenda_changed_at": "dagsorden ændret",
    "roll_taken_at": "fremmøde gemt",
    "standing": "fast punkt",
    "topic_id": "emne",
    "group_items": "punkter efter type",
    "standing_points": "faste punkter",
    "media_type": "filtype",
    "size": "størrelse (bytes)",
    "response": "svar",
    "comment": "kommentar",
}
# Bookkeeping a secretary has no use for in the log.
QUIET = {
    "closed_at",
    "created_at",
    "revision",
    "due_kind",
    "due_date",
    "due_n",
    "due_meeting_id",
    "state",
    "position",
    "at",
    "created_on",
    "ref",
    "digest",
    "council_id",
    "data",
    "docx",
    "added_at",
}
ATTENDANCE = {"absent": "meldt afbud", "guest": "gæst", "present": "til stede"}
# Codes kept in the store, as each table's rows say them.
CODES = {
    ("action", "status"): LABELS,
    ("hearing", "status"): HEARING_STATUS,
    ("attendance", "status"): ATTENDANCE,
    ("hearing", "answer_by"): ANSWER_BY,
    ("action_body_owner", "kind"): {"council": "rådet", "unit": "en enhed"},
    ("reminder_log", "channel"): {"print": "udskrevet", "email": "e-mail"},
    ("meeting_reply", "response"): {
        "accepted": "deltager",
        "declined": "afbud",
        "tentative": "måske",
    },
    ("agenda_item", "standing"): {
        "approval": "godkendelse",
        "followups": "opfølgning",
        "hearings": "høringer",
        "economy": "økonomi",
        "events": "arrangementer",
        "other": "eventuelt",
        "own": "rådets eget",
    },
}
EVENTS = {
    "status": "status",
    "due": "frist",
    "owners": "ansvarlige",
    "title": "titel",
    "item": "punkt",
    "note": "note",
}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


def _value(log: ChangeLog, field: str, value: Any, table: str = "") -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool) or field in ("cancelled", "closed", "changed"):
        return "ja" if value else "nej"
    if field == "standing_points":  # the titles, the meeting's own points between them
        from udsat_cli.core.standing import parse

        points = parse(value)
        titles = [p.title for p in points.before] + ["…"] + [p.title for p in points.after]
        return ", ".join(titles)
    if field in ("person_id", "referent_id"):
        return log.people.get(value, f"person #{value}")
    if field == "item_id":
        return f"»{log.items.get(value, f'punkt #{value}')}«"
    if field in ("meeting_id", "action_id", "event_id"):
        return f"{FIELDS[field]} #{value}"
    if (table, field) in CODES:
        return CODES[table, field].get(value, str(value))
    if field in ("new", "old") and value in LABELS:  # an action's history: its statuses
        return LABELS[value]
    text = str(value)
    if field.endswith("_time"):
        return text.replace(":", ".")  # 16.00, as times are printed
    if _ISO_DAY.match(text):
        return dates.long_date(date.fromisoformat(text))
    if _ISO_MOMENT.match(text):
        return _when(datetime.fromisoformat(text))
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def _thing(change: Change, *, new: bool = False) -> str:
    word, neuter = TABLES.get(change.table, (change.table, False))
    prefix = ("nyt " if neuter else "ny ") if new else ""
    key = change.key.get("id")
    return f"{prefix}{word} #{key}" if key is not None else f"{prefix}{word}"


def _event(log: ChangeLog, values: dict[str, Any]) -> str | None:
    """A line of an action's history, as its command wrote it."""
    kind, note = values.get("kind"), values.get("note")
    said = f" · note »{_value(log, 'note', note)}«" if note else ""
    if kind == "created":
        return f"opgave #{values.get('action_id')}: oprettet{said}"
    if kind == "note":
        return f"opgave #{values.get('action_id')}: note »{_value(log, 'note', note)}«"
    if kind == "item":
        old, new = (
            _value(log, "item_id", int(v)) if v else "–"
            for v in (values.get("old"), values.get("new"))
        )
    else:
        old, new = (_value(log, "old", values.get(k)) for k in ("old", "new"))
    what = EVENTS.get(kind or "", kind)
    return f"opgave #{values.get('action_id')}: {what} {old} → {new}{said}"


def describe(log: ChangeLog, change: Change) -> str | None:
    values = change.new or change.old or {}
    if change.table == "action_event":
        return _event(log, values) if change.op == "insert" else None
    if change.table in ("action_owner", "action_body_owner"):
        who = values.get("label") or _value(log, "person_id", values.get("person_id"))
        verb = "ny ansvarlig" if change.op == "insert" else "ikke længere ansvarlig"
        return f"opgave #{values.get('action_id')}: {verb}: {who}"
    if change.table == "attendance":
        who = _value(log, "person_id", values.get("person_id"))
        what = _value(log, "status", values.get("status"), "attendance")
        reason = f" ({values['reason']})" if values.get("reason") else ""
        verb = "" if change.op != "delete" else "ikke længere "
        return f"møde #{values.get('meeting_id')}: {who} {verb}{what}{reason}"
    label = next(
        (values[k] for k in ("title", "full_name", "name", "label") if values.get(k)), None
    )
    shown = f": {_value(log, 'title', label)}" if label else ""
    if not label and values.get("person_id"):  # »ny deltager: Søren Mogensen«
        shown = f": {_value(log, 'person_id', values['person_id'])}"
    if change.op == "insert":
        return f"{_thing(change, new=True)}{shown}"
    if change.op == "delete":
        return f"fjernet {_thing(change)}{shown}"
    assert change.old is not None and change.new is not None
    changed = [
        f"{FIELDS.get(k, k)} {_value(log, k, change.old.get(k), change.table)} → "
        f"{_value(log, k, v, change.table)}"
        for k, v in change.new.items()
        if change.old.get(k) != v and k not in QUIET
    ]
    return f"{_thing(change)}: " + (", ".join(changed) or "ændret")


def _when(at: datetime) -> str:
    local = at.astimezone() if at.tzinfo else at
    return f"{dates.long_date(local.date())} kl. {local:%H.%M}"


def _lines(log: ChangeLog, change_set: ChangeSetView) -> Iterator[str]:
    """A line per row changed, without saying one thing twice: an action's row and its history
    both record a new status (»status åben → udført«), the history with the note, if any."""
    lines = [line for change in change_set.changes if (line := describe(log, change))]
    said_more: set[str] = (
        set()
    )  # every line's beginnings up to a » · «: said again by a longer line
    for other in lines:
        parts = other.split(" · ")
        said_more.update(" · ".join(parts[:k]) for k in range(1, len(parts)))
    for line in dict.fromkeys(lines):
        if line not in said_more:
            yield f"  {line}"


def text(log: ChangeLog) -> Iterator[str]:
    if not log.sets:
        yield "Ingen ændringer endnu."
        return
    for n, change_set in enumerate(log.sets):
        if n:
            yield ""
        undone = " (fortrudt)" if change_set.undone else ""
        yield (
            f"#{change_set.id} {_when(change_set.at)}{_by(change_set)} · {change_set.command}"
            f"{undone}"
        )
        yield from _lines(log, change_set)


def _by(change_set: ChangeSetView) -> str:
    return f" af {change_set.author}" if change_set.author else ""


def undone_text(log: ChangeLog) -> Iterator[str]:
    [change_set] = log.sets
    by = _by(change_set) if change_set.author != log.me else ""
    yield (
        f"Fortrød »{change_set.command}«{by} fra {_when(change_set.at)}: "
        f"{count(len(change_set.changes), 'ændring', 'ændringer')}."
    )
    yield from _lines(log, change_set)


def foreign_text(log: ChangeLog) -> Iterator[str]:
    """Another person's command, shown before it is undone."""
    [change_set] = log.sets
    process = f" ({change_set.process})" if change_set.process else ""
    yield (
        f"Kommando #{change_set.id} er lavet af {change_set.author}{process}: "
        f"»{change_set.command}« fra {_when(change_set.at)}. At fortryde den tager "
        f"{count(len(change_set.changes), 'ændring', 'ændringer')} tilbage:"
    )
    yield from _lines(log, change_set)


CHANGES = view(__name__)
CHANGES_FOREIGN = view(__name__, "foreign")
CHANGES_UNDONE = view(__name__, "undone")
