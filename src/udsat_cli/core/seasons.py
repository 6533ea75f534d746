"""A council's seasons ("inden sommerferien", "til efteråret"): shipped defaults, own overrides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

_ANY_YEAR = date(2001, 1, 1)  # not a leap year: 29 February is refused as a recurring day


@dataclass
class SeasonList:
    council: str
    seasons: dict[str, tuple[str, str]]  # name -> (first, last day as month-day)


def load_seasons(council: CouncilContext) -> dict[str, tuple[str, str]]:
    seasons = dates.default_seasons()
    for name, start, end in council.db.rows(
        "SELECT name, start_md, end_md FROM council_season WHERE council_id = :c", c=council.id
    ):
        seasons[name] = (start, end)
    return seasons


def season_list(council: CouncilContext) -> SeasonList:
    return SeasonList(council.name, dict(sorted(council.seasons.items())))


def _month_day(text: str) -> str:
    found = dates.parse_date(text, today=_ANY_YEAR)
    return f"{found.month:02d}-{found.day:02d}"


def set_season(
    council: CouncilContext, *, name: str, start: str, end: str, new: bool = False
) -> SeasonList:
    """Set a season's days; a name udsat does not know is refused (a typo would make a season
    nobody's deadlines use), unless it is declared ``new``."""
    from udsat_cli.danish import join_names
    from udsat_cli.dates.grammar import SEASON_ALIASES
    from udsat_cli.store.models import CouncilSeason

    name = " ".join(name.lower().split())
    if not name:
        raise InputError("Sæsonen skal have et navn, fx »sommerferien«.")
    name = SEASON_ALIASES.get(name, name)
    if name not in council.seasons and not new:
        known = join_names([f"»{n}«" for n in sorted(council.seasons)])
        raise InputError(
            f"udsat kender ingen sæson »{name}«; de kendte er {known}. Brug --new for at "
            "tilføje en ny"
        )
    row = council.writing.get(CouncilSeason, (council.id, name))
    if row is None:
        row = CouncilSeason(council_id=council.id, name=name, start_md="", end_md="")
    row.start_md, row.end_md = _month_day(start), _month_day(end)
    council.writing.add(row)
    council.writing.flush()
    council.reseason()
    return season_list(council)
