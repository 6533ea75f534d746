"""Floor: a minimal Typer command running the follow-up report's queries with psycopg.

The PostgreSQL twin of typer_sqlite.py: the same store, the same questions as
``udsat followups --next-meeting``, in one read-only transaction on one connection.
"""

import psycopg
import typer

app = typer.Typer()


@app.command()
def followups(url: str, council: str, today: str) -> None:
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        (cid,) = conn.execute("SELECT id FROM council WHERE name = %s", (council,)).fetchone()
        nxt = conn.execute(
            "SELECT id, date FROM meeting WHERE council_id = %s AND date >= %s "
            "AND cancelled = false ORDER BY date LIMIT 1",
            (cid, today),
        ).fetchone()
        prev = conn.execute(
            "SELECT id FROM meeting WHERE council_id = %s AND date < %s AND cancelled = false "
            "ORDER BY date DESC LIMIT 1",
            (cid, nxt[1]),
        ).fetchone()
        rows = conn.execute(
            "SELECT id, title, status, due_date FROM action WHERE meeting_id = %s "
            "UNION ALL SELECT id, title, status, due_date FROM action WHERE council_id = %s "
            "AND status IN ('open', 'in_progress', 'postponed') AND meeting_id <> %s",
            (prev[0], cid, prev[0]),
        )
        for row in rows:
            print(*row, sep=" · ")


if __name__ == "__main__":
    app()
