"""The report and listing queries find their rows through indexes, never by reading every action."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime

import pytest

from tests.conftest import Store, ok
from udsat_cli.core import actions, followups
from udsat_cli.core.context import council_context
from udsat_cli.store.db import Db, _sqlite_value

pytestmark = pytest.mark.sqlite_only

FULL_SCAN = re.compile(r"\bSCAN (action|action_owner|action_event|a|ao|e)\b(?! USING COVERING)")


class RecordingDb(Db):
    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__(connection, alchemy=False)
        self.statements: list[tuple[str, dict]] = []

    def rows(self, sql: str, **params):
        self.statements.append((sql, params))
        yield from super().rows(sql, **params)


def test_read_queries_use_indexes(council: Store) -> None:
    for day, owner in (("2019-03-05", "Jette"), ("2019-04-02", "Søren"), ("2019-04-02", "Helge")):
        ok(
            "--today",
            day,
            "add-action",
            f"Opgave for {owner}",
            "--owner",
            owner,
            "--due",
            "næste møde",
            "--note",
            "En note",
        )
    ok("meeting", "add", "23. maj 2019")
    conn = sqlite3.connect(council.path)
    db = RecordingDb(conn)
    today = date(2019, 5, 20)
    council = council_context(db, name=None, today=today, now=datetime.now())
    followups.followups(council)
    actions.list_actions(council, owner="Søren")
    assert len(db.statements) >= 8
    for sql, params in db.statements:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN " + sql, {k: _sqlite_value(v) for k, v in params.items()}
        ).fetchall()
        steps = [row[3] for row in plan]
        assert not [s for s in steps if FULL_SCAN.search(s)], (sql, steps)


def test_search_for_one_council_reads_only_that_councils_index(council: Store) -> None:
    """Each word is indexed under its council's key, so the full-text index answers a council's
    search from that council's terms alone, however many councils share the store."""
    ok(
        "--today",
        "2019-04-02",
        "add-action",
        "Skrive om socialt frikort",
        "--owner",
        "Jette",
        "--note",
        "Frikortet er forsinket",
    )
    ok("init", "--council", "Ældrerådet")
    ok("--council", "Ældrerådet", "meeting", "add", "2. april 2019")
    ok(
        "--council",
        "Ældrerådet",
        "item",
        "add",
        "2/4-2019",
        "Frikort og frivillige",
        "--decision",
        "Rådet skriver om frikortet.",
    )
    conn = sqlite3.connect(council.path)
    db = RecordingDb(conn)
    ctx = council_context(
        db, name="Udsatterådet Albertslund", today=date(2019, 4, 2), now=datetime.now()
    )
    from udsat_cli.core.search import search

    found = search(ctx, text="frikort")
    assert {(h.kind, h.id) for h in found.hits} == {("action", 1), ("note", 1)}
    assert sorted(h.text for h in found.hits) == [
        "Skrive om socialt »frikort«",
        "»Frikortet« er forsinket",
    ]
    [(sql, params)] = [(s, p) for s, p in db.statements if "MATCH" in s]
    plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    # The MATCH is answered by the full-text index (M), with no table read whole beside it,
    assert plan[0].startswith("SCAN s VIRTUAL TABLE INDEX 0:M"), plan
    assert not [s for s in plan[1:] if s.startswith("SCAN")], plan
    # for terms under this council's key only,
    assert params["q"] == '"c1xfrikort"*'
    # and every term of this council's rows, and of no other council's, carries that key.
    conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, search_index, instance)")
    owners = conn.execute(
        "SELECT DISTINCT substr(t.term, 1, instr(t.term, 'x')), s.council_id "
        "FROM temp.terms t JOIN search_index s ON s.rowid = t.doc"
    ).fetchall()
    assert sorted(owners) == [("c1x", 1), ("c2x", 2)]
