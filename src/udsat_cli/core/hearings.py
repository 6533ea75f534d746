"""Consultations (høringer): the municipality asks, the council answers by a deadline.

A consultation is answered at a meeting (the usual way) or by the chair alone between meetings
(a formandsbeslutning), which it must be when no meeting lies before the deadline. One sent to
several councils of a shared store is one row per council with a shared ``ref``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.store.db import as_date, required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

STATUS_LABELS = {
    "received": "modtaget",
    "in_progress": "under behandling",
    "answered": "besvaret",
    "not_answered": "ikke besvaret",
}
OPEN = ("received", "in_progress")
ANSWER_BY = {"meeting": "på et møde", "chair": "af formanden (formandsbeslutning)"}


@dataclass
class HearingView:
    id: int
    title: str
    sender: str
    received: date | None
    deadline: date
    deadline_time: str | None
    answer_by: str
    status: str
    material: str | None
    answer: str | None
    answered_on: date | None
    meeting: MeetingRef | None  # the meeting whose agenda has it (hearing add --item)
    item_number: int | None
    last_meeting_before: MeetingRef | None  # the last chance to answer at a meeting
    also_to: list[str] = field(default_factory=list)  # other councils asked the same

    @property
    def open(self) -> bool:
        return self.status in OPEN

    def overdue(self, today: date) -> bool:
        return self.open and self.deadline < today

    @property
    def needs_chair(self) -> bool:
        """Answered at a meeting, but no meeting lies before the deadline."""
        return self.open and self.answer_by == "meeting" and self.last_meeting_before is None


@dataclass
class HearingList:
    council: str
    today: date
    hearings: list[HearingView]


def status_code(text: str) -> str:
    wanted = " ".join(text.replace("-", " ").replace("_", " ").split()).casefold()
    for code, label in STATUS_LABELS.items():
        if wanted in (label, code.replace("_", " ")):
            return code
    from udsat_cli.danish import nearest

    close = nearest(wanted, STATUS_LABELS.values())
    hint = f"mente du {close}? Ellers brug" if close else "brug"
    raise InputError(
        f"Ukendt status »{text}« for en høring; {hint} en af: {', '.join(STATUS_LABELS.values())}."
    )


def _answer_by(text: str) -> str:
    wanted = text.strip().casefold()
    found = {
        "meeting": "meeting",
        "møde": "meeting",
        "mødet": "meeting",
        "chair": "chair",
        "formand": "chair",
        "formanden": "chair",
    }.get(wanted)
    if found is None:
        raise InputError(
            f"»{text}«: en høring besvares på et møde (møde) eller af formanden (formand)."
        )
    return found


def last_meeting_before(
    council: CouncilContext, deadline: date, time: str | None, *, start: date
) -> MeetingRef | None:
    """The last meeting from ``start`` that is held before the deadline (on the deadline's day
    only if it starts before the deadline's hour)."""
    plan = council.plan
    found = plan.latest_on_or_before(deadline)
    if (
        found is not None
        and found.date == deadline
        and not (time and found.start and found.start < time)
    ):
        found = plan.latest_on_or_before(deadline - timedelta(days=1))
    return found if found is not None and found.date >= start else None


def add_hearing(
    council: CouncilContext,
    *,
    title: str,
    sender: str,
    deadline: str,
    received: str | None = None,
    material: str | None = None,
    answer_by: str = "meeting",
    item_meeting: str | None = None,
    also_to: tuple[str, ...] = (),
) -> int:
    """Record a consultation; warns (on stderr) when no meeting lies before its deadline."""
    import secrets

    from udsat_cli.store.models import Hearing

    title, sender = " ".join(title.split()), " ".join(sender.split())
    if not title or not sender:
        raise InputError("En høring skal have en titel og en afsender (--from).")
    when = dates.read_when(deadline, today=council.today)
    day, time = when.date, when.time
    assert day is not None  # read_when refuses a reading without one
    got = dates.parse_date(received, today=council.today) if received else council.today
    if got > day:
        raise InputError(
            f"Høringen kan ikke være modtaget efter sin frist ({dates.long_date(day)})."
        )
    how = _answer_by(answer_by)
    ref = secrets.token_hex(8)
    councils = [(council.id, council.name), *_other_councils(council, also_to)]
    first = None
    for cid, _name in councils:
        row = Hearing(
            council_id=cid,
            ref=ref,
            title=title,
            sender=sender,
            received=got,
            deadline=day,
            deadline_time=time,
            answer_by=how,
            status="received",
            material=material.strip() if material and material.strip() else None,
            created_at=council.now,
        )
        council.writing.add(row)
        council.writing.flush()
        first = first or row
    assert first is not None  # the councils hold this one at least
    if item_meeting:
        _put_on_agenda(council, first, item_meeting)
    if day < council.today:
        council.notices.append(f"Fristen {dates.long_date_at(day, time)} er allerede overskredet.")
    elif (
        how == "meeting"
        and first.item_id is None
        and (last_meeting_before(council, day, time, start=council.today) is None)
    ):
        council.notices.append(
            f"Intet møde i {council.name} ligger før fristen {dates.long_date_at(day, time)}: "
            "svaret må blive en formandsbeslutning "
            f"(udsat hearing edit {first.id} --answer formand)."
        )
    return first.id


def _other_councils(council: CouncilContext, names: tuple[str, ...]) -> list[tuple[int, str]]:
    # Compared in Python: SQLite's lower() leaves »Æ« as it is.
    rows = council.db.rows("SELECT id, name FROM council")
    councils = {name.casefold(): (cid, name) for cid, name in rows}
    found = []
    for name in names:
        row = councils.get(" ".join(name.split()).casefold())
        if row is None:
            raise NotFoundError(f"Der er intet råd ved navn »{name}« i lageret.")
        if row[0] != council.id and row not in found:
            found.append(row)
    return found


def _put_on_agenda(council: CouncilContext, hearing, meeting_ref: str) -> None:
    from udsat_cli.core.items import ensure_item
    from udsat_cli.core.meetings import find_meeting

    try:
        meeting = find_meeting(council, meeting_ref)
    except InputError:  # »næste møde«, »mødet i september«: read as a deadline is read
        from udsat_cli.core.deadlines import explain

        read = explain(council, today=council.today, text=meeting_ref).meeting
        if read is None:
            raise
        meeting = read
    if meeting.date > hearing.deadline:
        raise InputError(
            f"Mødet {dates.long_date(meeting.date)} ligger efter høringsfristen "
            f"{dates.long_date(hearing.deadline)}."
        )
    item = ensure_item(
        council,
        meeting_id=meeting.id,
        title=f"Høring: {hearing.title}",
        kind="beslutning",
        background=_background(hearing),
    )
    hearing.item_id = item.id
    council.writing.add(hearing)
    council.writing.flush()


def _background(hearing) -> str:
    lines = [
        f"Høring fra {hearing.sender}. Høringsfrist: "
        f"{dates.long_date_at(hearing.deadline, hearing.deadline_time)}."
    ]
    if hearing.material:
        lines.append(f"Materiale: {hearing.material}")
    return "\n".join(lines)


def _row(council: CouncilContext, hearing_id: int):
    from udsat_cli.store.models import Hearing

    row = council.writing.get(Hearing, hearing_id)
    if row is None or row.council_id != council.id:
        raise NotFoundError(
            f"Høring #{hearing_id} findes ikke i {council.name}; se høringerne med: "
            "udsat hearing list."
        )
    return row


def answer_hearing(
    council: CouncilContext,
    *,
    hearing_id: int,
    text: str | None = None,
    on: str | None = None,
) -> str:
    """Record the council's answer (høringssvar): its text (from ``read_answer`` when it came in
    a file, read before the write began) and the day it was sent."""
    row = _row(council, hearing_id)
    if row.status == "answered":
        raise UdsatError(
            f"Høring #{hearing_id} er allerede besvaret "
            f"({dates.long_date(required_date(row.answered_on))})."
        )
    answer = (text or "").strip()
    if not answer:
        raise InputError("Skriv høringssvaret med --text, eller giv filen med --file.")
    row.answer = answer
    row.answered_on = dates.parse_date(on, today=council.today) if on else council.today
    row.status = "answered"
    council.writing.add(row)
    council.writing.flush()
    return row.title


def read_answer(path: Path) -> str:
    """The text of a høringssvar: a Word file's paragraphs, or a text file, read through the
    door (limits): at most 10 MB, a Word file checked before it is unpacked."""
    from udsat_cli import limits

    data = limits.read_file(path, limits.TEXT, what="høringssvar")
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() == ".docx":
        limits.check_zip(path, data, what="et høringssvar")
        doc = limits.WordFile(str(path), data).document()
        answer = "\n".join(p.text for p in doc.paragraphs if p.text.strip()).strip()
    elif b"\x00" in data:
        raise InputError(f"{path} er hverken et Word-dokument eller tekst.")
    else:
        try:
            answer = data.decode("utf-8-sig").strip()
        except UnicodeDecodeError:
            raise InputError(f"{path} er hverken et Word-dokument eller tekst i UTF-8.") from None
    if len(answer) > limits.TEXT:
        raise InputError(f"Høringssvaret i {path} er for langt (over 10 MB tekst).")
    return answer


def edit_hearing(
    council: CouncilContext,
    *,
    hearing_id: int,
    status: str | None = None,
    answer_by: str | None = None,
    deadline: str | None = None,
) -> str:
    row = _row(council, hearing_id)
    if status is not None:
        row.status = status_code(status)
        if row.status != "answered":
            row.answered_on = None
        elif row.answered_on is None:  # answered without »hearing answer«: answered today
            row.answered_on = council.today
    if answer_by is not None:
        row.answer_by = _answer_by(answer_by)
    if deadline is not None:
        when = dates.read_when(deadline, today=council.today)
        row.deadline, row.deadline_time = when.date, when.time
    council.writing.add(row)
    council.writing.flush()
    return row.title


_SELECT = """
SELECT h.id, h.title, h.sender, h.received, h.deadline, h.deadline_time, h.answer_by, h.status,
       h.material, h.answer, h.answered_on, h.ref, m.id, m.date, m.start_time, m.end_time,
       m.place, i.number
FROM hearing h
LEFT JOIN agenda_item i ON i.id = h.item_id
LEFT JOIN meeting m ON m.id = i.meeting_id
"""


def _select_hearings(council: CouncilContext, *, where: str, **params) -> list[HearingView]:
    rows = council.db.all(
        _SELECT + "WHERE h.council_id = :c AND " + where + " ORDER BY h.deadline, h.id",
        c=council.id,
        **params,
    )
    refs = sorted({row[11] for row in rows})
    others: dict[str, list[str]] = {}
    if refs:
        from udsat_cli.store.db import in_list

        marks, names = in_list("r", refs)
        for ref, name in council.db.rows(
            "SELECT h.ref, c.name FROM hearing h JOIN council c ON c.id = h.council_id "
            f"WHERE h.ref IN {marks} AND h.council_id <> :c ORDER BY c.name",
            c=council.id,
            **names,
        ):
            others.setdefault(ref, []).append(name)
    found = []
    for (
        hid,
        title,
        sender,
        received,
        deadline,
        time,
        how,
        status,
        material,
        answer,
        answered,
        ref,
        mid,
        mdate,
        start,
        end,
        place,
        number,
    ) in rows:
        deadline = required_date(deadline)
        meeting = MeetingRef(mid, required_date(mdate), start, end, place) if mid else None
        found.append(
            HearingView(
                hid,
                title,
                sender,
                as_date(received),
                deadline,
                time,
                how,
                status,
                material,
                answer,
                as_date(answered),
                meeting,
                number,
                last_meeting_before(council, deadline, time, start=council.today),
                others.get(ref, []),
            )
        )
    return found


def hearing_list(council: CouncilContext, *, open_only: bool = False) -> HearingList:
    where = "h.status IN ('received', 'in_progress')" if open_only else "1 = 1"
    return HearingList(council.name, council.today, _select_hearings(council, where=where))


def hearings_answered_all(council: CouncilContext) -> list[HearingView]:
    """Every consultation the council has answered, newest answer first."""
    found = _select_hearings(council, where="h.status = 'answered'")
    return sorted(found, key=lambda h: (h.answered_on or date.min, h.id), reverse=True)


def hearings_due(council: CouncilContext, *, until: date) -> list[HearingView]:
    """Open consultations whose deadline falls by ``until`` (passed ones too)."""
    return _select_hearings(
        council, where="h.status IN ('received', 'in_progress') AND h.deadline <= :u", u=until
    )


def hearings_for_meeting(council: CouncilContext, meeting: MeetingRef) -> list[HearingView]:
    """What the meeting is to answer: consultations on its agenda, and open ones to be answered
    at a meeting for which it is the last meeting before the deadline."""
    found = _select_hearings(
        council,
        where="(i.meeting_id = :m OR (h.status IN ('received', 'in_progress') "
        "AND h.answer_by = 'meeting' AND h.item_id IS NULL AND h.deadline >= :d))",
        m=meeting.id,
        d=meeting.date,
    )
    chosen = []
    for hearing in found:
        if hearing.meeting is not None:
            chosen.append(hearing)
            continue
        last = last_meeting_before(
            council, hearing.deadline, hearing.deadline_time, start=meeting.date
        )
        if last is not None and last.id == meeting.id:
            chosen.append(hearing)
    return chosen


def hearings_answered(
    council: CouncilContext, *, after: date | None, until: date, meeting_id: int | None = None
) -> list[HearingView]:
    """Consultations answered in (after, until], or on the agenda of ``meeting_id``."""
    return _select_hearings(
        council,
        where="h.status = 'answered' AND ((h.answered_on > :a AND h.answered_on <= :u) "
        "OR i.meeting_id = :m)",
        a=after or date(1900, 1, 1),
        u=until,
        m=meeting_id if meeting_id is not None else -1,
    )
