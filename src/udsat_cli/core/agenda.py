"""The agenda (dagsorden) of the next meeting, as data. Its point 2 is the follow-up report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from udsat_cli.core.events import EventView, events_between
from udsat_cli.core.followups import FollowupReport, followups
from udsat_cli.core.hearings import HearingView, hearings_for_meeting
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.members import members_on
from udsat_cli.core.minutes import ItemRecord, meeting_items
from udsat_cli.core.topics import TopicView, topic_list

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

EVENT_HORIZON = timedelta(days=120)  # "kommende arrangementer": the next four months

# The standing points of an agenda, and the words by which a meeting's own item is one of them.
APPROVAL = "Godkendelse af referat og dagsorden"
FOLLOWUP = "Opfølgning på beslutningspunkter fra sidste møde"
ECONOMY = "Økonomi"
EVENTS = "Kommende arrangementer"
HEARINGS = "Høringer"
ANY_OTHER = "Eventuelt"
_FIRST = (("approval", APPROVAL, ("godkendelse",)), ("followups", FOLLOWUP, ("opfølgning",)))
_LAST = (
    ("economy", ECONOMY, ("økonomi",)),
    ("events", EVENTS, ("arrangement",)),
    ("other", ANY_OTHER, ("eventuelt",)),
)


@dataclass
class AgendaPoint:
    number: int
    kind: str  # approval, followups, item, topic, hearings, economy, events or other
    title: str
    item: ItemRecord | None = None


@dataclass
class Agenda:
    council: str
    meeting: MeetingRef
    members: list[str]
    followups: FollowupReport
    items: list[ItemRecord]
    topics: list[TopicView]
    events: list[EventView]
    points: list[AgendaPoint]
    hearings: list[HearingView] = field(default_factory=list)  # to answer at this meeting

    @property
    def loose_hearings(self) -> list[HearingView]:
        """Those with no item of their own: they are taken under the point »Høringer«."""
        return [h for h in self.hearings if h.meeting is None]


def _standing(item: ItemRecord, words: tuple[str, ...]) -> bool:
    title = item.title.casefold()
    return any(title.startswith(w) or f" {w}" in title for w in words)


def agenda_points(
    items: list[ItemRecord], topics: list[TopicView], *, hearings: bool = False
) -> list[AgendaPoint]:
    """Approval and follow-up first, the meeting's items and the queued topics, then economy,
    events and "Eventuelt" last. A meeting's own item that is a standing point takes that
    point's place, so no standing point appears twice."""
    rest = list(items)
    points: list[tuple[str, str, ItemRecord | None]] = []

    def standing(group: tuple[tuple[str, str, tuple[str, ...]], ...]) -> list:
        found = []
        for kind, title, words in group:
            own = next((i for i in rest if _standing(i, words)), None)
            if own is not None:
                rest.remove(own)
            found.append((kind, own.title if own else title, own))
        return found

    first, last = standing(_FIRST), standing(_LAST)
    points = first + [("item", i.title, i) for i in rest]
    points += [("topic", t.title, None) for t in topics]
    points += [("hearings", HEARINGS, None)] if hearings else []
    points += last
    return [AgendaPoint(n, kind, title, item) for n, (kind, title, item) in
            enumerate(points, start=1)]  # fmt: skip


def agenda(council: CouncilContext, *, meeting: str | None = None) -> Agenda:
    """The next meeting's agenda, or the agenda of the meeting ``meeting`` names."""
    report = followups(council, meeting=meeting)
    target = report.meeting
    items, _ = meeting_items(council, target)
    queued = [
        t for t in topic_list(council).topics if t.meeting and t.meeting.id == target.id
    ]
    hearings = hearings_for_meeting(council, target)
    return Agenda(
        council=council.name,
        meeting=target,
        members=[m.full_name for m in members_on(council, target.date)],
        followups=report,
        items=items,
        topics=queued,
        events=events_between(council, start=target.date, end=target.date + EVENT_HORIZON),
        points=agenda_points(items, queued, hearings=any(h.meeting is None for h in hearings)),
        hearings=hearings,
    )
