"""What may be stored, checked in one place for every write (a SQLAlchemy ``before_flush`` hook):
no control characters or terminal escapes (tabs and newlines only where a text may have lines),
no non-characters or anything else XML 1.0 forbids (a page, a feed or a Word file must stay
well-formed), no bidirectional overrides or isolates (what a person reads must be what was typed,
not reordered), valid UTF-8, and text no longer than its column, so SQLite and PostgreSQL accept
the same."""

from __future__ import annotations

import re
from typing import Any

from udsat_cli.errors import InputError

# Terminal escapes first (»\x1b]0;title\x07« would retitle the window), then single controls.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)")
# C0 and C1 controls, the line and paragraph separators, the bidirectional embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069: »\u202egpj.exe« reads as »exe.jpg«), and the
# non-characters (U+FDD0-U+FDEF and the last two code points of every plane), which XML 1.0 does
# not allow in a document.
_NONCHARACTERS = "".join(
    chr(plane + last) for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    f"\ufdd0-\ufdef{_NONCHARACTERS}]"
)
_LINES = re.compile(r"[ \t]*[\r\n]+[ \t]*|\t")
JOURNAL = {"change_set", "change_row"}  # written from already checked rows
FIELD_NAMES = {
    "title": "En titel",
    "full_name": "Et navn",
    "short_name": "Et kaldenavn",
    "name": "Et navn",
    "place": "Et mødested",
    "label": "En ansvarlig",
    "reason": "En begrundelse",
    "due_text": "En frist",
    "email": "En e-mailadresse",
    "command": "En kommando",
    "file_name": "Et filnavn",
    "role": "En rolle",
    "kind": "En type",
}


def clean_text(value: str, *, lines: bool = True) -> str:
    """``value`` without control characters; with ``lines=False`` on one line."""
    if any("\ud800" <= c <= "\udfff" for c in value):
        raise InputError("En tekst er ikke gyldig UTF-8; intet er gemt.")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub("", _ESCAPES.sub("", value))
    return value if lines else _LINES.sub(" ", value)


def shown_text(value: str) -> str:
    """A text that may hold anything, made safe to print: escapes and controls gone, broken UTF-8
    replaced."""
    value = _CONTROLS.sub("", _ESCAPES.sub("", value.replace("\n", " ")))
    return value.encode("utf-8", "replace").decode("utf-8")


def _checked(table: str, column: Any, value: str) -> str:
    from sqlalchemy import String, Text

    kind = column.type
    multiline = isinstance(kind, Text) or not isinstance(kind, String) or kind.length is None
    raw, value = value, clean_text(value, lines=multiline)
    what = FIELD_NAMES.get(column.key, "En tekst")
    if raw.strip() and not value.strip() and not column.nullable:
        raise InputError(f"{what} kan ikke bestå af styretegn alene.")
    limit = getattr(kind, "length", None)
    if limit is not None and len(value) > limit:
        raise InputError(f"{what} må højst være {limit} tegn (her er der {len(value)}).")
    return value


def check_row(obj: Any) -> None:
    """Clean and check every text of a row about to be written, in place."""
    from sqlalchemy import inspect

    table = obj.__tablename__
    if table in JOURNAL:
        return
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        if isinstance(value, str):
            cleaned = _checked(table, attr.columns[0], value)
            if cleaned != value:
                setattr(obj, attr.key, cleaned)


def guard(session: Any) -> None:
    """Check every row a session writes, before it is flushed."""
    from sqlalchemy import event

    @event.listens_for(session, "before_flush")
    def _before_flush(session: Any, _context: Any, _instances: Any) -> None:
        for obj in list(session.new) + list(session.dirty):
            check_row(obj)
