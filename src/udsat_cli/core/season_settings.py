"""Setting a council's own season dates."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.seasons import seasons_for
from udsat_cli.errors import InputError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import CouncilSeason

_ANY_YEAR = date(2001, 1, 1)  # not a leap year: 29 February is refused as a recurring day


def _month_day(text: str) -> str:
    found = dates.parse_date(text, today=_ANY_YEAR)
    return f"{found.month:02d}-{found.day:02d}"


def set_season(
    session: Session, *, council: str | None, name: str, start: str, end: str
) -> dict[str, dates.Season]:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    name = " ".join(name.lower().split())
    if not name:
        raise InputError("Sæsonen skal have et navn, fx «sommerferien».")
    row = session.get(CouncilSeason, (cref.id, name))
    if row is None:
        row = CouncilSeason(council_id=cref.id, name=name, start_md="", end_md="")
    row.start_md, row.end_md = _month_day(start), _month_day(end)
    session.add(row)
    session.flush()
    return seasons_for(db, council=cref)
