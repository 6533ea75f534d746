"""People: the council's members over time, and the people outside it who take on tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from udsat_cli import dates
from udsat_cli.errors import AmbiguousError, InputError, UdsatError
from udsat_cli.store.db import as_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

ROLES = ("formand", "næstformand", "medlem", "suppleant", "sekretær", "gæst", "ekstern")
NOT_MEMBERS = ("ekstern", "gæst", "suppleant", "sekretær")  # staff and outsiders are not members


class PersonRef(NamedTuple):
    id: int
    full_name: str


@dataclass(frozen=True)
class Member:
    id: int
    full_name: str
    short_name: str | None
    role: str
    email: str | None
    member_from: date | None
    member_to: date | None


@dataclass
class MemberList:
    council: str
    members: list[Member]
    on: date | None = None


def find_person(council: CouncilContext, name: str, *, lookup: bool = False) -> PersonRef:
    """Match a full name, a short name or a first name that is unique in the council.
    ``lookup``: the name filters or edits, so an unknown one gets the nearest names only, not
    an offer to add the person."""
    from udsat_cli.core.owners import person_matches, unknown_person

    if not name.strip():
        raise InputError("Et navn må ikke være tomt.")
    hits = person_matches(council, name)
    if len(hits) == 1:
        return PersonRef(*hits[0])
    if hits:
        names = ", ".join(full for _, full in hits)
        raise AmbiguousError(f"Flere personer passer på »{name}«: {names}; skriv det fulde navn.")
    raise unknown_person(council, name, lookup=lookup)


def _members(council: CouncilContext) -> list[Member]:
    return [
        Member(pid, full, short, role, email, as_date(start), as_date(end))
        for pid, full, short, role, email, start, end in council.db.rows(
            "SELECT id, full_name, short_name, role, email, member_from, member_to "
            "FROM person WHERE council_id = :c ORDER BY full_name",
            c=council.id,
        )
    ]


def is_member_on(member: Member, day: date) -> bool:
    return (
        member.role not in NOT_MEMBERS
        and (member.member_from is None or member.member_from <= day)
        and (member.member_to is None or member.member_to >= day)
    )


def members_on(council: CouncilContext, day: date) -> list[Member]:
    """The council's members on a day, in the order they were added: not outsiders, guests or
    deputies, and not yet left."""
    return sorted((m for m in _members(council) if is_member_on(m, day)), key=lambda m: m.id)


def quorum(council: CouncilContext, *, members: int) -> int:
    """How many members must be present for the council to decide: its own number (council set
    --quorum), else half of them."""
    own = council.db.scalar("SELECT quorum FROM council WHERE id = :c", c=council.id)
    return own or (members + 1) // 2


def member_list(
    council: CouncilContext, *, on: date | None = None, include_left: bool = False
) -> MemberList:
    """The council's people. ``on``: only the members on that day; otherwise everyone who has not
    left by today (or everyone, ``include_left``)."""
    found = _members(council)
    if on is not None:
        found = [m for m in found if is_member_on(m, on)]
    elif not include_left:
        found = [m for m in found if m.member_to is None or m.member_to >= council.today]
    return MemberList(council.name, found, on)


# --- writes -----------------------------------------------------------------------------------


def parse_role(text: str) -> str:
    role = text.strip().lower()
    if role not in ROLES:
        raise InputError(f"Ukendt rolle »{text}«; brug en af: {', '.join(ROLES)}.")
    return role


def _clean_email(email: str) -> str | None:
    """Only an address: »jette@kommune.dk«, never a name or a list (see addresses.py)."""
    from udsat_cli.addresses import is_address

    email = email.strip()
    if not email:
        return None
    if not is_address(email):
        raise InputError(
            f"»{email}« er ikke én e-mailadresse; skriv kun adressen, fx jette@kommune.dk."
        )
    return email


def _refuse_duplicate(council: CouncilContext, full_name: str, *, other_than: int = 0) -> None:
    for pid, name in council.db.rows(
        "SELECT id, full_name FROM person WHERE council_id = :c", c=council.id
    ):
        if pid != other_than and name.casefold() == full_name.casefold():
            raise UdsatError(f"{name} findes allerede i {council.name}.")


def _member(person) -> Member:
    return Member(
        person.id,
        person.full_name,
        person.short_name,
        person.role,
        person.email,
        person.member_from,
        person.member_to,
    )


def add_member(
    council: CouncilContext,
    *,
    full_name: str,
    short_name: str | None = None,
    role: str = "medlem",
    email: str | None = None,
    member_from: str | None = None,
) -> Member:
    from udsat_cli.store.models import Person

    full_name = " ".join(full_name.split())
    if not full_name:
        raise InputError("Navnet må ikke være tomt.")
    role = parse_role(role)
    clean_email = _clean_email(email) if email is not None else None
    _refuse_duplicate(council, full_name)
    start = dates.parse_date(member_from, today=council.today) if member_from else None
    if start is None and role not in NOT_MEMBERS and _has_held_meetings(council):
        start = council.today  # a new member joins now, not the meetings already held
        council.notify(
            f"{full_name} er medlem fra i dag ({dates.long_date(start)}); brug --from for en "
            "anden dag."
        )
    person = Person(
        council_id=council.id,
        full_name=full_name,
        short_name=" ".join(short_name.split()) if short_name else None,
        role=role,
        email=clean_email,
        member_from=start,
        created_at=council.now,
    )
    council.writing.add(person)
    council.writing.flush()
    return _member(person)


def _has_held_meetings(council: CouncilContext) -> bool:
    """Whether the council has met (a council being set up has members from its start)."""
    return bool(
        council.db.scalar(
            "SELECT 1 FROM meeting WHERE council_id = :c AND date < :d AND cancelled = :no",
            c=council.id,
            d=council.today,
            no=False,
        )
    )


def _load(council: CouncilContext, name: str):
    from udsat_cli.store.models import Person

    return council.writing.get(Person, find_person(council, name, lookup=True).id)


def edit_member(
    council: CouncilContext,
    *,
    name: str,
    full_name: str | None = None,
    short_name: str | None = None,
    role: str | None = None,
    email: str | None = None,
    member_from: str | None = None,
) -> Member:
    """Change what is known about a person; unchanged fields are left as they are."""
    person = _load(council, name)
    if all(v is None for v in (full_name, short_name, role, email, member_from)):
        raise InputError("Intet at ændre; angiv --name, --short, --role, --email eller --from.")
    if full_name is not None:
        full_name = " ".join(full_name.split())
        if not full_name:
            raise InputError("Navnet må ikke være tomt.")
        _refuse_duplicate(council, full_name, other_than=person.id)
        person.full_name = full_name
    if short_name is not None:
        person.short_name = " ".join(short_name.split()) or None
    if role is not None:
        person.role = parse_role(role)
    if email is not None:
        person.email = _clean_email(email)
    if member_from is not None:
        person.member_from = dates.parse_date(member_from, today=council.today)
    council.writing.add(person)
    council.writing.flush()
    return _member(person)


def leave_member(council: CouncilContext, *, name: str, on: str | None = None) -> Member:
    """Record that a member left the council (on ``on``, default today); history keeps them."""
    person = _load(council, name)
    left = dates.parse_date(on, today=council.today) if on else council.today
    if person.member_to is not None:
        raise UdsatError(
            f"{person.full_name} er allerede trådt ud af rådet "
            f"({dates.long_date(person.member_to)})."
        )
    if person.member_from is not None and left < person.member_from:
        raise InputError(
            f"{person.full_name} blev først medlem {dates.long_date(person.member_from)}."
        )
    person.member_to = left
    council.writing.add(person)
    council.writing.flush()
    return _member(person)
