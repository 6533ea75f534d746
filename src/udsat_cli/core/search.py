"""Finding what the council decided: "Hvad besluttede vi om socialt frikort?"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli.errors import InputError
from udsat_cli.store.db import as_date, in_list
from udsat_cli.store.fulltext import search_rows

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class Hit:
    kind: str  # item, action or note
    id: int  # the item's or the action's id
    meeting: date | None
    item: str | None  # the agenda item it was found in or belongs to
    text: str
    rank: float
    item_number: int | None = None  # that item's number on its meeting's agenda


@dataclass
class SearchResult:
    council: str
    text: str
    hits: list[Hit]


def search(council: CouncilContext, *, text: str, limit: int = 30) -> SearchResult:
    db = council.db
    if not text.strip():
        raise InputError("Skriv hvad der skal søges efter, fx: udsat search frikort.")
    rows = search_rows(db, council_id=council.id, text=text, limit=limit)
    items = [rid for kind, rid, _, _ in rows if kind == "item"]
    actions = [rid for kind, rid, _, _ in rows if kind != "item"]
    where: dict[tuple[str, int], tuple[date | None, str | None, int | None]] = {}
    if items:
        ids, params = in_list("i", items)
        for iid, day, title, number in db.rows(
            "SELECT i.id, m.date, i.title, i.number FROM agenda_item i "
            f"JOIN meeting m ON m.id = i.meeting_id WHERE i.id IN {ids}",
            **params,
        ):
            where[("item", iid)] = (as_date(day), title, number)
    if actions:
        ids, params = in_list("a", actions)
        for aid, day, title, number in db.rows(
            "SELECT a.id, m.date, i.title, i.number FROM action a "
            "LEFT JOIN meeting m ON m.id = a.meeting_id "
            f"LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.id IN {ids}",
            **params,
        ):
            where[("action", aid)] = (as_date(day), title, number)
    hits = []
    for kind, rid, rank, snippet in rows:
        day, item, number = where.get(
            ("item" if kind == "item" else "action", rid), (None, None, None)
        )
        hits.append(Hit(kind, rid, day, item, " ".join(snippet.split()), round(rank, 4), number))
    return SearchResult(council.name, text, hits)
