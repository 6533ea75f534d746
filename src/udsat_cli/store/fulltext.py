"""Full-text search in the dialect's own way: FTS5 on SQLite, to_tsvector('danish') on PostgreSQL.

Both return rows of (kind, id, rank, text) for a council, best first; ``kind`` is item, action or
note (the id of a note is its action's id).
"""

from __future__ import annotations

import re
from typing import Any

from udsat_cli.store.db import Db

Row = tuple[str, int, float, str]


def terms(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def search_rows(db: Db, *, council_id: int, text: str, limit: int) -> list[Row]:
    words = terms(text)
    if not words:
        return []
    if db.dialect == "postgresql":
        return _postgresql(db, council_id, words, limit)
    query = " ".join(f'"{w}"*' for w in words)  # every word, each also as a prefix
    return [
        (kind, ref_id if kind != "note" else action_id, -rank, snippet)
        for kind, ref_id, action_id, rank, snippet in db.rows(
            "SELECT s.kind, s.ref_id, e.action_id, bm25(search_index), "
            "snippet(search_index, 0, '»', '«', '…', 16) FROM search_index s "
            "LEFT JOIN action_event e ON s.kind = 'note' AND e.id = s.ref_id "
            "WHERE search_index MATCH :q AND s.council_id = :c "
            "ORDER BY bm25(search_index) LIMIT :n",
            q=query,
            c=council_id,
            n=limit,
        )
    ]


def _postgresql(db: Db, council_id: int, words: list[str], limit: int) -> list[Row]:
    query = " & ".join(f"{w}:*" for w in words)
    rows: Any = db.rows(
        "SELECT kind, id, ts_rank(to_tsvector('danish', body), q) AS rank, "
        "ts_headline('danish', body, q, 'StartSel=», StopSel=«, MaxWords=16, MinWords=6, "
        "FragmentDelimiter=…, MaxFragments=2') FROM ("
        "SELECT 'item' AS kind, i.id, concat_ws(' ', i.title, i.background, i.decision) AS body "
        "FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.council_id = :c "
        "UNION ALL SELECT 'action', a.id, concat_ws(' ', a.title, a.details) FROM action a "
        "WHERE a.council_id = :c UNION ALL SELECT 'note', e.action_id, e.note "
        "FROM action_event e JOIN action a ON a.id = e.action_id "
        "WHERE a.council_id = :c AND e.note IS NOT NULL) s, to_tsquery('danish', :q) q "
        "WHERE to_tsvector('danish', body) @@ q ORDER BY rank DESC LIMIT :n",
        c=council_id,
        q=query,
        n=limit,
    )
    return [(kind, rid, float(rank), body) for kind, rid, rank, body in rows]
