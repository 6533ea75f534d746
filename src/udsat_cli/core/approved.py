"""Approved minutes, kept: each approval stores the referat as it was approved — its data (what
``udsat minutes --json`` prints) and the Word file it printed — as a numbered version. Every later
``minutes``, ``export``, ``publish`` and ``annual-report`` reads that copy (core.minutes turns the
data back into minutes). Reopening keeps it (marked reopened); the next approval is the next
version. This module only stores and finds the copies: it imports no other core module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import NotFoundError, UdsatError
from udsat_cli.store.db import as_datetime, required_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.meetings import MeetingRef


@dataclass(frozen=True)
class Version:
    number: int
    approved_at: datetime
    reopened_at: datetime | None


def versions(council: CouncilContext, *, meeting_id: int) -> list[Version]:
    return [
        Version(n, required_datetime(at), as_datetime(reopened))
        for n, at, reopened in council.db.rows(
            "SELECT version, approved_at, reopened_at FROM minutes_version "
            "WHERE meeting_id = :m ORDER BY version",
            m=meeting_id,
        )
    ]


def kept_data(
    council: CouncilContext, *, meeting: MeetingRef, version: int | None = None
) -> dict[str, Any] | None:
    """The kept data of the current approval (or of ``version``); None when not approved."""
    found = _row(council, meeting, version, "data")
    return json.loads(found[1]) if found is not None else None


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
        m=meeting.id,
        v=version,
    )
    if found is None:
        kept = [str(v.number) for v in versions(council, meeting_id=meeting.id)]
        known = f"; der er udgave {', '.join(kept)}" if kept else "; det er aldrig godkendt"
        raise NotFoundError(
            f"Referatet af mødet {dates.long_date(meeting.date)} har ingen godkendt udgave "
            f"{version}{known}."
        )
    return found


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


def next_version(council: CouncilContext, *, meeting_id: int) -> int:
    latest = council.db.scalar(
        "SELECT MAX(version) FROM minutes_version WHERE meeting_id = :m", m=meeting_id
    )
    return (latest or 0) + 1


def keep(
    council: CouncilContext, *, meeting_id: int, version: int, data: dict[str, Any], docx: bytes
) -> None:
    from udsat_cli.store.models import MinutesVersion

    council.writing.add(
        MinutesVersion(
            meeting_id=meeting_id,
            version=version,
            approved_at=council.now,
            data=json.dumps(data, ensure_ascii=False, sort_keys=True),
            docx=docx,
        )
    )
    council.writing.flush()


def reopen_minutes(council: CouncilContext, *, meeting_id: int) -> None:
    """Take the approval back; the approved version stays kept, marked reopened."""
    from sqlalchemy import select

    from udsat_cli.store.models import Meeting, MinutesVersion

    row = council.writing.get_one(Meeting, meeting_id)
    row.approved_at = None
    council.writing.add(row)
    query = select(MinutesVersion).where(
        MinutesVersion.meeting_id == meeting_id, MinutesVersion.reopened_at.is_(None)
    )
    for kept in council.writing.exec(query):
        kept.reopened_at = council.now
        council.writing.add(kept)
    council.writing.flush()
