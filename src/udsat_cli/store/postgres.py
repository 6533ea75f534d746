"""PostgreSQL through psycopg: how a store's URL becomes one libpq connection.

Both paths connect here: a read runs its SQL on a bare libpq connection (``connect_lean``: only
psycopg's pq layer, half of psycopg's ~140 ms import, and none of SQLAlchemy's), and a write
session's engine is handed a psycopg connection to the same server (``connect``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from udsat_cli.errors import StoreError
from udsat_cli.paths import expand_user
from udsat_cli.store.location import Location

# The URLs psycopg can open itself; any other driver goes through SQLAlchemy's own.
_PREFIXES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def libpq_target(location: Location) -> tuple[str, dict[str, str]] | None:
    """(libpq URI, extra keyword settings) for a psycopg URL, or None for another driver.

    ``password_file=PATH`` (udsat's own setting, so a password need not stand in a crontab) is read
    here and handed over as the password; every other setting is libpq's and is left to it.
    """
    url = location.url or ""
    rest = next((url[len(p) :] for p in _PREFIXES if url.startswith(p)), None)
    if rest is None:
        return None
    rest, extra = _without_password(rest)
    base, _, query = rest.partition("?")
    kept = []
    for part in query.split("&") if query else ():
        key, _, value = part.partition("=")
        if key == "password_file":
            extra["password"] = _read_password(value)
        else:
            kept.append(part)
    return "postgresql://" + base + ("?" + "&".join(kept) if kept else ""), extra


def _without_password(rest: str) -> tuple[str, dict[str, str]]:
    """The password taken out of »user:password@host/db« and handed to libpq on its own, so
    that whatever it holds (»@«, »/«, »?«, spaces) neither breaks the URI nor appears in
    libpq's messages about it. It ends at the last »@« a host follows, as in mask_password."""
    import re
    from urllib.parse import quote, unquote

    found = [*re.finditer(r"@(?=[\w.\-\[\]%]+(?:[:/?]|$))", rest)]
    if not found:
        return rest, {}
    userinfo, host = rest[: found[-1].start()], rest[found[-1].end() :]
    user, colon, password = userinfo.partition(":")
    if "/" in user or "?" in user:  # no user part at all: an »@« further on
        return rest, {}
    user = quote(unquote(user), safe="")
    extra = {"password": unquote(password)} if colon else {}
    return f"{user}@{host}", extra


def _read_password(quoted: str) -> str:
    from urllib.parse import unquote

    return read_password(expand_user(unquote(quoted)))


def read_password(path: Path) -> str:
    """The first line of a password file, read through the door (``password_file=/dev/zero``
    is refused after 64 KB, not read for ever)."""
    from udsat_cli.limits import SECRET, TooLarge, read_bytes

    try:
        return read_bytes(path, SECRET, what="adgangskodefiler").decode("utf-8").splitlines()[0]
    except TooLarge:
        raise StoreError(
            f"Kan ikke læse adgangskoden i filen {path}: den er over 64 KB, og "
            "den skal kun indeholde adgangskoden."
        ) from None
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
    settings: dict[str, Any] = dict(extra)  # libpq's (password), none of connect's own
    try:
        return psycopg.connect(uri, **settings)
    except psycopg.ProgrammingError:  # libpq could not read the URI; its words may quote it
        raise StoreError(
            f"{location} er ikke en gyldig database-URL; tegn som mellemrum og »?« i "
            "brugernavnet skal %-kodes, og adgangskoden kan stå i en fil (password_file=)."
        ) from None
