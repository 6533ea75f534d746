"""Full-text search in the dialect's own way: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL.

Both return rows of (kind, id, rank, text) for a council, best first; ``kind`` is item, action or
note (the id of a note is its action's id).

Every word is indexed under its council's key (``keyed``: »frikort« in council 12 is the term
»c12xfrikort«), so a search, prefix words and all, reads only its own council's terms: its time
follows the council's own rows, not the store's (migration m019).
"""

from __future__ import annotations

import re
from typing import Any

from udsat_cli.store.db import Db

Row = tuple[str, int, float, str]

# A word as SQLite's unicode61 tokenizer sees one: letters and digits (an underscore separates).
_WORD = re.compile(r"[^\W_]+")
_WORD_START = re.compile(r"(?<![^\W_])(?=[^\W_])")


def terms(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def key(council_id: int) -> str:
    return f"c{int(council_id)}x"


def keyed(council_id: int | None, text: str | None) -> str | None:
    """The text with every word under the council's key: "Socialt frikort" in council 12 is
    "c12xSocialt c12xfrikort". The SQL function udsat_keyed the SQLite triggers call."""
    if text is None or council_id is None:
        return text
    return _WORD_START.sub(key(council_id), text)


def register(connection: Any) -> None:
    """Make udsat_keyed known on a stdlib sqlite3 connection: the triggers that keep the index
    call it, so every connection that may write to the tables it indexes needs it."""
    connection.create_function("udsat_keyed", 2, keyed, deterministic=True)


def _unkeyed(council_id: int, snippet: str) -> str:
    # Only the key a word starts with: a word that itself began with the key keeps its own.
    return re.sub(rf"(?<![^\W_]){key(council_id)}", "", snippet)


def search_rows(db: Db, *, council_id: int, text: str, limit: int) -> list[Row]:
    words = terms(text)
    if not words:
        return []
    if db.dialect == "postgresql":
        return _postgresql(db, council_id, words, limit)
    prefix = key(council_id)
    query = " ".join(f'"{prefix}{w}"*' for w in words)  # every word, each also as a prefix
    return [
        (kind, ref_id if kind != "note" else action_id, -rank, _unkeyed(council_id, snippet))
        for kind, ref_id, action_id, rank, snippet in db.rows(
            "SELECT s.kind, s.ref_id, e.action_id, bm25(search_index), "
            "snippet(search_index, 0, '»', '«', '…', 16) FROM search_index s "
            "LEFT JOIN action_event e ON s.kind = 'note' AND e.id = s.ref_id "
            "WHERE search_index MATCH :q ORDER BY bm25(search_index) LIMIT :n",
            q=query,
            n=limit,
        )
    ]


def _postgresql(db: Db, council_id: int, words: list[str], limit: int) -> list[Row]:
    # The words' Danish lexemes, each a prefix, under the council's key (as udsat_keyed indexes
    # them); the best rows are found through the GIN index, their headlines made for those only.
    query = " & ".join(f"{w}:*" for w in words)
    rows: Any = db.rows(
        "SELECT s.kind, coalesce(e.action_id, s.ref_id), s.rank, ts_headline('danish', s.body, "
        "to_tsquery('danish', :q), 'StartSel=», StopSel=«, MaxWords=16, MinWords=6, "
        "FragmentDelimiter=…, MaxFragments=2') FROM ("
        "SELECT d.id, d.kind, d.ref_id, d.body, ts_rank(d.terms, k.q) AS rank FROM search_doc d, "
        "(SELECT regexp_replace(to_tsquery('danish', :q)::text, '''([^'']+)''', :k, 'g')"
        "::tsquery AS q) k WHERE d.terms @@ k.q ORDER BY rank DESC, d.id LIMIT :n) s "
        "LEFT JOIN action_event e ON s.kind = 'note' AND e.id = s.ref_id "
        "ORDER BY s.rank DESC, s.id",
        q=query,
        k=f"'{key(council_id)}\\1'",
        n=limit,
    )
    return [(kind, rid, float(rank), body) for kind, rid, rank, body in rows]
