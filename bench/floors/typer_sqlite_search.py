"""Floor: a minimal Typer command running the search's queries with stdlib sqlite3.

The same store and the same questions as ``udsat search WORD``: the council, its best matches in
the full-text index (each word a prefix under the council's key, as udsat indexes it) and where
each match was made (its meeting and agenda item).
"""

import re
import sqlite3

import typer

app = typer.Typer()


@app.command()
def search(db: str, council: str, text: str) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (cid,) = conn.execute("SELECT id FROM council WHERE name = ?", (council,)).fetchone()
    query = " ".join(f'"c{cid}x{w}"*' for w in re.findall(r"[^\W_]+", text.casefold()))
    hits = conn.execute(
        "SELECT s.kind, s.ref_id, e.action_id, bm25(search_index), "
        "snippet(search_index, 0, '»', '«', '…', 16) FROM search_index s "
        "LEFT JOIN action_event e ON s.kind = 'note' AND e.id = s.ref_id "
        "WHERE search_index MATCH ? ORDER BY bm25(search_index) LIMIT 30",
        (query,),
    ).fetchall()
    items = [h[1] for h in hits if h[0] == "item"]
    actions = [h[1] if h[0] == "action" else h[2] for h in hits if h[0] != "item"]
    where = {}
    for is_item, ids, sql in (
        (
            True,
            items,
            "SELECT i.id, m.date, i.title, i.number FROM agenda_item i "
            "JOIN meeting m ON m.id = i.meeting_id WHERE i.id IN ({})",
        ),
        (
            False,
            actions,
            "SELECT a.id, m.date, i.title, i.number FROM action a "
            "LEFT JOIN meeting m ON m.id = a.meeting_id "
            "LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.id IN ({})",
        ),
    ):
        if ids:
            for row in conn.execute(sql.format(", ".join("?" * len(ids))), ids):
                where[is_item, row[0]] = row[1:]
    for kind, ref_id, action_id, _, snippet in hits:
        found = where.get((kind == "item", action_id or ref_id), ())
        print(kind, ref_id, *found, snippet.replace(f"c{cid}x", ""), sep=" · ")


if __name__ == "__main__":
    app()
