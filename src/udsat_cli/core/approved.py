"""Approved minutes, kept: each approval stores the referat as it was approved — its data (what
``udsat minutes --json`` prints) and the Word file it printed — as a numbered version. Every later
``minutes``, ``export``, ``publish`` and ``annual-report`` reads that copy. Reopening keeps it (it
is marked reopened); the next approval is the next version.

The data is the ``--json`` contract, so reading it back here is reading a documented format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import NotFoundError, UdsatError
from udsat_cli.store.db import as_date, as_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef
    from udsat_cli.core.minutes import Minutes


@dataclass(frozen=True)
class Version:
    number: int
    approved_at: datetime
    reopened_at: datetime | None


def versions(council: CouncilContext, *, meeting_id: int) -> list[Version]:
    return [
        Version(n, as_datetime(at), as_datetime(reopened))  # type: ignore[arg-type]
        for n, at, reopened in council.db.rows(
            "SELECT version, approved_at, reopened_at FROM minutes_version "
            "WHERE meeting_id = :m ORDER BY version",
            m=meeting_id,
        )
    ]


def _row(council: CouncilContext, meeting: MeetingRef, version: int | None, column: str) -> Any:
    from udsat_cli import dates

    if version is None:
        return council.db.one(
            f"SELECT version, {column} FROM minutes_version v JOIN meeting m ON m.id = "
            "v.meeting_id WHERE v.meeting_id = :m AND m.approved_at IS NOT NULL "
            "AND v.reopened_at IS NULL ORDER BY v.version DESC",
            m=meeting.id,
        )
    found = council.db.one(
        f"SELECT version, {column} FROM minutes_version WHERE meeting_id = :m AND version = :v",
        m=meeting.id, v=version,
    )  # fmt: skip
    if found is None:
        kept = [str(v.number) for v in versions(council, meeting_id=meeting.id)]
        known = f"; der er udgave {', '.join(kept)}" if kept else "; det er aldrig godkendt"
        raise NotFoundError(
            f"Referatet af mødet {dates.long_date(meeting.date)} har ingen godkendt udgave "
            f"{version}{known}."
        )
    return found


def kept_minutes(
    council: CouncilContext, *, meeting: MeetingRef, version: int | None = None
) -> Minutes | None:
    """The approved minutes as kept (the current approval, or ``version``); None when the
    meeting's minutes are not approved."""
    found = _row(council, meeting, version, "data")
    if found is None:
        return None
    return minutes_from_data(json.loads(found[1]))


def kept_docx(council: CouncilContext, *, meeting: MeetingRef, version: int | None = None) -> bytes:
    """The Word file exactly as it was approved."""
    from udsat_cli import dates

    found = _row(council, meeting, version, "docx")
    if found is None:
        raise UdsatError(
            f"Referatet af mødet {dates.long_date(meeting.date)} er ikke godkendt; "
            "godkend det med: udsat minutes approve " + str(meeting.id)
        )
    return bytes(found[1])


def minutes_document(
    council: CouncilContext, *, ref: str, version: int | None, approved: bool, word: bool
) -> tuple[Minutes, bytes | None]:
    """What ``udsat minutes`` prints: the minutes, and for Word of approved minutes the very file
    that was approved. ``approved``: refuse minutes that are not approved."""
    from udsat_cli import dates
    from udsat_cli.core.meetings import find_meeting
    from udsat_cli.core.minutes import minutes_of

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


def next_version(council: CouncilContext, *, meeting_id: int) -> int:
    latest = council.db.scalar(
        "SELECT MAX(version) FROM minutes_version WHERE meeting_id = :m", m=meeting_id
    )
    return (latest or 0) + 1


def keep(
    council: CouncilContext, *, meeting_id: int, version: int, data: dict[str, Any], docx: bytes
) -> None:
    from udsat_cli.store.models import MinutesVersion

    council.writing.add(MinutesVersion(
        meeting_id=meeting_id, version=version, approved_at=council.now,
        data=json.dumps(data, ensure_ascii=False, sort_keys=True), docx=docx,
    ))  # fmt: skip
    council.writing.flush()


def reopen_minutes(council: CouncilContext, *, meeting_id: int) -> None:
    """Take the approval back; the approved version stays kept, marked reopened."""
    from sqlalchemy import select

    from udsat_cli.store.models import Meeting, MinutesVersion

    row = council.writing.get(Meeting, meeting_id)
    row.approved_at = None
    council.writing.add(row)
    query = select(MinutesVersion).where(
        MinutesVersion.meeting_id == meeting_id, MinutesVersion.reopened_at.is_(None)  # type: ignore[union-attr]
    )
    for kept in council.writing.exec(query):
        kept.reopened_at = council.now
        council.writing.add(kept)
    council.writing.flush()


# --- the data, read back --------------------------------------------------------------------


def _date(value: Any) -> date | None:
    return as_date(value) if value is not None else None


def _meeting(data: dict[str, Any] | None) -> MeetingRef | None:
    from udsat_cli.core.meetings import MeetingRef

    if data is None:
        return None
    return MeetingRef(data["id"], as_date(data["date"]), data["start"], data["end"],
                      data["place"])  # type: ignore[arg-type]  # fmt: skip


def _action(data: dict[str, Any]) -> Any:
    from udsat_cli.core.actions import ActionView

    return ActionView(
        id=data["id"], title=data["title"], owners=tuple(data["owners"]), status=data["status"],
        due=_date(data["due"]), due_text=data["due_text"], meeting=_date(data["meeting"]),
        item=data["item"], note=data["note"], carried=data["carried"],
    )  # fmt: skip


def _hearing(data: dict[str, Any]) -> Any:
    from udsat_cli.core.hearings import HearingView

    return HearingView(
        id=data["id"], title=data["title"], sender=data["sender"],
        received=_date(data["received"]), deadline=as_date(data["deadline"]),  # type: ignore[arg-type]
        deadline_time=data["deadline_time"], answer_by=data["answer_by"], status=data["status"],
        material=data["material"], answer=data["answer"], answered_on=_date(data["answered_on"]),
        meeting=_meeting(data["meeting"]), item_number=data["item_number"],
        last_meeting_before=_meeting(data["last_meeting_before"]), also_to=data["also_to"],
    )  # fmt: skip


def minutes_from_data(data: dict[str, Any]) -> Minutes:
    """The minutes from their ``--json`` form (see render.jsonout.minutes)."""
    from udsat_cli.core.items import ItemRecord
    from udsat_cli.core.minutes import Absence, Minutes, Reported

    items = [
        ItemRecord(
            i["number"], i["title"], i["kind"], i["background"], i["decision"],
            [_action(a) for a in i["actions"]], i["closed"], i["public_decision"], i["standing"],
        )  # fmt: skip
        for i in data["items"]
    ]
    reported = [
        Reported(r["id"], r["title"], tuple(r["owners"]), r["due_text"], r["status"], r["note"],
                 _date(r["meeting"]), r["changed"])  # fmt: skip
        for r in data["followups"]
    ]
    return Minutes(
        council=data["council"], meeting=_meeting(data["meeting"]),  # type: ignore[arg-type]
        participants=data["participants"],
        absent=[Absence(a["name"], a["reason"]) for a in data["absent"]],
        guests=data["guests"], referent=data["referent"], items=items,
        other_actions=[_action(a) for a in data["other_actions"]],
        opening_note=data["opening_note"], approved=_date(data["approved"]),
        previous_approved=_date(data["previous_approved"]),
        hearings=[_hearing(h) for h in data["hearings"]], reported=reported,
        reported_under=data["reported_under"], grouped=data["grouped"], version=data["version"],
    )  # fmt: skip
