"""What a council puts on the municipality's website, as data: the meeting plan, each approved
referat, the members (names and roles), the consultation answers.

Here is decided what must not be published, so no template can leak it: unapproved minutes are
left out whole; a closed item (lukket punkt) keeps only its title and the decision text approved
for publication; no e-mail address, note, reason for an absence or follow-up of a closed item is
in the data at all. Approved minutes are published as they were approved (core.approved).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ActionView
from udsat_cli.core.hearings import HearingView, hearings_answered_all
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.minutes import Reported, minutes_of
from udsat_cli.store.db import required_datetime

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class PublicItem:
    number: int
    title: str
    kind: str | None
    background: str | None
    decision: str | None
    followups: list[ActionView]  # as the minutes record them, without their notes
    closed: bool
    standing: str | None = None
    bilag: list[tuple[str, str]] = field(default_factory=list)  # (name, file on the site)


@dataclass
class PublicMinutes:
    meeting: MeetingRef
    approved: datetime
    page: str  # the file name: referat-2026-10-13.html
    participants: list[str]
    absent: list[str]  # names only: why someone was away is not for the website
    guests: list[str]
    referent: str | None
    items: list[PublicItem]
    opening_note: str | None = None  # »Velkommen til Lisbeth Andersen.«
    reported: list[Reported] | None = None  # the follow-up discussion, without its notes
    reported_under: int | None = None


@dataclass
class PublicMeeting:
    meeting: MeetingRef
    cancelled: bool
    minutes_page: str | None


@dataclass
class Site:
    council: str
    today: date
    coming: list[PublicMeeting]
    held: list[PublicMeeting]
    minutes: list[PublicMinutes]  # newest first
    members: list[tuple[str, str]]  # (name, role)
    hearings: list[HearingView]  # answered, newest first
    files: dict[str, bytes] = field(default_factory=dict)  # public bilag, by their site name


def site(council: CouncilContext) -> Site:
    from udsat_cli.core.attachments import public_bilag, web_name
    from udsat_cli.core.members import members_on

    rows = council.db.all(
        "SELECT id, date, start_time, end_time, place, cancelled, approved_at FROM meeting "
        "WHERE council_id = :c ORDER BY date, id",
        c=council.id,
    )
    pages: dict[int, str] = {}
    files: dict[str, bytes] = {}
    published = []
    for mid, day, start, end, place, cancelled, approved in rows:
        ref = MeetingRef(mid, _day(day), start, end, place)
        if approved is None or cancelled:
            continue
        record = minutes_of(council, ref)
        page = _page(ref, pages)
        pages[mid] = page
        items = [
            PublicItem(
                i.number,
                i.title,
                i.kind,
                None if i.closed else i.background,
                i.public_decision if i.closed else i.decision,
                [] if i.closed else [replace(a, note=None) for a in i.actions],
                i.closed,
                i.standing,
            )
            for i in record.items
        ]
        # Public bilag beside the referat: never a closed one, nor one of a closed item.
        open_items = {i.number: i for i in items if not i.closed}
        for n, (number, file) in enumerate(public_bilag(council, meeting_id=mid), start=1):
            if number in open_items:
                files[web_name(page, n, file.name)] = file.data
                open_items[number].bilag.append((file.name, web_name(page, n, file.name)))
        published.append(
            PublicMinutes(
                record.meeting,
                required_datetime(approved),
                page,
                record.participants,
                [a.name for a in record.absent],
                record.guests,
                record.referent,
                items,
                record.opening_note,
                [replace(r, note=None) for r in record.reported],
                record.reported_under,
            )
        )
    meetings = [
        PublicMeeting(MeetingRef(mid, _day(day), s, e, p), bool(cancelled), pages.get(mid))
        for mid, day, s, e, p, cancelled, _ in rows
    ]
    roles = {"formand": "formand", "næstformand": "næstformand", "medlem": "medlem"}
    return Site(
        council=council.name,
        today=council.today,
        coming=[m for m in meetings if m.meeting.date >= council.today],
        held=[m for m in reversed(meetings) if m.meeting.date < council.today],
        minutes=sorted(published, key=lambda m: m.meeting.date, reverse=True),
        members=[
            (m.full_name, roles.get(m.role, m.role)) for m in members_on(council, council.today)
        ],
        hearings=hearings_answered_all(council),
        files=files,
    )


def _day(value: object) -> date:
    from udsat_cli.store.db import as_date

    found = as_date(value)
    assert found is not None
    return found


def _page(meeting: MeetingRef, taken: dict[int, str]) -> str:
    base = f"referat-{meeting.date.isoformat()}"
    page, n = f"{base}.html", 2
    while page in taken.values():
        page, n = f"{base}-{n}.html", n + 1
    return page


def public_url(text: str | None) -> str | None:
    """The site's public address (--url), for its links and its feed: http or https with a
    host, nothing else (»javascript:…« would run in every reader's browser)."""
    if text is None:
        return None
    from urllib.parse import urlsplit

    from udsat_cli.errors import InputError

    url = text.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or any(c.isspace() or c in '"<>\\`' for c in url)
    ):
        raise InputError(
            f"--url skal være sidens adresse med http:// eller https://, fx "
            f"https://www.kommune.dk/raadet (ikke »{text}«)."
        )
    return url
