"""The folder ``udsat publish`` writes: one it owns, replaced whole or not at all.

udsat owns a folder it made: its mark file (``.udsat-site``) lists every file the last
publication wrote, and anything else in it (a file or a subfolder someone put there) makes udsat
refuse rather than delete it. The new site is built in a hidden folder beside the old one and
swapped in with one atomic exchange (``renameat2(RENAME_EXCHANGE)`` on Linux; elsewhere two
renames, which the next run puts right if it was killed between them). The hidden ``-ny-`` and
``-gammel-`` folders a killed run leaves are removed by the next run. A folder that is a mount
point of its own (another file system than its parent) cannot be renamed, so there every file is
replaced one by one, each atomically, the mark file last.

Runs into one folder take turns (a lock on the parent folder), and no symbolic link is followed:
a link as the folder is refused, for replacing it would leave its target stale.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from udsat_cli.errors import InputError, output_error
from udsat_cli.paths import expand_user

MARK = ".udsat-site"
_HEADER = "Lavet af udsat publish; mappen erstattes ved næste udgivelse. Filerne:"
_INSIDE = ".udsat-ny-"  # the build folder inside a mount point
_SITE_SUFFIXES = (".html", ".xml", ".css")  # what a mark file from before the list held


@dataclass
class Published:
    folder: str
    new: list[str]
    changed: list[str]
    unchanged: list[str]
    removed: list[str]


def site_folder(text: str) -> Path:
    """The folder as given, checked: not empty, not where the person stands or above it, not
    the home folder, and not a symbolic link."""
    if not text.strip():
        raise InputError("Angiv mappen, siden skal skrives i, fx side/.")
    given = expand_user(text)
    folder = Path(os.path.abspath(given))  # lexically: the last part is not followed
    here = Path.cwd()
    if folder == here or folder in here.parents or folder == Path.home():
        raise InputError(
            f"udsat publish erstatter hele mappen »{text}«, så den kan ikke være den mappe, du "
            "står i, en mappe over den eller din hjemmemappe; angiv en mappe til siden alene, "
            "fx side/."
        )
    if given.is_symlink():
        raise InputError(
            f"{text} er et symbolsk link (til {os.readlink(given)}); udsat publish erstatter "
            "mappen og følger ikke links, så angiv selve mappen."
        )
    return folder


def write_site(folder: Path, files: dict[str, bytes]) -> Published:
    """Write the site into ``folder`` whole or not at all (see the module). A file whose content
    is the same keeps its time stamp, so copying the folder on to the web server (rsync, a file
    share) moves only what changed."""
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(exc, parent) from None
    with _turn(parent):
        _tidy(folder)
        ours = _owned(folder)
        old_files = {n for n in ours if (folder / n).is_file()} if folder.is_dir() else set()
        try:
            if folder.is_dir() and _own_mount(folder):
                result = _in_place(folder, files, old_files)
            else:
                result = _swapped(folder, files, old_files)
        except OSError as exc:
            raise output_error(exc, folder) from None
    return result


# --- the folder and what is in it ---------------------------------------------------------------


def _listed(mark: Path) -> set[str] | None:
    """The files a mark file lists; None for a mark from before it listed them."""
    from udsat_cli.limits import read_bytes

    try:
        lines = read_bytes(mark, 1024 * 1024, what="mærkefiler").decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError, InputError):
        return set()
    if not lines or lines[0] != _HEADER:
        return None
    return {line for line in lines[1:] if line and "/" not in line}


def _owned(folder: Path) -> set[str]:
    """The files of the last publication; refuses a folder that holds anything else."""
    if not folder.exists():
        return set()
    if not folder.is_dir():
        raise InputError(f"{folder} er en fil, ikke en mappe.")
    entries = [e for e in os.scandir(folder) if not e.name.startswith(_INSIDE)]
    if not entries:
        return set()
    mark = folder / MARK
    if mark.is_symlink() or not mark.is_file():
        raise InputError(
            f"Mappen {folder} indeholder andet end en udsat-side; udsat skriver kun i en tom "
            "mappe eller i en, den selv har lavet."
        )
    listed = _listed(mark)
    foreign = sorted(
        e.name
        for e in entries
        if e.name != MARK
        and (
            not e.is_file(follow_symlinks=False)
            or (e.name not in listed if listed is not None else not e.name.endswith(_SITE_SUFFIXES))
        )
    )
    if foreign:
        shown = ", ".join(foreign[:3]) + (" …" if len(foreign) > 3 else "")
        raise InputError(
            f"Mappen {folder} har noget, udsat ikke selv har skrevet ({shown}); flyt det ud af "
            "mappen, så kan udsat erstatte siden."
        )
    return listed if listed is not None else {e.name for e in entries if e.name != MARK}


def _mark(names: set[str]) -> bytes:
    return ("\n".join([_HEADER, *sorted(names)]) + "\n").encode("utf-8")


def _own_mount(folder: Path) -> bool:
    """The folder is a file system of its own (a mount point): it cannot be renamed."""
    return os.path.ismount(folder) or folder.stat().st_dev != folder.parent.stat().st_dev


@contextmanager
def _turn(parent: Path) -> Iterator[None]:
    """One publication at a time in a folder's parent (a lock that goes with the process)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no folder locks
        yield
        return
    fd = os.open(parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _leftovers(folder: Path) -> re.Pattern[str]:
    return re.compile(re.escape(f".{folder.name}-") + r"(ny|gammel)-[a-z0-9_]{8}")


def _tidy(folder: Path) -> None:
    """What a killed run left: an old site between two renames is put back; every hidden
    -ny- and -gammel- folder beside the site, and a build folder inside it, is removed."""
    pattern = _leftovers(folder)
    found = [
        (e, m[1])
        for e in os.scandir(folder.parent)
        if (m := pattern.fullmatch(e.name)) and e.is_dir(follow_symlinks=False)
    ]
    if not folder.exists():
        for entry, kind in found:
            kept = Path(entry.path) / folder.name
            if kind == "gammel" and (kept / MARK).is_file():
                os.rename(kept, folder)
                break
    for entry, _ in found:
        shutil.rmtree(entry.path, ignore_errors=True)
    if folder.is_dir() and not folder.is_symlink():
        for entry in os.scandir(folder):
            if entry.name.startswith(_INSIDE) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


# --- building and swapping ----------------------------------------------------------------------


def _build(build: Path, folder: Path, files: dict[str, bytes], old_files: set[str]) -> Published:
    new: list[str] = []
    changed: list[str] = []
    unchanged: list[str] = []
    for name, data in sorted(files.items()):
        target = build / name
        before = folder / name
        if name in old_files and before.stat().st_size == len(data) and before.read_bytes() == data:
            shutil.copy2(before, target)  # the same bytes and the same time stamp
            unchanged.append(name)
            continue
        target.write_bytes(data)
        (changed if name in old_files else new).append(name)
    return Published(str(folder), new, changed, unchanged, sorted(old_files - set(files)))


def _swapped(folder: Path, files: dict[str, bytes], old_files: set[str]) -> Published:
    build = Path(tempfile.mkdtemp(prefix=f".{folder.name}-ny-", dir=folder.parent))
    try:
        result = _build(build, folder, files, old_files)
        (build / MARK).write_bytes(_mark(set(files)))
        for path in (*build.iterdir(), build):
            _sync(path)
        os.chmod(build, 0o755)
        if not folder.exists():
            os.rename(build, folder)
        elif not _exchange(build, folder):
            retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}-gammel-", dir=folder.parent))
            os.rename(folder, retired / folder.name)
            os.rename(build, folder)
            build = retired
        _sync(folder.parent)
    finally:
        shutil.rmtree(build, ignore_errors=True)  # the build, or after the swap the old site
    return result


def _in_place(folder: Path, files: dict[str, bytes], old_files: set[str]) -> Published:
    """A mount point: every file replaced atomically on its own. The mark lists the old and the
    new files until the old ones are gone, so a killed run leaves a folder udsat still owns."""
    build = Path(tempfile.mkdtemp(prefix=_INSIDE, dir=folder))
    try:
        result = _build(build, folder, files, old_files)
        _replace(folder / MARK, _mark(old_files | set(files)), build)
        for name in sorted(files):
            _sync(build / name)
            os.replace(build / name, folder / name)
        for name in result.removed:
            (folder / name).unlink(missing_ok=True)
        _replace(folder / MARK, _mark(set(files)), build)
        _sync(folder)
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return result


def _replace(target: Path, data: bytes, build: Path) -> None:
    temporary = build / f".{target.name}"
    temporary.write_bytes(data)
    _sync(temporary)
    os.replace(temporary, target)


def _sync(path: Path) -> None:
    """On disk before it is swapped in: a power cut leaves the old site or the new, whole."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):  # a file system without fsync of folders
            raise
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2 with RENAME_EXCHANGE); False where the
    system or the file system cannot."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))
