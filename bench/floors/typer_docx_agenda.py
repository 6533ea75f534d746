"""Floor: a minimal Typer command writing the next meeting's agenda as a Word file.

What any Typer program pays to make ``udsat agenda --format docx``: the follow-up report's queries
(stdlib sqlite3, or psycopg for a postgresql:// URL), then python-docx: headings, the meeting's
details as a two-column table, the council's name in the page header, and a paragraph for each
follow-up and one for its owners, saved to the file. Paragraphs take the default style: naming
a style on each one makes python-docx scan every style of the document each time, a cost a
careful program does not pay (udsat looks each style up once).
"""

import typer
from docx import Document

app = typer.Typer()


def _connect(store: str):
    if store.startswith("postgresql"):
        import psycopg

        conn = psycopg.connect(store.replace("postgresql+psycopg://", "postgresql://"))
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return conn, "%s", "false"
    import sqlite3

    return sqlite3.connect(f"file:{store}?mode=ro", uri=True), "?", "0"


@app.command()
def agenda(store: str, council: str, today: str, out: str) -> None:
    conn, p, false = _connect(store)
    (cid,) = conn.execute(f"SELECT id FROM council WHERE name = {p}", (council,)).fetchone()
    nxt = conn.execute(
        f"SELECT id, date, start_time, end_time, place FROM meeting WHERE council_id = {p} "
        f"AND date >= {p} AND cancelled = {false} ORDER BY date LIMIT 1",
        (cid, today),
    ).fetchone()
    prev = conn.execute(
        f"SELECT id FROM meeting WHERE council_id = {p} AND date < {p} AND cancelled = {false} "
        "ORDER BY date DESC LIMIT 1",
        (cid, nxt[1]),
    ).fetchone()
    members = [
        n
        for (n,) in conn.execute(
            f"SELECT full_name FROM person WHERE council_id = {p} ORDER BY id", (cid,)
        )
    ]
    rows = conn.execute(
        "SELECT a.id, a.title, a.status, a.due_date, i.title FROM action a "
        f"LEFT JOIN agenda_item i ON i.id = a.item_id WHERE a.meeting_id = {p} UNION ALL "
        "SELECT a.id, a.title, a.status, a.due_date, NULL FROM action a "
        f"WHERE a.council_id = {p} AND a.status IN ('open', 'in_progress', 'postponed') "
        f"AND a.meeting_id <> {p}",
        (prev[0], cid, prev[0]),
    ).fetchall()
    owners: dict[int, list[str]] = {}
    for aid, name in conn.execute(
        "SELECT o.action_id, p.full_name FROM action_owner o JOIN person p ON p.id = o.person_id "
        f"JOIN action a ON a.id = o.action_id WHERE a.council_id = {p} "
        "AND a.status IN ('open', 'in_progress', 'postponed') ORDER BY o.action_id, o.position",
        (cid,),
    ):
        owners.setdefault(aid, []).append(name)
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = council
    doc.add_heading("Dagsorden", level=1)
    details = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Forum", council),
        ("Tid", f"{nxt[1]} kl. {nxt[2]}–{nxt[3]}"),
        ("Sted", nxt[4] or ""),
        ("Medlemmer", ", ".join(members)),
    ):
        cells = details.add_row().cells
        cells[0].text, cells[1].text = label, value
    doc.add_heading("1. Godkendelse af referat og dagsorden", level=2)
    doc.add_heading("2. Opfølgning på beslutningspunkter fra sidste møde", level=2)
    for aid, title, status, due, item in rows:
        if item:
            doc.add_paragraph(item)
        doc.add_paragraph(f"{title} [#{aid}]")
        names = ", ".join(owners.get(aid, []))
        doc.add_paragraph(f"Ansvarlige: {names} · Frist: {due or 'næste møde'} · Status: {status}")
    doc.save(out)


if __name__ == "__main__":
    app()
