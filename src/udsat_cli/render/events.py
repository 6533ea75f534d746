"""Events the council takes part in, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli.render.agenda import event_line
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.events import EventList


def text(found: EventList) -> Iterator[str]:
    yield from [f"#{e.id} {event_line(e)}" for e in found.events] or ["Ingen arrangementer."]


EVENTS = view(__name__)
