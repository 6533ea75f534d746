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
        ok("--today", day, "add-action", f"Opgave for {owner}", "--owner", owner,
           "--due", "næste møde", "--note", "En note")  # fmt: skip
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
