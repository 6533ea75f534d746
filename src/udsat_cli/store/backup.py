"""A consistent copy of a SQLite store while others use it (SQLite's online backup API)."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from udsat_cli.errors import InputError, output_error
from udsat_cli.paths import expand_user
from udsat_cli.store.db import BUSY_TIMEOUT_S
from udsat_cli.store.location import Location


def backup(location: Location, path: str, *, force: bool) -> Path:
    if not location.is_sqlite or location.path is None:
        raise InputError("Et delt PostgreSQL-lager sikkerhedskopieres med pg_dump, ikke med udsat.")
    if not location.path.exists():
        raise location.missing()
    target = expand_user(path)
    if target.resolve() == location.path.resolve():
        raise InputError("Kopien kan ikke ligge i selve lageret.")
    if target.exists() and not force:
        raise InputError(f"Filen {target} findes allerede; brug --force for at overskrive den.")
    if not target.parent.is_dir():
        raise InputError(f"Mappen {target.parent} findes ikke.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        copy_store(location.path, partial, private=True)
        os.replace(partial, target)
    except BaseException as exc:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(exc, target) from None
        if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
            raise output_error(OSError(errno.ENOSPC, str(exc)), target) from None
        raise
    return target


def copy_store(source: Path, target: Path, *, private: bool = False) -> None:
    """Copy a SQLite store page by page through the online backup API, consistent even while
    others write. With ``private`` the target is made anew, readable by its owner only (0600);
    without, an existing target is overwritten in place."""
    if private:
        target.unlink(missing_ok=True)
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # personal data
    # Absolute paths: SQLite reads a name that begins with »file:« as a URI.
    source_conn = sqlite3.connect(os.path.abspath(source), timeout=BUSY_TIMEOUT_S)
    target_conn = sqlite3.connect(os.path.abspath(target), timeout=BUSY_TIMEOUT_S)
    try:
        source_conn.backup(target_conn)
    finally:
        target_conn.close()
        source_conn.close()
