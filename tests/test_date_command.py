from __future__ import annotations

import json

from tests.conftest import Store, dump, ok, run

MAY = ("--today", "2019-05-20")


def test_date_without_a_store(isolated_store: Store) -> None:
    assert ok(*MAY, "date", "senest fredag d. 31. maj 2019") == "fredag d. 31. maj 2019\n"
    assert ok(*MAY, "date", "næste", "fredag") == "fredag d. 24. maj 2019\n"
    assert ok(*MAY, "date", "1/4 kl 16-18") == "mandag d. 1. april 2019 kl. 16.00–18.00\n"
    assert ok(*MAY, "date", "næste møde") == "næste møde: intet møde planlagt endnu\n"
    assert not isolated_store.exists()


def test_date_json(isolated_store: Store) -> None:
    assert json.loads(ok(*MAY, "date", "1. juni 2019 kl. 10", "--json")) == {
        "text": "1. juni 2019 kl. 10",
        "kind": "date",
        "date": "2019-06-01",
        "time": "10:00",
        "end_time": None,
        "meeting": None,
    }


def test_meeting_phrases_follow_the_meeting_plan(council: Store) -> None:
    assert ok(*MAY, "date", "næste møde") == "næste møde: intet møde planlagt endnu\n"
    ok("meeting", "add", "23. maj 2019 kl. 16.00-18.00", "--place", "Rådhuset")
    ok("meeting", "add", "13. juni 2019 kl. 16-18")
    assert ok(*MAY, "date", "næste møde") == (
        "næste møde: torsdag d. 23. maj 2019 kl. 16.00–18.00\n"
    )
    assert (
        ok(*MAY, "date", "om to møder") == "om 2 møder: torsdag d. 13. juni 2019 kl. 16.00–18.00\n"
    )
    assert ok(*MAY, "date", "mødet i juni") == (
        "første møde fra 1. juni 2019: torsdag d. 13. juni 2019 kl. 16.00–18.00\n"
    )
    found = json.loads(ok(*MAY, "date", "mødet 23. maj", "--json"))
    assert (found["kind"], found["date"], found["time"], found["meeting"]["place"]) == (
        "meeting",
        "2019-05-23",
        "16:00",
        "Rådhuset",
    )


def test_date_errors(isolated_store: Store) -> None:
    result = run(*MAY, "date", "tirsdag d. 3. juni 2019")
    assert (result.code, result.stderr) == (
        2,
        "Fejl: »tirsdag d. 3. juni 2019«: 3. juni 2019 er en mandag, ikke en tirsdag.\n",
    )
    result = run("date", "29.00.00-A26-1-16")
    assert result.stderr == (
        "Fejl: Kan ikke læse »29.00.00-A26-1-16« som en dato; skriv fx »23. maj 2019«, "
        "»næste fredag« eller »næste møde«.\n"
    )


def test_a_date_written_wrong_is_shown_with_its_nearest_reading(council: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    for phrase, offer in (
        ("15. marst", "15. marts 2020"),
        ("næste mode", "»næste møde« (23. maj 2019)"),
        ("mødet i junni", "»mødet i juni« (intet møde planlagt)"),
    ):
        result = run(*MAY, "date", phrase)
        assert (result.code, result.stderr) == (
            2,
            f"Fejl: Kan ikke læse »{phrase}« som en dato; mente du {offer}?\n",
        ), phrase
    result = run(*MAY, "date", "snarest")
    assert result.stderr == (
        "Fejl: Kan ikke læse »snarest« som en dato; skriv fx »23. maj 2019«, »næste fredag« "
        "eller »næste møde«.\n"
    )


def test_deadline_in_a_season_moves_with_the_councils_own_dates(council: Store) -> None:
    april = ("--today", "2019-04-02")
    ok(
        *april,
        "add-action",
        "Samle viden om morgenmad",
        "--owner",
        "René",
        "--due",
        "inden sommerferien",
    )
    assert json.loads(ok(*april, "actions", "--json"))[0]["due"] == "2019-06-26"
    assert "sommerferien    22. juni      4. august" in ok(
        "season", "set", "sommerferien", "22/6", "4. august"
    )
    ok(
        *april,
        "add-action",
        "Invitere borgerrådgiveren",
        "--owner",
        "Helge",
        "--due",
        "inden sommerferien",
    )
    dues = {a["id"]: a["due"] for a in json.loads(ok(*april, "actions", "--json"))}
    assert dues == {1: "2019-06-26", 2: "2019-06-21"}  # a date, fixed when it was written
    before = dump(council)
    result = run("season", "set", "sommerferien", "30. februar", "4. august")
    assert result.stderr == "Fejl: »30. februar« er ikke en gyldig dato.\n"
    assert dump(council) == before


def test_postponed_to_next_meeting_counts_from_today(council: Store) -> None:
    ok("--today", "2019-03-05", "add-action", "Kontakte AP", "--owner", "Jette")
    ok("meeting", "add", "23. maj 2019")
    ok("--today", "2019-04-02", "postpone", "1", "--to", "næste møde")
    action = json.loads(ok("--today", "2019-04-02", "actions", "--json"))[0]
    assert (action["due"], action["due_text"]) == ("2019-05-23", "næste møde (23. maj 2019)")
