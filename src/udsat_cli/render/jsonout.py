"""The ``--json`` contract: fixed keys, ISO dates, nothing but JSON on stdout."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from udsat_cli.core.datephrase import Explanation
    from udsat_cli.core.followups import FollowupReport
    from udsat_cli.core.listing import MeetingDetail, Member
    from udsat_cli.core.lookup import MeetingRef
    from udsat_cli.core.views import ActionView


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def meeting(m: MeetingRef | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"id": m.id, "date": _iso(m.date), "start": m.start, "end": m.end, "place": m.place}


def action(a: ActionView, *, with_section: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "owners": list(a.owners),
        "status": a.status,
        "due": _iso(a.due),
        "due_text": a.due_text,
        "meeting": _iso(a.meeting),
        "item": a.item,
        "note": a.note,
        "carried": a.carried,
    }
    if with_section:
        data["section"] = a.section
    return data


def member(m: Member) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.full_name,
        "short": m.short_name,
        "role": m.role,
        "email": m.email,
        "member_from": _iso(m.member_from),
        "member_to": _iso(m.member_to),
    }


def followups(report: FollowupReport) -> dict[str, Any]:
    return {
        "council": report.council,
        "meeting": meeting(report.meeting),
        "previous_meeting": meeting(report.previous_meeting),
        "actions": [action(a, with_section=True) for a in report.actions],
    }


def meeting_detail(detail: MeetingDetail) -> dict[str, Any]:
    return {
        "council": detail.council,
        "meeting": meeting(detail.meeting),
        "items": [{"number": n, "title": t} for n, t in detail.items],
        "actions": [action(a) for a in detail.actions],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def explanation(found: Explanation) -> dict[str, Any]:
    anchored = found.reading.kind != "date"
    return {
        "text": found.text,
        "kind": found.reading.kind,
        "date": _iso(found.day),
        "time": found.meeting.start if anchored and found.meeting else found.reading.time,
        "end_time": found.meeting.end if anchored and found.meeting else found.reading.end_time,
        "meeting": meeting(found.meeting),
    }
