"""A council's seasons ("inden sommerferien", "til efteråret"): shipped defaults, own overrides."""

from __future__ import annotations

from udsat_cli import dates
from udsat_cli.core.lookup import CouncilRef
from udsat_cli.store.db import Db


def seasons_for(db: Db, *, council: CouncilRef) -> dict[str, dates.Season]:
    seasons = dates.default_seasons()
    for name, start, end in db.rows(
        "SELECT name, start_md, end_md FROM council_season WHERE council_id = :c", c=council.id
    ):
        seasons[name] = (start, end)
    return seasons
