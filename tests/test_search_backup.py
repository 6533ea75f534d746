from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.conftest import Store, dump, ok, run

APRIL = ("--today", "2019-04-02")


def test_search_finds_items_actions_and_notes(council: Store) -> None:
    ok(
        "item",
        "add",
        "1/4-2019",
        "Fokus på socialt frikort",
        "--background",
        "Et socialt frikort kan give borgere mulighed for at tjene op til 20.000 kr.",
        "--decision",
        "Rådet prioriterer en artikel om frikortet i AP.",
    )
    ok(
        "item",
        "add",
        "1/4-2019",
        "Årsberetning 2018",
        "--decision",
        "Årsberetningen blev godkendt.",
    )
    ok(
        *APRIL,
        "add-action",
        "Lægge et udkast om frikortet i Facebookgruppen",
        "--owner",
        "Søren",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
    )
    ok(*APRIL, "update", "1", "--note", "Teksten om frikort er næsten færdig")
    found = json.loads(ok("search", "frikort", "--json"))
    assert {(h["kind"], h["id"]) for h in found} == {("item", 1), ("action", 1), ("note", 1)}
    assert set(found[0]) == {"kind", "id", "meeting", "item", "item_number", "text", "rank"}
    assert all(h["meeting"] == "2019-04-01" for h in found)
    action = next(h for h in found if h["kind"] == "action")
    assert action["item"] == "Fokus på socialt frikort" and "»frikortet«" in action["text"]
    assert [h["id"] for h in json.loads(ok("search", "årsberetningen", "--json"))] == [2]
    assert json.loads(ok("search", "årsberetning", "godkendt", "--json"))[0]["kind"] == "item"
    assert ok("search", "bisidder") == "Intet fundet.\n"
    text = ok("search", "frikort")
    # where each hit is: the meeting, the item's number on its agenda and its title
    assert "Mødet 1. april 2019 · punkt 1 »Fokus på socialt frikort«\n" in text
    assert "Mødet 1. april 2019 · punkt 1 »Fokus på socialt frikort« · opgave #1\n" in text


def test_search_follows_edits_and_other_councils(council: Store) -> None:
    ok("item", "add", "1/4-2019", "Tandpleje")
    assert len(json.loads(ok("search", "tandpleje", "--json"))) == 1
    ok("item", "edit", "1/4-2019", "1", "--title", "Morgenmad")
    assert json.loads(ok("search", "tandpleje", "--json")) == []
    ok("init", "--council", "Ældrerådet")
    ok("--council", "Ældrerådet", "meeting", "add", "2. april 2019")
    ok("--council", "Ældrerådet", "item", "add", "2/4-2019", "Morgenmad til ældre")
    mine = json.loads(ok("--council", "Udsatterådet Albertslund", "search", "morgenmad", "--json"))
    assert [h["item"] for h in mine] == ["Morgenmad"]


@pytest.mark.sqlite_only
def test_backup_is_a_private_consistent_copy(council: Store, tmp_path: Path) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    target = tmp_path / "kopi.db"
    assert ok("backup", str(target)) == f"Kopierede lageret til {target}.\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT title FROM action").fetchall() == [("Kontakte AP",)]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert "Kontakte AP" in ok("--db", str(target), "actions")
    before = dump(council)
    again = run("backup", str(target))
    assert (again.code, again.stderr) == (
        2,
        f"Fejl: Filen {target} findes allerede; brug --force for at overskrive den.\n",
    )
    same = run("backup", str(council.path))
    assert same.stderr == "Fejl: Kopien kan ikke ligge i selve lageret.\n"
    assert dump(council) == before
    assert ok("backup", str(target), "--force").startswith("Kopierede")
