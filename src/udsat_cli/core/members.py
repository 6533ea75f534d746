"""Adding people: members of the council and the people outside it who take on tasks."""

from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import Session

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
        member_from=None if role == "ekstern" else now.date(),
        created_at=now,
    )
    session.add(person)
    session.flush()
    return Member(
        person.id, person.full_name, person.short_name, role, person.email, person.member_from, None
    )
