"""The ``--json`` contract: fixed keys, ISO dates, nothing but JSON on stdout.

One function per view, named as the view is (``output.show(data, MEETINGS_DETAIL)`` prints
``meetings_detail(data)``; see render/view.py). docs/json.md lists every key; a test holds
the two together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionList, ActionView
    from udsat_cli.core.agenda import Agenda
    from udsat_cli.core.annual_report import AnnualReport
    from udsat_cli.core.changes import ChangeLog, ChangeSetView
    from udsat_cli.core.councils import CouncilSettings
    from udsat_cli.core.deadlines import Explanation
    from udsat_cli.core.events import EventList, EventView
    from udsat_cli.core.followups import FollowupReport
    from udsat_cli.core.hearings import HearingList, HearingView
    from udsat_cli.core.items import Deleted, ItemRecord
    from udsat_cli.core.meeting_detail import MeetingDetail
    from udsat_cli.core.meetings import MeetingList, MeetingRef
    from udsat_cli.core.members import MemberList
    from udsat_cli.core.minutes import Minutes, Reported
    from udsat_cli.core.reminders import Reminders
    from udsat_cli.core.search import SearchResult
    from udsat_cli.core.seasons import SeasonList
    from udsat_cli.core.topics import TopicList, TopicView
    from udsat_cli.store.migrate import MigrationStatus


def dumps(data: Any) -> str:
    import json  # every render module looks its JSON form up here; only --json needs json

    return json.dumps(data, ensure_ascii=False, indent=2)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@overload
def meeting(m: MeetingRef) -> dict[str, Any]: ...
@overload
def meeting(m: MeetingRef | None) -> dict[str, Any] | None: ...
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


def item(i: ItemRecord) -> dict[str, Any]:
    return {
        "number": i.number,
        "title": i.title,
        "kind": i.kind,
        "standing": i.standing,
        "background": i.background,
        "decision": i.decision,
        "closed": i.closed,
        "public_decision": i.public_decision,
        "actions": [action(a) for a in i.actions],
        "attachments": [
            {"name": b.name, "size": b.size, "closed": b.closed} for b in i.attachments
        ],
    }


def items_deleted(gone: Deleted) -> dict[str, Any]:
    return {
        "meeting": meeting(gone.meeting),
        "number": gone.number,
        "title": gone.title,
        "actions": gone.actions,
    }


def reported(r: Reported) -> dict[str, Any]:
    return {
        "id": r.id,
        "title": r.title,
        "owners": list(r.owners),
        "due_text": r.due_text,
        "status": r.status,
        "note": r.note,
        "meeting": _iso(r.meeting),
        "changed": r.changed,
    }


def topic(t: TopicView) -> dict[str, Any]:
    return {
        "id": t.id,
        "title": t.title,
        "for": _iso(t.for_date),
        "meeting": meeting(t.meeting),
        "dropped": t.dropped,
        "note": t.note,
        "taken": {"date": _iso(t.taken[0]), "item": t.taken[1]} if t.taken else None,
    }


def event(e: EventView) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": _iso(e.date),
        "time": e.time,
        "title": e.title,
        "attendees": list(e.attendees),
    }


# --- one function per view --------------------------------------------------------------------


def followups(report: FollowupReport) -> dict[str, Any]:
    return {
        "council": report.council,
        "meeting": meeting(report.meeting),
        "previous_meeting": meeting(report.previous_meeting),
        "actions": [action(a, with_section=True) for a in report.actions],
    }


def actions(found: ActionList) -> list[dict[str, Any]]:
    return [action(a) for a in found.actions]


def actions_one(a: ActionView) -> dict[str, Any]:
    return action(a)


def members(found: MemberList) -> list[dict[str, Any]]:
    return [
        {
            "id": m.id,
            "name": m.full_name,
            "short": m.short_name,
            "role": m.role,
            "email": m.email,
            "member_from": _iso(m.member_from),
            "member_to": _iso(m.member_to),
        }
        for m in found.members
    ]


def meetings(found: MeetingList) -> list[dict[str, Any]]:
    return [meeting(r.meeting) | {"cancelled": r.cancelled} for r in found.meetings]


def meetings_detail(detail: MeetingDetail) -> dict[str, Any]:
    return {
        "council": detail.council,
        "meeting": meeting(detail.meeting),
        "cancelled": detail.cancelled,
        "items": [{"number": n, "title": t} for n, t in detail.items],
        "actions": [action(a) for a in detail.actions],
        "attendance": None
        if detail.expected is None
        else {
            "absent": [{"name": n, "reason": r} for n, r in detail.expected.absent],
            "accepted": detail.expected.accepted,
            "tentative": detail.expected.tentative,
            "members": detail.expected.members,
            "quorum": detail.expected.quorum,
            "warning": detail.expected.warning,
            "substitutes": detail.expected.substitutes,
        },
    }


def deadlines(found: Explanation) -> dict[str, Any]:
    anchored = found.reading.kind != "date"
    return {
        "text": found.text,
        "kind": found.reading.kind,
        "date": _iso(found.day),
        "time": found.meeting.start if anchored and found.meeting else found.reading.time,
        "end_time": found.meeting.end if anchored and found.meeting else found.reading.end_time,
        "meeting": meeting(found.meeting),
    }


def seasons(found: SeasonList) -> list[dict[str, Any]]:
    return [{"name": n, "start": s, "end": e} for n, (s, e) in found.seasons.items()]


def items(record: Minutes) -> list[dict[str, Any]]:
    return [item(i) for i in record.items]


def topics(found: TopicList) -> list[dict[str, Any]]:
    return [topic(t) for t in found.topics]


def events(found: EventList) -> list[dict[str, Any]]:
    return [event(e) for e in found.events]


def minutes(m: Minutes) -> dict[str, Any]:
    """Also the data an approved referat is kept as (core.approved reads it back)."""
    return {
        "council": m.council,
        "meeting": meeting(m.meeting),
        "version": m.version,
        "approved": _iso(m.approved),
        "previous_approved": _iso(m.previous_approved),
        "participants": m.participants,
        "absent": [{"name": a.name, "reason": a.reason} for a in m.absent],
        "guests": m.guests,
        "referent": m.referent,
        "opening_note": m.opening_note,
        "grouped": m.grouped,
        "items": [item(i) for i in m.items],
        "followups": [reported(r) for r in m.reported],
        "reported_under": m.reported_under,
        "other_actions": [action(a) for a in m.other_actions],
        "hearings": [hearing(h) for h in m.hearings],
    }


def agenda(a: Agenda) -> dict[str, Any]:
    return {
        "council": a.council,
        "meeting": meeting(a.meeting),
        "members": a.members,
        "issued": _iso(a.issued),
        "changed": a.changed,
        "points": [{"number": p.number, "kind": p.kind, "title": p.title} for p in a.points],
        "followups": followups(a.followups)["actions"],
        "items": [item(i) for i in a.items],
        "topics": [topic(t) for t in a.topics],
        "events": [event(e) for e in a.events],
        "hearings": [hearing(h) for h in a.hearings],
    }


def reminders(r: Reminders) -> dict[str, Any]:
    return {
        "today": _iso(r.today),
        "owners": [
            {
                "name": p.name,
                "email": p.email,
                "overdue": [action(a) for a in p.overdue],
                "due_soon": [action(a) for a in p.due_soon],
                "resumed": [action(a) for a in p.resumed],
                "for_meeting": [action(a) for a in p.for_meeting],
                "events": [event(e) for e in p.events],
                "hearings": [hearing(h) for h in p.hearings],
                "duties": [
                    {"kind": d.kind, "day": _iso(d.day), "meeting": meeting(d.meeting)}
                    for d in p.duties
                ],
            }
            for p in r.owners
        ],
        "meeting": meeting(r.meeting),
    }


def search(found: SearchResult) -> list[dict[str, Any]]:
    return [
        {
            "kind": h.kind,
            "id": h.id,
            "meeting": _iso(h.meeting),
            "item": h.item,
            "item_number": h.item_number,
            "text": h.text,
            "rank": h.rank,
        }
        for h in found.hits
    ]


def change_set(c: ChangeSetView) -> dict[str, Any]:
    return {
        "id": c.id,
        "at": c.at.isoformat(),
        "command": c.command,
        "undone": c.undone,
        "changes": [
            {"table": x.table, "key": x.key, "op": x.op, "old": x.old, "new": x.new}
            for x in c.changes
        ],
    }


def changes(log: ChangeLog) -> list[dict[str, Any]]:
    return [change_set(c) for c in log.sets]


def changes_undone(log: ChangeLog) -> dict[str, Any]:
    return change_set(log.sets[0])


def migrations_status(found: MigrationStatus) -> dict[str, Any]:
    return {
        "applied": [{"name": name, "applied_at": at} for name, at in found.applied],
        "pending": list(found.pending),
    }


def imports_extractions(found: list) -> Any:
    """What ``udsat import --json`` read: one extraction, or a list of them for several files."""
    from udsat_cli.importer.extract import to_json

    data = [to_json(x) for x in found]
    return data[0] if len(data) == 1 else data


def hearing(h: HearingView) -> dict[str, Any]:
    return {
        "id": h.id,
        "title": h.title,
        "sender": h.sender,
        "received": _iso(h.received),
        "deadline": _iso(h.deadline),
        "deadline_time": h.deadline_time,
        "answer_by": h.answer_by,
        "status": h.status,
        "material": h.material,
        "meeting": meeting(h.meeting),
        "item_number": h.item_number,
        "last_meeting_before": meeting(h.last_meeting_before),
        "needs_chair": h.needs_chair,
        "also_to": h.also_to,
        "answer": h.answer,
        "answered_on": _iso(h.answered_on),
    }


def hearings(found: HearingList) -> list[dict[str, Any]]:
    return [hearing(h) for h in found.hearings]


def councils_settings(found: CouncilSettings) -> dict[str, Any]:
    return {
        "council": found.council,
        "proposals_days": found.proposals_days,
        "agenda_days": found.agenda_days,
        "quorum": found.quorum,
        "group_items": found.group_items,
        "attachment_limit_mb": found.attachment_limit_mb,
        "points_before": [{"key": p.key, "title": p.title} for p in found.points.before],
        "points_after": [{"key": p.key, "title": p.title} for p in found.points.after],
    }


def annual_report(r: AnnualReport) -> dict[str, Any]:
    f = r.followups
    return {
        "council": r.council,
        "year": r.year,
        "meetings": {
            "held": [meeting(m) for m in r.held],
            "cancelled": [meeting(m) for m in r.cancelled],
            "planned": [meeting(m) for m in r.planned],
        },
        "attendance": [
            {
                "name": a.name,
                "role": a.role,
                "meetings": a.meetings,
                "present": a.present,
                "absent": a.absent,
            }
            for a in r.attendance
        ],
        "items": [
            {
                "meeting": _iso(i.meeting),
                "number": i.number,
                "title": i.title,
                "kind": i.kind,
                "decision": i.decision,
            }
            for i in r.items
        ],
        "items_by_kind": r.items_by_kind(),
        "decisions": len(r.decisions),
        "hearings": [hearing(h) for h in r.hearings],
        "followups": {
            "agreed": f.agreed,
            "done": f.done,
            "dropped": f.dropped,
            "open": f.open,
            "postponed": f.postponed,
        },
        "events": [event(e) for e in r.events],
        "joined": [{"name": c.name, "role": c.role, "date": _iso(c.day)} for c in r.joined],
        "left": [{"name": c.name, "role": c.role, "date": _iso(c.day)} for c in r.left],
    }


def imports_plan(plan: Any) -> dict[str, Any]:
    """An import's plan for ``udsat import --plan``: edit it, then ``udsat import --apply``.
    Points are numbered from 1; a task, topic or event names its point by that number."""
    return {
        "file": plan.file,
        "digest": plan.digest,
        "meeting": {
            "council": plan.council,
            "date": _iso(plan.day),
            "start": plan.start,
            "end": plan.end,
            "place": plan.place,
            "participants": plan.participants,
            "absent": [{"name": n, "reason": r} for n, r in plan.absent],
            "guests": [{"name": n, "role": r} for n, r in plan.guests],
            "referent": plan.referent,
        },
        "items": [
            {
                "number": n,
                "title": i.title,
                "kind": i.kind,
                "background": i.background,
                "decision": i.decision,
                "keep": i.accepted,
                "merge_into": None if i.merged_into is None else i.merged_into + 1,
            }
            for n, i in enumerate(plan.items, start=1)
        ],
        "actions": [
            {
                "take": a.accepted,
                "title": a.title,
                "owners": a.owners,
                "deadline": a.due,
                "item": None if a.item is None else a.item + 1,
                "confidence": a.confidence,
                "unsure": a.unsure,
                "reason": a.reason,
                "source": a.source,
            }
            for a in plan.actions
        ],
        "topics": [
            {
                "take": t.accepted,
                "title": t.title,
                "when": t.when,
                "item": None if t.item is None else t.item + 1,
                "source": t.source,
            }
            for t in plan.topics
        ],
        "events": [
            {
                "take": e.accepted,
                "title": e.title,
                "date": _iso(e.day),
                "item": None if e.item is None else e.item + 1,
                "source": e.source,
            }
            for e in plan.events
        ],
    }
