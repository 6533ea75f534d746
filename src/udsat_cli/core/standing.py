"""The standing points (faste punkter) of a council's agenda: those before the meeting's own items
(approval, follow-up) and those after (economy, events, any other business).

When the agenda is issued they become real items of the meeting, each marked with what it is (its
``key``), so the agenda, the minutes and every command share one numbering. A point is recognised
by its key, never by a word in a title: the council's own item »Udsatterådets økonomi« is its own
item, not the standing »Økonomi«. A council may set its own list; a title given there is matched
to what udsat can fill in under it (the follow-ups, the events, the consultations) once, when the
list is set, and the person is told.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

APPROVAL, FOLLOWUPS, HEARINGS, ECONOMY, EVENTS, OTHER, OWN = (
    "approval",
    "followups",
    "hearings",
    "economy",
    "events",
    "other",
    "own",
)
# What udsat writes under a standing point, and the words by which a title set by the council is
# taken to be that point.
ROLES = {
    APPROVAL: ("godkend",),
    FOLLOWUPS: ("opfølgning",),
    HEARINGS: ("høring",),
    ECONOMY: ("økonomi", "regnskab", "budget"),
    EVENTS: ("arrangement",),
    OTHER: ("eventuelt",),
}
CARRIES = {
    APPROVAL: "godkendelsen af sidste referat",
    FOLLOWUPS: "opfølgningen fra sidste møde",
    HEARINGS: "høringerne, der skal svares på",
    EVENTS: "de kommende arrangementer",
}
HEARINGS_TITLE = "Høringer"
MAX_POINTS = 12


class StandingPoint(NamedTuple):
    key: str
    title: str


@dataclass(frozen=True)
class StandingList:
    before: tuple[StandingPoint, ...]
    after: tuple[StandingPoint, ...]
    own: bool = False  # the council set it (False: udsat's default list)

    @property
    def keys(self) -> set[str]:
        return {p.key for p in (*self.before, *self.after)}


DEFAULT = StandingList(
    before=(
        StandingPoint(APPROVAL, "Godkendelse af referat og dagsorden"),
        StandingPoint(FOLLOWUPS, "Opfølgning på beslutningspunkter fra sidste møde"),
    ),
    after=(
        StandingPoint(ECONOMY, "Økonomi"),
        StandingPoint(EVENTS, "Kommende arrangementer"),
        StandingPoint(OTHER, "Eventuelt"),
    ),
)


def role_of(title: str) -> str:
    """What a title set by the council is: a point udsat fills in, or the council's own."""
    words = title.casefold()
    for key, stems in ROLES.items():
        if any(words.startswith(stem) or f" {stem}" in words for stem in stems):
            return key
    return OWN


def standing_list(council: CouncilContext) -> StandingList:
    raw = council.db.scalar("SELECT standing_points FROM council WHERE id = :c", c=council.id)
    return parse(raw) if raw else DEFAULT


def parse(raw: str) -> StandingList:
    data = json.loads(raw)
    return StandingList(
        before=tuple(StandingPoint(k, t) for k, t in data["before"]),
        after=tuple(StandingPoint(k, t) for k, t in data["after"]),
        own=True,
    )


def dump(found: StandingList) -> str:
    return json.dumps(
        {"before": [list(p) for p in found.before], "after": [list(p) for p in found.after]},
        ensure_ascii=False,
    )


def chosen(
    current: StandingList, *, before: list[str] | None, after: list[str] | None
) -> StandingList:
    """The list after ``council set --points-before/--points-after`` (an empty title empties
    that side). Each title is matched to its role once, here."""

    def points(titles: list[str] | None, kept: tuple[StandingPoint, ...]) -> tuple:
        if titles is None:
            return kept
        found = [" ".join(t.split()) for t in titles]
        found = [t for t in found if t]
        return tuple(StandingPoint(role_of(t), t) for t in found)

    new = StandingList(points(before, current.before), points(after, current.after), own=True)
    every = [*new.before, *new.after]
    if len(every) > MAX_POINTS:
        raise InputError(f"Højst {MAX_POINTS} faste punkter.")
    for point in every:
        if len(point.title) > 500:
            raise InputError("Et fast punkts titel må højst være 500 tegn.")
    titles = [p.title.casefold() for p in every]
    if len(set(titles)) < len(titles):
        raise InputError("Det samme faste punkt står der to gange.")
    roles = [p.key for p in every if p.key != OWN]
    if len(set(roles)) < len(roles):
        double = next(r for r in roles if roles.count(r) > 1)
        raise InputError(
            f"To faste punkter er begge til {CARRIES.get(double, ROLES[double][0])}; "
            "giv dem hver sin titel."
        )
    return new


def add_standing_items(council: CouncilContext, *, meeting_id: int) -> None:
    """A newly planned meeting gets the council's standing points as its items, so that from
    the first item added the numbering is the agenda's (»Eventuelt« stays last)."""
    from udsat_cli.store.models import AgendaItem

    found = standing_list(council)
    points = [*found.before, *found.after]
    for number, point in enumerate(points, start=1):
        council.writing.add(
            AgendaItem(meeting_id=meeting_id, number=number, title=point.title, standing=point.key)
        )
    council.writing.flush()
