"""Arbitrary text at every argument of every command: never a traceback, a non-zero exit when the
text is refused, and then the store exactly as it was (byte for byte on SQLite)."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.main import get_command

from tests.conftest import Store, built_once, ok, run
from tests.test_live import meeting_day as live_day  # noqa: F401  (the fixture)
from udsat_cli.cli import load

app = load()

# A valid value for each required parameter, so the text under test is what decides.
VALID = {
    "title": "Kontakte AP",
    "owner": "Jette",
    "action_id": "1",
    "to": "næste møde",
    "note": "Mail sendt",
    "phrase": "i morgen",
    "ref": "1/4-2019",
    "path": "findes-ikke.json",
    "words": "frikort",
    "files": "findes-ikke.txt",
    "when": "6. maj 2019",
    "name": "Kim Larsen",
    "start": "1/6",
    "end": "31/8",
    "number": "1",
    "topic_id": "1",
    "text": "Velkommen.",
    "sender": "Socialforvaltningen",
    "deadline": "6. maj 2019",
    "hearing_id": "1",
    "year": "2019",
    "folder": "side",
    "file": "findes-ikke.pdf",
}


def _commands(group: Any = None, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    group = group or get_command(app)
    found = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            found += _commands(cmd, (*path, name))
        else:
            found.append(((*path, name), cmd))
    return found


def _argv(path: tuple[str, ...], cmd: Any, target: str | None, text: str) -> list[str]:
    argv = list(path)
    for param in cmd.params:
        if param.name == target:
            argv += [text] if not param.opts[0].startswith("-") else [param.opts[0], text]
        elif param.required:
            value = VALID[param.name]
            argv += [value] if not param.opts[0].startswith("-") else [param.opts[0], value]
    return argv


# (command line with the text in it) for every argument and every option that takes a value.
TARGETS: list[tuple[str, Any]] = [
    (" ".join(path) + f" {param.opts[0]}", (path, cmd, param.name))
    for path, cmd in _commands()
    for param in cmd.params
    if param.name != "help" and not getattr(param, "is_flag", False)
] + [(f"{option} actions", option) for option in ("--db", "--today", "--council")]


def _command_line(target: Any, text: str) -> list[str]:
    if isinstance(target, str):  # a global option
        return [target, text, "actions"]
    path, cmd, name = target
    return _argv(path, cmd, name, text)


def _snapshot(store: Store) -> Any:
    if store.path is None:
        return store.dump()
    with sqlite3.connect(store.path) as conn:  # what the last writer left in the WAL, into the file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = Path(f"{store.path}-wal")
    return store.path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def _check(store: Store, argv: list[str]) -> None:
    before = _snapshot(store)
    result = run(*argv, input="")  # an exception that got out of udsat fails the test here
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown and result.code != 70, (argv, shown)
    if result.code != 0:
        assert result.stderr.strip(), argv
        assert _snapshot(store) == before, argv


@pytest.fixture
def busy(council: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.chdir(tmp_path)  # any file the text names lands here
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.setenv("VISUAL", "true")
    return built_once("fuzz_busy", council, _fuzz_busy)


def _fuzz_busy() -> None:
    ok(
        "--today",
        "2019-04-02",
        "add-action",
        "Kontakte AP",
        "--owner",
        "Jette",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
        "--due",
        "næste møde",
    )
    ok("topic", "add", "Forretningsorden")


@pytest.mark.no_store
def test_every_argument_is_covered() -> None:
    names = {name for name, _ in TARGETS}
    assert len(names) == len(TARGETS) == 189  # every option that takes text, and every argument
    assert {
        "add-action title",
        "meeting plan --every",
        "search words",
        "--db actions",
        "publish folder",
        "publish --templates",
        "publish --url",
        "send-agenda meeting",
        "hearing answer --file",
        "hearing edit --status",
        "item edit --decision",
        "undo number",
    } <= names


NASTY = [
    "",
    "-1",
    "0",
    "99999999999999999999",
    "ø'; DROP TABLE action; --\n\t\"%s",
    "Titel\x01 med\x1b]0;hack\x07 og \x1b[31mfarve",  # control characters, terminal escapes
    "ab\udcff\udce6",  # invalid UTF-8 in an argument, as Python receives it
    "Eve <eve@attacker.example>, Bo",
    "Vinther, Helle",
    "omar@example.dk>,<postmaster",
    "Bo\nBcc: eve@attacker.example",  # a header injection
    "a%20b.db",
    "lager.db?mode=ro",
    ".",
    "/dev/zero",
    "/dev/stdout",
    "x" * 5000,
    "Til\ufffebud\uffff \ufdd0",
    "\u202eexe.jpg\u2066",
    "[/x] [se bilag] [b]",  # #29
    "file:x.db",
    "javascript:alert(1)",
    "~",
    "..",
]


@pytest.mark.slow
@pytest.mark.parametrize("text", NASTY, ids=[f"tekst{i}" for i in range(len(NASTY))])
def test_nasty_text_at_every_argument(busy: Store, text: str) -> None:
    for _name, target in TARGETS:
        _check(busy, _command_line(target, text))


# Any character but NUL (which no command line can hold), the lone surrogates U+DC80–U+DCFF
# that invalid UTF-8 in argv becomes in Python, and, drawn as often as all the rest, the
# characters that pass a naive filter and break later: non-characters, bidirectional controls,
# Rich markup's brackets.
SPECIAL = (
    "\ufffe\uffff\ufdd0\ufdef\U0001fffe\U0010ffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
    "\u2068\u2069[]/\\"
)
ARBITRARY = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
        st.sampled_from(SPECIAL),
    ),
    max_size=30,
)


def _hostile_files(folder: Path) -> list[Path]:
    """Files no one should have to read: a zip bomb dressed as Word, a Word file that is no Word
    file, a text too big, text that is not UTF-8, text full of control characters, a folder."""
    folder.mkdir()
    bomb = folder / "bombe.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", b"\x00" * (40 * 1024 * 1024))
    fake = folder / "falsk.docx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("noter.txt", "intet Word her")
    huge = folder / "stor.txt"
    with huge.open("wb") as handle:
        handle.truncate(1024 * 1024 * 1024 + 1)  # sparse: over every limit, costs no disk
    latin = folder / "latin1.txt"
    latin.write_bytes(
        "Referat af mødet den 1. april 2019\nJette tager kontakt til AP.\n".encode("latin-1")
    )
    control = folder / "styretegn.json"
    control.write_text('{"title": "\\u001b]0;hack\\u0007", "x": [[[[[[[[[[[[1]]]]]]]]]]]]}\x01')
    return [bomb, fake, huge, latin, control, folder, Path("/dev/zero")]


FILE_PARAMS = {"path", "files", "background_file", "decision_file", "file", "templates"}


@pytest.mark.slow
def test_hostile_files_at_every_file_argument(busy: Store, tmp_path: Path) -> None:
    files = _hostile_files(tmp_path / "filer")
    targets = [t for _, t in TARGETS if not isinstance(t, str) and t[2] in FILE_PARAMS]
    assert len(targets) == 10
    for target in targets:
        for path in files:
            _check(busy, _command_line(target, str(path)))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(target=st.sampled_from([t for _, t in TARGETS]), text=ARBITRARY)
@pytest.mark.slow
def test_arbitrary_text_at_any_argument(busy: Store, target: Any, text: str) -> None:
    _check(busy, _command_line(target, text))


# --- the live screen's fields ---------------------------------------------------------------

LIVE_FIELDS = [
    "#decision",
    "#action-title",
    "#action-owner",
    "#action-due",
    "#guest",
    "#referent",
    "#reason-2",
    "#fu-note-1",
]
STORED_TEXTS = [
    ("agenda_item", "decision"),
    ("action", "title"),
    ("action", "due_text"),
    ("meeting_guest", "name"),
    ("attendance", "reason"),
    ("action_event", "note"),
]


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(
        st.tuples(
            st.sampled_from(LIVE_FIELDS),
            ARBITRARY.filter(lambda t: not any("\udc80" <= c <= "\udcff" for c in t)),
        ),
        min_size=1,
        max_size=6,
    )
)
@pytest.mark.slow
def test_arbitrary_text_in_every_live_field(live_day: Store, texts: list) -> None:  # noqa: F811
    """Any text, with the non-characters, bidirectional controls and markup brackets, typed
    into any field of the live screen and saved with Enter: the screen carries on (an error is
    a sentence on it), and what is stored holds none of the characters the filter takes out."""
    import asyncio

    from tests.test_live import _app

    async def drive() -> None:
        app = _app(live_day)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            for selector, text in texts:
                tab = (
                    "fremmoede"
                    if selector in ("#guest", "#referent", "#reason-2")
                    else ("opfoelgning" if selector.startswith("#fu-") else "dagsorden")
                )
                app.action_tab(tab)
                await pilot.pause()
                field = app.query_one(selector)
                field.focus()
                field.value = text
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                if app.screen is not app.screen_stack[0]:  # a question or a help: answered
                    await pilot.press("escape")
                    await pilot.pause()
        assert app.return_code in (None, 0)

    asyncio.run(drive())
    for table, column in STORED_TEXTS:
        for (value,) in live_day.query(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL"):
            assert not any(c in value for c in SPECIAL[:15]), (table, column, value)
