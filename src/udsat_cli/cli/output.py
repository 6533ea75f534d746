"""Writing results: lines to stdout, JSON for scripts, Rich only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from udsat_cli.errors import InputError

FORMATS = ("text", "markdown", "json")


def lines(rows: Iterable[str]) -> None:
    write = sys.stdout.write
    for row in rows:
        write(row + "\n")


def json(data: Any) -> None:
    from udsat_cli.render.jsonout import dumps

    sys.stdout.write(dumps(data) + "\n")


def check_format(value: str | None) -> str | None:
    if value is not None and value not in FORMATS:
        raise InputError(f"Ukendt format «{value}»; brug en af: {', '.join(FORMATS)}.")
    return value


def on_terminal() -> bool:
    return sys.stdout.isatty()


def parse_id(text: str) -> int:
    cleaned = text.strip().lstrip("#")
    if not cleaned.isdigit():
        raise InputError(f"«{text}» er ikke et opgavenummer; skriv fx 12.")
    return int(cleaned)
