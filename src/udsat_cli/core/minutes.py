"""The minutes (referat) of a held meeting, as data: written from the meeting's agenda, every
point in order with the standing ones, and the follow-up discussion as the meeting held it.

Approved minutes are read from the copy kept at approval (core.approved), never computed again:
whatever changes later in the store (a member added, a meeting moved, an action done) does not
reach them. Until then they are computed from the store, in this way:

- attendance as stored with the meeting (core.attendance takes the roll from the members of that
  day when attendance is first recorded); before that, as the members of that day would have it;
- each follow-up decided at the meeting as it stood when the minutes were written: its creation
  and the corrections made while this meeting was the latest (``update --title/--owner/--due/
  --item``). What happened later (done, postponed, dropped) belongs to the next follow-up;
- under the follow-up point (or the approval point, where a council has none), what this meeting
  heard of each follow-up from the meetings before: its status at the meeting's end and the note
  given since the last meeting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.core.actions import ActionView, Which, select_actions, with_people
from udsat_cli.core.approved import kept_data, kept_docx
from udsat_cli.core.deadlines import resolve_deadline
from udsat_cli.core.hearings import HearingView, hearings_answered
from udsat_cli.core.items import AttachmentRef, ItemRecord, grouped_council, read_items
from udsat_cli.core.meetings import MeetingRef, find_meeting, latest_meeting
from udsat_cli.core.standing import APPROVAL, FOLLOWUPS
from udsat_cli.errors import UdsatError
from udsat_cli.store.db import as_date, as_datetime, required_date, required_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

FOLLOWUP_TITLE = "Opfølgning på beslutningspunkter fra sidste møde"


@dataclass
class Absence:
    name: str
    reason: str | None


@dataclass
class Reported:
    """A follow-up from an earlier meeting as this meeting took it up: its status at the end of
    the meeting, and the note given on it since the last meeting (None: nothing new was said)."""

    id: int
    title: str
    owners: tuple[str, ...]
    due_text: str | None
    status: str
    note: str | None
    meeting: date | None  # the meeting that agreed it
    changed: bool  # its status changed since the last meeting


@dataclass
class Minutes:
    council: str
    meeting: MeetingRef
    participants: list[str]
    absent: list[Absence]
    guests: list[str]
    referent: str | None
    items: list[ItemRecord]
    other_actions: list[ActionView]
    opening_note: str | None = None
    approved: date | None = None  # the day these minutes were approved
    previous_approved: date | None = None  # the meeting whose minutes were approved at this one
    hearings: list[HearingView] = field(default_factory=list)  # answered since the last meeting
    reported: list[Reported] = field(default_factory=list)  # the follow-up discussion
    reported_under: int | None = None  # the number of the point it stands under (None: its own)
    grouped: bool = False  # items under one heading per kind; else in order, kind shown
    version: int | None = None  # the approved version these are (None: not approved)


def set_opening_note(council: CouncilContext, *, ref: str, text: str, reopen: bool) -> MeetingRef:
    """The words the minutes open with (»Velkommen til Lisbeth Andersen.«); empty removes them."""
    from udsat_cli.core.meetings import refuse_if_approved
    from udsat_cli.store.models import Meeting

    meeting = find_meeting(council, ref)
    refuse_if_approved(council, meeting, reopen=reopen)
    row = council.writing.get_one(Meeting, meeting.id)
    row.opening_note = text.strip() or None
    council.writing.add(row)
    council.writing.flush()
    return meeting


def reopen(council: CouncilContext, *, ref: str) -> MeetingRef:
    """Take an approval back to correct the minutes; the approved version stays kept."""
    from udsat_cli.core.meetings import refuse_if_approved

    meeting = find_meeting(council, ref)
    if _approval(council, meeting.id) is None:
        raise UdsatError(f"Referatet af mødet {dates.long_date(meeting.date)} er ikke godkendt.")
    refuse_if_approved(council, meeting, reopen=True)
    council.notices.clear()  # the command says it itself
    return meeting


def _approval(council: CouncilContext, meeting_id: int) -> datetime | None:
    return as_datetime(
        council.db.scalar("SELECT approved_at FROM meeting WHERE id = :m", m=meeting_id)
    )


def _as_decided(council: CouncilContext, meeting: MeetingRef, actions: list[ActionView]) -> None:
    """Each action as the minutes record it (see the module's docstring), in place."""
    if not actions:
        return
    approved = _approval(council, meeting.id)
    commands: dict[int, dict[tuple, list[tuple[str, str | None]]]] = {}
    for aid, kind, at, event_meeting, state in council.db.rows(
        "SELECT e.action_id, e.kind, e.at, e.meeting_id, e.state FROM action_event e "
        "JOIN action a ON a.id = e.action_id WHERE a.meeting_id = :m ORDER BY e.action_id, e.id",
        m=meeting.id,
    ):
        at = required_datetime(at)
        if kind != "created" and (
            event_meeting != meeting.id or (approved is not None and at > approved)
        ):
            continue
        commands.setdefault(aid, {}).setdefault((at, event_meeting), []).append((kind, state))
    plan = council.plan
    for action in actions:
        decided = None
        for events in commands.get(action.id, {}).values():
            if any(kind == "status" for kind, _ in events):
                continue  # a later development (done, postponed, dropped), not a correction
            decided = next((s for _, s in reversed(events) if s), decided)
        if decided is not None:
            _apply(action, json.loads(decided), plan, meeting.date)


def _apply(action: ActionView, state: dict[str, Any], plan: Any, source: date) -> None:
    action.title = state["title"]
    action.owners = tuple(state["owners"])
    action.due, action.due_text = resolve_deadline(
        state["due_kind"],
        as_date(state["due_date"]),
        state["due_meeting_id"],
        state["due_n"],
        state["due_text"],
        source=source,
        plan=plan,
    )
    action.undated = state["due_kind"] == "text"
    action.overdue = False
    action.item_id = state.get("item_id")


def meeting_items(
    council: CouncilContext, meeting: MeetingRef, *, as_decided: bool = False
) -> tuple[list[ItemRecord], list[ActionView]]:
    """A meeting's items, each with the actions decided under it, and the actions under none.
    ``as_decided``: the actions as the minutes record them, not as they stand today."""
    items = {item.id: item for item in read_items(council, meeting.id)}
    found = list(with_people(council, select_actions(council, Which(meeting=meeting.id))))
    if as_decided:
        _as_decided(council, meeting, found)
    others: list[ActionView] = []
    for action in found:
        item = items.get(action.item_id)
        (item.actions if item else others).append(action)
    return list(items.values()), others


def kinds_grouped(items: list[ItemRecord]) -> bool:
    """Whether each kind of item stands in one run, so one heading per kind can head it."""
    seen: set[str] = set()
    previous = None
    for item in items:
        if item.kind and item.kind != previous:
            if item.kind in seen:
                return False
            seen.add(item.kind)
        previous = item.kind or previous
    return True


def minutes(council: CouncilContext, *, ref: str, version: int | None = None) -> Minutes:
    """A meeting's minutes: the approved ones as kept (``version``: an earlier approved one)."""
    return minutes_of(council, find_meeting(council, ref), version=version)


def minutes_of(
    council: CouncilContext, meeting: MeetingRef, *, version: int | None = None
) -> Minutes:
    kept = kept_minutes(council, meeting=meeting, version=version)
    return kept if kept is not None else written_minutes(council, meeting)


def kept_minutes(
    council: CouncilContext, *, meeting: MeetingRef, version: int | None = None
) -> Minutes | None:
    """The approved minutes as kept (the current approval, or ``version``); None when the
    meeting's minutes are not approved."""
    data = kept_data(council, meeting=meeting, version=version)
    return minutes_from_data(data) if data is not None else None


def minutes_document(
    council: CouncilContext, *, ref: str, version: int | None, approved: bool, word: bool
) -> tuple[Minutes, bytes | None]:
    """What ``udsat minutes`` prints: the minutes, and for Word of approved minutes the very file
    that was approved. ``approved``: refuse minutes that are not approved."""
    meeting = find_meeting(council, ref)
    record = minutes_of(council, meeting, version=version)
    if record.version is None and approved:
        raise UdsatError(
            f"Referatet af mødet {dates.long_date(meeting.date)} er ikke godkendt; godkend det "
            f"med: udsat minutes approve {meeting.id}"
        )
    kept = None
    if word and record.version is not None:
        kept = kept_docx(council, meeting=meeting, version=record.version)
    return record, kept


def written_minutes(council: CouncilContext, meeting: MeetingRef) -> Minutes:
    """The minutes as the store holds the meeting now (what approval keeps)."""
    from udsat_cli.core.attendance import roll

    db = council.db
    taken = roll(council, meeting)
    row = db.one(
        "SELECT p.full_name, m.opening_note, m.approved_at FROM meeting m "
        "LEFT JOIN person p ON p.id = m.referent_id WHERE m.id = :m",
        m=meeting.id,
    )
    assert row is not None  # the meeting was found
    referent, note, approved = row
    items, others = meeting_items(council, meeting, as_decided=True)
    previous = latest_meeting(council, on_or_before=meeting.date - timedelta(days=1))
    previous_approved = None
    if previous is not None:
        at = _approval(council, previous.id)
        if at is not None and previous.date < at.date() <= meeting.date:
            previous_approved = previous.date
    under = next((i.number for i in items if i.standing == FOLLOWUPS), None)
    if under is None:
        under = next((i.number for i in items if i.standing == APPROVAL), None)
    return Minutes(
        council=council.name,
        meeting=meeting,
        participants=taken.present,
        absent=[Absence(n, r) for n, r in taken.absent],
        guests=taken.guests,
        referent=referent,
        items=items,
        other_actions=others,
        opening_note=note,
        approved=required_datetime(approved).date() if approved else None,
        previous_approved=previous_approved,
        hearings=hearings_answered(
            council,
            after=previous.date if previous else None,
            until=meeting.date,
            meeting_id=meeting.id,
        ),
        reported=reported_at(council, meeting, previous),
        reported_under=under,
        grouped=grouped_council(council) and kinds_grouped(items),
    )


# --- the follow-up discussion ---------------------------------------------------------------


def _day(value: Any) -> date:
    """The local day of a stored moment (stored in UTC, without an offset, on SQLite)."""
    from datetime import UTC

    moment = as_datetime(value)
    assert moment is not None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


def reported_at(
    council: CouncilContext, meeting: MeetingRef, previous: MeetingRef | None
) -> list[Reported]:
    """What the meeting heard of the follow-ups its agenda took up (the follow-up report for it,
    as it stood going into the meeting): each one's status at the meeting's end and the note
    given since the last meeting."""
    from udsat_cli.core.actions import ACTIVE
    from udsat_cli.core.followups import SECTIONS, carried_section

    start = previous.date if previous else date.min
    prev_id = previous.id if previous else -1
    carried = Which(statuses=ACTIVE, closed_since=start, elsewhere=meeting.id)
    candidates = [
        *select_actions(council, Which(meeting=prev_id)),
        *(
            a
            for a in select_actions(council, carried)
            if a.meeting != (previous.date if previous else None)
            and (a.meeting is None or a.meeting < meeting.date)
        ),
    ]
    if not candidates:
        return []
    history = _history(council, [a.id for a in candidates], until=meeting.date)
    chosen = []
    for action in candidates:
        events = history.get(action.id, [])
        if not events:
            continue  # created after the meeting
        before = _status_on(events, start)
        if action.meeting is not None and previous is not None and action.meeting == previous.date:
            action.section = "previous_meeting"
        else:
            action.status = before
            action.section = carried_section(action, meeting=meeting)
            if action.section is None:
                continue
        after = _status_on(events, meeting.date)
        said = [note for day, _, note in events if note and start < day <= meeting.date]
        action.status = after
        action.note = said[-1] if said else None
        chosen.append((action, before != after))
    chosen.sort(
        key=lambda pair: (
            SECTIONS.index(pair[0].section or "open"),
            pair[0].meeting or date.min,
            pair[0].id,
        )
    )
    changed = {a.id: c for a, c in chosen}
    notes = {a.id: a.note for a, _ in chosen}  # with_people puts today's latest note in
    found = list(with_people(council, [a for a, _ in chosen]))
    return [
        Reported(
            a.id, a.title, a.owners, a.due_text, a.status, notes[a.id], a.meeting, changed[a.id]
        )
        for a in found
    ]


def _history(
    council: CouncilContext, ids: list[int], *, until: date
) -> dict[int, list[tuple[date, str | None, str | None]]]:
    """Each action's events up to ``until``: (day, new status or None, note)."""
    from udsat_cli.store.db import in_list

    found: dict[int, list[tuple[date, str | None, str | None]]] = {}
    for chunk in range(0, len(ids), 500):
        marks, params = in_list("a", ids[chunk : chunk + 500])
        for aid, kind, at, new, note in council.db.rows(
            "SELECT action_id, kind, at, new, note FROM action_event "
            f"WHERE action_id IN {marks} ORDER BY action_id, id",
            **params,
        ):
            day = _day(at)
            if day > until:
                continue
            status = "open" if kind == "created" else new if kind == "status" else None
            found.setdefault(aid, []).append((day, status, note))
    return found


def _status_on(events: list[tuple[date, str | None, str | None]], day: date) -> str:
    status = "open"
    for when, new, _ in events:
        if when <= day and new is not None:
            status = new
    return status


# --- approved minutes, read back from their kept data (the --json contract) -------------


def _date(value: Any) -> date | None:
    return as_date(value) if value is not None else None


def _kept_meeting(data: dict[str, Any]) -> MeetingRef:
    meeting = _meeting(data)
    assert meeting is not None  # kept minutes are a meeting's
    return meeting


def _meeting(data: dict[str, Any] | None) -> MeetingRef | None:
    if data is None:
        return None
    return MeetingRef(
        data["id"], required_date(data["date"]), data["start"], data["end"], data["place"]
    )


def _action(data: dict[str, Any]) -> ActionView:
    return ActionView(
        id=data["id"],
        title=data["title"],
        owners=tuple(data["owners"]),
        status=data["status"],
        due=_date(data["due"]),
        due_text=data["due_text"],
        meeting=_date(data["meeting"]),
        item=data["item"],
        note=data["note"],
        carried=data["carried"],
    )


def _hearing(data: dict[str, Any]) -> HearingView:
    return HearingView(
        id=data["id"],
        title=data["title"],
        sender=data["sender"],
        received=_date(data["received"]),
        deadline=required_date(data["deadline"]),
        deadline_time=data["deadline_time"],
        answer_by=data["answer_by"],
        status=data["status"],
        material=data["material"],
        answer=data["answer"],
        answered_on=_date(data["answered_on"]),
        meeting=_meeting(data["meeting"]),
        item_number=data["item_number"],
        last_meeting_before=_meeting(data["last_meeting_before"]),
        also_to=data["also_to"],
    )


def minutes_from_data(data: dict[str, Any]) -> Minutes:
    """The minutes from their ``--json`` form (see render.jsonout.minutes)."""
    items = [
        ItemRecord(
            i["number"],
            i["title"],
            i["kind"],
            i["background"],
            i["decision"],
            [_action(a) for a in i["actions"]],
            i["closed"],
            i["public_decision"],
            i["standing"],
            attachments=[
                AttachmentRef(b["name"], b["size"], b["closed"]) for b in i.get("attachments", [])
            ],  # approved before m016: none
        )
        for i in data["items"]
    ]
    reported = [
        Reported(
            r["id"],
            r["title"],
            tuple(r["owners"]),
            r["due_text"],
            r["status"],
            r["note"],
            _date(r["meeting"]),
            r["changed"],
        )
        for r in data["followups"]
    ]
    return Minutes(
        council=data["council"],
        meeting=_kept_meeting(data["meeting"]),
        participants=data["participants"],
        absent=[Absence(a["name"], a["reason"]) for a in data["absent"]],
        guests=data["guests"],
        referent=data["referent"],
        items=items,
        other_actions=[_action(a) for a in data["other_actions"]],
        opening_note=data["opening_note"],
        approved=_date(data["approved"]),
        previous_approved=_date(data["previous_approved"]),
        hearings=[_hearing(h) for h in data["hearings"]],
        reported=reported,
        reported_under=data["reported_under"],
        grouped=data["grouped"],
        version=data["version"],
    )
