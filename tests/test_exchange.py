"""Export, restore and the calendar feed."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path

import pytest

from tests.conftest import NO_POSTGRES, POSTGRES_URL, Store, dump, ok, run


def _demo(new_store) -> Store:
    store = new_store("demo")
    ok("--db", store.arg, "--today", "2026-11-22", "demo")
    return store


def test_export_restore_export_is_identical(new_store, tmp_path: Path) -> None:
    store = _demo(new_store)
    first = tmp_path / "eksport.json"
    ok("--db", store.arg, "export", "-o", str(first))
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "udsat-export" and len(data["tables"]["action"]) == 12
    fresh = new_store("nyt")
    assert ok("--db", fresh.arg, "restore", str(first)) == (
        "Læste 1 råd, 3 møder og 12 opgaver ind.\n"
    )
    second = tmp_path / "igen.json"
    ok("--db", fresh.arg, "export", "-o", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert ok("--db", fresh.arg, "--today", "2026-11-22", "followups") == ok(
        "--db", store.arg, "--today", "2026-11-22", "followups"
    )
    assert json.loads(ok("--db", fresh.arg, "search", "facebookgruppe", "--json"))


def test_restore_refuses_what_it_cannot_take(new_store, tmp_path: Path) -> None:
    store = _demo(new_store)
    exported = tmp_path / "eksport.json"
    ok("--db", store.arg, "export", "-o", str(exported))
    before = dump(store)
    assert run("--db", store.arg, "restore", str(exported)).stderr == (
        "Fejl: Lageret er ikke tomt; en eksport kan kun læses ind i et tomt lager.\n"
    )
    assert dump(store) == before
    bad = tmp_path / "forkert.json"
    bad.write_text('{"hej": 1}')
    fresh = new_store("tomt")
    assert run("--db", fresh.arg, "restore", str(bad)).stderr == (
        "Fejl: Filen er ikke en eksport fra udsat (udsat export --format json).\n"
    )
    assert not fresh.exists()
    bad.write_text("ikke json")
    assert (
        run("--db", fresh.arg, "restore", str(bad)).stderr == f"Fejl: {bad} er ikke gyldig JSON.\n"
    )


def test_csv_opens_in_excel(new_store, tmp_path: Path) -> None:
    store = _demo(new_store)
    target = tmp_path / "opgaver.csv"
    ok(
        "--db",
        store.arg,
        "--today",
        "2026-11-22",
        "export",
        "--format",
        "csv",
        "--separator",
        ";",
        "-o",
        str(target),
    )
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Nr.",
        "Opgave",
        "Ansvarlige",
        "Status",
        "Frist",
        "Frist (tekst)",
        "Møde",
        "Punkt",
        "Seneste note",
    ]
    assert len(rows) == 13
    first = rows[1]
    assert first[:4] == [
        "1",
        "Undersøge muligheden for et fast mødelokale",
        "Helle Vinther",
        "i gang",
    ]
    assert first[4] == "2026-11-12" and first[7] == "Lokaler til rådet"


def test_markdown_export(new_store, tmp_path: Path) -> None:
    store = _demo(new_store)
    text = ok("--db", store.arg, "--today", "2026-11-22", "export", "--format", "markdown")
    assert text.startswith("# Udsatterådet Solbjerg (demo)\n")
    assert text.count("\n## Referat ") == 3
    assert "### 2. Lokaler til rådet" in text


def test_calendar_feed(new_store, tmp_path: Path) -> None:
    from icalendar import Calendar

    store = _demo(new_store)
    base = ("--db", store.arg, "--today", "2026-11-22")
    printed = run(*base, "calendar").stdout
    feed = Calendar.from_ical(printed)
    (store_id,) = store.query("SELECT id FROM store_identity")[0]
    events = list(feed.walk("VEVENT"))
    assert list(feed.walk("VTODO")) == []  # deadlines are all-day events by default
    meetings = [e for e in events if str(e["uid"]).startswith("meeting-")]
    assert len(meetings) == 3
    meeting = meetings[-1]
    assert str(meeting["uid"]) == f"meeting-3-{store_id}@udsat"
    start = meeting.decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == (
        "2026-12-01T16:00:00+01:00",
        "Europe/Copenhagen",
    )
    assert (
        meeting.decoded("dtend").hour == 18 and str(meeting["location"]) == "Værestedet, Torvet 4"
    )
    assert int(meeting["sequence"]) == 0
    deadline = next(e for e in events if str(e["uid"]) == f"action-1-{store_id}@udsat")
    assert type(deadline.decoded("dtstart")).__name__ == "date"  # all day, no hour
    assert (deadline.decoded("dtend") - deadline.decoded("dtstart")).days == 1
    assert str(deadline["transp"]) == "TRANSPARENT"
    council_events = [e for e in events if str(e["uid"]).startswith("event-")]
    assert [str(e["summary"]) for e in council_events] == [
        "Netværksmøde for udsatteråd",
        "Dialogmøde med Sundheds- og Socialudvalget",
    ]
    assert not re.search(r"\b(Meeting|Deadline|Owner|generated)\b", printed)
    todos = list(Calendar.from_ical(run(*base, "calendar", "--todo").stdout).walk("VTODO"))
    assert {str(t["uid"]) for t in todos} >= {f"action-1-{store_id}@udsat"}
    done = next(t for t in todos if str(t["summary"]).startswith("Få trykt pjecer"))
    assert str(done["status"]) == "COMPLETED"
    ok(*base, "meeting", "move", "3", "2. december 2026 kl. 17-19")
    moved = Calendar.from_ical(run(*base, "calendar").stdout)
    again = [c for c in moved.walk("VEVENT") if str(c["uid"]) == f"meeting-3-{store_id}@udsat"][0]
    assert int(again["sequence"]) == 1 and again.decoded("dtstart").hour == 17
    mine = Calendar.from_ical(run(*base, "calendar", "--owner", "Omar", "--todo").stdout)
    assert {str(t["summary"]) for t in mine.walk("VTODO")} == {
        "Tage ansvaret for bisidderordningen",
        "Lægge et udkast til tekst i den lukkede Facebookgruppe",
    }


@pytest.mark.no_store
def test_an_export_from_either_backend_restores_into_the_other(tmp_path: Path) -> None:
    """Every column type (dates, times, booleans, the kept Word files, JSON texts) goes across:
    SQLite -> PostgreSQL -> SQLite gives the same export, byte for byte."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    sqlite_store = Store(path=tmp_path / "lite.db")
    ok("--db", sqlite_store.arg, "--today", "2026-11-22", "demo")
    first_meeting = sqlite_store.query("SELECT MIN(date) FROM meeting")[0][0]
    for args in (
        ("item", "edit", first_meeting, "2", "--closed", "--public-decision", "Drøftet."),
        ("minutes", "approve", first_meeting),
        ("council", "set", "--quorum", "3"),
        (
            "hearing",
            "add",
            "Budget 2028",
            "--from",
            "Socialudvalget",
            "--deadline",
            "1. december 2026 kl. 9",
        ),
        ("topic", "add", "Forretningsorden", "--for", "januar"),
    ):
        ok("--db", sqlite_store.arg, "--today", "2026-11-22", *args)
    exports = [tmp_path / "fra-sqlite.json"]
    ok("--db", sqlite_store.arg, "export", "-o", str(exports[0]))
    server = Store(schema=f"t_{uuid.uuid4().hex[:16]}")
    server.create()
    try:
        assert "Læste 1 råd" in ok("--db", server.arg, "restore", str(exports[0]))
        exports.append(tmp_path / "fra-postgresql.json")
        ok("--db", server.arg, "export", "-o", str(exports[1]))
        back = Store(path=tmp_path / "tilbage.db")
        ok("--db", back.arg, "restore", str(exports[1]))
        exports.append(tmp_path / "tilbage.json")
        ok("--db", back.arg, "export", "-o", str(exports[2]))
        assert exports[1].read_bytes() == exports[0].read_bytes()
        assert exports[2].read_bytes() == exports[0].read_bytes()
        for store in (server, back):  # and every command reads what came across
            assert ok("--db", store.arg, "--today", "2026-11-22", "minutes", first_meeting) == ok(
                "--db", sqlite_store.arg, "--today", "2026-11-22", "minutes", first_meeting
            )
            ok("--db", store.arg, "--today", "2026-11-22", "publish", str(tmp_path / "side"))
            ok("--db", store.arg, "--today", "2026-11-22", "add-action", "Ny", "--owner", "Helle")
    finally:
        server.drop()
