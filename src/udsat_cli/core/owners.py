"""Who owns a follow-up, as the minutes write it: a person of the council (full name, short name or
a unique first name), the council itself (»rådet«, »Udsatterådet«, »vi«, »medlemmerne«), or a unit
(»forvaltningen«, »sekretariatet«, »Social & Familie«' afdeling …). Bodies are owners of their own,
kept as written, never made-up people in the member list."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, NamedTuple

from udsat_cli.errors import AmbiguousError, InputError, NotFoundError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

# The council itself, as minutes name it.
COUNCIL_WORDS = frozenset(
    {
        "rådet",
        "hele rådet",
        "vi",
        "os",
        "medlemmerne",
        "alle medlemmer",
        "rådsmedlemmerne",
        "medlemmerne af rådet",
        "bestyrelsen",
        "hele bestyrelsen",
        "bestyrelsesmedlemmerne",
        "alle",
        "fællesskabet",
    }
)
# Pronouns mean nothing out of their sentence: they are shown as »rådet«.
PRONOUNS = frozenset({"vi", "os", "alle"})
# Units of the municipality or the council: the words, and the endings of compound names.
UNIT_WORDS = frozenset(
    {
        "forvaltningen",
        "sekretariatet",
        "formandskabet",
        "administrationen",
        "kommunen",
        "direktionen",
        "ledelsen",
        "udvalget",
        "arbejdsgruppen",
        "styregruppen",
        "driften",
        "jobcenteret",
        "jobcentret",
        "borgerservice",
        "kommunikationsafdelingen",
        "centret",
        "centeret",
        "afdelingen",
        "staben",
        "økonomiafdelingen",
    }
)
UNIT_ENDINGS = (
    "forvaltningen",
    "sekretariatet",
    "afdelingen",
    "centret",
    "centeret",
    "udvalget",
    "direktionen",
    "gruppen",
    "staben",
    "rådgivningen",
)
# Words a unit's name begins with: »Center for Socialpsykiatri«, »Team Bostøtte«.
UNIT_HEADS = (
    "center",
    "centret",
    "afdeling",
    "afdelingen",
    "team",
    "teamet",
    "enhed",
    "enheden",
    "kontor",
    "kontoret",
    "sekretariat",
    "sekretariatet",
)
# Two areas joined, as the municipality names its units: »Social & Familie«, »Ældre & Handicap«,
# »Social- og Sundhedsforvaltningen« (a person's name is never written so).
_AREA = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}"
_JOINED = re.compile(rf"{_AREA}\s*&\s*{_AREA}")
_COORDINATED = re.compile(r"[^\W\d_]+-\s+(?:og|&)\s+[^\W\d_]")


class Owner(NamedTuple):
    kind: str  # person, council or unit
    label: str  # the person's full name, or the body as written
    person_id: int | None = None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def is_unit(name: str) -> bool:
    """Whether ``name`` is written as a unit of the municipality or a body outside the council
    (»forvaltningen«, »Jobcentret«, »Ældrerådet«, »Social & Familie«, »Social- og
    Sundhedsforvaltningen«, »Center for Socialpsykiatri«): the one rule for owners typed by hand
    and read from minutes."""
    written = " ".join(name.split())
    words = written.casefold().split()
    if not words:
        return False
    return (
        " ".join(words) in UNIT_WORDS
        or words[-1].endswith(UNIT_ENDINGS)
        or words[-1].endswith(("rådet", "rådets"))  # another council (»Ældrerådet«)
        or (words[0] in UNIT_HEADS and len(words) > 1)
        or _JOINED.fullmatch(written) is not None
        or _COORDINATED.search(written) is not None
    )


def body(council: CouncilContext, name: str) -> Owner | None:
    """The council or a unit, when ``name`` is one; None for what may be a person (and for
    »Jette & Søren«: two of the council's people, not a unit)."""
    key = _key(name)
    written = " ".join(name.split())
    own = council.name.casefold()
    if key in COUNCIL_WORDS or key in (own, own.split()[0]):
        return Owner("council", "rådet" if key in PRONOUNS else written)
    if is_unit(written) and not _people_joined(council, written):
        return Owner("unit", written)
    return None


def _people_joined(council: CouncilContext, name: str) -> list[str]:
    """The council's people in »Jette & Søren«, if each side names one."""
    sides = [side for side in re.split(r"\s*&\s*", name) if side]
    hits = [person_matches(council, side) for side in sides] if len(sides) > 1 else []
    return [found[0][1] for found in hits if len(found) == 1] if all(hits) else []


def _people(council: CouncilContext) -> list[tuple[int, str, str | None]]:
    return council.db.all(
        "SELECT id, full_name, short_name FROM person WHERE council_id = :c ORDER BY full_name",
        c=council.id,
    )


def person_matches(council: CouncilContext, name: str) -> list[tuple[int, str]]:
    """The people a name can mean: a full name, else a short name, else a first name, else the
    first names without the last (»Poul Erik« for Poul Erik Dam), else first and last name
    (»Poul Dam«), else a last name (»Dam«)."""
    key = _key(name)
    words = key.split()
    rows = _people(council)
    for test in (
        lambda full, short: full.casefold() == key,
        lambda full, short: bool(short) and short.casefold() == key,
        lambda full, short: (full.split() or [""])[0].casefold() == key,
        lambda full, short: len(words) > 1 and full.casefold().split()[: len(words)] == words,
        lambda full, short: (
            len(words) == 2
            and len(full.split()) > 2
            and [full.split()[0].casefold(), full.split()[-1].casefold()] == words
        ),
        lambda full, short: (
            len(words) == 1 and len(full.split()) > 1 and full.split()[-1].casefold() == key
        ),
    ):
        hits = [(pid, full) for pid, full, short in rows if test(full, short)]
        if hits:
            return hits
    return []


def suggestions(council: CouncilContext, name: str) -> list[str]:
    """Full names close to a misspelt name: »Sørn« -> Søren Mogensen."""
    forms: dict[str, str] = {}
    for _pid, full, short in _people(council):
        for form in (full, short, (full.split() or [""])[0]):
            if form:
                forms.setdefault(form.casefold(), full)
    close = difflib.get_close_matches(_key(name), list(forms), n=4, cutoff=0.7)
    return list(dict.fromkeys(forms[c] for c in close))


def unknown_person(council: CouncilContext, name: str, *, lookup: bool = False) -> NotFoundError:
    """Nobody is called ``name``: the nearest names, and how to add the person. A ``lookup`` (a
    filter, an edit) names someone already there: it offers no new person."""
    from udsat_cli.danish import join_names

    close = suggestions(council, name)
    if lookup:
        if close:
            return NotFoundError(
                f"Ingen i {council.name} hedder »{name}«; mente du {join_names(close, 'eller')}?"
            )
        return NotFoundError(
            f"Ingen i {council.name} hedder »{name}«; se navnene med: udsat member list --all."
        )
    hint = f"mente du {join_names(close, 'eller')}? Ellers " if close else ""
    return NotFoundError(
        f"Ingen i {council.name} hedder »{name}«; {hint}tilføj personen med: "
        f'udsat member add "{name}" (brug --role ekstern for personer uden for rådet).'
    )


def resolve_owner(council: CouncilContext, name: str, *, lookup: bool = False) -> Owner:
    """The owner ``name`` means; ``lookup``: one already there (an owner to remove)."""
    if not name.strip():
        raise InputError("Et navn må ikke være tomt.")
    hits = person_matches(council, name)
    if len(hits) == 1:
        return Owner("person", hits[0][1], hits[0][0])
    if hits:
        names = ", ".join(full for _, full in hits)
        raise AmbiguousError(f"Flere personer passer på »{name}«: {names}; skriv det fulde navn.")
    found = body(council, name)
    if found is None:
        if people := _people_joined(council, name):
            from udsat_cli.danish import join_names

            raise InputError(
                f"»{' '.join(name.split())}« er {join_names(people)}; angiv hver "
                "med sit eget --owner."
            )
        raise unknown_person(council, name, lookup=lookup)
    return found
