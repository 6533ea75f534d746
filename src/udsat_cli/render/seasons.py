"""The council's seasons, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.common import table
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.seasons import SeasonList


def _day(md: str) -> str:
    month, d = (int(p) for p in md.split("-"))
    return f"{d}. {dates.MONTHS[month - 1]}"


def text(found: SeasonList) -> Iterator[str]:
    rows = [[name, _day(start), _day(end)] for name, (start, end) in found.seasons.items()]
    yield from table(["Sæson", "Fra", "Til"], rows)


SEASONS = view(__name__)
