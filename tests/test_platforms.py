"""udsat behaves wherever a secretary or the council's IT runs it (issue 30): text pasted in
decomposed form, a Windows stdout, files for others to read, the demo that cleans up, shell
completion, `udsat help` and the man page. The wheel itself is installed and run by .ci/wheel."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import ROOT, Store, ok, run, run_bytes

APRIL = ("--today", "2019-04-02")
MARCH = ("--today", "2019-03-20")  # the meeting of 4 March held, 1 April the next
UDSAT = Path(sys.executable).with_name("udsat")


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text  # the test means what it says
    return decomposed


# --- one Unicode form -------------------------------------------------------------------------


def test_a_decomposed_name_is_found_and_not_added_twice(council: Store) -> None:
    ok("member", "add", nfd("Åse Berg"), "--from", "1/1-2019")
    assert store_names(council, "Berg") == ["Åse Berg"]  # stored composed
    again = run("member", "add", "Åse Berg")
    assert again.code != 0 and "Åse Berg findes allerede" in again.stderr
    assert run("member", "add", nfd("åse berg")).code != 0  # case-blind, as before
    ok(*APRIL, "add-action", "Booke lokale til temadagen", "--owner", nfd("René"))
    ok(*APRIL, "add-action", "Skrive til Åse om datoen", "--owner", nfd("Åse"))
    assert [a["owners"] for a in json.loads(ok("actions", "--owner", "René", "--json"))] == [
        ["René Meyrowitsch"]
    ]
    assert [
        a["owners"] for a in json.loads(ok("actions", "--owner", nfd("Åse Berg"), "--json"))
    ] == [["Åse Berg"]]
    missing = run("actions", "--owner", "Ase")  # accents still count
    assert missing.code != 0
    found = json.loads(ok("search", nfd("Åse"), "--json"))
    assert [(h["kind"], h["id"]) for h in found] == [("action", 2)]


def store_names(store: Store, like: str) -> list[str]:
    names = [n for (n,) in store.query("SELECT full_name FROM person ORDER BY id")]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    return [n for n in names if like in n]


def test_files_given_and_restored_are_composed(council: Store, tmp_path: Path, new_store) -> None:
    background = tmp_path / "sagsfremstilling.txt"
    background.write_text(nfd("Rådet ønsker et møde med Åse"), encoding="utf-8")
    added = run(
        "item",
        "add",
        "1/4-2019",
        "Temadag",
        "--background-file",
        str(background),
        "--decision-file",
        "-",
        input=nfd("Rådet inviterer René"),
    )
    assert added.code == 0, added.stderr
    assert council.query(
        "SELECT background, decision FROM agenda_item WHERE title = 'Temadag'"
    ) == [("Rådet ønsker et møde med Åse", "Rådet inviterer René")]
    export = tmp_path / "eksport.json"
    ok("export", "-o", str(export))
    export.write_text(nfd(export.read_text(encoding="utf-8")), encoding="utf-8")
    copy = new_store("kopi")
    ok("--db", copy.arg, "restore", str(export))
    assert copy.query("SELECT full_name FROM person WHERE full_name LIKE 'Ren%'") == [
        ("René Meyrowitsch",)
    ]


def test_m018_composes_the_rows_of_an_older_store(council: Store) -> None:
    ok(*APRIL, "add-action", "Ringe til Åse om lokalet", "--owner", "René")
    ok(*APRIL, "update", "1", "--note", "Åse har svaret")
    # As a store written before udsat composed what came in: the same texts, decomposed.
    for table, column, text in (
        ("person", "full_name", "René Meyrowitsch"),
        ("action", "title", "Ringe til Åse om lokalet"),
        ("action_event", "note", "Åse har svaret"),
    ):
        council.query(
            f"UPDATE {table} SET {column} = :old WHERE {column} = :new", old=nfd(text), new=text
        )
    if council.is_sqlite:  # a note is indexed as it was added
        council.query(
            "UPDATE search_index SET text = replace(text, :new, :old)", old=nfd("Åse"), new="Åse"
        )
    assert council.query("SELECT COUNT(*) FROM person WHERE full_name = 'René Meyrowitsch'") == [
        (0,)
    ]
    council.query("DELETE FROM udsat_migrations WHERE name = 'm018_composed_text'")
    assert "m018_composed_text" in ok("migrate")
    assert council.query("SELECT COUNT(*) FROM person WHERE full_name = 'René Meyrowitsch'") == [
        (1,)
    ]
    assert [a["owners"] for a in json.loads(ok("actions", "--owner", "René", "--json"))] == [
        ["René Meyrowitsch"]
    ]
    found = json.loads(ok("search", "Åse", "--json"))
    assert sorted(h["kind"] for h in found) == ["action", "note"]


# --- stdout and files -----------------------------------------------------------------------------


def test_an_export_to_a_cp1252_stdout_is_utf8(council: Store) -> None:
    """Windows encodes a redirected stdout as cp1252, which has no »Ł«."""
    ok("member", "add", "Łukasz Nowak")
    ok(*APRIL, "add-action", "Oversætte invitationen → polsk", "--owner", "Łukasz")
    exported = run_bytes("export", "--format", "csv", charset="cp1252")
    assert exported.code == 0, exported.stderr
    assert "Oversætte invitationen → polsk;Łukasz Nowak" in exported.stdout.decode("utf-8-sig")
    listed = run_bytes("member", "list", charset="cp1252")
    assert listed.code == 0, listed.stderr
    assert "Łukasz Nowak" in listed.stdout.decode("utf-8")


def test_dash_is_stdout(council: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    ok(*MARCH, "add-action", "Kontakte AP", "--owner", "Jette")
    assert ok(*MARCH, "followups", "-o", "-") == ok(*MARCH, "followups")
    assert ok("export", "--format", "csv", "-o", "-").startswith("\ufeffNr.;Opgave")
    word = run_bytes(*MARCH, "followups", "--format", "docx", "-o", "-")
    assert word.code == 0 and word.stdout.startswith(b"PK\x03\x04")
    assert not (tmp_path / "-").exists()


@pytest.mark.sqlite_only
@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_files_follow_the_umask_but_the_store_stays_private(council: Store, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        ok(*MARCH, "followups", "--format", "docx", "-o", str(tmp_path / "opfølgning.docx"))
        ok("calendar", "-o", str(tmp_path / "møder.ics"))
        ok("export", "--format", "csv", "-o", str(tmp_path / "opgaver.csv"))
        ok("export", "-o", str(tmp_path / "alt.json"))
        ok("backup", str(tmp_path / "kopi.db"))
        os.umask(0o027)
        ok(*MARCH, "agenda", "--format", "docx", "-o", str(tmp_path / "dagsorden.docx"))
    finally:
        os.umask(old)

    def mode(name: str) -> int:
        return stat.S_IMODE((tmp_path / name).stat().st_mode)

    assert mode("opfølgning.docx") == mode("møder.ics") == mode("opgaver.csv") == 0o644
    assert mode("dagsorden.docx") == 0o640
    assert mode("alt.json") == mode("kopi.db") == 0o600  # the whole store, personal data
    assert stat.S_IMODE(council.path.stat().st_mode) == 0o600


# --- the demo -------------------------------------------------------------------------------------


@pytest.mark.no_store
def test_the_demo_cleans_up_unless_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("UDSAT_DB", "UDSAT_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    shown = run("--today", "2026-11-22", "demo")
    assert shown.code == 0, shown.stderr
    assert shown.stdout.startswith("Opfølgning på beslutningspunkter fra sidste møde\n")
    assert "slettet igen; brug --keep" in shown.stderr
    assert list(temp.iterdir()) == []
    kept = run("--today", "2026-11-22", "demo", "--keep")
    [folder] = temp.iterdir()
    assert (folder / "udsat.db").exists() and f"--db {folder / 'udsat.db'}" in kept.stderr
    assert kept.stdout == shown.stdout


# --- completion, help, man page -------------------------------------------------------------------

SHELL_CHECKS = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}


@pytest.mark.no_store
@pytest.mark.parametrize("shell", sorted(SHELL_CHECKS))
def test_a_completion_script_for_each_shell(shell: str, tmp_path: Path) -> None:
    script = ok("completion", shell)
    assert "udsat __complete" in script
    if shutil.which(shell):  # CI has bash; zsh and fish where installed
        path = tmp_path / f"udsat.{shell}"
        path.write_text(script, encoding="utf-8")
        subprocess.run([*SHELL_CHECKS[shell], str(path)], check=True)
    ok("completion", shell, "--install")
    where = {
        "bash": "data-home/bash-completion/completions/udsat",
        "fish": "config-home/fish/completions/udsat.fish",
    }
    if shell in where:  # XDG_DATA_HOME and XDG_CONFIG_HOME point into tmp_path (conftest)
        assert (tmp_path / where[shell]).read_text(encoding="utf-8") == script
    assert run("completion", "tcsh").stderr.startswith("Fejl: Ukendt skal »tcsh«")


def complete(*words: str) -> list[str]:
    """What udsat offers for the last word, asked as the shell scripts ask, in a new process."""
    *before, current = words
    code = (
        "import sys\n"
        "from udsat_cli.cli import main\n"
        f"sys.argv = ['udsat', '__complete', '{len(before)}', *{[*before, current]!r}]\n"
        "main()\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *lines, heavy = out.stdout.splitlines()
    assert heavy == "HEAVY:"  # a Tab reads the store as a read command does
    return lines


def test_completion_offers_commands_options_names_and_meetings(council: Store) -> None:
    ok("member", "add", nfd("Åse Berg"))
    assert complete("add-act") == ["add-action\tTilføj en opgave med ansvarlige og frist"]
    assert complete("add-action", "Noget", "--ow")[0].startswith("--owner\t")
    assert complete("add-action", "Noget", "--owner", "He") == [
        "Helge Bo\tHelge Bo Jensen",
        "Helge Bo Jensen",
    ]
    assert complete("actions", "--owner", nfd("Å")) == ["Åse Berg"]
    assert complete("minutes", "2019-04") == ["2019-04-01\tMødelokale 129, Blok A"]
    assert complete("followups", "--format", "") == ["text", "markdown", "json", "docx"]
    assert complete("import", "") == ["::files"]
    assert complete("meeting", "a") == ["add\tPlanlæg et møde"]


@pytest.mark.skipif(not shutil.which("bash"), reason="bash is not installed")
def test_bash_completes_a_member_name(council: Store, tmp_path: Path) -> None:
    script = tmp_path / "udsat.bash"
    script.write_text(ok("completion", "bash"), encoding="utf-8")
    line = (
        f"source {script}; COMP_WORDS=(udsat add-action Noget --owner Jet); COMP_CWORD=4; "
        '_udsat; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "PATH": f"{UDSAT.parent}{os.pathsep}{os.environ['PATH']}"}
    out = subprocess.run(["bash", "-c", line], capture_output=True, text=True, env=env, check=True)
    assert out.stdout == "Jette\\ Nyboe\n"


@pytest.mark.no_store
def test_help_command() -> None:
    assert ok("help", "meeting", "add") == ok("meeting", "add", "--help")
    assert ok("help", "minutes") == ok("minutes", "--help")
    assert ok("help") == ok("--help")
    unknown = run("help", "meting")
    assert unknown.code == 2
    assert unknown.stderr.startswith("Fejl: Ukendt kommando »meting«; mente du »meeting«")


@pytest.mark.no_store
def test_the_man_page_is_made_from_the_help_as_it_is() -> None:
    from scripts.make_manpage import PAGE, manpage

    assert PAGE.read_text(encoding="utf-8") == manpage(), "run scripts/make_manpage.py"
    assert ".SS udsat meeting add\n.nf\nBrug: udsat meeting add [TILVALG] TIDSPUNKT\n" in manpage()


@pytest.mark.no_store
def test_no_private_typer_or_click_api() -> None:
    for folder in ("src", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if path == Path(__file__):
                continue
            text = path.read_text(encoding="utf-8")
            assert "typer._click" not in text and "import _click" not in text, path
            assert "typer.testing._" not in text, path
