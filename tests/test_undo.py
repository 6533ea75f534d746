"""udsat log and udsat undo: every kind of writing command can be undone as a whole."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import REFERATER, Store, built_once, dump, needs_shared, ok, run

MODEL_TABLES = (
    "council",
    "person",
    "meeting",
    "agenda_item",
    "action",
    "action_owner",
    "action_event",
    "council_season",
    "attendance",
    "topic",
    "event",
    "event_attendee",
    "import_log",
    "action_body_owner",
    "meeting_guest",
)
APRIL = ("--today", "2019-04-02")


def rows(store: Store) -> dict[str, list[tuple]]:
    """The data a person sees (not the journal, counters or the search index's own storage)."""
    return {t: sorted(store.query(f"SELECT * FROM {t}"), key=repr) for t in MODEL_TABLES}


@pytest.fixture
def busy(council: Store) -> Store:
    return built_once("undo_busy", council, _undo_busy)


def _undo_busy() -> None:
    ok(
        *APRIL,
        "add-action",
        "Kontakte AP",
        "--owner",
        "Jette",
        "--due",
        "næste møde",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
    )
    ok("item", "add", "1/4-2019", "Årsberetning")
    ok(*APRIL, "topic", "add", "Forretningsorden")


WRITES = [
    ("member", "add", "Kim Larsen", "--email", "kim@example.dk"),
    ("member", "edit", "Jette", "--email", "jette@example.dk"),
    ("member", "leave", "Nina", "--date", "1/4-2019"),
    ("meeting", "add", "23. maj 2019 kl. 16-18"),
    ("meeting", "plan", "--every", "4 uger", "--from", "2/5-2019", "--until", "30/6-2019"),
    ("meeting", "move", "1/4-2019", "2/4-2019", "--reopen"),
    ("--today", "2019-03-01", "meeting", "cancel", "4/3-2019"),
    (*APRIL, "add-action", "Trykke pjecer", "--owner", "Carina", "--owner", "Søren"),
    (*APRIL, "update", "1", "--status", "i gang", "--owner", "Søren", "--due", "1/5-2019"),
    (*APRIL, "done", "1", "--note", "Interviewet er aftalt"),
    (*APRIL, "postpone", "1", "--to", "til efteråret"),
    (*APRIL, "drop", "1", "--note", "Ikke længere aktuelt"),
    (
        "attendance",
        "1/4-2019",
        "--absent",
        "Nina:syg",
        "--guest",
        "Albertslund Posten",
        "--referent",
        "Carina",
    ),
    (*APRIL, "add-action", "Følge op", "--owner", "rådet", "--owner", "forvaltningen"),
    (
        *APRIL,
        "update",
        "1",
        "--title",
        "Ringe til AP",
        "--remove-owner",
        "Jette",
        "--owner",
        "rådet",
        "--item",
        "1",
    ),
    ("attendance", "1/4-2019", "--guest", "Lene Holm (forvaltningen)", "--absent", "Nina:syg"),
    ("minutes", "note", "1/4-2019", "Velkommen."),
    ("--today", "2019-04-03", "minutes", "approve", "1/4-2019"),
    ("item", "add", "1/4-2019", "Eventuelt", "--decision", "Intet."),
    ("item", "edit", "1/4-2019", "2", "--decision", "Godkendt."),
    ("item", "move", "1/4-2019", "2", "1"),
    (*APRIL, "topic", "add", "Besøg af borgerrådgiver", "--for", "efter sommerferien"),
    (*APRIL, "topic", "drop", "1"),
    (*APRIL, "event", "add", "4. april 2019", "Netværksmøde", "--attendee", "Søren"),
    ("season", "set", "sommerferien", "22/6", "4/8"),
    pytest.param(
        ("import", "--yes", str(REFERATER / "08_rodovre-seniorraad-2019-03-25.txt")),
        marks=needs_shared,
    ),
    ("init", "--council", "Ældrerådet Albertslund"),
]


@pytest.mark.parametrize(
    "args", WRITES, ids=lambda a: " ".join(x for x in a if not x.startswith("/"))[:40]
)
def test_undo_reverts_the_command_as_a_whole(busy: Store, args: tuple[str, ...]) -> None:
    before = rows(busy)
    searched = ok("search", "frikort", "--json")
    ok(*args)
    assert rows(busy) != before
    made = ("--council", args[2]) if args[0] == "init" else ()  # a second council: name it
    out = ok(*made, "undo")
    assert out.startswith(f"Fortrød »udsat {' '.join(args)}« fra ")
    assert rows(busy) == before
    assert ok("search", "frikort", "--json") == searched


def test_undo_can_be_repeated_and_says_when_there_is_nothing(isolated_store: Store) -> None:
    ok("init", "--council", "Udsatterådet")
    ok("member", "add", "Jette Nyboe")
    ok("meeting", "add", "1. april 2019")
    first, second = ok("undo").splitlines()
    assert first.startswith("Fortrød »udsat meeting add 1. april 2019« fra ")
    assert first.endswith(": 1 ændring.") and second == "  nyt møde #1"
    assert ok("undo").startswith("Fortrød »udsat member add Jette Nyboe«")
    assert ok("undo").startswith("Fortrød »udsat init --council Udsatterådet«")
    result = run("undo")
    assert (result.code, result.stderr) == (1, "Fejl: Der er intet at fortryde.\n")
    assert "(fortrudt)" in ok("log")


def test_log_shows_what_changed(busy: Store) -> None:
    ok(*APRIL, "done", "1", "--note", "Klaret")
    text = ok("log", "1")
    assert "udsat --today 2019-04-02 done 1 --note Klaret" in text
    assert "  ny opgave #1: Kontakte AP" in text
    # the action's row and its history both record the new status: said once, with the note
    done = text.split("\n\n")[0]
    assert done.count("status åben → udført") == 1, done
    assert "  opgave #1: status åben → udført · note »Klaret«" in done
    entries = json.loads(ok("log", "--json", "--limit", "2"))
    assert len(entries) == 2
    assert set(entries[0]) == {"id", "at", "command", "undone", "changes"}
    change = next(c for c in entries[0]["changes"] if c["table"] == "action")
    assert (change["op"], change["old"]["status"], change["new"]["status"]) == (
        "update",
        "open",
        "done",
    )
    assert run("log", "99").stderr == "Fejl: Opgave #99 findes ikke.\n"


def test_the_reminder_log_is_outside_undo_and_never_blocks_it(busy: Store) -> None:
    ok(
        "--today",
        "2019-05-20",
        "add-action",
        "Ringe til AP",
        "--owner",
        "Jette",
        "--due",
        "21/5-2019",
    )
    assert "Ringe til AP" in ok("--today", "2019-05-20", "remind")
    logged = busy.query("SELECT COUNT(*) FROM reminder_log")[0][0]
    assert logged >= 1
    out = ok("undo")  # the remind run is not a command undo sees: the add-action is undone
    assert out.startswith("Fortrød »udsat --today 2019-05-20 add-action Ringe til AP")
    assert busy.query("SELECT COUNT(*) FROM action WHERE title = 'Ringe til AP'") == [(0,)]
    assert busy.query("SELECT COUNT(*) FROM reminder_log") == [(0,)]  # its reminders went too
    assert ok("undo").startswith("Fortrød »udsat --today 2019-04-02 topic add Forretningsorden")


def test_restore_is_outside_undo(busy: Store, new_store, tmp_path) -> None:
    export = tmp_path / "eksport.json"
    ok("export", "-o", str(export))
    copy = new_store("kopi")
    ok("--db", copy.arg, "restore", str(export))
    result = run("--db", copy.arg, "undo")
    assert (result.code, result.stderr) == (1, "Fejl: Der er intet at fortryde.\n")
    assert ok("--db", copy.arg, "export") == ok("export")


def test_undo_names_the_people_it_takes_back(busy: Store) -> None:
    ok(*APRIL, "add-action", "Trykke pjecer", "--owner", "Carina", "--owner", "Søren")
    assert ok("undo").splitlines()[1:] == [
        "  ny opgave #2: Trykke pjecer",
        "  opgave #2: ny ansvarlig: Carina Kofoed",
        "  opgave #2: ny ansvarlig: Søren Mogensen",
        "  opgave #2: oprettet",
    ]
    ok("member", "add", "Kim Larsen")
    ok("attendance", "1/4-2019", "--absent", "Kim:syg", "--referent", "Kim")
    undone = ok("undo").splitlines()[1:]
    assert {
        "  møde #2: Kim Larsen meldt afbud (syg)",
        "  møde #2: referent – → Kim Larsen",
        "  møde #2: Helge Bo Jensen til stede",
    } <= set(undone)  # the roll goes too
    assert any(line.startswith("  møde #2: fremmøde gemt – → ") for line in undone)
    assert ok("undo").splitlines()[1:] == ["  ny person #9: Kim Larsen"]


def test_the_log_is_danish_in_every_field_and_value(busy: Store) -> None:
    """Every command that writes, then the log: no column name or stored code in English."""
    from udsat_cli.store.tables import metadata

    for args in (
        ("member", "edit", "Jette", "--email", "jette@example.dk", "--short", "Jet"),
        ("meeting", "move", "1/4-2019", "2/4-2019 kl. 17-19", "--reopen"),
        ("meeting", "cancel", "4/3-2019", "--reopen"),
        ("council", "set", "--quorum", "4", "--agenda-days", "7", "--proposals-days", "14"),
        (*APRIL, "update", "1", "--status", "i gang", "--due", "1/5-2019", "--owner", "rådet"),
        (
            "attendance",
            "2/4-2019",
            "--absent",
            "Nina:syg",
            "--guest",
            "Lene Holm",
            "--referent",
            "Carina",
        ),
        (
            "item",
            "edit",
            "2/4-2019",
            "2",
            "--decision",
            "Godkendt.",
            "--kind",
            "beslutning",
            "--closed",
            "--public-decision",
            "Godkendt.",
        ),
        (*APRIL, "topic", "drop", "1", "--note", "Klaret"),
        (*APRIL, "event", "add", "4. april 2019 kl. 10", "Netværksmøde", "--attendee", "Søren"),
        ("season", "set", "sommerferien", "22/6", "4/8"),
        (
            *APRIL,
            "hearing",
            "add",
            "Budget",
            "--from",
            "Udvalget",
            "--deadline",
            "1. maj 2019",
            "--received",
            "1. april 2019",
            "--material",
            "https://example.dk/budget",
        ),
        (
            *APRIL,
            "hearing",
            "edit",
            "1",
            "--status",
            "under behandling",
            "--answer",
            "formand",
            "--deadline",
            "2. maj 2019 kl. 12",
        ),
        (*APRIL, "hearing", "answer", "1", "--text", "Vi er enige."),
    ):
        ok(*args)
    english = {column.name for table in metadata.tables.values() for column in table.columns} - {
        "status",
        "note",
    }
    english |= {
        "received",
        "in_progress",
        "answered",
        "meeting",
        "chair",
        "open",
        "done",
        "absent",
        "present",
        "guest",
        "unit",
        "council",
        "True",
        "False",
        "None",
    }
    changes = [line for line in ok("log", "--limit", "100").splitlines() if line.startswith("  ")]
    assert len(changes) > 20
    said = {word for line in changes for word in re.findall(r"[\w#]+", line)}
    assert not said & english, sorted(said & english)


# --- undo knows who (m017) ----------------------------------------------------------------------


def _as(monkeypatch: pytest.MonkeyPatch, person: str) -> None:
    monkeypatch.setenv("UDSAT_USER", person)


def test_undo_takes_back_your_own_and_another_s_only_by_number(
    council: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _as(monkeypatch, "Jette")
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    _as(monkeypatch, "Carina")
    ok(*APRIL, "add-action", "Skrive referat", "--owner", "Carina")
    _as(monkeypatch, "Jette")
    assert ok("undo").startswith(
        "Fortrød »udsat --today 2019-04-02 add-action Kontakte AP --owner Jette« fra "
    )
    assert [t for (t,) in council.query("SELECT title FROM action")] == ["Skrive referat"]
    result = run("undo")
    assert (result.code, result.stderr) == (
        1,
        "Fejl: Der er intet af dit at fortryde (Jette); en andens kommando fortrydes med dens "
        "nummer: udsat undo NR (se numrene med udsat log).\n",
    )
    log = ok("log", "--limit", "2")
    number = re.search(r"#(\d+) .* af Carina · udsat --today 2019-04-02 add-action Skrive", log)
    assert number and "af Jette · udsat --today 2019-04-02 add-action Kontakte AP" in log
    before = dump(council)
    asked = run("undo", number[1])  # not a terminal: shown, not undone
    assert asked.code == 1
    assert asked.stdout.startswith(f"Kommando #{number[1]} er lavet af Carina (pid ")
    assert (
        "»udsat --today 2019-04-02 add-action Skrive referat --owner Carina« fra " in asked.stdout
    )
    assert "  ny opgave #2: Skrive referat" in asked.stdout
    assert asked.stderr == (
        f"Fejl: Kommando #{number[1]} er lavet af Carina, ikke af dig; "
        f"fortryd den med: udsat undo {number[1]} --yes.\n"
    )
    assert dump(council) == before
    assert ok("undo", number[1], "--yes").startswith(
        "Fortrød »udsat --today 2019-04-02 add-action Skrive referat --owner Carina« af Carina fra "
    )
    assert council.query("SELECT COUNT(*) FROM action") == [(0,)]
    again = run("undo", number[1], "--yes")
    assert (again.code, again.stderr) == (1, f"Fejl: Kommando #{number[1]} er allerede fortrudt.\n")
    assert run("undo", "9999").code == 3


def test_the_os_user_and_process_are_recorded(council: Store) -> None:
    import getpass
    import socket

    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    [(author, process)] = council.query(
        "SELECT author, process FROM change_set ORDER BY id DESC LIMIT 1"
    )
    assert author == f"{getpass.getuser()}@{socket.gethostname()}"
    assert re.fullmatch(r"pid \d+", process)


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_two_people_in_one_council_undo_their_own(council: Store) -> None:
    """Two processes as two people of one council, 12 rounds: each undo takes back its own."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    def udsat(person: str, *args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "udsat_cli", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "UDSAT_USER": person, "PYTHONPATH": str(ROOT / "src")},
        )

    people = ("Helge", "Carina")
    for round_ in range(12):
        adds = [udsat(p, *APRIL, "add-action", f"{p} {round_}", "--owner", p) for p in people]
        assert [a.wait() for a in adds] == [0, 0]
        undos = [udsat(p, "undo") for p in people]
        outputs = [u.communicate()[0] for u in undos]
        assert [u.returncode for u in undos] == [0, 0]
        for person, out in zip(people, outputs, strict=True):
            assert f"add-action {person} {round_} --owner {person}«" in out, out
    assert council.query("SELECT COUNT(*) FROM action") == [(0,)]


def test_m017_change_sets_from_before_are_anyone_s(council: Store) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    council.query("UPDATE change_set SET author = NULL, process = NULL")  # as m017 leaves them
    log = ok("log", "--limit", "1")
    assert " af " not in log.splitlines()[0]
    assert ok("undo").startswith(
        "Fortrød »udsat --today 2019-04-02 add-action Kontakte AP --owner Jette« fra "
    )
    assert council.query("SELECT COUNT(*) FROM action") == [(0,)]
