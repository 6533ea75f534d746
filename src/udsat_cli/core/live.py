"""Minuting a meeting live, as data: who is there, the quorum, the agenda with what each item
has decided so far, and the follow-ups of the last meeting. The writes are the commands' own
core functions (attendance, item edit, add-action, update), each in its own transaction.

Others may write to the same meeting meanwhile (a second screen, a command): the view is built
in parts (seats, items, follow-ups) that are reloaded on their own when the change journal shows
a change to their tables, and every row the screen writes is checked, in the write's own
transaction, to hold what the screen last showed of it (``Expect``); if another changed it,
nothing is written and ``LiveConflict`` names the other change, so the screen can ask.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.core.actions import ActionView
from udsat_cli.core.items import ItemRecord
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

OWNER_WORDS = ("rådet", "forvaltningen", "formanden", "sekretæren")


@dataclass
class Seat:
    person_id: int
    name: str
    short: str | None
    status: str  # present or absent
    reason: str | None
    stored: tuple[str | None, str | None] = (None, None)  # the attendance row as it is stored
    answer: str | None = None  # the answer to the invitation: accepted, declined, tentative


@dataclass
class Seats:
    seats: list[Seat]
    quorum: int
    attendance_taken: bool
    roll_taken: bool
    referent_id: int | None = None
    referent: str | None = None
    owners: list[str] = field(default_factory=list)  # what an owner field completes from
    substitutes: list[str] = field(default_factory=list)  # suppleanter to call in


@dataclass
class LiveMeeting:
    council: str
    meeting: MeetingRef
    today: date
    seats: list[Seat]
    quorum: int
    items: list[ItemRecord]
    followups: list[ActionView]  # the last meeting's, as the follow-up report takes them up
    owners: list[str]  # what an owner field completes from
    attendance_taken: bool
    roll_taken: bool = False  # the attendance is stored for every member of the day
    referent_id: int | None = None
    referent: str | None = None
    substitutes: list[str] = field(default_factory=list)  # suppleanter to call in

    @property
    def present(self) -> int:
        return sum(s.status == "present" for s in self.seats)

    @property
    def quorum_warning(self) -> str | None:
        if self.present >= self.quorum:
            return None
        from udsat_cli.danish import join_names

        call = (
            f" Indkald en suppleant: {join_names(self.substitutes, 'eller')}."
            if self.substitutes
            else ""
        )
        if self.meeting.date > self.today:  # before the day: as the afbud say it will be
            return (
                f"Rådet bliver ikke beslutningsdygtigt: efter afbuddene kommer kun "
                f"{self.present} af {len(self.seats)} medlemmer, der skal være mindst "
                f"{self.quorum}.{call}"
            )
        return (
            f"Rådet er ikke beslutningsdygtigt: {self.present} af {len(self.seats)} "
            f"medlemmer er til stede, der skal være mindst {self.quorum}.{call}"
        )

    def resume_at(self) -> int:
        """The item to continue with (after a restart, too): the first without a decision after
        the last one decided (standing points often have none)."""
        decided = [n for n, item in enumerate(self.items) if item.decision]
        start = decided[-1] + 1 if decided else 0
        for n, item in enumerate(self.items[start:], start=start):
            if not item.decision:
                return n
        return max(len(self.items) - 1, 0)

    def take(self, seats: Seats) -> None:
        self.seats, self.quorum = seats.seats, seats.quorum
        self.attendance_taken, self.roll_taken = seats.attendance_taken, seats.roll_taken
        self.referent_id, self.referent = seats.referent_id, seats.referent
        self.owners, self.substitutes = seats.owners, seats.substitutes


def live_meeting(council: CouncilContext, *, meeting: str | None = None) -> LiveMeeting:
    """Today's meeting, else the next one (or the one ``meeting`` names)."""
    from udsat_cli.core.followups import target_meeting

    target = target_meeting(council, meeting, minuting=True)
    seats = seats_of(council, target)
    found = LiveMeeting(
        council=council.name,
        meeting=target,
        today=council.today,
        seats=[],
        quorum=0,
        items=items_of(council, target),
        followups=followups_of(council, target),
        owners=[],
        attendance_taken=False,
    )
    found.take(seats)
    return found


def seats_of(council: CouncilContext, target: MeetingRef) -> Seats:
    """Who is there: the roll as stored once taken, else the members of the day."""
    from udsat_cli.core.attendance import expected
    from udsat_cli.core.members import member_list, members_on, quorum

    marks = {
        pid: (status, reason)
        for pid, status, reason in council.db.rows(
            "SELECT person_id, status, reason FROM attendance WHERE meeting_id = :m",
            m=target.id,
        )
    }
    roll_taken, referent_id = council.db.one(
        "SELECT roll_taken_at, referent_id FROM meeting WHERE id = :m", m=target.id
    ) or (None, None)
    everyone = {m.id: m for m in member_list(council, include_left=True).members}
    members = members_on(council, target.date)
    if roll_taken is not None:  # the roll as stored: a member who joined since is not on it
        members = [
            everyone[pid] for pid in sorted(marks) if marks[pid][0] != "guest" and pid in everyone
        ]
    answers: dict[int, str] = dict(
        council.db.rows(
            "SELECT person_id, response FROM meeting_reply WHERE meeting_id = :m", m=target.id
        )
    )
    seats = []
    for m in members:
        stored = marks.get(m.id, (None, None))
        status, reason = stored if stored[0] == "absent" else ("present", None)
        seats.append(
            Seat(m.id, m.full_name, m.short_name, status, reason, stored, answers.get(m.id))
        )
    needed = quorum(council, members=len(members))
    owners = sorted(
        {n for m in members for n in (m.full_name, m.short_name, m.full_name.split()[0]) if n}
    )
    referent = everyone[referent_id].full_name if referent_id in everyone else None
    return Seats(
        seats,
        needed,
        any(status != "present" for status, _ in marks.values()),
        roll_taken is not None,
        referent_id,
        referent,
        [*owners, *OWNER_WORDS],
        expected(council, target).substitutes,
    )


def items_of(council: CouncilContext, target: MeetingRef) -> list[ItemRecord]:
    from udsat_cli.core.minutes import meeting_items

    items, _ = meeting_items(council, target, as_decided=True)
    return items


def followups_of(council: CouncilContext, target: MeetingRef) -> list[ActionView]:
    from udsat_cli.core.followups import followups

    return followups(council, meeting=str(target.id)).actions


def deadline_preview(council: CouncilContext, *, text: str) -> str:
    """How a deadline being typed reads: »til næste møde → torsdag d. 23. maj 2019«."""
    from udsat_cli import dates
    from udsat_cli.core.deadlines import explain
    from udsat_cli.dates.grammar import NoReading

    try:
        found = explain(council, today=council.today, text=text)
    except NoReading:  # »snarest«: a deadline in words, kept as written (a near miss is refused)
        return f"{text} → gemmes som tekst, uden en dato"
    if found.day is None:
        return f"{text} → intet møde planlagt endnu"
    return f"{text} → {dates.weekday_date(found.day)}"


# --- what others changed --------------------------------------------------------------------

# Which part of the view a table's rows feed.
PARTS = {
    "agenda_item": {"items"},
    "action": {"items", "followups"},
    "action_owner": {"items", "followups"},
    "action_body_owner": {"items", "followups"},
    "action_event": {"items", "followups"},
    "attendance": {"seats"},
    "meeting_guest": {"seats"},
    "meeting": {"seats", "items"},
    "person": {"seats", "items"},
    "council": {"seats"},
    "topic": {"items"},
    "meeting_reply": {"seats"},
}
EVERYTHING = {"seats", "items", "followups"}


@dataclass(frozen=True)
class Seen:
    """How far the screen has read the council's change journal: its last change set, and how
    many were undone (an undo changes rows without a change set of its own)."""

    last: int
    undone: int


def seen_now(council: CouncilContext) -> Seen:
    last, undone = council.db.one(
        "SELECT MAX(id), COUNT(undone_at) FROM change_set WHERE council_id = :c", c=council.id
    ) or (None, 0)
    return Seen(last or 0, undone or 0)


def changed_since(council: CouncilContext, seen: Seen, *, own: set[int]) -> tuple[Seen, set[str]]:
    """The parts of the view others' change sets since ``seen`` touched (not ``own``, the
    screen's own, which it has reloaded already), and how far that reads."""
    now = seen_now(council)
    if now == seen:
        return now, set()
    if now.undone != seen.undone:
        return now, set(EVERYTHING)
    parts: set[str] = set()
    for set_id, table in council.db.rows(
        "SELECT DISTINCT r.change_set_id, r.table_name FROM change_row r "
        "JOIN change_set s ON s.id = r.change_set_id "
        "WHERE r.change_set_id > :seen AND s.council_id = :c",
        seen=seen.last,
        c=council.id,
    ):
        if set_id not in own:
            parts |= PARTS.get(table, set())
    return now, parts


# --- optimistic concurrency -----------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """A row as the screen last showed it: ``values`` of its ``columns`` (None: no such row).
    What it says, ``what``, names it in a conflict: »Beslutningen under punkt 3«."""

    table: str
    key: tuple[tuple[str, Any], ...]
    values: tuple[tuple[str, Any], ...]
    what: str

    @classmethod
    def row(cls, table: str, key: dict[str, Any], values: dict[str, Any], what: str) -> Expect:
        return cls(table, tuple(key.items()), tuple(values.items()), what)


@dataclass
class OtherChange:
    command: str
    at: datetime
    author: str | None
    undone: bool


class LiveConflict(UdsatError):
    """A row the screen was to write was changed by another since the screen showed it."""

    def __init__(self, expect: Expect, now: dict[str, Any], by: OtherChange | None) -> None:
        super().__init__(f"{expect.what} er ændret af en anden, mens du skrev; intet er gemt.")
        self.expect, self.now, self.by = expect, now, by


def check_unchanged(council: CouncilContext, expect: Expect) -> None:
    """Refuse (``LiveConflict``) the write when the row no longer holds what the screen showed.
    Runs in the write's own transaction, after the write lock: nothing can slip in between."""
    key, values = dict(expect.key), dict(expect.values)
    where = " AND ".join(f"{k} = :{k}" for k in key)
    row = council.db.one(f"SELECT {', '.join(values)} FROM {expect.table} WHERE {where}", **key)
    now = dict(zip(values, row, strict=True)) if row is not None else dict.fromkeys(values)
    if _plain(now) != _plain(values):
        raise LiveConflict(expect, now, other_change(council, expect.table, key))


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Values as both backends give them back (a boolean as 0/1 on SQLite)."""
    return {k: int(v) if isinstance(v, bool) else v for k, v in values.items()}


def other_change(council: CouncilContext, table: str, key: dict[str, Any]) -> OtherChange | None:
    """The last command that changed the row, from the change journal."""
    from udsat_cli.store.db import required_datetime

    row_key = json.dumps(key, ensure_ascii=False, sort_keys=True)  # as the journal keys a row
    found = council.db.one(
        "SELECT s.command, s.at, s.author, s.undone_at FROM change_row r "
        "JOIN change_set s ON s.id = r.change_set_id "
        "WHERE r.table_name = :t AND r.row_key = :k ORDER BY r.id DESC LIMIT 1",
        t=table,
        k=row_key,
    )
    if found is None:
        return None
    command, at, author, undone = found
    return OtherChange(command, required_datetime(at), author, undone is not None)
