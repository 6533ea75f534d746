"""The whole cycle in good Danish: reminders that count right, plans on working days, lists that
show what they hold, and no English a secretary can see."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Store, dump, ok, run
from tests.test_help import COMMANDS
from udsat_cli.core.actions import ActionView
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.core.reminders import OwnerReminder, Reminders
from udsat_cli.dates import day_off

APRIL = ("--today", "2019-04-02")


# --- reminders --------------------------------------------------------------------------------


def test_the_subject_counts_each_kind_of_reminder(council: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    for title, due in (
        ("A", "1/5-2019"),
        ("B", "10/5-2019"),
        ("C", "22/5-2019"),
        ("D", "1/9-2019"),
        ("E", None),
    ):
        ok(*APRIL, "add-action", title, "--owner", "Carina", *(["--due", due] if due else []))
    report = json.loads(ok("--today", "2019-05-20", "remind", "--format", "json", "--dry-run"))
    carina = next(o for o in report["owners"] if o["name"] == "Carina Kofoed")
    assert [a["title"] for a in carina["overdue"]] == ["A", "B"]
    assert [a["title"] for a in carina["due_soon"]] == ["C"]
    assert [a["title"] for a in carina["for_meeting"]] == ["D", "E"]
    listing = ok("--today", "2019-05-20", "remind", "--dry-run")
    assert "  Frist inden for 7 dage:\n  · #3 C\n" in listing


def _owner(**groups: int) -> OwnerReminder:
    view = ActionView(1, "X", (), "open", None, None, None, None, None)
    person = OwnerReminder(1, "Jette Nyboe", "jette@example.dk")
    for group, n in groups.items():
        setattr(person, group, [view] * n)
    return person


@pytest.mark.no_store
@pytest.mark.parametrize(
    ("groups", "subject"),
    [
        ({"overdue": 1}, "1 overskreden opgave"),
        ({"overdue": 2}, "2 overskredne opgaver"),
        ({"due_soon": 1}, "1 opgave med frist inden for 7 dage"),
        ({"due_soon": 2}, "2 opgaver med frist inden for 7 dage"),
        ({"resumed": 1}, "1 udsat opgave at tage op igen"),
        ({"resumed": 2}, "2 udsatte opgaver at tage op igen"),
        ({"for_meeting": 1}, "1 opgave til mødet 23. maj 2019"),
        ({"for_meeting": 2}, "2 opgaver til mødet 23. maj 2019"),
        ({"events": 1}, "1 arrangement"),
        ({"events": 2}, "2 arrangementer"),
        (
            {"overdue": 2, "due_soon": 1, "for_meeting": 1},
            "2 overskredne opgaver, 1 opgave med frist inden for 7 dage og 1 opgave til mødet "
            "23. maj 2019",
        ),
    ],
)
def test_reminder_subjects_count_in_danish(groups: dict[str, int], subject: str) -> None:
    from udsat_cli.render.reminders import subject as subject_of

    meeting = MeetingRef(1, date(2019, 5, 23), "16:00", "18:00", None)
    report = Reminders("Udsatterådet", date(2019, 5, 20), 7, meeting, [])
    assert subject_of(_owner(**groups), report) == f"Udsatterådet: {subject}"
    one_day = Reminders("Udsatterådet", date(2019, 5, 20), 1, meeting, [])
    assert "inden for 1 dag" in subject_of(_owner(due_soon=1), one_day)


def test_an_event_alone_reminds_each_attendee(council: Store) -> None:
    attendees = ["Søren", "René", "Nina", "Jette", "Allan", "Helge"]
    ok(
        *APRIL,
        "event",
        "add",
        "4. april 2019",
        "Netværksmøde",
        *[a for n in attendees for a in ("--attendee", n)],
    )
    listing = ok(*APRIL, "remind")
    names = re.findall(r"^(\S.*?) \(ingen e-mailadresse\)$", listing, re.M)
    assert len(names) == 6
    assert listing.count("Arrangementer, du deltager i:\n  · 4. april – Netværksmøde") == 6
    assert ok(*APRIL, "remind") == ""  # not again the same day


def test_json_is_json_even_when_nothing_is_due(council: Store) -> None:
    result = run(*APRIL, "remind", "--format", "json")
    assert json.loads(result.stdout) == {"today": "2019-04-02", "owners": [], "meeting": None}
    assert run(*APRIL, "remind").stdout == ""  # text stays silent for cron


def test_a_postponed_action_whose_day_has_come_is_due_again(council: Store) -> None:
    ok(*APRIL, "add-action", "Bisidderordningen", "--owner", "Søren")
    ok(*APRIL, "postpone", "1", "--to", "1. maj 2019", "--note", "Til efter mødet")
    assert ok("--today", "2019-04-15", "remind") == ""
    listing = ok("--today", "2019-05-02", "remind")
    assert "  Udsat, skal tages op igen:\n  · #1 Bisidderordningen\n" in listing


# --- planning and lists -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("every", "count"), [("måned", 11), ("2. torsdag", 12), ("4 uger", 14), ("sidste fredag", 12)]
)
def test_a_years_plan_falls_on_working_days(council: Store, every: str, count: int) -> None:
    """Not on a weekend, a public holiday or in the council's holidays (data/seasons.json): 1 July
    and 1 August both come to 10 August, so a monthly plan has 11 meetings."""
    ok("meeting", "plan", "--every", every, "--from", "1/1-2027", "--until", "31/12-2027")
    days = [
        date.fromisoformat(m["date"])
        for m in json.loads(ok("meeting", "list", "--json"))
        if m["date"] >= "2027-01-01"
    ]
    assert len(days) == count
    assert [(d, day_off(d)) for d in days if day_off(d)] == []
    holidays = [
        (date(2027, 2, 7), date(2027, 2, 15)),
        (date(2027, 6, 27), date(2027, 8, 9)),
        (date(2027, 10, 10), date(2027, 10, 18)),
        (date(2027, 12, 21), date(2028, 1, 3)),
        (date(2026, 12, 21), date(2027, 1, 3)),
    ]
    assert [d for d in days if any(a <= d <= b for a, b in holidays)] == []
    if every == "2. torsdag":  # each month's second Thursday, or the day after its holiday
        moved = {date(2027, 2, 16), date(2027, 8, 10), date(2027, 10, 19)}
        assert all(d.weekday() == 3 and 8 <= d.day <= 14 for d in set(days) - moved)
        assert moved <= set(days)


def test_a_plan_on_a_holiday_is_moved_and_said(council: Store) -> None:
    result = run(
        "meeting", "plan", "--every", "2. torsdag", "--from", "1/5-2027", "--until", "31/5-2027"
    )
    assert "torsdag d. 13. maj 2027" in result.stdout
    plan = run(
        "meeting",
        "plan",
        "--every",
        "1 uge",
        "--from",
        "29/4-2027",
        "--until",
        "7/5-2027",
        "--any-day",
    )
    assert "torsdag d. 6. maj 2027" in plan.stdout and plan.stderr == ""  # Kristi himmelfart
    moved = run("meeting", "plan", "--every", "1 uge", "--from", "29/4-2027", "--until", "7/5-2027")
    assert moved.code != 0 or "fredag d. 7. maj 2027" in moved.stdout


def test_a_cancelled_meeting_is_listed_as_cancelled(council: Store) -> None:
    ok("--today", "2019-03-01", "meeting", "cancel", "4/3-2019")
    listing = ok("meeting", "list")
    assert re.search(r"mandag d\. 4\. marts 2019 .* aflyst", listing)
    assert "4. marts" not in ok("meeting", "list", "--planned")
    cancelled = json.loads(ok("meeting", "list", "--json"))[0]
    assert (cancelled["date"], cancelled["cancelled"]) == ("2019-03-04", True)


def test_member_list_all_shows_when_each_left(council: Store) -> None:
    ok("member", "leave", "Nina", "--date", "31/3-2019")
    listing = ok("member", "list", "--all")
    assert re.search(r"Nina Gustavsen .*31\. marts 2019", listing)
    assert "Trådt ud" in listing.splitlines()[0]


def test_an_unknown_season_is_refused_unless_new(council: Store) -> None:
    before = dump(council)
    result = run("season", "set", "sommerfereien", "26/6", "9/8")
    assert result.code == 2 and "de kendte er »det nye år«" in result.stderr
    assert "»sommerferien«" in result.stderr and result.stderr.endswith("tilføje en ny.\n")
    assert dump(council) == before
    assert "høstferien" in ok("season", "set", "høstferien", "1/10", "14/10", "--new")
    assert "sommerferien" in ok("season", "set", "sommerferie", "26/6", "9/8")  # an alias


def test_search_names_the_item_by_its_number_and_title(council: Store) -> None:
    ok("item", "add", "4/3-2019", "Et punkt i marts")  # item ids and numbers now differ
    for title in ("Velkomst", "Orientering fra formanden", "Budget", "Fokus på socialt frikort"):
        ok("item", "add", "1/4-2019", title)
    ok(*APRIL, "add-action", "Skrive om frikortet", "--owner", "Søren", "--item", "4")
    text = ok("search", "frikort")
    assert "Mødet 1. april 2019 · punkt 4 »Fokus på socialt frikort«\n" in text
    assert "Mødet 1. april 2019 · punkt 4 »Fokus på socialt frikort« · opgave #1\n" in text


# --- Danish everywhere ------------------------------------------------------------------------

ENGLISH = re.compile(
    r"\b(?:Usage|Error|Missing|argument|option|Got|unexpected|extra|No such|Did you mean|"
    r"Invalid|value|is not|requires|does not take|Try|for help|Aborted|Options|Commands|"
    r"Arguments|default|required|Show this message|command|True|False|None)\b"
)


@pytest.mark.no_store
@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_usage_errors_are_danish(cmd: tuple[str, ...]) -> None:
    typo = (*cmd[:-1], cmd[-1][:-1] + ("x" if cmd[-1][-1] != "x" else "y"))
    for argv in ((*cmd, "--xyzzy"), typo, (*cmd, *["ekstra"] * 6)):
        result = run(*argv)
        assert result.code != 0, argv
        shown = result.stderr + result.stdout
        assert not ENGLISH.search(shown), (argv, shown)
        assert shown.startswith("Fejl: ") and shown.count("\n") == 1, (argv, shown)
    wrong = run(*cmd, "--xyzzy").stderr
    assert wrong.startswith("Fejl: Ukendt tilvalg »--xyzzy«")
    assert f"»udsat {' '.join(cmd)} --help«" in wrong
    help_text = ok(*cmd, "-h")
    assert not ENGLISH.search(help_text.replace("--format", "").replace("--json", "")), cmd


def test_missing_arguments_are_danish(isolated_store: Store) -> None:
    from typer.main import get_command

    from tests.conftest import app

    group = get_command(app)
    checked = 0
    for path in COMMANDS:
        cmd = group
        for part in path:
            cmd = cmd.commands[part]
        if any(p.required for p in cmd.params):
            result = run(*path)
            assert result.code == 2 and not ENGLISH.search(result.stderr), (path, result.stderr)
            said = r"Fejl: (?:Argumentet|Tilvalget) \S+ mangler; se »udsat "
            assert re.match(said, result.stderr)
            checked += 1
    assert checked > 20


def test_the_command_list_is_whole(isolated_store: Store) -> None:
    listing = ok("--help")
    commands = listing.split("Kommandoer:", 1)[1]
    assert "..." not in commands and "…" not in commands
    assert "Ret en opgave: status, frist, ansvarlige, titel eller punkt" in listing
    assert ok("-h") == listing


def test_the_log_is_danish(council: Store) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "til næste SUS")
    ok(*APRIL, "update", "1", "--status", "i gang", "--due", "1/5-2019", "--note", "Mail sendt")
    ok("--today", "2019-03-01", "meeting", "cancel", "4/3-2019")
    log = ok("log")
    assert not ENGLISH.search(log.replace("--", "")) and "created" not in log
    assert "opgave #1: status åben → i gang" in log
    assert "opgave #1: frist til næste SUS → 1/5-2019" in log
    assert "møde #1: aflyst nej → ja" in log
    assert "opgave #1: ny ansvarlig: Jette Nyboe" in log


def test_settings_and_mail_errors_are_danish(council: Store, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "udsat.toml"
    monkeypatch.setenv("UDSAT_CONFIG", str(config))
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "3/4-2019")
    ok("member", "edit", "Jette", "--email", "jette@example.dk")
    for text, said in (
        ("[smtp\nhost = 1", "er ikke gyldig TOML i linje 1, kolonne 6"),
        ('[smtp]\nhost = "x"\nsender = "a@b.dk, c@d.dk"\n', "er ikke én e-mailadresse"),
        ('[smtp]\nhost = "x\\ny"\nsender = "a@b.dk"\n', "skal være tekst på én linje"),
        ("[a]" * 1 + "\nx = " + "[" * 2000 + "]" * 2000, "Indstillingsfilen"),
    ):
        config.write_text(text, encoding="utf-8")
        result = run(*APRIL, "remind", "--send")
        assert result.code == 78 and said in result.stderr, (text, result.stderr)
        assert not ENGLISH.search(result.stderr)
    config.write_text(
        '[smtp]\nhost = "127.0.0.1"\nport = 1\nsecurity = "none"\n'
        'sender = "Rådet <raad@example.dk>"\n'
    )
    result = run(*APRIL, "remind", "--send")
    assert result.code == 75 and "(serveren afviste forbindelsen)" in result.stderr
    assert not ENGLISH.search(result.stderr)


def test_the_calendar_file_has_no_english(council: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    feed = ok("calendar")
    assert "This timezone" not in feed and "COMMENT" not in feed


@pytest.mark.no_store
@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_count_is_in_the_right_number(n: int) -> None:
    from udsat_cli.core.changes import ChangeLog, ChangeSetView
    from udsat_cli.core.imports import import_summary
    from udsat_cli.render.changes import undone_text
    from udsat_cli.render.export import restored_text
    from udsat_cli.render.meetings import planned_text

    forms = {
        0: ("0 møder", "0 punkter", "0 opgaver", "0 nye personer", "0 ændringer", "0 råd"),
        1: ("1 møde", "1 punkt", "1 opgave", "1 ny person", "1 ændring", "1 råd"),
        2: ("2 møder", "2 punkter", "2 opgaver", "2 nye personer", "2 ændringer", "2 råd"),
    }
    meetings, items, actions, people, changes, councils = forms[n]
    day = date(2019, 4, 1)
    refs = [MeetingRef(i, day + timedelta(days=i), None, None, None) for i in range(n)]
    assert next(planned_text(refs)) == f"Planlagde {meetings}:"
    assert import_summary(day, n, n, n) == (
        f"Importerede mødet 1. april 2019: {items}, {actions}, {people}."
    )
    from datetime import datetime

    change_set = ChangeSetView(1, datetime(2019, 4, 1, 12), "udsat x", True, [])
    change_set.changes = [None] * n  # type: ignore[list-item]
    assert next(undone_text(ChangeLog([change_set]))).endswith(f": {changes}.")
    counts = {"council": n, "meeting": n, "action": n}
    assert next(restored_text(counts)) == f"Læste {councils}, {meetings} og {actions} ind."
