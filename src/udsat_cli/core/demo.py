"""The demo council from data/demo.json, entered through the same operations a secretary uses."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from udsat_cli.core.actions import add_action, update_action
from udsat_cli.core.attendance import set_attendance
from udsat_cli.core.context import council_context
from udsat_cli.core.councils import init_council, set_council
from udsat_cli.core.events import add_event
from udsat_cli.core.hearings import add_hearing, answer_hearing
from udsat_cli.core.items import add_item
from udsat_cli.core.meetings import add_meeting
from udsat_cli.core.members import add_member
from udsat_cli.core.topics import add_topic
from udsat_cli.datafiles import load_json
from udsat_cli.store.db import Db

if TYPE_CHECKING:
    from udsat_cli.store.models import Session


def load_demo(session: Session, *, now: datetime) -> str:
    """Enter the demo council with dates relative to ``now``; return the council's name."""
    demo = load_json("demo.json")
    today = now.date()

    def day(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    def meeting_day(days: int) -> str:
        """Councils meet on weekdays: the Tuesday of the week ``days`` from today."""
        d = today + timedelta(days=days)
        return (d - timedelta(days=d.weekday() - 1)).isoformat()

    name = init_council(session, now=now, name=demo["council"])
    db = Db(session.connection(), alchemy=True)
    council = council_context(db, name=name, today=today, now=now, session=session)
    for m in demo["members"]:
        add_member(
            council,
            full_name=m["name"],
            short_name=m.get("short"),
            role=m["role"],
            email=m.get("email"),
        )
    meeting_days = {}
    for m in demo["meetings"]:
        meeting_days[m["key"]] = meeting_day(m["days"])
        add_meeting(council, when=f"{meeting_days[m['key']]} {m['time']}", place=m["place"])
    for m in demo["meetings"]:
        if m.get("absent") or m.get("guests") or m.get("referent"):
            set_attendance(
                council,
                ref=meeting_days[m["key"]],
                guests=m.get("guests"),
                absent=[f"{a['name']}:{a['reason']}" for a in m.get("absent", [])] or None,
                referent=m.get("referent"),
            )
    for i in demo["items"]:
        add_item(
            council,
            ref=meeting_days[i["meeting"]],
            title=i["title"],
            kind=i.get("kind"),
            background=i.get("background"),
            decision=i.get("decision"),
        )
    for t in demo["topics"]:
        add_topic(council, title=t["title"], when=t.get("for"))
    for e in demo["events"]:
        add_event(
            council,
            when=f"{day(e['days'])} {e.get('time', '')}".strip(),
            title=e["title"],
            attendees=e["attendees"],
        )
    for a in demo["actions"]:
        held = meeting_days[a["meeting"]]
        at_meeting = council.as_of(
            now.replace(year=int(held[:4]), month=int(held[5:7]), day=int(held[8:]))
        )
        due = day(a["due_days"]) if "due_days" in a else a.get("due")
        action = add_action(
            at_meeting, title=a["title"], owners=a["owners"], due=due, meeting=held, item=a["item"]
        )
        if "postpone_days" in a:
            update_action(
                at_meeting,
                action_id=action.id,
                status="postponed",
                due=day(a["postpone_days"]),
                note=a.get("note"),
            )
        elif a["status"] != "open":
            update_action(council, action_id=action.id, status=a["status"], note=a.get("note"))
    set_council(council, **demo.get("settings", {}))
    for h in demo.get("hearings", []):
        received = council.as_of(now + timedelta(days=h["received_days"]))
        deadline = f"{day(h['deadline_days'])} {h.get('deadline_time', '')}".strip()
        hearing_id = add_hearing(
            received,
            title=h["title"],
            sender=h["from"],
            deadline=deadline,
            received=day(h["received_days"]),
            answer_by=h.get("answer_by", "meeting"),
            item_meeting=meeting_days[h["item"]] if "item" in h else None,
        )
        if "answer" in h:
            answer_hearing(
                council, hearing_id=hearing_id, text=h["answer"], on=day(h["answer_days"])
            )
    council.notices.clear()  # the demo's own dates may warn; the demo is as it should be
    return name
