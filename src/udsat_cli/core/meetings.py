"""Meetings: the plan (reads), planning, moving and cancelling (writes), and the meeting list.

Meeting-anchored deadlines ("næste møde", "mødet i juni") are resolved against the plan whenever
they are read, so every change here moves them too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple, overload

from udsat_cli import dates
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import Row, required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger numbers name nothing
MAX_SERIES = 200


# A NamedTuple, not a dataclass: a dataclass costs ~0.5 ms to define, and every command loads this.
class MeetingRef(NamedTuple):
    id: int
    date: date
    start: str | None
    end: str | None
    place: str | None


_COLUMNS = "id, date, start_time, end_time, place"


@overload
def _ref(row: Row) -> MeetingRef: ...
@overload
def _ref(row: Row | None) -> MeetingRef | None: ...
def _ref(row: Row | None) -> MeetingRef | None:
    if row is None:
        return None
    return MeetingRef(row[0], required_date(row[1]), row[2], row[3], row[4])


class Plan:
    """A council's meetings in date order, for resolving meeting-anchored deadlines."""

    def __init__(self, meetings: list[MeetingRef]) -> None:
        self.meetings = meetings
        self.dates = [m.date for m in meetings]
        self.by_id = {m.id: m for m in meetings}

    def first_on_or_after(self, day: date) -> MeetingRef | None:
        i = bisect_left(self.dates, day)
        return self.meetings[i] if i < len(self.meetings) else None

    def latest_on_or_before(self, day: date) -> MeetingRef | None:
        i = bisect_right(self.dates, day)
        return self.meetings[i - 1] if i else None

    def nth_after(self, day: date, n: int) -> MeetingRef | None:
        i = bisect_right(self.dates, day) + n - 1
        return self.meetings[i] if i < len(self.meetings) else None

    def on(self, day: date) -> MeetingRef | None:
        i = bisect_left(self.dates, day)
        return self.meetings[i] if i < len(self.meetings) and self.dates[i] == day else None

    def count_between(self, after: date, before: date) -> int:
        """Meetings strictly between two dates."""
        return max(0, bisect_left(self.dates, before) - bisect_right(self.dates, after))


def load_plan(council: CouncilContext) -> Plan:
    return Plan(
        [
            _ref(row)
            for row in council.db.rows(
                f"SELECT {_COLUMNS} FROM meeting "
                "WHERE council_id = :c AND cancelled = :no ORDER BY date, id",
                c=council.id,
                no=False,
            )
        ]
    )


class CancelledMeeting(NotFoundError):
    """The meeting named exists, but it was cancelled."""


def find_meeting(council: CouncilContext, ref: str, *, cancelled: bool = False) -> MeetingRef:
    """REF is a meeting's number or its date. ``cancelled``: a cancelled meeting may be named;
    otherwise naming one says that it was cancelled (never that it does not exist)."""
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        row = int(ref) <= MAX_ID and council.db.one(
            f"SELECT {_COLUMNS}, cancelled FROM meeting WHERE id = :id AND council_id = :c",
            id=int(ref),
            c=council.id,
        )
        if not row:
            raise NotFoundError(
                f"Møde {ref} findes ikke i {council.name}; se møderne med: udsat meeting list."
            )
        if row[5] and not cancelled:
            raise _cancelled(_ref(row[:5]))
        return _ref(row[:5])
    when = dates.parse_date(ref, today=council.today)
    found = council.plan.on(when)
    if found is None:
        gone = _ref(
            council.db.one(
                f"SELECT {_COLUMNS} FROM meeting WHERE council_id = :c AND date = :d "
                "ORDER BY id DESC",
                c=council.id,
                d=when,
            )
        )
        if gone is not None and not cancelled:
            raise _cancelled(gone)
        found = gone
    if found is None:
        raise NotFoundError(
            f"{council.name} har intet møde d. {dates.long_date(when)}; "
            "se møderne med: udsat meeting list."
        )
    return found


def _cancelled(meeting: MeetingRef) -> CancelledMeeting:
    return CancelledMeeting(
        f"Mødet d. {dates.long_date(meeting.date)} (møde {meeting.id}) er aflyst; se møderne "
        "med: udsat meeting list."
    )


def refuse_if_approved(council: CouncilContext, meeting: MeetingRef, *, reopen: bool) -> None:
    """Approved minutes stay as approved, unless the change is asked for with --reopen, which
    takes the approval back (the approved version stays kept, see core.approved)."""
    if council.db.scalar("SELECT approved_at FROM meeting WHERE id = :m", m=meeting.id) is None:
        return
    when = dates.long_date(meeting.date)
    if not reopen:
        raise UdsatError(
            f"Referatet af mødet {when} er godkendt og ændres ikke; brug --reopen, hvis det skal "
            "ændres alligevel"
        )
    from udsat_cli.core.approved import reopen_minutes

    reopen_minutes(council, meeting_id=meeting.id)
    council.notify(
        f"Referatet af mødet {when} er åbnet igen (den godkendte udgave er gemt, se udsat log); "
        f"godkend det igen med: udsat minutes approve {meeting.id}."
    )


def has_minutes(council: CouncilContext, meeting_id: int) -> bool:
    """Whether a meeting's record holds what only a held meeting has: approved minutes, a
    decision, a follow-up, an opening note, a referent, an afbud or a guest."""
    return bool(
        council.db.scalar(
            "SELECT 1 FROM meeting m WHERE m.id = :m AND (m.approved_at IS NOT NULL "
            "OR m.opening_note IS NOT NULL OR m.referent_id IS NOT NULL "
            "OR EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = m.id "
            "AND i.decision IS NOT NULL) "
            "OR EXISTS (SELECT 1 FROM action a WHERE a.meeting_id = m.id) "
            "OR EXISTS (SELECT 1 FROM attendance t WHERE t.meeting_id = m.id "
            "AND t.status <> 'present') "
            "OR EXISTS (SELECT 1 FROM meeting_guest g WHERE g.meeting_id = m.id))",
            m=meeting_id,
        )
    )


def _refuse_held(council: CouncilContext, found: MeetingRef, *, cancel: bool, reopen: bool) -> None:
    """A held meeting stays as it was held: one that lies in the past or has minutes is moved
    only as a correction of its date (--reopen), and one with minutes is never cancelled."""
    when = dates.long_date(found.date)
    recorded = has_minutes(council, found.id)
    if cancel and recorded:
        raise UdsatError(
            f"Mødet d. {when} er holdt og har et referat; et holdt møde kan ikke aflyses."
        )
    if reopen or not (recorded or found.date < council.today):
        return
    if cancel:
        raise UdsatError(
            f"Mødet d. {when} ligger før i dag; blev det ikke holdt, så aflys det med --reopen."
        )
    why = "har et referat" if recorded else "ligger før i dag"
    raise UdsatError(
        f"Mødet d. {when} {why}; et holdt møde flyttes ikke. Er det en rettelse af datoen, "
        "så flyt det med --reopen."
    )


def latest_meeting(council: CouncilContext, *, on_or_before: date) -> MeetingRef | None:
    return council.plan.latest_on_or_before(on_or_before)


def next_meeting(council: CouncilContext, *, on_or_after: date | None = None) -> MeetingRef | None:
    """The first meeting on or after a day; without one, the council's next meeting as of
    ``council.now``: today's until it is over, then the one after it."""
    if on_or_after is not None:
        return council.plan.first_on_or_after(on_or_after)
    found = council.plan.first_on_or_after(council.today)
    if found is not None and found.date == council.today and is_over(council, found):
        return council.plan.nth_after(council.today, 1)
    return found


HELD_FOR = 120  # minutes a meeting with no end time is taken to last


def is_over(council: CouncilContext, meeting: MeetingRef) -> bool:
    """Whether today's meeting is over: past its end (or two hours after its start, without an
    end), or its minutes are begun (a decision on an item, or the attendance recorded)."""
    now = council.now.strftime("%H:%M")
    end = meeting.end
    if end is None and meeting.start is not None:
        begin = int(meeting.start[:2]) * 60 + int(meeting.start[3:])
        minutes = min(begin + HELD_FOR, 23 * 60 + 59)
        end = f"{minutes // 60:02d}:{minutes % 60:02d}"
    if end is not None and now > end:
        return True
    decided = council.db.scalar(
        "SELECT EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = :m "
        "AND decision IS NOT NULL AND decision <> '')",
        m=meeting.id,
    )
    if decided:
        return True
    # The roll is taken when the meeting opens (or an afbud is noted on the day): only from
    # its start time does that mean the meeting is under way.
    rolled = council.db.scalar("SELECT roll_taken_at FROM meeting WHERE id = :m", m=meeting.id)
    return rolled is not None and (meeting.start is None or now >= meeting.start)


# --- the meeting list -------------------------------------------------------------------------


@dataclass
class MeetingRow:
    meeting: MeetingRef
    cancelled: bool


@dataclass
class MeetingList:
    council: str
    meetings: list[MeetingRow]


def meeting_list(council: CouncilContext, *, include_cancelled: bool = True) -> MeetingList:
    rows = [
        MeetingRow(_ref(row[:5]), bool(row[5]))
        for row in council.db.rows(
            f"SELECT {_COLUMNS}, cancelled FROM meeting WHERE council_id = :c ORDER BY date, id",
            c=council.id,
        )
    ]
    if not include_cancelled:
        rows = [r for r in rows if not r.cancelled]
    return MeetingList(council.name, rows)


# --- planning ---------------------------------------------------------------------------------


def _refuse_taken(council: CouncilContext, day: date, *, moving: int | None = None) -> None:
    taken = council.plan.on(day)
    if taken and taken.id != moving:
        raise UdsatError(f"{council.name} har allerede et møde d. {dates.long_date(day)}.")


def _place(place: str | None) -> str | None:
    return " ".join(place.split()) if place and place.strip() else None


_ORDINALS = {
    "første": 1,
    "anden": 2,
    "andet": 2,
    "tredje": 3,
    "fjerde": 4,
    "femte": 5,
    "sidste": -1,
}


class Every:
    """How a series recurs: every N days (on a given weekday, if ``weekday`` is set), every N
    months on the same day, or the N-th (or last, -1) weekday of each month."""

    def __init__(
        self, *, days: int = 0, months: int = 0, nth: int = 0, weekday: int | None = None
    ) -> None:
        self.days, self.months, self.nth, self.weekday = days, months, nth, weekday

    def dates(self, start: date, until: date) -> list[date]:
        if self.nth:
            return _nth_weekdays(start, until, self.nth, self.weekday or 0)
        from dateutil.relativedelta import relativedelta

        if self.days and self.weekday is not None:  # »hver torsdag« from a Monday: that Thursday
            start += timedelta(days=(self.weekday - start.weekday()) % 7)
        found: list[date] = []
        k = 0
        while True:
            months = relativedelta(months=self.months * k)
            day = start + (months if self.months else timedelta(self.days * k))
            if day > until:
                return found
            found.append(day)
            k += 1
            if len(found) > MAX_SERIES:
                raise InputError(f"Det giver over {MAX_SERIES} møder; vælg en kortere periode.")


def _nth_weekdays(start: date, until: date, nth: int, weekday: int) -> list[date]:
    import calendar

    found = []
    year, month = start.year, start.month
    while date(year, month, 1) <= until:
        days = [
            d
            for d in calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday
        ]
        if len(days) >= abs(nth):
            day = days[nth - 1] if nth > 0 else days[nth]
            if start <= day <= until:
                found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if len(found) > MAX_SERIES:
            raise InputError(f"Det giver over {MAX_SERIES} møder; vælg en kortere periode.")
    return found


def parse_every(text: str) -> Every:
    """»4 uger«, »hver måned«, »14 dage«, »2. torsdag (i måneden)«, »sidste tirsdag«,
    »første mandag i måneden«, »hver torsdag«, »hver anden onsdag«, »hver 3. tirsdag«."""
    phrase = " ".join(text.lower().replace("hvert ", "hver ").split())
    phrase = re.sub(r" i (?:hver )?måned(?:en)?$", "", phrase)
    at = re.fullmatch(r"(?P<every>hver )?(?:den )?(?:(?P<n>\d+\.?|\w+) )?(?P<wd>\w+)", phrase)
    weekday = dates.weekday_number(at["wd"].removesuffix("en")) if at else None
    if at and weekday is not None:
        n = (at["n"] or "").rstrip(".")
        count = int(n) if n.isdigit() else _ORDINALS.get(n, dates.NUMBERS.get(n)) if n else None
        if at["every"] or not n:  # »hver torsdag«, »hver anden torsdag«, »hver 3. torsdag«
            weeks = 1 if not n else 2 if n in ("anden", "andet") else count
            if not weeks or weeks < 1:
                raise InputError(f"Kan ikke læse intervallet »{text}«.")
            return Every(days=7 * weeks, weekday=weekday)
        if count is None or not (1 <= count <= 5 or count == -1):
            raise InputError(
                f"Kan ikke læse intervallet »{text}«; en måned har den 1.–5. eller sidste "
                f"{dates.WEEKDAYS[weekday]}."
            )
        return Every(nth=count, weekday=weekday)
    m = re.fullmatch(
        r"(?:hver )?(\d+|en|et|to|tre|fire|fem|seks)? ?(dag|dage|uge|uger|måned|måneder)", phrase
    )
    if not m:
        raise InputError(
            f"Kan ikke læse intervallet »{text}«; skriv fx »4 uger«, »1 måned« eller "
            "»2. torsdag i måneden«."
        )
    n = int(m[1]) if m[1] and m[1].isdigit() else dates.NUMBERS.get(m[1] or "en", 1)
    if n < 1:
        raise InputError("Intervallet skal være mindst 1.")
    if m[2].startswith("måned"):
        return Every(months=n)
    return Every(days=n * (7 if m[2].startswith("uge") else 1))


class PlannedDay(NamedTuple):
    date: date
    start: str | None
    end: str | None


def holiday_seasons(council: CouncilContext) -> dict[str, tuple[str, str]]:
    """The council's seasons that are holidays (sommerferien, juleferien, vinterferien, …: a
    season named as a »ferie«), as it has set them or the shipped defaults."""
    return {name: span for name, span in council.seasons.items() if "ferie" in name}


def _holiday(council: CouncilContext, day: date) -> tuple[str, date] | None:
    """The holiday season ``day`` lies in, with its last day."""
    for name, (first, last) in holiday_seasons(council).items():
        for year in (day.year - 1, day.year):  # juleferien runs into the next year
            start = date(year, int(first[:2]), int(first[3:]))
            end = date(year + (last < first), int(last[:2]), int(last[3:]))
            if start <= day <= end:
                return name, end
    return None


def day_off(council: CouncilContext, day: date) -> str | None:
    """Why the council does not meet on ``day`` (»en lørdag«, »2. pinsedag«, »i sommerferien«),
    or None on one of its working days."""
    if found := _holiday(council, day):
        return f"i {found[0]}"
    return dates.day_off(day)


def working_day(council: CouncilContext, day: date) -> date:
    """The day itself, or the first working day after it, past a weekend, a public holiday or
    one of the council's holiday seasons."""
    moved = day
    while True:
        if found := _holiday(council, moved):
            moved = found[1] + timedelta(days=1)
        elif dates.day_off(moved) is not None:
            moved += timedelta(days=1)
        else:
            return moved


def _on_working_days(council: CouncilContext, days: list[date]) -> list[date]:
    """A series moved off the days nobody meets, each move said on stderr; a day moved onto a
    day the series already has is dropped, and that is said too."""
    moved = [working_day(council, d) for d in days]
    kept = {day for day, to in zip(days, moved, strict=True) if day == to}
    for day, to in zip(days, moved, strict=True):
        if day == to:
            continue
        why = f"{dates.long_date(day)} er {day_off(council, day)}"
        if to in kept:
            council.notify(
                f"{why}; mødet udgår, da der allerede er et møde {dates.weekday_date(to)}."
            )
        else:
            council.notify(f"{why}; mødet er lagt {dates.weekday_date(to)}.")
            kept.add(to)
    return sorted(kept)


def plan_days(
    council: CouncilContext,
    *,
    whens: list[str] | None = None,
    every: str | None = None,
    start: str | None = None,
    until: str | None = None,
    time: str | None = None,
    any_day: bool = False,
) -> list[PlannedDay]:
    """The days ``plan_meetings`` would plan, with their times, written nowhere (``meeting plan
    --dry-run``): given days, or a series from ``start`` to ``until``. A series never falls on
    a weekend, a public holiday or in one of the council's holiday seasons unless ``any_day``:
    such a day moves to the next working day. A day given by name is kept, with a word on stderr
    if it is not a working day. A day the council already meets on is refused."""
    today = council.today
    clock: tuple[str | None, str | None] = (None, None)
    if time:
        _, *parts = dates.parse_meeting_time(f"{today.isoformat()} kl. {time}", today=today)
        clock = (parts[0], parts[1])
    planned: list[PlannedDay] = []
    if whens:
        if every or start or until:
            raise InputError(
                "Angiv enten datoerne eller --every med --from og --until, ikke begge."
            )
        for when in whens:
            reading = dates.read_when(when, today=today)
            day = reading.date
            assert day is not None
            if reading.year_filled:
                council.notify(f"Læste »{' '.join(when.split())}« som {dates.long_date(day)}.")
            if (why := day_off(council, day)) and not any_day:
                council.notify(f"Bemærk: {dates.long_date(day)} er {why}.")
            planned.append(PlannedDay(day, reading.time or clock[0], reading.end_time or clock[1]))
    else:
        if not (every and start and until):
            raise InputError("En mødeserie kræver --every, --from og --until.")
        first = dates.parse_date(start, today=today)
        last = dates.parse_date(until, today=today)
        if last < first:
            raise InputError("--until ligger før --from.")
        days = parse_every(every).dates(first, last)
        if not any_day:
            days = _on_working_days(council, days)
        planned = [PlannedDay(d, clock[0], clock[1]) for d in days]
    seen: set[date] = set()
    for planned_day in planned:
        _refuse_taken(council, planned_day.date)
        if planned_day.date in seen:
            raise UdsatError(
                f"{dates.long_date(planned_day.date)} er angivet to gange; rådet "
                "holder ét møde om dagen."
            )
        seen.add(planned_day.date)
    return planned


def plan_meetings(
    council: CouncilContext,
    *,
    whens: list[str] | None = None,
    every: str | None = None,
    start: str | None = None,
    until: str | None = None,
    time: str | None = None,
    place: str | None = None,
    any_day: bool = False,
) -> list[MeetingRef]:
    """Plan meetings at ``place`` on the days ``plan_days`` finds; a meeting to come starts with
    the council's standing points as its items."""
    from udsat_cli.core.standing import add_standing_items
    from udsat_cli.store.models import Meeting

    session = council.writing
    added = []
    for day, begin, end in plan_days(
        council, whens=whens, every=every, start=start, until=until, time=time, any_day=any_day
    ):
        meeting = Meeting(
            council_id=council.id,
            date=day,
            start_time=begin,
            end_time=end,
            place=_place(place),
            created_at=council.now,
        )
        session.add(meeting)
        session.flush()
        if day >= council.today:  # a meeting to come: its agenda starts with the standing points
            add_standing_items(council, meeting_id=meeting.id)
        added.append(MeetingRef(meeting.id, day, begin, end, meeting.place))
    council.replan()
    return added


def add_meeting(council: CouncilContext, *, when: str, place: str | None = None) -> MeetingRef:
    return plan_meetings(council, whens=[when], place=place)[0]


def move_meeting(
    council: CouncilContext, *, ref: str, when: str, reopen: bool = False
) -> tuple[MeetingRef, MeetingRef]:
    """Move a meeting to another day (and time, if given); returns (before, after). A held
    meeting is moved only as a correction (``reopen``), which takes its approval back."""
    from udsat_cli.store.models import Meeting

    found = find_meeting(council, ref)
    day, begin, end = dates.parse_meeting_time(when, today=council.today)
    _refuse_held(council, found, cancel=False, reopen=reopen)
    refuse_if_approved(council, found, reopen=reopen)
    _refuse_taken(council, day, moving=found.id)
    meeting = council.writing.get_one(Meeting, found.id)
    meeting.date = day
    meeting.revision += 1
    if begin:
        meeting.start_time, meeting.end_time = begin, end
    council.writing.add(meeting)
    council.writing.flush()
    council.replan()
    return found, MeetingRef(meeting.id, day, meeting.start_time, meeting.end_time, meeting.place)


def cancel_meeting(council: CouncilContext, *, ref: str, reopen: bool = False) -> MeetingRef:
    """Cancel a meeting: it leaves the plan, but stays in the list as »aflyst«. A meeting with
    minutes is never cancelled; one in the past only as a correction (``reopen``)."""
    from udsat_cli.store.models import Meeting

    found = find_meeting(council, ref, cancelled=True)
    meeting = council.writing.get_one(Meeting, found.id)
    if meeting.cancelled:
        raise UdsatError(f"Mødet d. {dates.long_date(meeting.date)} er allerede aflyst.")
    _refuse_held(council, found, cancel=True, reopen=reopen)
    meeting.cancelled = True
    meeting.revision += 1
    council.writing.add(meeting)
    council.writing.flush()
    council.replan()
    return found
