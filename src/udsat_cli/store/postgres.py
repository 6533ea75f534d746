"""PostgreSQL through psycopg: how a store's URL becomes one libpq connection.

Both paths connect here: a read runs its SQL on a bare libpq connection (``connect_lean``: only
psycopg's pq layer, half of psycopg's ~140 ms import, and none of SQLAlchemy's), and a write
session's engine is handed a psycopg connection to the same server (``connect``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from udsat_cli.errors import StoreError
from udsat_cli.store.location import Location

# The URLs psycopg can open itself; any other driver goes through SQLAlchemy's own.
_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def libpq_target(location: Location) -> tuple[str, dict[str, str]] | None:
    """(libpq URI, extra keyword settings) for a psycopg URL, or None for another driver.

    ``password_file=PATH`` (udsat's own setting, so a password need not stand in a crontab) is read
    here and handed over as the password; every other setting is libpq's and is left to it.
    """
    url = location.url or ""
    rest = next((url[len(p):] for p in _PREFIXES if url.startswith(p)), None)
    if rest is None:
        return None
    base, _, query = rest.partition("?")
    kept, extra = [], {}
    for part in query.split("&") if query else ():
        key, _, value = part.partition("=")
        if key == "password_file":
            extra["password"] = _read_password(value)
        else:
            kept.append(part)
    return "postgresql://" + base + ("?" + "&".join(kept) if kept else ""), extra


def _read_password(quoted: str) -> str:
    from urllib.parse import unquote

    path = Path(unquote(quoted)).expanduser()
    try:
        return path.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, UnicodeDecodeError, IndexError):
        raise StoreError(f"Kan ikke læse adgangskoden i filen {path}.") from None


def connect_lean(location: Location, target: tuple[str, dict[str, str]]) -> Any:
    """A connection for a read (see ``store.libpq``): libpq through psycopg's pq layer only."""
    from udsat_cli.store.libpq import Connection

    try:
        return Connection(*target)
    except ModuleNotFoundError:
        raise _no_driver(location) from None


def _no_driver(location: Location) -> StoreError:
    return StoreError(
        f"Databasen i {location} kræver Python-pakken psycopg; "
        "installér den med: pip install 'udsat[postgres]'."
    )


def connect(location: Location, target: tuple[str, dict[str, str]]) -> Any:
    """A psycopg connection outside autocommit: the first statement opens the transaction."""
    try:
        import psycopg
    except ModuleNotFoundError:
        raise _no_driver(location) from None
    uri, extra = target
    return psycopg.connect(uri, **extra)
