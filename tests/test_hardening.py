"""The holes a red-team pass found in the new surfaces (#29), each closed and proved through the
command line: one door for every file udsat reads, characters that break a page or reorder
what a person reads, settings read as they were meant, secrets never shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DEMO_TODAY, ROOT, Store, demo_council, dump, ok, run
from tests.test_remind import MAY, due  # noqa: F401  (the fixture)

APRIL = ("--today", "2019-04-02")


def _bomb(path: Path, *, size: int = 120 * 1024 * 1024) -> Path:
    """A Word file whose document part unpacks to ``size`` bytes of NULs (~120 KB packed): over
    the limit for one part, for a whole document and for how tightly a part may be packed."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\x00" * (1024 * 1024)
            for _ in range(size // len(block)):
                part.write(block)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bomb(tmp_path_factory.mktemp("bombe") / "svar.docx")


def _hearing() -> None:
    ok(
        *APRIL,
        "hearing",
        "add",
        "Budget 2027",
        "--from",
        "Socialudvalget",
        "--deadline",
        "16. september 2019 kl. 9",
    )


# --- one door for every file --------------------------------------------------------------------


def test_a_hearing_answer_is_read_within_limits(council: Store, tmp_path: Path, bomb) -> None:
    _hearing()
    before = dump(council)
    started = time.monotonic()
    result = run(*APRIL, "hearing", "answer", "1", "--file", str(bomb))
    assert (result.code, result.stderr) == (
        2,
        "Fejl: svar.docx pakker sig ud til mere, end et høringssvar fylder; udsat læser den "
        "ikke.\n",
    )
    assert time.monotonic() - started < 5
    nuls = tmp_path / "nul.txt"
    with nuls.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # 300 MB of NULs, sparse
    result = run(*APRIL, "hearing", "answer", "1", "--file", str(nuls))
    assert (result.code, result.stderr) == (
        2,
        "Fejl: nul.txt er for stor (over 10 MB); udsat læser høringssvar op til 10 MB.\n",
    )
    small = tmp_path / "lille.txt"
    small.write_bytes(b"\x00" * 1000)
    result = run(*APRIL, "hearing", "answer", "1", "--file", str(small))
    assert (result.code, result.stderr) == (
        2,
        f"Fejl: {small} er hverken et Word-dokument eller tekst.\n",
    )
    for args in (("--file", str(tmp_path / "findes-ikke.txt")), ("--file", str(tmp_path))):
        result = run(*APRIL, "hearing", "answer", "1", *args)
        assert result.code == 2 and result.stderr.startswith("Fejl: "), result.stderr
    assert dump(council) == before
    answer = tmp_path / "svar.txt"
    answer.write_bytes("\ufeffRådet bakker op om forslaget.\n".encode())
    ok(*APRIL, "hearing", "answer", "1", "--file", str(answer))
    assert council.query("SELECT answer FROM hearing") == [("Rådet bakker op om forslaget.",)]


def test_a_word_template_is_read_within_limits(council: Store, tmp_path: Path, bomb) -> None:
    out = tmp_path / "referat.docx"
    started = time.monotonic()
    result = run("minutes", "1/4-2019", "--format", "docx", "-o", str(out), "--template", str(bomb))
    assert (result.code, result.stderr) == (
        2,
        "Fejl: svar.docx pakker sig ud til mere, end en skabelon fylder; udsat læser den ikke.\n",
    )
    assert time.monotonic() - started < 5 and not out.exists()
    huge = tmp_path / "stor.docx"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024 * 1024 * 1024)
    result = run("minutes", "1/4-2019", "--format", "docx", "-o", str(out), "--template", str(huge))
    assert (result.code, result.stderr) == (
        2,
        "Fejl: stor.docx er for stor (over 20 MB); udsat læser Word-skabeloner op til 20 MB.\n",
    )
    result = run(
        "minutes", "1/4-2019", "--format", "docx", "-o", str(out), "--template", "/dev/zero"
    )
    assert result.code == 2 and "zero er for stor" in result.stderr


def test_endless_settings_and_password_files_are_refused(due: Store, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setenv("UDSAT_CONFIG", "/dev/zero")
    result = run(*MAY, "remind", "--send")
    assert (result.code, result.stderr) == (
        78,
        "Fejl: Indstillingsfilen /dev/zero er for stor til at være en indstillingsfil.\n",
    )
    result = run(
        "--db", "postgresql+psycopg://anna@127.0.0.1:1/udsat?password_file=/dev/zero", "actions"
    )
    assert (result.code, result.stderr) == (
        4,
        "Fejl: Kan ikke læse adgangskoden i filen /dev/zero: den er over 64 KB, og den skal "
        "kun indeholde adgangskoden.\n",
    )


def test_settings_are_read_as_meant(due: Store, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    config = tmp_path / "config.toml"
    monkeypatch.setenv("UDSAT_CONFIG", str(config))
    for port in ("1.5", "true", '"587"', "0"):
        config.write_text(f'[smtp]\nhost = "x"\nsender = "a@b.dk"\nport = {port}\n')
        result = run(*MAY, "remind", "--send", "--dry-run")
        assert (
            result.code == 78
            and "[smtp] port skal være et helt tal mellem 1 og 65535" in result.stderr
        ), (port, result.stderr)
    # Saved by Windows Notepad: a byte order mark first.
    config.write_bytes(
        '\ufeff[smtp]\nhost = "x"\nsender = "Rådet <a@b.dk>"\nport = 2525\n'.encode()
    )
    out = ok(*MAY, "remind", "--send", "--dry-run")
    assert "From: =?utf-8?q?R=C3=A5det?= <a@b.dk>" in out or "From: Rådet <a@b.dk>" in out


# --- characters that break a page or reorder what a person reads -------------------------------


NONCHARACTERS = "\ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def test_noncharacters_and_bidi_controls_never_reach_the_store(
    isolated_store: Store, tmp_path: Path
) -> None:
    demo = demo_council(isolated_store)
    meeting = demo.query("SELECT MIN(date) FROM meeting")[0][0]
    title = f"Til{NONCHARACTERS}bud \u202eexe.jpg{BIDI}"
    ok(
        "--today",
        DEMO_TODAY,
        "item",
        "edit",
        meeting,
        "2",
        "--title",
        title,
        "--decision",
        f"Vedtaget{NONCHARACTERS}.",
    )
    ok("--today", DEMO_TODAY, "add-action", f"Ringe{BIDI} til AP\uffff", "--owner", "Helle")
    assert demo.query(
        "SELECT title, decision FROM agenda_item WHERE number = 2 AND meeting_id "
        "= (SELECT MIN(id) FROM meeting)"
    ) == [("Tilbud exe.jpg", "Vedtaget.")]
    assert demo.query("SELECT title FROM action ORDER BY id DESC LIMIT 1") == [("Ringe til AP",)]
    ok("--today", DEMO_TODAY, "minutes", "approve", meeting)
    site = tmp_path / "side"
    ok("--today", DEMO_TODAY, "publish", str(site))
    ET.parse(site / "feed.xml")  # well-formed XML
    for page in site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(c in text for c in NONCHARACTERS + BIDI), page.name
    ok(
        "--today",
        DEMO_TODAY,
        "minutes",
        meeting,
        "--format",
        "docx",
        "-o",
        str(tmp_path / "referat.docx"),
    )
    ok("--today", DEMO_TODAY, "followups", "--format", "docx", "-o", str(tmp_path / "op.docx"))


def test_a_bidi_override_in_a_file_is_taken_out_too(council: Store, tmp_path: Path) -> None:
    background = tmp_path / "baggrund.txt"
    background.write_text(f"Forslag\u202e fra {NONCHARACTERS}forvaltningen\n", encoding="utf-8")
    ok("item", "add", "1/4-2019", "Nyt punkt", "--background-file", str(background))
    assert council.query("SELECT background FROM agenda_item WHERE title = 'Nyt punkt'") == [
        ("Forslag fra forvaltningen",)
    ]


def test_restore_refuses_noncharacters(new_store, tmp_path: Path) -> None:
    source = new_store("kilde")
    ok("--db", source.arg, "--today", DEMO_TODAY, "demo")
    export = json.loads(ok("--db", source.arg, "export"))
    for bad in ("A\uffffB", "A\u202eB", "A\ufdd0B"):
        export["tables"]["action"][0]["title"] = bad
        path = tmp_path / "eksport.json"
        path.write_text(json.dumps(export), encoding="utf-8")
        target = new_store("mål")
        result = run("--db", target.arg, "restore", str(path))
        assert result.code == 2 and "opgaver, nr. 1: title" in result.stderr, result.stderr
        assert not target.exists()


# --- secrets and paths --------------------------------------------------------------------------

PASSWORDS = [
    "p@ss",
    "hem melig",
    "a:b@c/d",
    "x/y?z@q",
    "æøå 'q'",
    "@@@",
    "p@ss@word med mellemrum",
    "en%20kode",
    "slut@",
]


@pytest.mark.no_store
@pytest.mark.parametrize("password", PASSWORDS)
def test_a_password_never_appears_whatever_it_holds(password: str) -> None:
    url = f"postgresql+psycopg://relu:{password}@127.0.0.1:1/udsat"
    for args in (
        ("--db", url, "actions"),
        ("--db", url, "add-action", "X", "--owner", "Jette"),
        ("--db", url, "migrate", "--status"),
    ):
        result = run(*args)
        assert result.code == 4, (args, result.stderr)
        shown = result.stdout + result.stderr
        assert "relu:***@127.0.0.1:1/udsat" in shown, shown
        for piece in {password, *password.split()}:
            assert f":{piece}" not in shown and f"{piece}@" not in shown, (piece, shown)


@pytest.mark.postgres_only
def test_a_role_without_privileges_is_one_sentence(council: Store) -> None:
    council.query("REVOKE INSERT, UPDATE ON action, change_set FROM CURRENT_USER")
    try:
        result = run(*APRIL, "add-action", "Ringe til AP", "--owner", "Jette")
        assert result.code == 4, result.stderr
        assert result.stderr.startswith(
            "Fejl: Databaserollen har ikke lov til det, kommandoen skal, i lageret "
        ) and result.stderr.endswith("og til at oprette tabeller i skemaet.\n")
        assert "***" in result.stderr or ":" not in council.url.split("@")[0]
    finally:
        council.query("GRANT ALL ON action, change_set TO CURRENT_USER")
    council.query("REVOKE SELECT ON person FROM CURRENT_USER")
    try:
        result = run("member", "list")
        assert result.code == 4 and "Databaserollen har ikke lov" in result.stderr
    finally:
        council.query("GRANT ALL ON person TO CURRENT_USER")


@pytest.mark.sqlite_only
def test_a_file_name_that_looks_like_a_uri_is_one_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    ok("--db", "file:x.db", "init", "--council", "Rådet")
    ok("--db", "file:x.db", "member", "add", "Jette Nyboe")
    assert "Jette Nyboe" in ok("--db", "file:x.db", "member", "list")
    assert _files(tmp_path) == ["file:x.db"]
    assert oct((tmp_path / "file:x.db").stat().st_mode & 0o777) == "0o600"
    result = run("--db", f"file://{tmp_path}/y.db?mode=ro", "actions")
    assert (result.code, result.stderr) == (
        4,
        f"Fejl: »file://{tmp_path}/y.db?mode=ro« er en SQLite-URI; giv --db lagerets filsti, "
        f"fx --db {tmp_path}/y.db.\n",
    )
    assert _files(tmp_path) == ["file:x.db"]


def _files(folder: Path) -> list[str]:
    """The files in a folder, without the lock that lets creators take turns (".x.db.create.lock",
    kept beside the store: removing it would let a waiting and a new creator both in)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".create.lock"))


# --- restore takes only what the commands would have written ------------------------------------


def _kept_export(new_store) -> dict:
    """The demo council with approved minutes and its own standing points, exported."""
    source = new_store("kilde")
    ok("--db", source.arg, "--today", DEMO_TODAY, "demo")
    first = source.query("SELECT MIN(date) FROM meeting")[0][0]
    ok("--db", source.arg, "--today", DEMO_TODAY, "minutes", "approve", first)
    ok(
        "--db",
        source.arg,
        "--today",
        DEMO_TODAY,
        "council",
        "set",
        "--points-before",
        "Godkendelse af dagsorden",
    )
    ok("--db", source.arg, "--today", DEMO_TODAY, "season", "set", "sommerferien", "1/7", "31/7")
    return json.loads(ok("--db", source.arg, "export"))


def _set(table: str, column: str, value: object, row: int = 0):
    def change(tables: dict) -> None:
        tables[table][row][column] = value

    return change


def _duplicate(table: str):
    def change(tables: dict) -> None:
        tables[table].append(dict(tables[table][0]))

    return change


RESTORE_CASES = [
    (_set("meeting", "start_time", "25:99"), "møder, nr. 1: start_time »25:99« er ikke et"),
    (_set("hearing", "deadline_time", "9"), "høringer, nr. 1: deadline_time »9« er ikke"),
    (_set("hearing", "status", "besvaret"), "høringer, nr. 1: status »besvaret« er ikke en værdi"),
    (_set("hearing", "answer_by", "borgmester"), "høringer, nr. 1: answer_by »borgmester« er ikke"),
    (
        lambda t: next(h for h in t["hearing"] if h["status"] == "answered").update(
            answered_on=None
        ),
        "høringer, nr. 1: answered_on »« mangler, når høringen er besvaret",
    ),
    (_set("action_event", "state", '{"title": 1}'), "opgavernes historik, nr. 1: state »"),
    (_set("action_event", "state", "ikke json"), "historik, nr. 1: state »ikke json« kan"),
    (_set("council", "standing_points", '{"before": 3}'), "råd, nr. 1: standing_points »"),
    (_set("minutes_version", "data", '{"items": "x"}'), "godkendte referater, nr. 1: data »"),
    (_set("council_season", "start_md", "13-40"), "sæsoner, nr. 1: start_md »13-40« er ikke"),
    (_duplicate("action"), "opgaver, nr. 13: id »1« har en anden række allerede"),
    (_duplicate("person"), "personer, nr. 9: id »1« har en anden række allerede"),
    (_duplicate("attendance"), "meeting_id/person_id »"),
    (_duplicate("council_season"), "sæsoner, nr. 2: council_id/name »1, sommerferien« har en"),
]


def test_restore_validates_every_value_as_the_commands_do(new_store, tmp_path: Path) -> None:
    export = _kept_export(new_store)
    for n, (change, said) in enumerate(RESTORE_CASES):
        bad = json.loads(json.dumps(export))
        change(bad["tables"])
        path = tmp_path / f"eksport{n}.json"
        path.write_text(json.dumps(bad), encoding="utf-8")
        target = new_store(f"mål{n}")
        result = run("--db", target.arg, "restore", str(path))
        assert result.code == 2 and said in result.stderr, (said, result.stderr)
        assert result.stderr.endswith("; intet er læst ind.\n"), result.stderr
        assert not target.exists()
    path = tmp_path / "hel.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    ok("--db", new_store("hel").arg, "restore", str(path))  # the export itself is taken


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_a_restore_killed_leaves_no_store_behind(new_store, tmp_path: Path) -> None:
    """27 restores killed at random moments: the store's name is either free or a whole store,
    never a file that later commands take for a store; what was left aside is cleaned."""
    import os
    import random
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    source = new_store("kilde")
    ok("--db", source.arg, "--today", DEMO_TODAY, "demo")
    export = tmp_path / "eksport.json"
    ok("--db", source.arg, "export", "-o", str(export))
    folder = tmp_path / "mål"
    folder.mkdir()
    target = folder / "udsat.db"
    rng = random.Random(29)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    interrupted = 0
    for _ in range(27):
        proc = subprocess.Popen(
            [sys.executable, "-m", "udsat_cli", "--db", str(target), "restore", str(export)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        if target.exists():
            assert json.loads(ok("--db", str(target), "export")) == json.loads(export.read_text())
            for side in folder.iterdir():
                side.unlink()
        else:
            interrupted += 1
            result = run("--db", str(target), "actions")
            assert result.code == 4 and "Der er intet udsat-lager" in result.stderr
            assert not target.exists()
    assert interrupted >= 5
    ok("--db", str(target), "restore", str(export))
    assert {p.name for p in folder.iterdir()} <= {"udsat.db", "udsat.db-wal", "udsat.db-shm"}


# --- storage faults, editors and Ctrl-C ---------------------------------------------------------


def _udsat(*args: str, stdout) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "udsat_cli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )


def test_output_on_a_full_disk_is_one_sentence(council: Store, tmp_path: Path) -> None:
    for args in (
        ("export", "-o", "/dev/full", "--force"),
        ("minutes", "1/4-2019", "--format", "docx", "-o", "/dev/full", "--force"),
        ("calendar", "-o", "/dev/full", "--force"),
    ):
        result = run(*args)
        assert (result.code, result.stderr) == (
            4,
            "Fejl: Kan ikke skrive /dev/full: der er ikke plads på disken; intet er skrevet.\n",
        ), args
    with open("/dev/full", "w") as full:
        for args in (("export",), ("member", "list"), ("minutes", "1/4-2019")):
            done = _udsat(*args, stdout=full)
            assert (done.returncode, done.stderr) == (
                4,
                "Fejl: Kan ikke skrive uddata (standard-output): der er ikke plads på disken; "
                "det skrevne er ufuldstændigt.\n",
            ), args


@pytest.mark.sqlite_only
def test_a_full_disk_under_an_output_file_leaves_nothing(council: Store, tmp_path: Path) -> None:
    from tests.test_publish import _tmpfs, _umount

    disk = tmp_path / "lille"
    if not _tmpfs(disk, "64k"):
        pytest.skip("tmpfs kan ikke monteres her (kræver root)")
    try:
        with (disk / "fyld").open("wb") as fill:
            try:
                fill.write(b"x" * (128 * 1024))
            except OSError:
                pass
        for args in (
            ("export", "-o", str(disk / "eksport.json")),
            ("minutes", "1/4-2019", "--format", "docx", "-o", str(disk / "r.docx")),
            ("backup", str(disk / "kopi.db")),
        ):
            result = run(*args)
            assert result.code == 4 and "der er ikke plads på disken" in result.stderr, (
                args,
                result.stderr,
            )
            assert sorted(p.name for p in disk.iterdir()) == ["fyld"], args
    finally:
        _umount(disk)


def test_an_editor_with_an_unbalanced_quote_is_one_sentence(council: Store, monkeypatch) -> None:
    before = dump(council)
    monkeypatch.setenv("EDITOR", "vim -c 'set tw=72")
    monkeypatch.delenv("VISUAL", raising=False)
    result = run("item", "add", "1/4-2019", "Nyt punkt", "--edit")
    assert (result.code, result.stderr) == (
        1,
        "Fejl: Editoren »vim -c 'set tw=72« kan ikke startes: et anførselstegn mangler sin "
        "mage; ret $VISUAL eller $EDITOR.\n",
    )
    monkeypatch.setenv("EDITOR", "findes-ikke-editor")
    assert run("item", "add", "1/4-2019", "Nyt punkt", "--edit").code == 1
    assert dump(council) == before


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_ctrl_c_at_any_moment_of_a_command_is_afbrudt(council: Store) -> None:
    """SIGINT at 40 moments spread over a writing command, once udsat's entry module is in
    (before, it is Python's own start-up and the console script's »import re«): »Afbrudt.« and
    130, or the command done."""
    import random
    import signal

    rng = random.Random(130)
    code = (
        "import re, sys\nimport udsat_cli.cli\nsys.stderr.write('klar\\n'); "
        "sys.stderr.flush()\nfrom udsat_cli.cli import main\nmain()\n"
    )

    def start(title: str) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *APRIL, "add-action", title, "--owner", "Jette"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        assert proc.stderr is not None and proc.stderr.readline() == "klar\n"
        return proc

    timed = start("Uden afbrydelse")
    started = time.monotonic()
    assert timed.wait(timeout=60) == 0
    took = time.monotonic() - started
    done = 0
    for n in range(40):
        proc = start(f"Opgave {n}")
        time.sleep(rng.uniform(0, 1.2 * took))
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        assert (proc.returncode, err) in ((130, "Afbrudt.\n"), (0, "")), (proc.returncode, err)
        done += proc.returncode == 0
    titles = [t for (t,) in council.query("SELECT title FROM action")]
    assert len(titles) == len(set(titles)) >= done  # whole commands only, none twice
    assert 0 < done < 40  # some finished, some were interrupted


def test_a_hearing_set_answered_by_hand_is_published(isolated_store: Store, tmp_path: Path) -> None:
    demo_council(isolated_store)
    ok(
        "--today",
        DEMO_TODAY,
        "hearing",
        "add",
        "Ny høring",
        "--from",
        "Socialudvalget",
        "--deadline",
        "1. december 2026",
    )
    number = isolated_store.query("SELECT MAX(id) FROM hearing")[0][0]
    ok("--today", DEMO_TODAY, "hearing", "edit", str(number), "--status", "besvaret")
    assert isolated_store.query(f"SELECT answered_on FROM hearing WHERE id = {number}") == [
        (DEMO_TODAY,)
    ]
    ok("--today", DEMO_TODAY, "publish", str(tmp_path / "side"))
    assert "Ny høring" in (tmp_path / "side" / "hoeringssvar.html").read_text(encoding="utf-8")
