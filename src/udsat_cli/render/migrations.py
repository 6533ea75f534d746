"""Where a store stands with its migrations (udsat migrate), printed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.danish import count
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.store.migrate import Migrated, MigrationStatus


def _applied_when(at: str) -> str:
    moment = datetime.fromisoformat(at).astimezone()
    return f"{dates.long_date(moment.date())} kl. {moment:%H.%M}"


def status_text(found: MigrationStatus) -> Iterator[str]:
    yield f"Lager: {found.location}"
    for name, at in found.applied:
        yield f"  anvendt  {name}  ({_applied_when(at)})"
    for name in found.pending:
        yield f"  mangler  {name}"
    total = len(found.applied) + len(found.pending)
    if found.pending:
        changes = count(total, "ændring", "ændringer")
        yield f"{len(found.pending)} af {changes} mangler; kør: udsat migrate"
    else:
        yield f"Lageret er opdateret ({total} af {count(total, 'ændring', 'ændringer')})."


def migrated_text(found: Migrated) -> Iterator[str]:
    if not found.names:
        yield f"Lageret {found.location} er allerede opdateret."
    else:
        yield f"Opdaterede lageret {found.location}: {', '.join(found.names)}."


MIGRATIONS_MIGRATED = view(__name__, "migrated")
MIGRATIONS_STATUS = view(__name__, "status")
