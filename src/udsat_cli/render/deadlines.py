"""How udsat reads a date or deadline (udsat date), printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.deadlines import Explanation


def text(found: Explanation) -> Iterator[str]:
    """fredag d. 31. maj 2019 · næste møde: torsdag d. 23. maj 2019 kl. 16.00"""
    if found.reading.kind == "date":
        r = found.reading
        assert r.date is not None
        yield dates.meeting_when(r.date, r.time, r.end_time)
    elif found.meeting is None:
        yield f"{found.label}: intet møde planlagt endnu"
    else:
        m = found.meeting
        yield f"{found.label}: {dates.meeting_when(m.date, m.start, m.end)}"


DEADLINES = view(__name__)
