"""Adding people: members of the council and the people outside it who take on tasks."""

from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import Session

from udsat_cli import dates
from udsat_cli.core import lookup
from udsat_cli.core.listing import Member
from udsat_cli.errors import InputError, UdsatError
from udsat_cli.store.engine import session_db
from udsat_cli.store.models import ROLES, Person

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def parse_role(text: str) -> str:
    role = text.strip().lower()
    if role not in ROLES:
        raise InputError(f"Ukendt rolle «{text}»; brug en af: {', '.join(ROLES)}.")
    return role


def add_member(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    full_name: str,
    short_name: str | None = None,
    role: str = "medlem",
    email: str | None = None,
    member_from: str | None = None,
) -> Member:
    db = session_db(session)
    cref = lookup.council(db, name=council)
    full_name = " ".join(full_name.split())
    if not full_name:
        raise InputError("Navnet må ikke være tomt.")
    if email is not None and not _EMAIL.fullmatch(email.strip()):
        raise InputError(f"«{email}» ligner ikke en e-mailadresse.")
    role = parse_role(role)
    existing = next(
        (
            name
            for (name,) in db.rows("SELECT full_name FROM person WHERE council_id = :c", c=cref.id)
            if name.casefold() == full_name.casefold()
        ),
        None,
    )
    if existing:
        raise UdsatError(f"{existing} findes allerede i {cref.name}.")
    person = Person(
        council_id=cref.id,
        full_name=full_name,
        short_name=" ".join(short_name.split()) if short_name else None,
        role=role,
        email=email.strip() if email else None,
        member_from=dates.parse_date(member_from, today=now.date()) if member_from else None,
        created_at=now,
    )
    session.add(person)
    session.flush()
    return Member(
        person.id, person.full_name, person.short_name, role, person.email, person.member_from, None
    )


def _load(session: Session, db, council: str | None, name: str) -> tuple[Person, lookup.CouncilRef]:
    cref = lookup.council(db, name=council)
    return session.get(Person, lookup.person(db, council=cref, name=name).id), cref


def _member(person: Person) -> Member:
    return Member(
        person.id, person.full_name, person.short_name, person.role, person.email,
        person.member_from, person.member_to,
    )  # fmt: skip


def edit_member(
    session: Session,
    *,
    now: datetime,
    council: str | None,
    name: str,
    full_name: str | None = None,
    short_name: str | None = None,
    role: str | None = None,
    email: str | None = None,
    member_from: str | None = None,
) -> Member:
    """Change what is known about a person; unchanged fields are left as they are."""
    db = session_db(session)
    person, cref = _load(session, db, council, name)
    if all(v is None for v in (full_name, short_name, role, email, member_from)):
        raise InputError("Intet at ændre; angiv --name, --short, --role, --email eller --from.")
    if full_name is not None:
        full_name = " ".join(full_name.split())
        if not full_name:
            raise InputError("Navnet må ikke være tomt.")
        for (other,) in db.rows(
            "SELECT full_name FROM person WHERE council_id = :c AND id <> :p",
            c=cref.id,
            p=person.id,
        ):
            if other.casefold() == full_name.casefold():
                raise UdsatError(f"{other} findes allerede i {cref.name}.")
        person.full_name = full_name
    if short_name is not None:
        person.short_name = " ".join(short_name.split()) or None
    if role is not None:
        person.role = parse_role(role)
    if email is not None:
        if email.strip() and not _EMAIL.fullmatch(email.strip()):
            raise InputError(f"«{email}» ligner ikke en e-mailadresse.")
        person.email = email.strip() or None
    if member_from is not None:
        person.member_from = dates.parse_date(member_from, today=now.date())
    session.add(person)
    session.flush()
    return _member(person)


def leave_member(
    session: Session, *, now: datetime, council: str | None, name: str, on: str | None = None
) -> Member:
    """Record that a member left the council (on ``on``, default today); history keeps them."""
    db = session_db(session)
    person, _ = _load(session, db, council, name)
    left = dates.parse_date(on, today=now.date()) if on else now.date()
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
    session.add(person)
    session.flush()
    return _member(person)
