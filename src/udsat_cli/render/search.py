"""Search hits, printed: where each was found and the words around it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.search import SearchResult


def text(found: SearchResult) -> Iterator[str]:
    """»Mødet 1. april 2019 · punkt 4 »Fokus på socialt frikort« · opgave #12«: where a hit is,
    by the item's number on that agenda and its title (an item has no number of its own)."""
    if not found.hits:
        yield "Intet fundet."
        return
    for h in found.hits:
        parts = [f"Mødet {dates.long_date(h.meeting)}" if h.meeting else "Uden møde"]
        if h.item:
            parts.append(f"punkt {h.item_number} »{h.item}«" if h.item_number else f"»{h.item}«")
        if h.kind == "action":
            parts.append(f"opgave #{h.id}")
        elif h.kind == "note":
            parts.append(f"note til opgave #{h.id}")
        yield " · ".join(parts)
        yield f"  {h.text}"


SEARCH = view(__name__)
