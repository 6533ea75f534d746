"""A council's standing-order settings, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from udsat_cli.core.councils import CouncilSettings


def settings_text(found: CouncilSettings) -> Iterator[str]:
    def days(n: int | None, what: str) -> str:
        return f"{n} dage før mødet" if n else f"ingen frist sat ({what})"

    yield found.council
    yield f"  Forslag til dagsordenen senest: {days(found.proposals_days, '--proposals-days')}"
    yield f"  Dagsordenen sendes ud senest:   {days(found.agenda_days, '--agenda-days')}"
    quorum = f"{found.quorum} medlemmer" if found.quorum else "halvdelen af medlemmerne"
    yield f"  Beslutningsdygtigt med:         {quorum}"
