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
from pathlib import Path
from typing import TYPE_CHECKING

from udsat_cli.core.actions import ActionView
from udsat_cli.core.hearings import HearingView, hearings_answered_all
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.minutes import Reported, minutes_of
from udsat_cli.store.db import as_datetime

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
                i.number, i.title, i.kind,
                None if i.closed else i.background,
                i.public_decision if i.closed else i.decision,
                [] if i.closed else [replace(a, note=None) for a in i.actions],
                i.closed, i.standing,
            )  # fmt: skip
            for i in record.items
        ]
        # Public bilag beside the referat: never a closed one, nor one of a closed item.
        open_items = {i.number: i for i in items if not i.closed}
        for n, (number, file) in enumerate(public_bilag(council, meeting_id=mid), start=1):
            if number in open_items:
                files[web_name(page, n, file.name)] = file.data
                open_items[number].bilag.append((file.name, web_name(page, n, file.name)))
        published.append(PublicMinutes(
            record.meeting, as_datetime(approved), page, record.participants,
            [a.name for a in record.absent], record.guests, record.referent, items,
            record.opening_note, [replace(r, note=None) for r in record.reported],
            record.reported_under,
        ))  # fmt: skip
    meetings = [
        PublicMeeting(MeetingRef(mid, _day(day), s, e, p), bool(cancelled), pages.get(mid))
        for mid, day, s, e, p, cancelled, _ in rows
    ]
    roles = {"formand": "formand", "næstformand": "næstformand", "medlem": "medlem"}
    return Site(
        council=council.name, today=council.today,
        coming=[m for m in meetings if m.meeting.date >= council.today],
        held=[m for m in reversed(meetings) if m.meeting.date < council.today],
        minutes=sorted(published, key=lambda m: m.meeting.date, reverse=True),
        members=[(m.full_name, roles.get(m.role, m.role))
                 for m in members_on(council, council.today)],
        hearings=hearings_answered_all(council),
        files=files,
    )  # fmt: skip


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


MARK = ".udsat-site"  # a folder udsat made; only such a folder is ever replaced


@dataclass
class Published:
    folder: str
    new: list[str]
    changed: list[str]
    unchanged: list[str]
    removed: list[str]


def write_site(folder: Path, files: dict[str, bytes]) -> Published:
    """Write the site into ``folder`` whole or not at all: built in a new folder beside it, then
    swapped in. A file whose content is the same keeps its time stamp, so copying the folder on
    to the web server (rsync, a file share) moves only what changed."""
    import os
    import shutil
    import tempfile

    from udsat_cli.errors import InputError

    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder} er en fil, ikke en mappe.")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARK).exists():
        raise InputError(
            f"Mappen {folder} indeholder andet end en udsat-side; udsat skriver kun i en tom "
            "mappe eller i en, den selv har lavet."
        )
    parent = folder.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix=f".{folder.name}-ny-", dir=parent))
    except OSError as exc:
        raise InputError(f"Kan ikke skrive i {parent}: {exc.strerror}.") from None
    old_files = {p.name for p in folder.iterdir() if p.is_file()} - {MARK} if folder.is_dir() \
        else set()  # fmt: skip
    new, changed, unchanged = [], [], []
    try:
        for name, data in sorted(files.items()):
            target = build / name
            before = folder / name
            if name in old_files and before.read_bytes() == data:
                shutil.copy2(before, target)  # the same bytes and the same time stamp
                unchanged.append(name)
                continue
            target.write_bytes(data)
            (changed if name in old_files else new).append(name)
        (build / MARK).write_text("Lavet af udsat publish; mappen erstattes ved næste udgivelse.\n",
                                  encoding="utf-8")  # fmt: skip
        os.chmod(build, 0o755)
        if folder.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}-gammel-", dir=parent))
            os.rename(folder, retired / folder.name)
            os.rename(build, folder)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(build, folder)
    except BaseException:
        shutil.rmtree(build, ignore_errors=True)
        raise
    removed = sorted(old_files - set(files))
    return Published(str(folder), new, changed, unchanged, removed)
