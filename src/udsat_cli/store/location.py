"""Which store a command uses: --db / UDSAT_DB, then UDSAT_DATABASE_URL, then the user data dir."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from udsat_cli.errors import StoreError
from udsat_cli.paths import expand_user


@dataclass(frozen=True)
class Location:
    """A SQLite file (``path``) or any other SQLAlchemy URL (``url``)."""

    path: Path | None = None
    url: str | None = None
    shown: str | None = None  # the name to say, when the file is built under another

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def __str__(self) -> str:
        if self.shown is not None:
            return self.shown
        return str(self.path) if self.path else mask_password(self.url or "")

    def missing(self) -> StoreError:
        return StoreError(
            f"Der er intet udsat-lager i {self} endnu; opret det med: "
            'udsat init --council "Rådets navn".'
        )

    def damaged(self) -> StoreError:
        return StoreError(
            f"Lageret {self} er beskadiget eller ikke et udsat-lager; slet det ikke, men læg en "
            "sikkerhedskopi tilbage, eller få det undersøgt med: "
            f'sqlite3 "{self}" "PRAGMA integrity_check"'
        )


# »scheme://user:« and everything up to the last »@« on the line that a host follows: the
# password may hold anything, »@«, »/«, »:« and spaces too, so more is masked rather than less.
_URL_PASSWORD = re.compile(
    r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^\n]*@(?=[\w.\-\[\]%]+(?:[:/?\s]|$))", re.IGNORECASE
)
_SETTING_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'?|[^\s&]+)", re.IGNORECASE)


def creation_lock(path: Path) -> Path:
    """The file commands that may create the store at ``path`` take turns on (store.access)."""
    return path.with_name(f".{path.name}.create.lock")


def mask_password(text: str) -> str:
    """postgresql://anna:hemmelig@host/db -> postgresql://anna:***@host/db (also in a message that
    quotes a URL or a libpq "password=..." setting). The password ends at the last "@" before a
    host on the line, so an "@", a space or a slash inside it is masked too."""
    text = _URL_PASSWORD.sub(r"\1***@", text)
    return _SETTING_PASSWORD.sub(r"\1***", text)


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("udsat", appauthor=False)) / "udsat.db"


def resolve_location(db: str | None) -> Location:
    """--db names a file (any name, taken as it is) or a URL; without it UDSAT_DATABASE_URL, then
    the user data dir."""
    if db and "://" not in db:
        return Location(path=expand_user(db))
    url = db or os.environ.get("UDSAT_DATABASE_URL")
    if url:
        if m := re.fullmatch(r"sqlite(?:\+pysqlite)?:///(.+)", url):
            return Location(path=expand_user(m[1]))
        if url[:5].lower() == "file:":  # a SQLite URI: its options would not be honoured
            raise StoreError(
                f"»{mask_password(url)}« er en SQLite-URI; giv --db lagerets filsti, fx "
                f"--db {re.sub(r'^file:(//)?', '', url, flags=re.I).partition('?')[0]}."
            )
        return Location(url=url)
    return Location(path=default_path())
