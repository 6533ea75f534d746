"""The backlog of points for coming agendas, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.topics import TopicList


def text(found: TopicList) -> Iterator[str]:
    if not found.topics:
        yield "Ingen punkter på listen."
        return
    for t in found.topics:
        where = f"mødet {dates.long_date(t.meeting.date)}" if t.meeting else "intet møde planlagt"
        state = " (taget af listen)" if t.dropped else ""
        if t.taken:
            state = f" (taget op som punkt {t.taken[1]} på mødet {dates.long_date(t.taken[0])})"
        yield f"#{t.id} {t.title} → {where}{state}"


TOPICS = view(__name__)
