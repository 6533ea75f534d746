"""A new SQLite store filled whole before anyone can open it (``udsat restore``).

Filling a store with an export takes a while; a process killed meanwhile must not leave a file
at the store's name that later commands take for a store (an empty file, a file of one page).
So a new store is built under a hidden name beside it (``.udsat.db.gendannes-PID``) and linked
to its name only once its transaction has committed and its write-ahead log is folded in. What a
killed run leaves under the hidden name is removed by the next run, once its process is gone.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from udsat_cli.errors import StoreError
from udsat_cli.store.location import Location, creation_lock

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


@contextmanager
def built_aside(location: Location) -> Iterator[Location]:
    """Where to fill a new store: a hidden name beside it, moved into place when the block
    ends without an error. A store that exists already, or one on a server, is filled in
    place (its transaction is all or nothing)."""
    path = location.path
    if path is None or path.exists():
        yield location
        return
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _tidy(path)
    aside = path.with_name(f".{path.name}.gendannes-{os.getpid()}")
    _remove(aside)
    try:
        yield replace(location, path=aside, shown=str(path))
        if aside.exists():
            _settle(aside)
            _link(aside, path)
    finally:
        _remove(aside)


def _settle(path: Path) -> None:
    """The write-ahead log folded into the file and the file on disk, before it gets its name."""
    conn = sqlite3.connect(os.path.abspath(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists() and side.stat().st_size and suffix == "-wal":
            raise StoreError(f"Lageret {path} kunne ikke gøres færdigt; intet er gendannet.")
        side.unlink(missing_ok=True)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _link(aside: Path, path: Path) -> None:
    """The finished store under its name, unless someone made one there meanwhile."""
    try:
        os.link(aside, path)
    except FileExistsError:
        raise StoreError(
            f"Der kom et lager i {path}, mens eksporten blev læst ind; intet er gendannet."
        ) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise StoreError(
                f"Der kom et lager i {path}, mens eksporten blev læst ind; intet er gendannet."
            ) from None
        os.rename(aside, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    """The store built aside, its side files and the creation lock taken on it (its name is
    this process's own: no other creator waits on it)."""
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    creation_lock(path).unlink(missing_ok=True)


def _tidy(path: Path) -> None:
    """What killed runs left beside the store: removed once their process is gone."""
    pattern = re.compile(
        r"\.?"
        + re.escape(f".{path.name}.gendannes-")
        + r"(\d+)(?:-wal|-shm|-journal|\.create\.lock)?"
    )
    for entry in os.scandir(path.parent):
        found = pattern.fullmatch(entry.name)
        if found and not _alive(int(found[1])):
            _remove(path.with_name(f".{path.name}.gendannes-{found[1]}"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
