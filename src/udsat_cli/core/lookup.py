"""Find the council, person or meeting a user names; errors say what exists instead."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from udsat_cli import dates
from udsat_cli.errors import AmbiguousError, NotFoundError, UdsatError
from udsat_cli.store.db import Db, as_date

MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger numbers name nothing


# References are NamedTuples, not dataclasses: a dataclass costs ~0.5 ms to define, and every
# command defines these.
class CouncilRef(NamedTuple):
    id: int
    name: str


class PersonRef(NamedTuple):
    id: int
    full_name: str


def council(db: Db, *, name: str | None) -> CouncilRef:
    rows = db.all("SELECT id, name FROM council ORDER BY name")
    if name:
        key = name.strip().casefold()
        for cid, cname in rows:
            if cname.casefold() == key:
                return CouncilRef(cid, cname)
        known = ", ".join(n for _, n in rows) or "ingen"
        raise NotFoundError(f"Rådet «{name}» findes ikke i lageret (kendte råd: {known}).")
    if len(rows) == 1:
        return CouncilRef(*rows[0])
    if not rows:
        raise UdsatError('Lageret har intet råd endnu; opret det med: udsat init --council "Navn".')
    names = ", ".join(n for _, n in rows)
    raise AmbiguousError(f"Lageret har flere råd ({names}); vælg et med --council.")


def _first_name(full_name: str) -> str:
    return full_name.split()[0] if full_name.split() else full_name


def person(db: Db, *, council: CouncilRef, name: str) -> PersonRef:
    """Match a full name, a short name or a first name that is unique in the council."""
    key = " ".join(name.split()).casefold()
    if not key:
        raise UdsatError("Et navn må ikke være tomt.", exit_code=2)
    rows = db.all(
        "SELECT id, full_name, short_name FROM person WHERE council_id = :c ORDER BY full_name",
        c=council.id,
    )
    for test in (
        lambda full, short: full.casefold() == key,
        lambda full, short: bool(short) and short.casefold() == key,
        lambda full, short: _first_name(full).casefold() == key,
    ):
        hits = [PersonRef(pid, full) for pid, full, short in rows if test(full, short)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            names = ", ".join(h.full_name for h in hits)
            raise AmbiguousError(
                f"Flere personer passer på «{name}»: {names}; skriv det fulde navn."
            )
    raise NotFoundError(
        f"Ingen i {council.name} hedder «{name}»; tilføj personen med: "
        f'udsat member add "{name}" (brug --role ekstern for personer uden for rådet).'
    )


class MeetingRef(NamedTuple):
    id: int
    date: date
    start: str | None
    end: str | None
    place: str | None


_MEETING_COLUMNS = "id, date, start_time, end_time, place"


def _meeting(row: tuple | None) -> MeetingRef | None:
    if row is None:
        return None
    return MeetingRef(row[0], as_date(row[1]), row[2], row[3], row[4])


def meeting(db: Db, *, council: CouncilRef, ref: str, today: date) -> MeetingRef:
    """REF is a meeting id or a date."""
    ref = ref.strip()
    if ref.isascii() and ref.isdigit():
        found = int(ref) <= MAX_ID and _meeting(
            db.one(
                f"SELECT {_MEETING_COLUMNS} FROM meeting WHERE id = :id AND council_id = :c",
                id=int(ref),
                c=council.id,
            )
        )
        if not found:
            raise NotFoundError(
                f"Møde {ref} findes ikke i {council.name}; se møderne med: udsat meeting list."
            )
        return found
    when = dates.parse_date(ref, today=today)
    found = _meeting(
        db.one(
            f"SELECT {_MEETING_COLUMNS} FROM meeting "
            "WHERE council_id = :c AND date = :d AND cancelled = :no ORDER BY id",
            c=council.id,
            d=when,
            no=False,
        )
    )
    if found is None:
        raise NotFoundError(
            f"{council.name} har intet møde d. {dates.long_date(when)}; "
            "se møderne med: udsat meeting list."
        )
    return found


def latest_meeting(db: Db, *, council: CouncilRef, on_or_before: date) -> MeetingRef | None:
    return _meeting(
        db.one(
            f"SELECT {_MEETING_COLUMNS} FROM meeting "
            "WHERE council_id = :c AND date <= :d AND cancelled = :no ORDER BY date DESC, id DESC",
            c=council.id,
            d=on_or_before,
            no=False,
        )
    )


def next_meeting(db: Db, *, council: CouncilRef, on_or_after: date) -> MeetingRef | None:
    return _meeting(
        db.one(
            f"SELECT {_MEETING_COLUMNS} FROM meeting "
            "WHERE council_id = :c AND date >= :d AND cancelled = :no ORDER BY date, id",
            c=council.id,
            d=on_or_after,
            no=False,
        )
    )


def meeting_plan(db: Db, *, council: CouncilRef) -> list[MeetingRef]:
    """Every meeting of the council that is not cancelled, in date order."""
    return [
        _meeting(row)
        for row in db.rows(
            f"SELECT {_MEETING_COLUMNS} FROM meeting "
            "WHERE council_id = :c AND cancelled = :no ORDER BY date, id",
            c=council.id,
            no=False,
        )
    ]
