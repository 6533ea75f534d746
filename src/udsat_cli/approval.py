"""Approving a meeting's minutes: the roll taken, the referat written as the store holds it, and
kept — its data and the Word file it prints — as the next approved version (core.approved).

It sits below the command line and above core and render, as approving needs both: what is kept
is what the tool prints at that moment, so that nothing changed later can reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.errors import InputError, UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef
    from udsat_cli.limits import WordFile


@dataclass(frozen=True)
class Approved:
    meeting: MeetingRef
    version: int


def approve(council: CouncilContext, *, ref: str, template: WordFile | None = None) -> Approved:
    from udsat_cli.core.attendance import take_roll
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.store.models import Meeting

    meeting = find_meeting(council, ref)
    if meeting.date > council.today:
        raise InputError(f"Mødet {dates.long_date(meeting.date)} er ikke holdt endnu.")
    row = council.writing.get(Meeting, meeting.id)
    if row.approved_at is not None:
        when = dates.long_date(meeting.date)
        raise UdsatError(f"Referatet af mødet {when} er allerede godkendt.")
    take_roll(council, meeting=meeting)
    row.approved_at = council.now
    council.writing.add(row)
    council.writing.flush()
    return Approved(meeting, _keep(council, meeting, template))


def _keep(council: CouncilContext, meeting: MeetingRef, template: WordFile | None) -> int:
    from udsat_cli.core.approved import keep, next_version
    from udsat_cli.core.minutes import written_minutes
    from udsat_cli.render import jsonout
    from udsat_cli.render import minutes as render

    record = written_minutes(council, meeting)
    record.version = next_version(council, meeting_id=meeting.id)
    keep(
        council,
        meeting_id=meeting.id,
        version=record.version,
        data=jsonout.minutes(record),
        docx=render.docx(record, template=template),
    )
    return record.version


def keep_approved_minutes(connection: Any) -> None:
    """After migration m015: minutes approved before udsat kept approved minutes get their kept
    copy, written as this udsat prints them, in the migration's transaction."""
    import json

    from udsat_cli.core.approved import next_version
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef
    from udsat_cli.core.minutes import written_minutes
    from udsat_cli.render import jsonout
    from udsat_cli.render import minutes as render
    from udsat_cli.store.db import Db, as_date, as_datetime

    db = Db(connection, alchemy=True)
    now = datetime.now().astimezone()
    for mid, cid, name, day, start, end, place, approved in db.all(
        "SELECT m.id, c.id, c.name, m.date, m.start_time, m.end_time, m.place, m.approved_at "
        "FROM meeting m JOIN council c ON c.id = m.council_id "
        "WHERE m.approved_at IS NOT NULL ORDER BY m.id"
    ):
        council = CouncilContext(db=db, id=cid, name=name, today=date.today(), now=now)
        meeting = MeetingRef(mid, as_date(day), start, end, place)  # type: ignore[arg-type]
        record = written_minutes(council, meeting)
        record.version = next_version(council, meeting_id=mid)
        data = json.dumps(jsonout.minutes(record), ensure_ascii=False, sort_keys=True)
        db.execute(
            "INSERT INTO minutes_version (meeting_id, version, approved_at, data, docx) "
            "VALUES (:m, :v, :at, :data, :docx)",
            m=mid,
            v=record.version,
            at=as_datetime(approved),
            data=data,
            docx=render.docx(record),
        )
