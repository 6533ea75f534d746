"""Floor: a minimal Typer command running the search's queries with psycopg.

The PostgreSQL twin of typer_sqlite_search.py: the council, its best matches through the GIN
index of keyed lexemes (as udsat indexes them), their headlines and where each match was made.
"""

import psycopg
import typer

app = typer.Typer()


@app.command()
def search(url: str, council: str, text: str) -> None:
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        (cid,) = conn.execute("SELECT id FROM council WHERE name = %s", (council,)).fetchone()
        query = " & ".join(f"{w}:*" for w in text.casefold().split())
        hits = conn.execute(
            "SELECT s.kind, coalesce(e.action_id, s.ref_id), s.rank, ts_headline('danish', "
            "s.body, to_tsquery('danish', %(q)s), 'StartSel=», StopSel=«, MaxWords=16, "
            "MinWords=6, FragmentDelimiter=…, MaxFragments=2') FROM ("
            "SELECT d.id, d.kind, d.ref_id, d.body, ts_rank(d.terms, k.q) AS rank "
            "FROM search_doc d, (SELECT regexp_replace(to_tsquery('danish', %(q)s)::text, "
            "'''([^'']+)''', %(k)s, 'g')::tsquery AS q) k WHERE d.terms @@ k.q "
            "ORDER BY rank DESC, d.id LIMIT 30) s LEFT JOIN action_event e ON s.kind = 'note' "
            "AND e.id = s.ref_id ORDER BY s.rank DESC, s.id",
            {"q": query, "k": f"'c{cid}x\\1'"},
        ).fetchall()
        items = [h[1] for h in hits if h[0] == "item"]
        actions = [h[1] for h in hits if h[0] != "item"]
        where = {}
        for is_item, ids, sql in (
            (
                True,
                items,
                "SELECT i.id, m.date, i.title, i.number FROM agenda_item i "
                "JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ANY(%s)",
            ),
            (
                False,
                actions,
                "SELECT a.id, m.date, i.title, i.number FROM action a "
                "LEFT JOIN meeting m ON m.id = a.meeting_id "
                "LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.id = ANY(%s)",
            ),
        ):
            if ids:
                for row in conn.execute(sql, (ids,)):
                    where[is_item, row[0]] = row[1:]
        for kind, ref_id, _, headline in hits:
            print(kind, ref_id, *where.get((kind == "item", ref_id), ()), headline, sep=" · ")


if __name__ == "__main__":
    app()
