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
from tests.test_remind import Inbox, smtp  # noqa: F401  (the SMTP fixture)

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
        [*LOOP, "remind-until", str(stop)],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writers = [
        subprocess.Popen(
            [*LOOP, "add", tag, "0", "500"],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
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
            [*LOOP, "mixed", str(done), "1000"],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
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


# --- publish and send-agenda (#29) --------------------------------------------------------------


def _whole_site(site: Path) -> set[str]:
    """The folder is one publication, whole: the mark lists every file in it and nothing more,
    every page is complete and the feed is well-formed XML."""
    import xml.etree.ElementTree as ET

    mark = (site / ".udsat-site").read_text(encoding="utf-8").splitlines()
    listed = set(mark[1:])
    present = {p.name for p in site.iterdir()} - {".udsat-site"}
    assert listed == present, listed ^ present
    for page in site.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>"), page.name
    ET.parse(site / "feed.xml")
    return present


@pytest.mark.slow
def test_publish_killed_100_times_leaves_a_whole_site(
    isolated_store: Store, tmp_path: Path
) -> None:
    from tests.conftest import DEMO_TODAY, demo_council

    demo = demo_council(isolated_store)
    first = demo.query("SELECT MIN(date) FROM meeting")[0][0]
    ok("--today", DEMO_TODAY, "minutes", "approve", first)
    site = tmp_path / "side"
    ok("--today", DEMO_TODAY, "publish", str(site))
    before = demo.dump()
    env = {**_env(), "PYTHONPATH": str(ROOT / "src")}
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "udsat_cli", "--today", "2026-11-23", "publish", str(site)],
        env=env,
        check=True,
        capture_output=True,
    )
    took = time.monotonic() - started
    rng = random.Random(29)
    finished = 0
    for n in range(100):
        day = f"2026-11-{23 + n % 5}"  # the footer's date moves: files change every run
        proc = subprocess.Popen(
            [sys.executable, "-m", "udsat_cli", "--today", day, "publish", str(site)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.3 * took, 1.1 * took))
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate()
        finished += proc.returncode == 0
        assert proc.returncode in (0, -signal.SIGKILL) and b"Traceback" not in err
        _whole_site(site)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".side-")]
        assert all(re.fullmatch(r"\.side-(ny|gammel)-[a-z0-9_]{8}", name) for name in leftovers)
    assert finished < 100  # some were killed in the middle
    out = ok("--today", DEMO_TODAY, "publish", str(site))
    assert out.startswith(f"Skrev siden i {site}")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".side-")] == []
    assert len(_whole_site(site)) == 6
    assert demo.dump() == before  # publish reads the store, never writes it


@pytest.mark.slow
def test_overlapping_send_agenda_runs_send_each_notice_once(isolated_store: Store, smtp) -> None:  # noqa: F811
    """Three runs at once against a slow mail server, four times, the agenda changed between:
    every member gets each version of the notice exactly once."""
    aug = ("--today", "2026-08-20")
    ok(*aug, "init", "--council", "Ældrerådet")
    people = [(f"Medlem {n}", f"medlem{n}@example.dk") for n in range(6)]
    for name, address in people:
        ok(*aug, "member", "add", name, "--email", address)
    ok(*aug, "meeting", "add", "1. september 2026 kl. 16-18", "--place", "Rådhuset")
    inbox = smtp(Inbox(delay=0.15))
    env = {**_env(), "PYTHONPATH": str(ROOT / "src")}
    for round_ in range(4):
        if round_:
            ok(*aug, "item", "add", "1/9-2026", f"Punkt {round_}")  # a changed agenda
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "udsat_cli", *aug, "send-agenda"],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(3)
        ]
        results = [proc.communicate(timeout=300) for proc in runs]
        assert [proc.returncode for proc in runs] == [0, 0, 0], results
        got = sorted(r[0] for r in inbox.recipients[round_ * 6 :])
        assert got == sorted(address for _, address in people), (round_, got)
    assert len(inbox.messages) == 24
    assert isolated_store.query("SELECT COUNT(*) FROM agenda_notice") == [(24,)]
