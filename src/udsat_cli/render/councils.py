"""A council's standing-order settings, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli.core.standing import CARRIES
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.councils import CouncilSettings
    from udsat_cli.core.standing import StandingPoint


def settings_text(found: CouncilSettings) -> Iterator[str]:
    def days(n: int | None, what: str) -> str:
        return f"{n} dage før mødet" if n else f"ingen frist sat ({what})"

    yield found.council
    yield f"  Forslag til dagsordenen senest: {days(found.proposals_days, '--proposals-days')}"
    yield f"  Dagsordenen sendes ud senest:   {days(found.agenda_days, '--agenda-days')}"
    quorum = f"{found.quorum} medlemmer" if found.quorum else "halvdelen af medlemmerne"
    yield f"  Beslutningsdygtigt med:         {quorum}"
    grouping = "under én overskrift pr. type" if found.group_items else "i rækkefølge med typen"
    yield f"  Punkterne står:                 {grouping}"
    yield f"  Bilag med indkaldelsen:         højst {found.attachment_limit_mb} MB i alt"
    own = "rådets egne" if found.points.own else "udsats; ret dem med --points-before/-after"
    yield f"  Faste punkter ({own}):"
    for point in found.points.before:
        yield f"    {_point(point)}"
    yield "    … mødets egne punkter …"
    for point in found.points.after:
        yield f"    {_point(point)}"


def _point(point: StandingPoint) -> str:
    carries = CARRIES.get(point.key)
    return point.title + (f" (med {carries})" if carries else "")


COUNCILS_SETTINGS = view(__name__, "settings")
