"""The one door for every file and stream udsat reads: how much it reads from any one input,
checked before it is all read — a file, stdin, a device like /dev/zero, or a Word file whose
compressed parts would unpack to gigabytes.

``read_bytes`` reads at most a limit (a regular file larger than it is refused unread, from its
size); ``read_file`` and ``read_text`` do the same and say in one Danish sentence what is wrong
with a file; ``check_zip`` refuses a .docx (a zip) whose parts are too many, too large unpacked or
packed too tightly, from its table of contents, before anything is inflated (Python's zipfile
never inflates a part beyond the size that table gives, so the check holds); ``read_docx`` opens
a Word file through both. Every caller reads its files before its write transaction begins, so no
lock is held while a slow disk or a pipe is read.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from udsat_cli.errors import InputError

TEXT = 10 * 1024 * 1024  # a sagsfremstilling, a høringssvar
MINUTES = 20 * 1024 * 1024  # one referat as .docx or text; a Word template
EXPORT = 1024 * 1024 * 1024  # a whole store's export
CONFIG = 1024 * 1024  # the settings file
SECRET = 64 * 1024  # a password file
UNPACKED = 100 * 1024 * 1024  # everything inside one .docx, unpacked
PART = 50 * 1024 * 1024  # one part of a .docx unpacked (an XML document lxml is to parse)
MEMBERS = 5000  # parts in one .docx (a real one has a few dozen, with images a few hundred)
RATIO = 100  # a part that unpacks to more than 100 times its size is a zip bomb


class TooLarge(InputError):
    """An input over its limit, refused before it was read whole."""


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _too_large(name: str, limit: int, what: str) -> TooLarge:
    return TooLarge(
        f"{name} er for stor (over {_mb(limit)}); udsat læser {what} op til {_mb(limit)}."
    )


def read_bytes(path: str | Path, limit: int, *, what: str = "tekster") -> bytes:
    """At most ``limit`` bytes of a file (or stdin for "-"); more is refused, unread. ``what``
    names the kind of input in the refusal: "udsat læser referater op til 20 MB". OS errors
    (no such file, a folder) are left to the caller; see ``read_file`` for them in Danish."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        name = "Det, der kom på stdin,"
    else:
        name = Path(path).name
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode) and info.st_size > limit:
                raise _too_large(name, limit, what)
            data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, limit, what)
    return data


def read_file(path: str | Path, limit: int, *, what: str = "tekster") -> bytes:
    """``read_bytes`` with every OS error as one Danish sentence."""
    from udsat_cli.errors import file_error

    try:
        return read_bytes(path, limit, what=what)
    except FileNotFoundError:
        raise InputError(f"Filen {path} findes ikke.") from None
    except IsADirectoryError:
        raise InputError(f"{path} er en mappe, ikke en fil.") from None
    except OSError as exc:
        raise file_error(exc, path) from None


def read_text(path: str | Path, limit: int = TEXT, *, what: str = "tekster") -> str:
    """A text file (UTF-8, with or without a byte order mark), up to ``limit``; a file with NUL
    bytes is no text (a 300 MB file of NULs is not an empty answer)."""
    data = read_file(path, limit, what=what)
    name = "Det, der kom på stdin," if str(path) == "-" else f"Filen {path}"
    if b"\x00" in data:
        raise InputError(f"{name} er ikke tekst (den indeholder nul-tegn).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} er ikke tekst i UTF-8.") from None


def check_zip(path: Path, data: bytes, *, what: str = "et referat") -> None:
    """Refuse a .docx that would unpack to too much, before anything unpacks it: too many
    parts, a part or all of them too large unpacked, a part packed too tightly."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return  # not a zip at all: the Word reader says so
    infos = archive.infolist()
    total = 0
    bomb = len(infos) > MEMBERS
    for info in infos:
        total += info.file_size
        if (
            info.file_size > RATIO * max(info.compress_size, 1024)
            or info.file_size > PART
            or total > UNPACKED
        ):
            bomb = True
            break
    if bomb:
        raise InputError(
            f"{Path(path).name} pakker sig ud til mere, end {what} fylder; udsat læser den ikke."
        )


@dataclass(frozen=True)
class WordFile:
    """A Word file read through the door: its name as given (for messages) and its bytes."""

    name: str
    data: bytes

    def document(self) -> Any:
        """The python-docx Document; one Danish sentence when the file is not Word."""
        import io

        from docx import Document

        try:
            return Document(io.BytesIO(self.data))
        except Exception as exc:  # a damaged or mis-named file: python-docx has no one error
            raise InputError(f"{self.name} kan ikke læses som et Word-dokument.") from exc


def read_docx(
    path: str | Path,
    limit: int = MINUTES,
    *,
    what: str = "Word-filer",
    unpacked: str = "et dokument",
) -> WordFile:
    """A Word file, size-limited and checked as a zip before python-docx inflates a byte."""
    data = read_file(path, limit, what=what)
    check_zip(Path(path), data, what=unpacked)
    return WordFile(str(path), data)
