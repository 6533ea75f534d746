"""Search hits, printed: where each was found and the words around it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates

if TYPE_CHECKING:
    from udsat_cli.core.search import SearchResult

KIND_WORDS = {"item": "punkt", "action": "opgave", "note": "note til opgave"}


def text(found: SearchResult) -> Iterator[str]:
    if not found.hits:
        yield "Intet fundet."
        return
    for h in found.hits:
        where = f"mødet {dates.long_date(h.meeting)}" if h.meeting else "uden møde"
        item = f" · {h.item}" if h.item and h.kind != "item" else ""
        yield f"{where}{item} · {KIND_WORDS[h.kind]} #{h.id}"
        yield f"  {h.text}"
