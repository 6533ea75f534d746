"""Bilag: files kept with an agenda item (PDF, Word, Excel, images), listed by name on the agenda
and in the minutes, attached to the notice of meeting and published beside the approved referat.

A closed bilag (``--closed``, or any bilag of a closed item) never leaves the store: it is not
mailed and not published, only named on the agenda and in the minutes the members get. What one
notice may carry is capped by the council (``council set --attachment-limit``, default 20 MB,
as most mail servers take 25 MB and base64 adds a third); over it the notice is refused before
anything is sent, naming the largest files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError, NotFoundError, UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

MB = 1024 * 1024
DEFAULT_LIMIT_MB = 20
MAX_FILE = 20 * MB  # one bilag, read no further (the importer's limit for one referat)
MAX_NAME = 200

# Extension -> (media type, the bytes such a file starts with)
KINDS = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".gif": ("image/gif", (b"GIF87a", b"GIF89a")),
}
_KIND_NAMES = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls) eller billeder (.png, .jpg, .gif)"


@dataclass(frozen=True)
class BilagFile:
    """A bilag with its bytes, as the notice and the site send it on."""

    name: str
    media_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class Attached:
    meeting_id: int
    number: int  # the item's
    name: str
    size: int
    closed: bool


def size_text(size: int) -> str:
    """»2,4 MB«, »310 kB«: a file's size as people read it."""
    if size >= MB:
        return f"{size / MB:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def _clean_name(name: str) -> str:
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join("".join(c if c.isprintable() else " " for c in name).split())
    if not name or name in (".", ".."):
        raise InputError("Bilaget skal have et filnavn.")
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = stem[: MAX_NAME - len(ext) - 1] + dot + ext
    return name


def media_type(name: str, data: bytes) -> str:
    """The file's type, from its name and checked against its first bytes (a .pdf that is no
    PDF is refused: members must be able to open what they get)."""
    import os
    import unicodedata

    ext = os.path.splitext(unicodedata.normalize("NFC", name))[1].lower()
    if ext not in KINDS:
        raise InputError(f"{name} kan ikke være bilag; udsat tager {_KIND_NAMES}.")
    kind, starts = KINDS[ext]
    if not data.startswith(starts):
        raise InputError(f"{name} er ikke en {ext[1:].upper()}-fil, som navnet siger.")
    if starts == (b"PK\x03\x04",):
        _refuse_zip_bomb(name, data)
    return kind


def _refuse_zip_bomb(name: str, data: bytes) -> None:
    from pathlib import Path

    from udsat_cli.limits import check_zip

    try:
        check_zip(Path(name), data)
    except InputError:
        raise InputError(
            f"{name} pakker sig ud til langt mere, end den fylder; udsat gemmer den ikke."
        ) from None


def _item(council: CouncilContext, ref: str, number: int, *, reopen: bool):
    from udsat_cli.core.items import _item_at
    from udsat_cli.core.meetings import find_meeting, refuse_if_approved

    meeting = find_meeting(council, ref)
    refuse_if_approved(council, meeting, reopen=reopen)
    return meeting, _item_at(council, meeting.id, number)


def attach(
    council: CouncilContext,
    *,
    ref: str,
    number: int,
    name: str,
    data: bytes,
    closed: bool = False,
    reopen: bool = False,
) -> Attached:
    """Keep a file with an item. A second file of the same name on the item is refused."""
    from sqlalchemy import select

    from udsat_cli.core.items import changed_after_issue
    from udsat_cli.store.models import Attachment

    name = _clean_name(name)
    kind = media_type(name, data)
    if not data:
        raise InputError(f"{name} er tom.")
    meeting, item = _item(council, ref, number, reopen=reopen)
    have = list(council.writing.exec(select(Attachment).where(Attachment.item_id == item.id)))
    if any(a.name.casefold() == name.casefold() for a in have):
        raise UdsatError(
            f"Punkt {item.number} har allerede et bilag, der hedder {name}; fjern det først med "
            f'udsat item detach {meeting.id} {item.number} "{name}".'
        )
    import hashlib  # OpenSSL: ~5 ms, only for a bilag being added (not on remind's read path)

    council.writing.add(
        Attachment(
            item_id=item.id,
            position=max((a.position for a in have), default=0) + 1,
            name=name,
            media_type=kind,
            size=len(data),
            digest=hashlib.sha256(data).hexdigest(),
            closed=closed,
            data=data,
            added_at=council.now,
        )
    )
    council.writing.flush()
    changed_after_issue(council, meeting.id)
    return Attached(meeting.id, item.number, name, len(data), closed or item.closed)


def detach(
    council: CouncilContext, *, ref: str, number: int, name: str, reopen: bool = False
) -> Attached:
    """Remove a bilag from an item, named by its file name or its place among the item's."""
    from sqlalchemy import select

    from udsat_cli.core.items import changed_after_issue
    from udsat_cli.store.models import Attachment

    meeting, item = _item(council, ref, number, reopen=reopen)
    have = list(
        council.writing.exec(
            select(Attachment).where(Attachment.item_id == item.id).order_by(Attachment.position)
        )
    )
    wanted = " ".join(name.split()).casefold()
    found = [a for a in have if a.name.casefold() == wanted]
    if not found and wanted.isdigit() and 0 < int(wanted) <= len(have):
        found = [have[int(wanted) - 1]]
    if not found:
        names = ", ".join(a.name for a in have)
        known = f"; dets bilag er: {names}" if names else "; det har ingen bilag"
        raise NotFoundError(f"Punkt {item.number} har intet bilag »{name}«{known}.")
    gone = found[0]
    council.writing.delete(gone)
    council.writing.flush()
    changed_after_issue(council, meeting.id)
    return Attached(meeting.id, item.number, gone.name, gone.size, gone.closed or item.closed)


def _public(council: CouncilContext, meeting_id: int) -> list[tuple[int, BilagFile]]:
    """The meeting's bilag that may leave the store, with their item's number, in agenda
    order."""
    return [
        (number, BilagFile(name, kind, bytes(data)))
        for number, name, kind, data in council.db.rows(
            "SELECT i.number, a.name, a.media_type, a.data FROM attachment a JOIN agenda_item i "
            "ON i.id = a.item_id WHERE i.meeting_id = :m AND a.closed = :no AND i.closed = :no "
            "ORDER BY i.number, a.position, a.id",
            m=meeting_id,
            no=False,
        )
    ]


def limit_mb(council: CouncilContext) -> int:
    found = council.db.scalar("SELECT attachment_limit_mb FROM council WHERE id = :c", c=council.id)
    return found or DEFAULT_LIMIT_MB


def bilag_to_send(council: CouncilContext, *, meeting_id: int) -> list[BilagFile]:
    """The public bilag for the notice; refused whole when together they are over the limit."""
    files = [file for _, file in _public(council, meeting_id)]
    limit = limit_mb(council)
    total = sum(f.size for f in files)
    if total > limit * MB:
        largest = sorted(files, key=lambda f: -f.size)[:3]
        names = ", ".join(f"{f.name} ({size_text(f.size)})" for f in largest)
        raise UdsatError(
            f"Bilagene fylder {size_text(total)}, mere end de {limit} MB, rådet sender med én "
            f"indkaldelse; de største er {names}. Intet er sendt. Gør filerne mindre, fjern et "
            "bilag (udsat item detach), eller hæv grænsen med udsat council set "
            "--attachment-limit."
        )
    return files


def public_bilag(council: CouncilContext, *, meeting_id: int) -> list[tuple[int, BilagFile]]:
    """What the website may carry beside the approved referat: (item number, file)."""
    return _public(council, meeting_id)


def web_name(page: str, n: int, name: str) -> str:
    """A bilag's file name on the website, beside its referat: »referat-2026-10-13-bilag-1-
    aarsberetning.pdf« (letters a web server and every browser take)."""
    import re
    import unicodedata

    stem, _, ext = name.rpartition(".")
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "Ae"), ("Ø", "Oe"), ("Å", "Aa")):
        stem = stem.replace(a, b)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()[:60] or "bilag"
    return f"{page.removesuffix('.html')}-bilag-{n}-{stem}.{ext.lower()}"


def bilag_digest(council: CouncilContext, *, meeting_id: int) -> str:
    """What the notice's bilag are (names and contents), for telling a changed notice."""
    rows = council.db.all(
        "SELECT i.number, a.name, a.digest, a.closed FROM attachment a JOIN agenda_item i "
        "ON i.id = a.item_id WHERE i.meeting_id = :m ORDER BY i.number, a.position, a.id",
        m=meeting_id,
    )
    return "\n".join(
        f"bilag\t{n}\t{name}\t{digest}\t{bool(closed)}" for n, name, digest, closed in rows
    )
