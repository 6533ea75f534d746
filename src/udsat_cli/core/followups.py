"""The follow-up report: "Opfølgning på beslutningspunkter fra sidste møde".

For the council's next meeting (the first on or after today) it gathers, in three sections:
previous_meeting - every action from the meeting before it, whatever its status;
open             - actions from earlier meetings still open and due by the next meeting, overdue,
                   or without a deadline (nobody said when, so it must not be forgotten);
resumed          - postponed actions whose date or meeting has come.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.actions import ACTIVE, OPEN, ActionView, Which, select_actions, with_people
from udsat_cli.core.meetings import MeetingRef, find_meeting, latest_meeting, next_meeting
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

SECTIONS = ("previous_meeting", "open", "resumed")


@dataclass(frozen=True)
class FollowupReport:
    council: str
    meeting: MeetingRef
    previous_meeting: MeetingRef | None
    actions: list[ActionView]
    today: date


class NoNextMeetingError(UdsatError):
    exit_code = 1


def _order(action: ActionView) -> tuple:
    return (
        SECTIONS.index(action.section or "open"),
        action.meeting or date.min,
        action.item_number if action.item_number is not None else 10**6,
        action.item or "",
        action.id,
    )


def carried_section(action: ActionView, *, meeting: MeetingRef) -> str | None:
    """The section ("open" or "resumed") in which the report for ``meeting`` takes up an action
    that did not come from the meeting before it; None when the report leaves it out."""
    if action.meeting is not None and action.meeting >= meeting.date:
        return None  # decided at or after the meeting the report is for
    due_by_meeting = action.due is not None and action.due <= meeting.date
    if action.status == "postponed":
        return "resumed" if due_by_meeting else None
    if action.status in OPEN and (due_by_meeting or action.due_text is None or action.undated):
        return "open"  # due by then, or nobody said when, or said it in words that name no day
    return None


def target_meeting(
    council: CouncilContext, ref: str | None, *, minuting: bool = False
) -> MeetingRef:
    """The meeting ``ref`` names, or the council's next meeting: today's until it is over (see
    meetings.is_over), then the following one. ``minuting``: today's meeting all day, as the
    live screen minutes it, after its end too."""
    if ref:
        return find_meeting(council, ref)
    found = next_meeting(council, on_or_after=council.today if minuting else None)
    if found is None:
        held = council.plan.on(council.today)
        since = "efter mødet i dag" if held else f"fra {dates.long_date(council.today)}"
        raise NoNextMeetingError(
            f"{council.name} har intet planlagt møde {since}; "
            'tilføj det næste med: udsat meeting add "DATO kl. 16-18".'
        )
    return found


def followups(council: CouncilContext, *, meeting: str | None = None) -> FollowupReport:
    """Build the report for the next meeting, or for the meeting ``meeting`` names."""
    target = target_meeting(council, meeting)
    previous = latest_meeting(council, on_or_before=target.date - timedelta(days=1))
    prev_id = previous.id if previous else -1

    chosen = list(select_actions(council, Which(meeting=prev_id), until=target.date))
    for action in chosen:
        action.section = "previous_meeting"
    for action in select_actions(
        council, Which(statuses=ACTIVE, elsewhere=prev_id), until=target.date
    ):
        action.section = carried_section(action, meeting=target)
        if action.section is not None:
            chosen.append(action)
    chosen.sort(key=_order)
    return FollowupReport(
        council.name, target, previous, list(with_people(council, chosen)), council.today
    )
