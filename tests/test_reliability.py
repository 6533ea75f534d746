"""Nobody else's work undone, nothing injected, every storage fault a clear answer. Races are run
with real processes; mail goes to the SMTP test server on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import ROOT, Store, dump, ok, run
from tests.test_remind import Inbox, smtp  # noqa: F401  (the SMTP fixture)

APRIL = ("--today", "2019-04-02")


def udsat(*args: str, **kwargs) -> subprocess.Popen:
    """A real udsat process on the test's store (the environment names it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "udsat_cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        **kwargs,
    )


@contextmanager
def write_lock_held(store: Store, seconds: float):
    """Hold the store's write lock from another connection for a while, so that commands
    started meanwhile queue behind it and then run one after the other."""
    ready = threading.Event()

    def hold() -> None:
        if store.path is not None:
            import sqlite3

            conn = sqlite3.connect(store.path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            ready.set()
            time.sleep(seconds)
            conn.execute("ROLLBACK")
            conn.close()
            return
        import sqlalchemy as sa

        engine = sa.create_engine(store.url)
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7510, hashtext(current_schema()))")
            ready.set()
            time.sleep(seconds)
        engine.dispose()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(10)
    try:
        yield
    finally:
        thread.join()


# --- undo, councils and races ------------------------------------------------------------------


@pytest.fixture
def two_councils(council: Store) -> Store:
    ok("init", "--council", "Ældrerådet Albertslund")
    ok("--council", "Ældrerådet Albertslund", "member", "add", "Kim Larsen")
    return council


def test_undo_reverts_this_councils_last_command(two_councils: Store) -> None:
    a, b = ("--council", "Udsatterådet Albertslund"), ("--council", "Ældrerådet Albertslund")
    ok(*a, *APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    ok(*b, *APRIL, "add-action", "Skrive høringssvar", "--owner", "Kim")
    assert "Kontakte AP" in ok(*a, "undo")
    titles = [t for (t,) in two_councils.query("SELECT title FROM action")]
    assert titles == ["Skrive høringssvar"]  # the other council's work stands


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_two_processes_in_two_councils_undo_their_own(two_councils: Store) -> None:
    councils = ("Udsatterådet Albertslund", "Ældrerådet Albertslund")
    owners = {"Udsatterådet Albertslund": "Jette", "Ældrerådet Albertslund": "Kim"}
    for round_ in range(6):
        procs = [
            udsat(
                "--council", c, *APRIL, "add-action", f"Opgave {round_} i {c}", "--owner", owners[c]
            )
            for c in councils
        ]
        assert [p.wait() for p in procs] == [0, 0]
        ok(
            "--council",
            councils[round_ % 2],
            *APRIL,
            "add-action",
            "Bliver",
            "--owner",
            owners[councils[round_ % 2]],
        )
        undos = [udsat("--council", c, "undo") for c in councils]
        outputs = [p.communicate()[0] for p in undos]
        assert [p.returncode for p in undos] == [0, 0]
        for council_name, out in zip(councils, outputs, strict=True):
            own = "Bliver" if council_name == councils[round_ % 2] else f"Opgave {round_} i"
            assert own in out, (council_name, out)  # its own latest command, no other's
            assert not any(other in out for other in councils if other != council_name)


def test_undo_refuses_when_a_later_command_changed_the_same_rows(two_councils: Store) -> None:
    ok(
        *APRIL,
        "--council",
        "Udsatterådet Albertslund",
        "add-action",
        "Kontakte AP",
        "--owner",
        "Jette",
    )
    # A later command of another council (a journal from before councils were kept apart, or a
    # shared row) that touched the same action: undo must not pull the rug from under it.
    two_councils.query(
        "INSERT INTO change_set (at, command, council_id) VALUES "
        "('2019-04-03 10:00:00.000000', 'udsat update 1 --note x', 2)"
    )
    set_id = two_councils.query("SELECT MAX(id) FROM change_set")[0][0]
    two_councils.query(
        "INSERT INTO change_row (change_set_id, table_name, row_key, op, old, new, action_id) "
        f"VALUES ({set_id}, 'action', '{{\"id\": 1}}', 'update', '{{}}', '{{}}', 1)"
    )
    before = dump(two_councils)
    result = run("--council", "Udsatterådet Albertslund", "undo")
    assert result.code == 1
    assert result.stderr.startswith(
        "Fejl: Den seneste kommando kan ikke fortrydes: »udsat update 1 --note x« fra "
        "3. april 2019 kl. "
    ) and result.stderr.endswith("har ændret de samme data siden; fortryd den først.\n")
    assert dump(two_councils) == before


def test_councils_in_a_shared_store_are_kept_apart(two_councils: Store) -> None:
    ok(
        "--council",
        "Ældrerådet Albertslund",
        *APRIL,
        "add-action",
        "Hemmelig opgave",
        "--owner",
        "Kim",
    )
    mine = ("--council", "Udsatterådet Albertslund")
    log = ok(*mine, "log", "--limit", "100")
    assert "Kim Larsen" not in log and "Hemmelig opgave" not in log and "Ældrerådet" not in log
    for args in (("done", "1"), ("update", "1", "--note", "x"), ("log", "1")):
        result = run(*mine, *args)
        assert result.code == 3 and "findes ikke" in result.stderr, args
    assert "Hemmelig opgave" not in ok(*mine, "actions", "--all")


def test_the_same_minutes_imported_twice_at_once(council: Store, tmp_path: Path) -> None:
    minutes = tmp_path / "referat.txt"
    minutes.write_text(
        "Referat\n\nDato: 6. maj 2019 kl. 16-18\n\nDeltagere: Jette Nyboe, Søren Mogensen\n\n"
        "1. Hjemmesiden\n\nJette opdaterer hjemmesiden inden næste møde.\n",
        encoding="utf-8",
    )
    with write_lock_held(council, 1.5):  # both read, then both wait to write
        procs = [udsat("import", "--yes", str(minutes)) for _ in range(2)]
        time.sleep(1.0)
    results = sorted((p.wait(), p.stderr.read()) for p in procs)
    assert [code for code, _ in results] == [0, 1]
    assert "referat er allerede importeret (mødet 6. maj 2019); intet er skrevet." in results[1][1]
    assert council.query("SELECT COUNT(*) FROM import_log") == [(1,)]
    assert council.query("SELECT COUNT(*) FROM meeting WHERE date = '2019-05-06'") == [(1,)]


def test_overlapping_sends_send_each_mail_once(council: Store, smtp) -> None:  # noqa: F811
    stalled = threading.Event()
    inbox = smtp(Inbox(hold=stalled))
    for name in ("Jette", "Søren", "René"):
        ok(
            "member",
            "edit",
            name,
            "--email",
            f"{name.lower().replace('ø', 'o').replace('é', 'e')}@example.dk",
        )
        ok(*APRIL, "add-action", f"Opgave til {name}", "--owner", name, "--due", "3/4-2019")
    first = udsat(*APRIL, "remind", "--send")
    while not inbox.messages and first.poll() is None:  # the first run is sending
        time.sleep(0.02)
    second = udsat(*APRIL, "remind", "--send")
    second.wait(timeout=120)  # while the first waits for the server
    stalled.set()
    results = [(p.wait(timeout=120), p.stderr.read()) for p in (first, second)]
    assert [code for code, _ in results] == [0, 0]
    assert "sendes allerede af en anden kørsel" in results[1][1]
    assert len(inbox.messages) == 3
    assert ok(*APRIL, "remind", "--send") == "" and len(inbox.messages) == 3


def test_an_edit_made_while_the_editor_was_open_is_not_overwritten(
    council: Store, tmp_path: Path, monkeypatch
) -> None:
    ok("item", "add", "1/4-2019", "Årsberetning", "--decision", "Første udkast.")
    started, go = tmp_path / "startet", tmp_path / "videre"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, time, pathlib\n"
        f"pathlib.Path({str(started)!r}).touch()\n"
        f"while not pathlib.Path({str(go)!r}).exists():\n    time.sleep(0.05)\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "path.write_text(path.read_text().replace('Første udkast.', 'Min rettelse.'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    editing = udsat("item", "edit", "1/4-2019", "1", "--edit", cwd=tmp_path)
    for _ in range(200):
        if started.exists():
            break
        time.sleep(0.05)
    ok("item", "edit", "1/4-2019", "1", "--decision", "En andens tekst.")
    go.touch()
    _, err = editing.communicate(timeout=30)
    assert editing.returncode == 1
    assert err.startswith("Fejl: Punkt 1 er ændret af en anden, mens du skrev; intet er ændret. ")
    kept = Path(err.rsplit("gemt i ", 1)[1].strip().rstrip("."))
    assert "Min rettelse." in kept.read_text(encoding="utf-8")
    decision = json.loads(ok("item", "list", "1/4-2019", "--json"))[0]["decision"]
    assert decision == "En andens tekst."


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
@pytest.mark.sqlite_only
def test_a_failed_first_command_never_removes_a_store_another_wrote(
    isolated_store: Store, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {"format": "udsat-export", "version": 1, "tables": {"council": [{"id": 1, "name": 5}]}}
        )
    )
    assert isolated_store.path is not None
    for attempt in range(16):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{isolated_store.path}{suffix}").unlink(missing_ok=True)
        restore = udsat("restore", str(bad))
        init = udsat("init", "--council", f"Råd {attempt}")
        assert (restore.wait(), init.wait()) == (2, 0), attempt
        assert isolated_store.query("SELECT name FROM council") == [(f"Råd {attempt}",)]


# --- injection and exposure ---------------------------------------------------------------------


def test_each_mail_goes_to_exactly_one_recipient(council: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(Inbox())
    ok("member", "add", "Eve <eve@attacker.example>, Bo", "--email", "bo@example.dk")
    ok("member", "add", "Vinther, Helle", "--email", "helle@example.dk")
    ok("member", "add", "Ny\nlinje", "--email", "ny@example.dk")
    for name in ("Eve <eve@attacker.example>, Bo", "Vinther, Helle", "Ny linje"):
        ok(*APRIL, "add-action", f"Opgave til {name}", "--owner", name, "--due", "3/4-2019")
    ok("init", "--council", "Råd\nmed linje")  # a council name that would break a header
    result = run("--council", "Udsatterådet Albertslund", *APRIL, "remind", "--send")
    assert result.code == 0, result.stderr
    assert sorted(inbox.recipients) == [["bo@example.dk"], ["helle@example.dk"], ["ny@example.dk"]]
    for message in inbox.messages:
        assert len(message.get_all("To")) == 1 and message["To"].addresses.__len__() == 1
    for bad in (
        "omar@example.dk>,<postmaster",
        "Eve <eve@attacker.example>",
        "a@b.dk, c@d.dk",
        "x@y",
    ):
        refused = run(
            "--council", "Udsatterådet Albertslund", "member", "add", "Omar", "--email", bad
        )
        assert refused.code == 2 and "er ikke én e-mailadresse" in refused.stderr, bad


def test_csv_cells_never_run_as_formulas(council: Store, tmp_path: Path) -> None:
    for title in ('=HYPERLINK("http://x.example","klik")', "+1+1", "@SUM(A1)", "-2", "Normal"):
        ok(*APRIL, "add-action", "--owner", "Jette", "--", title)
    out = tmp_path / "opgaver.csv"
    ok("export", "--format", "csv", "--separator", ";", "-o", str(out))
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig")), delimiter=";"))
    titles = [row[1] for row in rows[1:]]
    assert titles == [
        '\'=HYPERLINK("http://x.example","klik")',
        "'+1+1",
        "'@SUM(A1)",
        "'-2",
        "Normal",
    ]


def test_markdown_holds_no_html_or_links_from_the_store(council: Store) -> None:
    evil = ("<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[klik](javascript:x)")
    ok("meeting", "add", "6. maj 2019 kl. 16-18")
    ok("item", "add", "1/4-2019", evil[0], "--background", evil[1], "--decision", evil[2])
    for text in evil:
        ok(*APRIL, "add-action", text, "--owner", "Jette", "--item", "1", "--note", evil[1])
    for args in (
        ("followups", "--format", "markdown"),
        ("export", "--format", "markdown"),
        ("minutes", "1/4-2019", "--format", "markdown"),
        ("agenda", "--meeting", "1/4-2019", "--format", "markdown"),
    ):
        text = ok(*APRIL, *args)
        assert "<script" not in text and "<img" not in text, args
        assert "[klik](javascript" not in text, args
        assert "&lt;script&gt;" in text, args


def test_control_characters_never_reach_the_store(council: Store, tmp_path: Path) -> None:
    background = tmp_path / "tekst.txt"
    background.write_text("Linje 1\n\x1b[31mRød\x1b[0m linje 2\x07\n", encoding="utf-8")
    ok(
        "item",
        "add",
        "1/4-2019",
        "Titel\x01 med\x1b]0;hack\x07 ting",
        "--background-file",
        str(background),
    )
    ok(*APRIL, "add-action", "Ringe\x00 til\tAP\r\n", "--owner", "Jette", "--note", "A\x07B")
    stored = council.query("SELECT title, background FROM agenda_item")
    assert stored == [("Titel med ting", "Linje 1\nRød linje 2")]
    assert council.query("SELECT title FROM action") == [("Ringe til AP",)]
    assert council.query("SELECT note FROM action_event") == [("AB",)]
    assert run("minutes", "1/4-2019", "--format", "docx", "-o", str(tmp_path / "r.docx")).code == 0


@pytest.mark.no_store
def test_a_password_with_an_at_sign_is_masked_whole() -> None:
    from udsat_cli.store.location import mask_password

    assert mask_password("postgresql://relu:p@ss@db.kommune.dk/udsat") == (
        "postgresql://relu:***@db.kommune.dk/udsat"
    )
    result = run("--db", "postgresql+psycopg://relu:p@ss@127.0.0.1:1/udsat", "actions")
    assert "p@ss" not in result.stderr and "relu:***@127.0.0.1:1/udsat" in result.stderr


# --- storage faults and bad stores ---------------------------------------------------------------


@pytest.mark.sqlite_only
@pytest.mark.parametrize("name", ["a%20b.db", "spørgsmål?.db", "hash#1.db", "mellem rum.db"])
def test_any_file_name_works_as_given(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    ok("--db", str(path), "init", "--council", "Rådet")
    ok("--db", str(path), "member", "add", "Jette Nyboe")
    assert "Jette Nyboe" in ok("--db", str(path), "member", "list")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [name]
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def _mount(args: list[str]) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@pytest.mark.sqlite_only
def test_a_full_disk_is_one_sentence(tmp_path: Path) -> None:
    disk = tmp_path / "lille"
    disk.mkdir()
    if not _mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)]):
        pytest.skip("tmpfs kan ikke monteres her (kræver root)")
    try:
        store = str(disk / "udsat.db")
        ok("--db", store, "init", "--council", "Rådet")
        ok("--db", store, "member", "add", "Jette Nyboe")
        for i in range(2000):
            result = run(
                "--db", store, "add-action", f"Opgave {i} " + "x" * 990, "--owner", "Jette"
            )
            if result.code:
                break
        assert result.code == 4
        assert (
            result.stderr
            == f"Fejl: Der er ikke plads på disken til lageret {store}; intet er ændret.\n"
        )
        assert len(re.findall(r"Opgave \d+ x", ok("--db", store, "actions"))) == i
    finally:
        subprocess.run(["umount", str(disk)], check=False)


@pytest.mark.sqlite_only
def test_a_read_only_store_is_read_and_refuses_writes(council: Store, tmp_path: Path) -> None:
    assert council.path is not None
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    mounted = tmp_path / "ro"
    mounted.mkdir()
    if not _mount(["--bind", str(council.path.parent), str(mounted)]):
        pytest.skip("en skrivebeskyttet mappe kan ikke monteres her (kræver root)")
    try:
        assert _mount(["-o", "remount,ro,bind", str(mounted)])
        store = str(mounted / council.path.name)
        assert "Kontakte AP" in ok("--db", store, "actions")
        result = run("--db", store, *APRIL, "add-action", "Ny", "--owner", "Jette")
        assert result.code == 4 and result.stderr.startswith(f"Fejl: Lageret {store} kan kun læses")
    finally:
        subprocess.run(["umount", str(mounted)], check=False)


@pytest.mark.sqlite_only
def test_an_immutable_store_is_one_sentence(council: Store) -> None:
    assert council.path is not None
    with __import__("sqlite3").connect(council.path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if subprocess.run(["chattr", "+i", str(council.path)], capture_output=True).returncode:
        pytest.skip("chattr +i virker ikke her")
    try:
        result = run(*APRIL, "add-action", "Ny", "--owner", "Jette")
        assert result.code == 4 and "kan kun læses" in result.stderr, result.stderr
        assert ok("member", "list").count("\n") > 3
    finally:
        subprocess.run(["chattr", "-i", str(council.path)], check=False)


@pytest.mark.sqlite_only
def test_a_file_size_limit_is_one_sentence(isolated_store: Store) -> None:
    import resource

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    ok("init", "--council", "Rådet")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom udsat_cli.cli import main\nfor i in range(200):\n"
            "    sys.argv = ['udsat', 'member', 'add', f'Person {i} ' + 'y' * 150]\n"
            "    try:\n        main()\n    except SystemExit as exc:\n        if exc.code:\n"
            "            raise\n",
        ],
        capture_output=True,
        text=True,
        preexec_fn=limited,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.startswith("Fejl: ") and "intet er ændret" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.sqlite_only
def test_damaged_and_foreign_files(isolated_store: Store) -> None:
    import sqlite3

    assert isolated_store.path is not None
    isolated_store.path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    result = run("actions")
    assert result.code == 4
    assert f"Lageret {isolated_store.path} er beskadiget" in result.stderr
    assert "integrity_check" in result.stderr and "sikkerhedskopi" in result.stderr
    isolated_store.path.unlink()
    with sqlite3.connect(isolated_store.path) as conn:
        conn.execute("CREATE TABLE regnskab (post TEXT)")
        conn.execute("INSERT INTO regnskab VALUES ('kaffe')")
    before = isolated_store.path.read_bytes()
    for args in (("init", "--council", "Rådet"), ("actions",)):
        refused = run(*args)
        assert refused.code == 4 and "indeholder andre data end et udsat-lager" in refused.stderr
    assert isolated_store.path.read_bytes() == before


def test_restore_checks_every_value(new_store, tmp_path: Path) -> None:
    source = new_store("kilde")
    ok("--db", source.arg, "--today", "2026-11-22", "demo")
    export = json.loads(ok("--db", source.arg, "export"))
    cases = [
        (("meeting", 0, "date", "not-a-date"), "møder, nr. 1: date »not-a-date« er ikke en dato"),
        (("person", 0, "email", "a@b, c@d"), "personer, nr. 1: email »a@b, c@d« er ikke én"),
        (("action", 0, "status", "færdig"), "opgaver, nr. 1: status »færdig« er ikke en værdi"),
        (("action", 0, "meeting_id", 999), "opgaver, nr. 1: meeting_id »999« peger på noget"),
        (("action", 0, "title", "x" * 1001), "opgaver, nr. 1: title »xxx"),
        (("agenda_item", 0, "title", "a\x00b"), "punkter, nr. 1: title »a"),
        (("council", 0, "created_at", "i går"), "råd, nr. 1: created_at »i går« er ikke et tid"),
    ]
    for (table, row, column, value), said in cases:
        bad = json.loads(json.dumps(export))
        bad["tables"][table][row][column] = value
        path = tmp_path / f"{table}-{column}.json"
        path.write_text(json.dumps(bad), encoding="utf-8")
        target = new_store(f"mål-{table}-{column}")
        result = run("--db", target.arg, "restore", str(path))
        assert result.code == 2 and said in result.stderr, (said, result.stderr)
        assert not target.exists()


def test_the_same_limits_on_both_backends(council: Store) -> None:
    before = dump(council)
    for args, said in (
        (
            (*APRIL, "add-action", "x" * 1001, "--owner", "Jette"),
            "En titel må højst være 1000 tegn",
        ),
        ((*APRIL, "add-action", "\x00\x00", "--owner", "Jette"), "titel må ikke være tom"),
        (("member", "add", "N" * 201), "Et navn må højst være 200 tegn"),
        (("meeting", "add", "6/5-2019", "--place", "p" * 301), "Et mødested må højst være 300"),
    ):
        result = run(*args)
        assert result.code == 2 and said in result.stderr, (args[:3], result.stderr)
    assert dump(council) == before
    ok(*APRIL, "add-action", "Nul\x00tegn væk", "--owner", "Jette")
    assert council.query("SELECT title FROM action") == [("Nultegn væk",)]


def test_bombs_and_endless_files_are_refused_unread(council: Store, tmp_path: Path) -> None:
    bomb = tmp_path / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", b"\x00" * (60 * 1024 * 1024))
    started = time.monotonic()
    result = run("import", "--dry-run", str(bomb))
    assert result.code == 2 and "pakker sig ud til mere" in result.stderr
    assert time.monotonic() - started < 5
    # An export may be 1 GB: a sparse file one byte over is refused from its size, unread (reading
    # /dev/zero to that limit is the same door as the two devices below, and takes 8 s).
    huge = tmp_path / "zero"
    with huge.open("wb") as handle:
        handle.truncate(1024 * 1024 * 1024 + 1)
    for args in (
        ("import", "--dry-run", "/dev/zero"),
        ("item", "add", "1/4-2019", "X", "--background-file", "/dev/zero"),
        ("restore", str(huge)),
    ):
        result = run(*args)
        assert result.code == 2, (args, result.stderr)
        assert re.fullmatch(
            r"Fejl: zero er for stor \(over \d+ MB\); udsat læser \w+ op til \d+ MB\.\n",
            result.stderr,
        ), args


def test_odd_inputs_never_end_in_an_unexpected_error(council: Store, tmp_path: Path) -> None:
    broken = "ab\udcff"  # invalid UTF-8 in an argument, as Python receives it
    for args in (
        (*APRIL, "add-action", broken, "--owner", "Jette"),
        ("member", "add", broken),
        ("--today", "9999-12-31", "remind"),
        ("--today", "1800-01-01", "actions"),
        ("export", "-o", str(tmp_path), "--force"),
        ("date", broken),
    ):
        result = run(*args)
        assert result.code not in (0, 70) and "uventet" not in result.stderr, (args, result.stderr)
    link = tmp_path / "link.json"
    target = tmp_path / "mål.json"
    target.write_text("")
    link.symlink_to(target)
    ok("export", "-o", str(link), "--force")
    assert link.is_symlink() and target.read_text().startswith("{")


@pytest.mark.sqlite_only
def test_ctrl_c_ends_with_afbrudt_and_leaves_the_store(
    council: Store, tmp_path: Path, monkeypatch
) -> None:
    started = tmp_path / "startet"
    editor = tmp_path / "editor.py"
    editor.write_text(
        f"import pathlib, time\npathlib.Path({str(started)!r}).touch()\ntime.sleep(30)\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    before = dump(council)
    proc = udsat("item", "add", "1/4-2019", "Nyt punkt", "--edit")
    for _ in range(200):
        if started.exists():
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert (proc.returncode, err) == (130, "Afbrudt.\n")
    assert dump(council) == before


@pytest.mark.sqlite_only
def test_a_write_commits_durably(council: Store) -> None:
    from udsat_cli.store.access import open_store
    from udsat_cli.store.location import Location

    with open_store(Location(path=council.path), mode="write") as store:
        assert store.db.scalar("PRAGMA synchronous") == 2  # FULL: survives a power cut
