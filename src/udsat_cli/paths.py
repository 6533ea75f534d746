"""A path as the person wrote it, with »~« read as the shell reads it."""

from __future__ import annotations

from pathlib import Path


def expand_user(path: str | Path) -> Path:
    """``~`` and ``~jette`` become the home folder; a ``~name`` that names no user (»~0«), or a
    ``~`` where no home folder can be found, stays as it was written, as in the shell (Python
    would raise RuntimeError)."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)
