"""The council's mail as a record: every message sent to one address (or refused by the server,
or held back with ``--no-mail``), with its Message-ID and, for replies to find their way back, its
reference; and from it, what the members' calendars still lack.

A meeting's invitation says a time, a place and whether the meeting is on (``said``). Whoever got
an invitation and has not had what the meeting says now (it was moved or cancelled since) is owed
an updated REQUEST or a CANCEL, under a SEQUENCE that never goes back: the meeting's revision, or
one past the highest sent when the meeting changed without one (an undone move). The record is
bookkeeping outside the change journal, as the reminder log is: what went out stays out.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.core.meetings import MeetingRef
from udsat_cli.store.db import required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

CALENDAR_KINDS = ("notice", "update", "cancel")
HANDLED = ("sent", "refused", "held")  # "deferred" (a 4xx answer) is tried again next run


def new_reference() -> str:
    """Unguessable: a reply that carries it (and comes from the right address) is trusted."""
    return secrets.token_hex(10)


def said(meeting: MeetingRef, *, cancelled: bool) -> str:
    """What an invitation says of the meeting, to compare with what it says now."""
    clock = f"{meeting.start or ''}-{meeting.end or ''}"
    return (
        f"{meeting.date.isoformat()} {clock} {'aflyst' if cancelled else 'holdes'} "
        f"{meeting.place or ''}".strip()[:200]
    )


@dataclass
class Invitee:
    person_id: int | None
    name: str
    address: str


@dataclass
class CalendarChange:
    """A moved or cancelled meeting and who still has the invitation as it was."""

    council: str
    meeting: MeetingRef
    cancelled: bool
    sequence: int
    uid: str
    said: str
    to: list[Invitee]


def record_message(
    council: CouncilContext,
    *,
    kind: str,
    message_id: str,
    address: str,
    status: str = "sent",
    reference: str | None = None,
    meeting_id: int | None = None,
    person_id: int | None = None,
    name: str | None = None,
    sequence: int | None = None,
    said: str | None = None,
    actions: list[int] | None = None,
    detail: str | None = None,
) -> None:
    council.db.execute(
        "INSERT INTO mail_message (council_id, kind, message_id, reference, meeting_id, "
        "person_id, address, name, sequence, said, actions, status, detail, at) VALUES (:c, :k, "
        ":mid, :ref, :m, :p, :a, :n, :s, :said, :acts, :st, :d, :at)",
        c=council.id,
        k=kind,
        mid=message_id,
        ref=reference,
        m=meeting_id,
        p=person_id,
        a=address,
        n=name,
        s=sequence,
        said=said,
        acts=json.dumps(actions) if actions is not None else None,
        st=status,
        d=(detail or None) and detail[:300],
        at=council.now,
    )


def _sent_rows(council: CouncilContext, meeting_id: int) -> list[tuple]:
    """(address, name, person_id, sequence, said, status) in the order they happened; the
    notices recorded before m016 (agenda_notice alone) first, saying nothing comparable."""
    old = [
        (address, name, None, seq, None, "sent")
        for address, name, seq in council.db.rows(
            "SELECT address, name, sequence FROM agenda_notice WHERE meeting_id = :m AND NOT "
            "EXISTS (SELECT 1 FROM mail_message mm WHERE mm.meeting_id = agenda_notice.meeting_id "
            "AND mm.kind = 'notice' AND mm.address = agenda_notice.address) ORDER BY id",
            m=meeting_id,
        )
    ]
    kinds = ", ".join(f"'{k}'" for k in CALENDAR_KINDS)
    new = council.db.all(
        "SELECT address, name, person_id, sequence, said, status FROM mail_message "
        f"WHERE meeting_id = :m AND kind IN ({kinds}) ORDER BY id",
        m=meeting_id,
    )
    return old + [tuple(r) for r in new]


def calendar_sequence(
    council: CouncilContext, *, meeting_id: int, revision: int, now_said: str
) -> int:
    """The SEQUENCE an invitation of the meeting as it is now carries (module docstring)."""
    best: tuple[int, str | None] | None = None
    for _, _, _, seq, what, status in _sent_rows(council, meeting_id):
        if seq is None or status not in ("sent", "held"):
            continue
        if best is None or seq > best[0] or (seq == best[0] and what is not None):
            best = (seq, what)
    if best is None:
        return revision
    seq, what = best
    if what is None or what == now_said:
        return max(revision, seq)
    return max(revision, seq + 1)


def _meeting_rows(council: CouncilContext, meeting_id: int | None) -> list[tuple]:
    only = "AND m.id = :m" if meeting_id is not None else ""
    return council.db.all(
        "SELECT m.id, m.date, m.start_time, m.end_time, m.place, m.cancelled, m.revision "
        "FROM meeting m WHERE m.council_id = :c AND m.date >= :today AND EXISTS (SELECT 1 FROM "
        "mail_message mm WHERE mm.meeting_id = m.id AND mm.status = 'sent' AND mm.kind IN "
        "('notice', 'update')) " + only + " UNION SELECT m.id, m.date, m.start_time, m.end_time, "
        "m.place, m.cancelled, m.revision FROM meeting m WHERE m.council_id = :c "
        "AND m.date >= :today AND EXISTS (SELECT 1 FROM agenda_notice n WHERE n.meeting_id = m.id) "
        + only
        + " ORDER BY 2, 1",
        c=council.id,
        today=council.today,
        m=meeting_id,
    )


def calendar_changes(
    council: CouncilContext, *, meeting_id: int | None = None
) -> list[CalendarChange]:
    """The moved and cancelled meetings (still to come) whose invitations went out, each with
    who has not had the change yet."""
    from udsat_cli.core.identity import store_id, uid

    store = store_id(council.db)
    found = []
    for mid, day, start, end, place, cancelled, revision in _meeting_rows(council, meeting_id):
        meeting = MeetingRef(mid, required_date(day), start, end, place)
        now = said(meeting, cancelled=bool(cancelled))
        sequence = calendar_sequence(council, meeting_id=mid, revision=revision, now_said=now)
        invited: dict[str, Invitee] = {}
        last: dict[str, tuple[int | None, str | None]] = {}
        for address, name, pid, seq, what, status in _sent_rows(council, mid):
            key = address.casefold()
            if status == "sent" and key not in invited:
                invited[key] = Invitee(pid, name or address, address)
            if pid is not None and key in invited:
                invited[key].person_id = pid
            if status in HANDLED:
                last[key] = (seq, what)
        owed = []
        for key, invitee in invited.items():
            seq, what = last[key]
            current = what == now if what is not None else (seq or 0) >= sequence
            if not current:
                owed.append(invitee)
        if owed:
            found.append(
                CalendarChange(
                    council.name,
                    meeting,
                    bool(cancelled),
                    sequence,
                    uid(store, "meeting", mid),
                    now,
                    owed,
                )
            )
    return found


def hold_changes(council: CouncilContext, *, meeting_id: int) -> int:
    """``--no-mail``: the change is not sent, now or later; the members hear of it with the
    next notice. Returns how many were held back."""
    held = 0
    for change in calendar_changes(council, meeting_id=meeting_id):
        for invitee in change.to:
            record_message(
                council,
                kind="cancel" if change.cancelled else "update",
                message_id="",
                address=invitee.address,
                status="held",
                meeting_id=change.meeting.id,
                person_id=invitee.person_id,
                name=invitee.name,
                sequence=change.sequence,
                said=change.said,
            )
            held += 1
    return held
