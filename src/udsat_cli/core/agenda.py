"""The agenda (dagsorden) of a meeting, as data, and issuing it.

A meeting's items are its agenda's points, in one numbering shared by the agenda, the minutes, the
site, the live screen and every command. A meeting planned for a coming day starts with the
council's standing points as items (core.standing). Until the agenda is issued it is a draft: the
points still missing (standing points of a meeting planned before, the topics queued for it, the
point »Høringer« when consultations are to be answered) are shown where issuing puts them.
Issuing (``agenda --issue``, or ``send-agenda``) makes them items; from then on the agenda is
exactly the items, and a change to them before the meeting makes it an »Ændret dagsorden«.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.followups import FollowupReport, followups
from udsat_cli.core.hearings import HearingView, hearings_for_meeting
from udsat_cli.core.items import ItemRecord, grouped_council, read_items
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.members import members_on
from udsat_cli.core.minutes import kinds_grouped, meeting_items
from udsat_cli.core.standing import HEARINGS, HEARINGS_TITLE, StandingList, standing_list
from udsat_cli.core.topics import TopicView, topic_list
from udsat_cli.store.db import required_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

EVENT_HORIZON = timedelta(days=120)  # "kommende arrangementer": the next four months


@dataclass
class AgendaPoint:
    number: int
    kind: str  # a standing point's key (approval, followups, ...), "item" or "topic"
    title: str
    item: ItemRecord | None = None
    topic: TopicView | None = None


@dataclass
class Agenda:
    council: str
    meeting: MeetingRef
    members: list[str]
    followups: FollowupReport
    items: list[ItemRecord]
    topics: list[TopicView]  # queued for this meeting and not yet an item
    events: list[EventView]
    points: list[AgendaPoint]
    hearings: list[HearingView] = field(default_factory=list)  # to answer at this meeting
    issued: date | None = None
    changed: bool = False  # items changed after it was issued: »Ændret dagsorden«
    grouped: bool = False  # one heading per kind (see render.minutes.sections)

    @property
    def loose_hearings(self) -> list[HearingView]:
        """Those with no item of their own: they are taken under the point »Høringer«."""
        return [h for h in self.hearings if h.meeting is None]


# A point before it is an item: (kind, title, topic or None); an item: (kind, title, ItemRecord).
Slot = tuple[str, str, "ItemRecord | TopicView | None"]


def planned_points(
    items: list[ItemRecord], standing: StandingList, topics: list[TopicView], *, hearings: bool
) -> list[Slot]:
    """The agenda's points in order: the items as they stand, the standing points they lack
    (those before the items first, those after last), and the queued topics and »Høringer«
    before the standing points at the end."""
    have = {i.standing for i in items if i.standing}
    slots: list[Slot] = [(i.standing or "item", i.title, i) for i in items]
    start = 0
    while start < len(slots) and slots[start][0] in {p.key for p in standing.before}:
        start += 1
    end = len(slots)
    while end > start and slots[end - 1][0] in {p.key for p in standing.after} | {HEARINGS}:
        end -= 1

    def block(points: tuple, present: list[Slot]) -> list[Slot]:
        """The standing points in the council's order: those the meeting has, the rest added."""
        found = [s for s in present if s[0] not in {p.key for p in points}]
        for point in points:
            found += [s for s in present if s[0] == point.key]
            if point.key not in have:
                found.append((point.key, point.title, None))
        return found

    middle: list[Slot] = [("topic", t.title, t) for t in topics]
    if hearings and HEARINGS not in have:
        middle.append((HEARINGS, HEARINGS_TITLE, None))
    trailing = block(standing.after, slots[end:])
    at = next((n for n, s in enumerate(trailing) if s[0] != HEARINGS), len(trailing))
    return [
        *block(standing.before, slots[:start]),
        *slots[start:end],
        *trailing[:at],
        *middle,
        *trailing[at:],
    ]


def _points(slots: list[Slot]) -> list[AgendaPoint]:
    found = []
    for number, (kind, title, what) in enumerate(slots, start=1):
        item = what if isinstance(what, ItemRecord) else None
        topic = what if isinstance(what, TopicView) else None
        found.append(AgendaPoint(number, kind, title, item, topic))
    return found


def agenda(council: CouncilContext, *, meeting: str | None = None) -> Agenda:
    """The next meeting's agenda, or the agenda of the meeting ``meeting`` names."""
    report = followups(council, meeting=meeting)
    target = report.meeting
    row = council.db.one(
        "SELECT agenda_issued_at, agenda_changed_at FROM meeting WHERE id = :m", m=target.id
    )
    assert row is not None  # the meeting was found
    issued, changed = row
    items, _ = meeting_items(council, target)
    queued = [] if issued else queued_topics(council, target)
    hearings = hearings_for_meeting(council, target)
    loose = any(h.meeting is None for h in hearings)
    if issued:
        slots: list[Slot] = [(i.standing or "item", i.title, i) for i in items]
        if loose and not any(i.standing == HEARINGS for i in items):
            council.notify(
                "Der er høringer at besvare på mødet, men den udsendte dagsorden har intet punkt "
                f"»{HEARINGS_TITLE}«; tilføj det med: udsat item add {target.id} {HEARINGS_TITLE}"
            )
        for topic in queued_topics(council, target):
            council.notify(
                f"Punkt #{topic.id} »{topic.title}« fra listen er ikke på den udsendte dagsorden; "
                f"tag det op med: udsat item add {target.id} --topic {topic.id}"
            )
    else:
        slots = planned_points(items, standing_list(council), queued, hearings=loose)
    return Agenda(
        council=council.name,
        meeting=target,
        members=[m.full_name for m in members_on(council, target.date)],
        followups=report,
        items=items,
        topics=queued,
        events=events_between(council, start=target.date, end=target.date + EVENT_HORIZON),
        points=_points(slots),
        hearings=hearings,
        issued=required_datetime(issued).date() if issued else None,
        changed=changed is not None,
        grouped=grouped_council(council) and kinds_grouped(items),
    )


def queued_topics(council: CouncilContext, meeting: MeetingRef) -> list[TopicView]:
    """The list's topics whose meeting this is and that no item has taken up."""
    return [t for t in topic_list(council).topics if t.meeting and t.meeting.id == meeting.id]


def issue_agenda(council: CouncilContext, *, meeting: str | None = None) -> Agenda:
    """Issue the agenda: the points still missing become items in their places (a topic taken
    up leaves the list), and the meeting's items are from now on the agenda's points."""
    from udsat_cli.core.meetings import refuse_if_approved
    from udsat_cli.store.models import AgendaItem, Meeting

    target = followups(council, meeting=meeting).meeting
    refuse_if_approved(council, target, reopen=False)
    row = council.writing.get_one(Meeting, target.id)
    if row.agenda_issued_at is not None:
        return agenda(council, meeting=str(target.id))
    items = read_items(council, target.id)
    loose = any(h.meeting is None for h in hearings_for_meeting(council, target))
    slots = planned_points(
        items, standing_list(council), queued_topics(council, target), hearings=loose
    )
    rows = {r.id: r for r in _rows(council, target.id)}
    for number, (kind, title, what) in enumerate(slots, start=1):
        if isinstance(what, ItemRecord):
            found = rows[what.id]
            if found.number != number:
                found.number = number
                council.writing.add(found)
            continue
        new = AgendaItem(
            meeting_id=target.id,
            number=number,
            title=title,
            standing=None if kind == "topic" else kind,
        )
        if isinstance(what, TopicView):
            new.topic_id = what.id
        council.writing.add(new)
    row.agenda_issued_at = council.now
    council.writing.add(row)
    council.writing.flush()
    return agenda(council, meeting=str(target.id))


def _rows(council: CouncilContext, meeting_id: int) -> list:
    from sqlalchemy import select

    from udsat_cli.store.models import AgendaItem

    return list(council.writing.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)))


def restand(council: CouncilContext) -> int:
    """After the council changed its standing points: the agendas still to be issued of the
    meetings to come get the new list (a standing point with text of its own stays). Returns how
    many meetings changed."""
    from udsat_cli.store.models import AgendaItem

    changed = 0
    for (mid,) in council.db.all(
        "SELECT id FROM meeting WHERE council_id = :c AND date >= :d AND cancelled = :no "
        "AND agenda_issued_at IS NULL AND approved_at IS NULL",
        c=council.id,
        d=council.today,
        no=False,
    ):
        rows = _rows(council, mid)
        used = {
            i
            for (i,) in council.db.rows(
                "SELECT item_id FROM action WHERE item_id IS NOT NULL AND meeting_id = :m", m=mid
            )
        }
        empty = [
            r
            for r in rows
            if r.standing
            and r.standing != HEARINGS
            and not r.decision
            and not r.background
            and r.id not in used
        ]
        for row in empty:
            council.writing.delete(row)
        council.writing.flush()
        items = read_items(council, mid)
        slots = planned_points(items, standing_list(council), [], hearings=False)
        kept = {r.id: r for r in rows if r not in empty}
        for number, (kind, title, what) in enumerate(slots, start=1):
            if isinstance(what, ItemRecord):
                kept[what.id].number = number
                council.writing.add(kept[what.id])
            else:
                council.writing.add(
                    AgendaItem(meeting_id=mid, number=number, title=title, standing=kind)
                )
        council.writing.flush()
        changed += bool(empty) or len(slots) != len(items)
    return changed
