"""How much udsat reads from any one input, checked before it is all read: a file, stdin, a
device like /dev/zero, or a Word file whose compressed parts would unpack to gigabytes."""

from __future__ import annotations

import sys
from pathlib import Path

from udsat_cli.errors import InputError

TEXT = 10 * 1024 * 1024  # a sagsfremstilling, a høringssvar
MINUTES = 20 * 1024 * 1024  # one referat as .docx or text
EXPORT = 1024 * 1024 * 1024  # a whole store's export
UNPACKED = 100 * 1024 * 1024  # everything inside one .docx, unpacked
RATIO = 100  # a part that unpacks to more than 100 times its size is a zip bomb


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def read_bytes(path: str | Path, limit: int, *, what: str = "tekster") -> bytes:
    """At most ``limit`` bytes of a file (or stdin for "-"); more is refused, unread. ``what``
    names the kind of input in the refusal: "udsat læser referater op til 20 MB"."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        name = "Det, der kom på stdin,"
    else:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
        name = Path(path).name
    if len(data) > limit:
        raise InputError(
            f"{name} er for stor (over {_mb(limit)}); udsat læser {what} op til {_mb(limit)}."
        )
    return data


def check_zip(path: Path, data: bytes) -> None:
    """Refuse a .docx that would unpack to too much, before anything unpacks it."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return  # not a zip at all: the Word reader says so
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > RATIO * max(info.compress_size, 1024) or total > UNPACKED:
            raise InputError(
                f"{path.name} pakker sig ud til mere, end et referat fylder; udsat læser den ikke."
            )
