"""The record is kept, not recomputed: one numbering from agenda to referat, attendance stored with
the meeting, held meetings that stay held, and approved minutes that never change."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import Store, dump, ok, run
from tests.test_undo import rows

APRIL = ("--today", "2019-04-02")
MAY = ("--today", "2019-05-23")
AFTER = ("--today", "2019-09-01")
HELD = "1/4-2019"


def _numbers(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\d+\. ", line)]


def test_agenda_minutes_and_commands_share_one_numbering(council: Store) -> None:
    ok(*APRIL, "meeting", "add", "23. maj 2019 kl. 16-18")
    for title, kind in (
        ("Fokus på socialt frikort", "beslutning"),
        ("Udsatterådets økonomi", "orientering"),
        ("Årsberetning", "beslutning"),
    ):
        ok(*APRIL, "item", "add", "23/5-2019", title, "--kind", kind)
    issued = ok(*APRIL, "agenda", "--meeting", "23/5-2019", "--issue")
    assert issued.startswith("Dagsorden\n")
    ok(*APRIL, "item", "move", "23/5-2019", "3", "4")  # »punkt 3 og 4 byttes om«
    agenda = ok(*APRIL, "agenda", "--meeting", "23/5-2019")
    assert agenda.startswith("Ændret dagsorden\n")
    points = [line.split(" (")[0] for line in _numbers(agenda)]
    assert points == [
        "1. Godkendelse af referat og dagsorden",
        "2. Opfølgning på beslutningspunkter fra sidste møde",
        "3. Årsberetning",
        "4. Fokus på socialt frikort",
        "5. Udsatterådets økonomi",
        "6. Økonomi",
        "7. Kommende arrangementer",
        "8. Eventuelt",
    ]
    listed = [
        f"{i['number']}. {i['title']}"
        for i in json.loads(ok(*APRIL, "item", "list", "23/5-2019", "--json"))
    ]
    assert listed == points
    printed = json.loads(ok(*APRIL, "agenda", "--meeting", "23/5-2019", "--json"))
    assert [f"{p['number']}. {p['title']}" for p in printed["points"]] == points
    assert printed["issued"] == "2019-04-02" and printed["changed"] is True
    ok(*MAY, "item", "edit", "23/5-2019", "4", "--decision", "Rådet skriver til SUS.")
    added = json.loads(
        ok(*MAY, "add-action", "Skrive til SUS", "--owner", "Helge Bo", "--item", "4", "--json")
    )
    assert added["item"] == "Fokus på socialt frikort"
    minutes = ok(*MAY, "minutes", "23/5-2019")
    assert [line.split(" (")[0] for line in _numbers(minutes)] == points
    assert "\n4. Fokus på socialt frikort\n\nBeslutning:\nRådet skriver til SUS." in minutes
    assert ok(*MAY, "item", "add", "23/5-2019", "Næste års mødeplan") == (
        "Tilføjede punkt 6: Næste års mødeplan.\n"  # before the standing points at the end
    )


def test_the_minutes_hold_what_the_meeting_heard_of_the_follow_ups(council: Store) -> None:
    ok(
        "--today",
        "2019-04-01",
        "add-action",
        "Tage kontakt til AP",
        "--owner",
        "Jette",
        "--due",
        "næste møde",
    )
    ok(*APRIL, "meeting", "add", "23. maj 2019 kl. 16-18")
    ok("--today", "2019-05-10", "update", "1", "--status", "i gang", "--note", "AP er kontaktet")
    heard = "· Tage kontakt til AP (Jette Nyboe): i gang – AP er kontaktet"
    minutes = ok(*MAY, "minutes", "23/5-2019")
    assert f"\n2. Opfølgning på beslutningspunkter fra sidste møde\n\n{heard}\n" in minutes
    ok("--today", "2019-06-01", "done", "1", "--note", "Interviewet er holdt")
    assert ok("--today", "2019-06-01", "minutes", "23/5-2019") == minutes  # later: not heard
    (reported,) = json.loads(ok(*MAY, "minutes", "23/5-2019", "--json"))["followups"]
    assert (reported["status"], reported["changed"], reported["note"]) == (
        "in_progress",
        True,
        "AP er kontaktet",
    )


def test_a_held_meeting_stays_held_and_a_cancelled_one_says_so(council: Store) -> None:
    ok("--today", "2019-04-01", "add-action", "Tage kontakt til AP", "--owner", "Jette")
    before = dump(council)
    for args, said in (
        (
            ("meeting", "cancel", HELD),
            "Fejl: Mødet d. 1. april 2019 er holdt og har et referat; et holdt møde kan ikke "
            "aflyses.\n",
        ),
        (
            ("meeting", "cancel", HELD, "--reopen"),
            "Fejl: Mødet d. 1. april 2019 er holdt og har et referat; et holdt møde kan ikke "
            "aflyses.\n",
        ),
        (
            ("meeting", "move", HELD, "2/4-2019"),
            "Fejl: Mødet d. 1. april 2019 har et referat; et holdt møde flyttes ikke. Er det en "
            "rettelse af datoen, så flyt det med --reopen.\n",
        ),
        (
            ("meeting", "cancel", "4/3-2019"),
            "Fejl: Mødet d. 4. marts 2019 ligger før i dag; blev det ikke holdt, så aflys det med "
            "--reopen.\n",
        ),
    ):
        result = run(*args)
        assert (result.code, result.stderr) == (1, said), args
    assert dump(council) == before
    ok("meeting", "move", HELD, "2. april 2019 kl. 16-18", "--reopen")  # a correction
    ok("meeting", "cancel", "4/3-2019", "--reopen")  # it was never held
    for args in (("minutes", "1"), ("minutes", "4/3-2019"), ("item", "list", "1")):
        result = run(*args)
        assert result.code != 0 and "er aflyst" in result.stderr and "findes" not in result.stderr
    assert "mandag d. 4. marts 2019 kl. 16.00–18.00 · aflyst" in ok("meeting", "show", "1")
    assert json.loads(ok("meeting", "show", "1", "--json"))["cancelled"] is True


def test_an_item_added_by_mistake_is_deleted(council: Store) -> None:
    for title in ("Fokus på socialt frikort", "Ved en fejl", "Årsberetning"):
        ok("item", "add", HELD, title)
    ok("--today", "2019-04-01", "add-action", "Ringe", "--owner", "Jette", "--item", "2")
    before, kept = dump(council), rows(council)
    refused = run("item", "delete", HELD, "2")
    assert (refused.code, refused.stderr) == (
        1,
        (
            "Fejl: Punkt 2 »Ved en fejl« har opgaverne #1; flyt dem først med udsat update NR "
            "--item PUNKT, eller slet dem med punktet: --with-actions.\n"
        ),
    )
    assert dump(council) == before
    assert ok("item", "delete", HELD, "2", "--with-actions") == (
        "Slettede punkt 2 »Ved en fejl« fra mødet 1. april 2019.\nMed det gik opgaverne #1.\n"
    )
    assert ok("item", "list", HELD) == "1. Fokus på socialt frikort\n2. Årsberetning\n"
    assert council.query("SELECT COUNT(*) FROM action") == [(0,)]
    ok("undo")
    assert rows(council) == kept


def test_approved_minutes_are_kept_as_approved(council: Store, tmp_path: Path) -> None:
    ok("member", "add", "Ulla Bektas", "--from", "1/1-2019")
    ok("item", "add", HELD, "Fokus på socialt frikort", "--decision", "Rådet skriver til SUS.")
    ok(
        "--today",
        "2019-04-01",
        "add-action",
        "Skrive til SUS",
        "--owner",
        "Helge Bo",
        "--due",
        "næste møde",
        "--item",
        "1",
    )
    ok("--today", "2019-04-01", "meeting", "add", "23. maj 2019 kl. 16-18")
    ok("attendance", HELD, "--absent", "Nina:syg", "--referent", "Carina")
    ok(*APRIL, "minutes", "approve", HELD)
    forms = [("--format", f) for f in ("text", "markdown", "json")]
    approved = {f: ok(*AFTER, "minutes", HELD, *f) for f in forms}
    word = tmp_path / "godkendt.docx"
    ok(*AFTER, "minutes", HELD, "--approved", "-o", str(word))
    assert (
        "Deltagere: Helge Bo Jensen, Jette Nyboe, Allan Høyer, René Meyrowitsch, Søren "
        "Mogensen, Ulla Bektas\n" in approved[forms[0]]
    )
    # Later, none of this reaches the approved minutes:
    said = run(*AFTER, "member", "add", "Hanne Kirk")
    assert "Hanne Kirk er medlem fra i dag (1. september 2019)" in said.stderr
    ok(*AFTER, "member", "add", "Kim Larsen", "--from", "1/1-2019")
    ok(*AFTER, "member", "leave", "Ulla", "--date", "1. marts 2019")
    ok(*AFTER, "member", "edit", "Jette", "--role", "formand")
    ok("--today", "2019-05-01", "meeting", "move", "23/5-2019", "12. december 2019 kl. 16-18")
    ok(*AFTER, "done", "1", "--note", "Brevet er sendt")
    for form, printed in approved.items():
        assert ok(*AFTER, "minutes", HELD, *form) == printed, form
    again = tmp_path / "igen.docx"
    ok(*AFTER, "minutes", HELD, "--approved", "-o", str(again))
    assert again.read_bytes() == word.read_bytes()
    # A correction reopens them; the approved version stays kept.
    reopened = run(*AFTER, "item", "edit", HELD, "1", "--decision", "Rettet.", "--reopen")
    assert reopened.code == 0 and "den godkendte udgave er gemt" in reopened.stderr
    assert "Godkendt:" not in ok(*AFTER, "minutes", HELD)
    assert ok(*AFTER, "minutes", HELD, "--version", "1") == approved[forms[0]]
    assert run(*AFTER, "minutes", HELD, "--approved").code == 1
    assert ok(*AFTER, "minutes", "approve", HELD) == (
        "Referatet af mødet 1. april 2019 er godkendt (udgave 2).\n"
    )
    assert "Rettet." in ok(*AFTER, "minutes", HELD)
    log = ok(*AFTER, "log", "--limit", "2")
    assert "nyt godkendt referat #2" in log and "godkendt referat #1: åbnet igen – →" in log


def test_the_roll_is_stored_with_the_meeting(council: Store) -> None:
    ok("attendance", HELD, "--absent", "Nina:syg")
    ok("member", "add", "Kim Larsen", "--from", "1/1-2019")  # too late for a held meeting
    header = ok("attendance", HELD, "--guest", "Lene Holm (forvaltningen)")
    assert "Kim Larsen" not in header
    assert (
        "Deltagere: Helge Bo Jensen, Jette Nyboe, Allan Høyer, René Meyrowitsch, "
        "Søren Mogensen\n" in header
    )
    ok("attendance", HELD, "--remove", "Nina")  # back on the roll, present
    assert "Nina Gustavsen" in ok("minutes", HELD).split("Afbud:")[0]


def test_a_topic_taken_up_leaves_the_list(council: Store) -> None:
    ok(*APRIL, "meeting", "add", "23. maj 2019 kl. 16-18")
    ok(*APRIL, "topic", "add", "Besøg af borgerrådgiver", "--for", "næste møde")
    ok(*APRIL, "topic", "add", "Forretningsorden")
    draft = _numbers(ok(*APRIL, "agenda"))
    assert draft.count("3. Besøg af borgerrådgiver") == 1
    assert ok(*APRIL, "item", "add", "23/5-2019", "--topic", "1") == (
        "Tilføjede punkt 3: Besøg af borgerrådgiver.\n"
    )
    agenda = ok(*APRIL, "agenda")
    assert agenda.count("Besøg af borgerrådgiver") == 1 and "4. Forretningsorden" in agenda
    assert ok(*APRIL, "topic", "list") == "#2 Forretningsorden → mødet 23. maj 2019\n"
    refused = run(*APRIL, "item", "add", "23/5-2019", "--topic", "1")
    assert refused.code == 1 and "allerede taget op som punkt 3" in refused.stderr
    ok(*APRIL, "agenda", "--issue")
    assert ok(*APRIL, "topic", "list") == "Ingen punkter på listen.\n"
    taken = json.loads(ok(*APRIL, "topic", "list", "--all", "--json"))
    assert [t["taken"] for t in taken] == [
        {"date": "2019-05-23", "item": 3},
        {"date": "2019-05-23", "item": 4},
    ]


def test_the_annual_report_reads_the_approved_minutes(council: Store) -> None:
    ok(
        "item",
        "add",
        HELD,
        "Indstilling af et medlem",
        "--closed",
        "--decision",
        "Rådet indstiller NN til eksklusion.",
        "--public-decision",
        "Rådet drøftede sagen.",
    )
    ok("item", "add", HELD, "Årsberetning", "--decision", "Godkendt. Den sendes til SUS.")
    ok(
        "item",
        "add",
        HELD,
        "Orientering fra formanden",
        "--kind",
        "orientering",
        "--decision",
        "Formanden orienterede.",
    )
    ok("item", "add", HELD, "Eventuelt", "--decision", "Intet.")
    ok("--today", "2019-04-01", "add-action", "Trykke pjecer", "--owner", "Søren")
    ok("--today", "2019-04-01", "drop", "1", "--note", "Ikke længere aktuelt")
    ok(
        "--today",
        "2019-04-01",
        "event",
        "add",
        "10. april 2019",
        "Netværksmøde",
        "--attendee",
        "Søren",
    )
    ok("--today", "2019-04-01", "event", "add", "11. april 2019", "Foredrag uden os")
    ok("--today", "2019-03-01", "meeting", "add", "15. marts 2019")
    ok("--today", "2019-03-01", "meeting", "cancel", "15/3-2019")
    ok(*APRIL, "minutes", "approve", HELD)
    report = ok("--today", "2019-12-31", "annual-report", "2019")
    assert "NN" not in report and "Rådet drøftede sagen." in report
    assert "1 er bortfaldet" in report and "droppet" not in report
    assert "traf 2 beslutninger" in report  # not the orientation, not »Eventuelt«
    assert "1. april 2019, punkt 2, Årsberetning: Godkendt.\n" in report
    assert "Netværksmøde" in report and "Foredrag uden os" not in report
    meetings = report.split("MØDER\n")[1].split("\n\n")[0].splitlines()
    assert [m.split(" kl.")[0] for m in meetings] == [
        "· mandag d. 4. marts 2019",
        "· fredag d. 15. marts 2019 (aflyst)",
        "· mandag d. 1. april 2019",
    ]


def test_the_public_referat_opens_with_its_note(council: Store, tmp_path: Path) -> None:
    ok("minutes", "note", HELD, "Velkommen til Lisbeth Andersen.")
    ok(*APRIL, "minutes", "approve", HELD)
    ok(*APRIL, "publish", str(tmp_path / "side"))
    page = (tmp_path / "side" / "referat-2019-04-01.html").read_text(encoding="utf-8")
    assert "<p>Velkommen til Lisbeth Andersen.</p>" in page


def test_approved_minutes_move_with_an_export(council: Store, new_store, tmp_path: Path) -> None:
    ok("item", "add", HELD, "Fokus på socialt frikort", "--decision", "Rådet skriver til SUS.")
    ok(*APRIL, "minutes", "approve", HELD)
    kept = tmp_path / "godkendt.docx"
    ok("minutes", HELD, "--approved", "-o", str(kept))
    exported = tmp_path / "eksport.json"
    ok("export", "-o", str(exported))
    fresh = new_store("kopi")
    ok("--db", fresh.arg, "restore", str(exported))
    again = tmp_path / "igen.docx"
    ok("--db", fresh.arg, "minutes", HELD, "--approved", "-o", str(again))
    assert again.read_bytes() == kept.read_bytes()
    assert ok("--db", fresh.arg, "minutes", HELD) == ok("minutes", HELD)
    second = tmp_path / "igen.json"
    ok("--db", fresh.arg, "export", "-o", str(second))
    assert second.read_bytes() == exported.read_bytes()


def test_a_council_sets_its_own_standing_points(council: Store) -> None:
    ok(*APRIL, "meeting", "add", "23. maj 2019 kl. 16-18")
    ok(*APRIL, "item", "add", "23/5-2019", "Fokus på socialt frikort")
    ok(*APRIL, "item", "edit", "23/5-2019", "1", "--background", "Dagsordenen er sendt ud.")
    changed = run(
        *APRIL,
        "council",
        "set",
        "--points-before",
        "Godkendelse af referat og dagsorden med opfølgning",
        "--points-after",
        "Eventuelt",
        "--points-after",
        "Næste møde",
    )
    assert changed.stderr == "De nye faste punkter står nu på dagsordenen til 1 kommende møde.\n"
    assert "Opfølgning på beslutningspunkter" not in changed.stdout
    assert ok(*APRIL, "item", "list", "23/5-2019") == (
        "1. Godkendelse af referat og dagsorden\n"  # it has text of its own: it stays, and it is
        "2. Fokus på socialt frikort\n3. Eventuelt\n4. Næste møde\n"  # the approval point
    )
    shown = json.loads(ok("council", "show", "--json"))
    assert [p["key"] for p in shown["points_before"]] == ["approval"]  # the follow-up goes here
    refused = run("council", "set", "--points-after", "Økonomi", "--points-after", "Regnskab")
    assert (refused.code, refused.stderr) == (
        2,
        ("Fejl: To faste punkter er begge til økonomi; giv dem hver sin titel.\n"),
    )


def test_minutes_reopen_and_a_name_without_its_last_part(council: Store) -> None:
    ok("member", "add", "Poul Erik Dam", "--from", "1/1-2019")
    added = json.loads(
        ok(
            "--today",
            "2019-04-01",
            "add-action",
            "Skrive udkast",
            "--owner",
            "Poul Erik",
            "--owner",
            "Mogensen",
            "--json",
        )
    )
    assert added["owners"] == ["Poul Erik Dam", "Søren Mogensen"]
    ok(*APRIL, "minutes", "approve", HELD)
    said = ok(*APRIL, "minutes", "reopen", HELD)
    assert said == "Referatet af mødet 1. april 2019 er åbnet igen.\n"
    again = run(*APRIL, "minutes", "reopen", HELD)
    assert (again.code, again.stderr) == (
        1,
        "Fejl: Referatet af mødet 1. april 2019 er ikke godkendt.\n",
    )
