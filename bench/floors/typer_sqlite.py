"""Floor: a minimal Typer command running the follow-up report's queries with stdlib sqlite3.

The same store and the same questions as ``udsat followups --next-meeting``: the council's next
meeting, the one before it, that meeting's actions and the council's open and postponed ones.
"""

import sqlite3

import typer

app = typer.Typer()


@app.command()
def followups(db: str, council: str, today: str) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (cid,) = conn.execute("SELECT id FROM council WHERE name = ?", (council,)).fetchone()
    nxt = conn.execute(
        "SELECT id, date FROM meeting WHERE council_id = ? AND date >= ? AND cancelled = 0 "
        "ORDER BY date LIMIT 1",
        (cid, today),
    ).fetchone()
    prev = conn.execute(
        "SELECT id FROM meeting WHERE council_id = ? AND date < ? AND cancelled = 0 "
        "ORDER BY date DESC LIMIT 1",
        (cid, nxt[1]),
    ).fetchone()
    rows = conn.execute(
        "SELECT id, title, status, due_date FROM action WHERE meeting_id = ? "
        "UNION ALL SELECT id, title, status, due_date FROM action WHERE council_id = ? "
        "AND status IN ('open', 'in_progress', 'postponed') AND meeting_id <> ?",
        (prev[0], cid, prev[0]),
    )
    for row in rows:
        print(*row, sep=" · ")


if __name__ == "__main__":
    app()
