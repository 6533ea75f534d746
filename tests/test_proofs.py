"""Proofs that real use loses nothing: writers at the same time, SIGKILL in the middle of a
write, and arbitrary text at every argument of every command."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import Store, ok

ROOT = Path(__file__).resolve().parents[1]
LOOP = [sys.executable, str(ROOT / "tests" / "cli_loop.py")]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture
def jette(isolated_store: Store) -> Store:
    ok("init", "--council", "Udsatterådet")
    ok("member", "add", "Jette Nyboe", "--email", "jette@example.dk")
    ok("member", "add", "Søren Mogensen")
    ok("meeting", "add", "1. april 2019 kl. 16-18")
    ok("meeting", "add", "6. maj 2019 kl. 16-18")
    return isolated_store


@pytest.mark.slow
def test_two_writers_and_a_reminder_lose_nothing(jette: Store, tmp_path: Path) -> None:
    stop = tmp_path / "stop"
    reminder = subprocess.Popen(
        [*LOOP, "remind-until", str(stop)], env=_env(), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    writers = [
        subprocess.Popen(
            [*LOOP, "add", tag, "0", "500"],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for tag in ("A", "B")
    ]
    results = [w.communicate(timeout=600) for w in writers]
    stop.touch()
    reminded, reminder_errors = reminder.communicate(timeout=120)
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert (writer.returncode, err) == (0, ""), err  # no "database is locked", nothing at all
    assert (reminder.returncode, reminder_errors) == (0, "")
    assert "Jette Nyboe" in reminded  # it ran while the writers wrote
    printed = [int(n) for out, _ in results for n in re.findall(r"Tilføjede opgave #(\d+)\.", out)]
    assert len(printed) == 1000 and len(set(printed)) == 1000
    stored = jette.query("SELECT id, title FROM action")
    assert sorted(i for i, _ in stored) == sorted(printed)
    assert sorted(t for _, t in stored) == sorted(
        f"Opgave {tag}-{i}" for tag in ("A", "B") for i in range(500)
    )
    assert jette.query("SELECT COUNT(*) FROM action_owner") == [(1000,)]
    assert jette.query("SELECT COUNT(*) FROM change_set") == [(1000 + 4 + 1,)]  # + set-up


def _whole_commands(store: Store, count: int) -> None:
    """Every command the killed processes finished is there in full, and nothing else."""
    titles = [t for (t,) in store.query("SELECT title FROM action ORDER BY id")]
    assert titles == [f"Opgave {i}" for i in range(count)]
    per_action = store.query(
        "SELECT a.id, (SELECT COUNT(*) FROM action_owner o WHERE o.action_id = a.id), "
        "(SELECT COUNT(*) FROM action_event e WHERE e.action_id = a.id AND e.kind = 'created' "
        " AND e.note = 'Note ' || (a.id - 1)), "
        "(SELECT COUNT(*) FROM action_event e WHERE e.action_id = a.id AND e.kind = 'status'), "
        "a.status, (SELECT COUNT(*) FROM search_index s "
        " WHERE s.kind = 'action' AND s.ref_id = a.id) FROM action a ORDER BY a.id"
    )
    for action_id, owners, created, status_events, status, indexed in per_action:
        i = action_id - 1
        assert (owners, created, indexed) == (2, 1, 1), action_id
        assert (status_events, status) in ((0, "open"), (1, "in_progress")), action_id
        # Action i is updated right after action i + 1 is added, so only those can have been.
        if not (i % 3 == 1 and action_id < count):
            assert (status_events, status) == (0, "open"), action_id
    # One change set per finished command, each with its rows; no item without its action.
    assert store.query(
        "SELECT COUNT(*) FROM change_set c WHERE NOT EXISTS "
        "(SELECT 1 FROM change_row r WHERE r.change_set_id = c.id)"
    ) == [(0,)]
    assert store.query(
        "SELECT COUNT(*) FROM agenda_item i WHERE NOT EXISTS "
        "(SELECT 1 FROM action a WHERE a.item_id = i.id)"
    ) == [(0,)]


@pytest.mark.slow
@pytest.mark.sqlite_only  # PostgreSQL's own crash safety is the server's, not udsat's
def test_sigkill_in_the_middle_of_writes_leaves_only_whole_commands(jette: Store) -> None:
    assert jette.path is not None
    rng = random.Random(2026)
    kills = 0
    while kills < 50:
        done = jette.query("SELECT COUNT(*) FROM action")[0][0]
        writer = subprocess.Popen(
            [*LOOP, "mixed", str(done), "1000"], env=_env(), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert writer.stdout is not None
        writer.stdout.readline()  # its first command has committed: it is inside the loop now
        time.sleep(rng.uniform(0, 0.3))
        writer.send_signal(signal.SIGKILL)
        _out, err = writer.communicate()
        assert writer.returncode == -signal.SIGKILL and err == ""
        kills += 1
        with sqlite3.connect(jette.path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = jette.query("SELECT COUNT(*) FROM action")[0][0]
        _whole_commands(jette, count)
    assert count > 50
    assert "Opgave 0" in ok("actions")  # and the store still works
