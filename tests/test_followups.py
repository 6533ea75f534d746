from __future__ import annotations

import json
import re

import pytest

from tests.conftest import Store, built_once, dump, ok, run


@pytest.fixture
def history(council: Store) -> Store:
    """Actions from the March and April meetings, in every status."""
    return built_once("history", council, _history)


def _history() -> None:
    march = ("--today", "2019-03-05")
    ok(
        *march,
        "add-action",
        "Opdatere hjemmesiden med referater",
        "--owner",
        "Carina",
        "--due",
        "25/3-2019",
        "--item",
        "Hjemmesiden",
        "--new-item",
    )
    ok(
        *march,
        "add-action",
        "Kontakte Frivilligcenteret",
        "--owner",
        "Jette",
        "--item",
        "Bisidderordning",
        "--new-item",
    )
    ok(*march, "postpone", "2", "--to", "1. maj 2019", "--note", "Venter på bestyrelsesmødet")
    ok(
        *march,
        "add-action",
        "Samle viden om morgenmad",
        "--owner",
        "René",
        "--item",
        "Bisidderordning",
        "--new-item",
    )
    ok(*march, "postpone", "3", "--to", "1. september 2019", "--note", "Udsat til efteråret")
    ok(*march, "add-action", "Sende opfordring til SUS", "--owner", "Helge Bo")
    ok(*march, "done", "4")
    april = ("--today", "2019-04-02")
    ok(
        *april,
        "add-action",
        "Lægge udkast til tekst i den lukkede Facebookgruppe",
        "--owner",
        "Søren",
        "--due",
        "næste møde",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
    )
    ok(
        *april,
        "add-action",
        "Få et behandlingspunkt på dagsordenen til næste SUS",
        "--owner",
        "Helge",
        "--owner",
        "Allan",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
    )
    ok(
        *april,
        "add-action",
        "Få trykt pjecer til bostøtterne",
        "--owner",
        "Carina",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
    )
    ok(*april, "done", "7", "--note", "Pjecerne er trykt")


def test_no_next_meeting_says_how_to_add_one(history: Store) -> None:
    result = run("--today", "2019-04-20", "followups", "--next-meeting")
    assert result.code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Fejl: Udsatterådet Albertslund har intet planlagt møde fra 20. april 2019; "
        'tilføj det næste med: udsat meeting add "DATO kl. 16-18".\n'
    )


def test_action_due_next_meeting_waits_for_the_meeting(history: Store) -> None:
    mine = json.loads(ok("--today", "2019-04-20", "actions", "--owner", "Søren", "--json"))
    assert (mine[0]["due"], mine[0]["due_text"]) == (None, "næste møde (ikke planlagt)")
    ok("meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Rådhuset")
    mine = json.loads(ok("--today", "2019-04-20", "actions", "--owner", "Søren", "--json"))
    assert (mine[0]["due"], mine[0]["due_text"]) == ("2019-05-23", "næste møde (23. maj 2019)")


def test_report_text_has_three_sections(history: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Rådhuset")
    assert ok("--today", "2019-05-20", "followups", "--next-meeting") == (
        "Opfølgning på beslutningspunkter fra sidste møde\n"
        "Udsatterådet Albertslund · torsdag d. 23. maj 2019 kl. 16.00–18.00 · Rådhuset\n"
        "Sidste møde: mandag d. 1. april 2019\n"
        "\n"
        "Fra sidste møde\n"
        "\n"
        "Fokus på socialt frikort\n"
        "· Lægge udkast til tekst i den lukkede Facebookgruppe [#5]\n"
        "  Ansvarlig: Søren Mogensen · Frist: næste møde (23. maj 2019) · Status: åben\n"
        "· Få et behandlingspunkt på dagsordenen til næste SUS [#6]\n"
        "  Ansvarlige: Helge Bo Jensen og Allan Høyer · Status: åben\n"
        "· Få trykt pjecer til bostøtterne [#7]\n"
        "  Ansvarlig: Carina Kofoed · Status: udført\n"
        "  Seneste note: Pjecerne er trykt\n"
        "\n"
        "Stadig åbne fra tidligere møder\n"
        "\n"
        "Hjemmesiden (mødet 4. marts 2019)\n"
        "· Opdatere hjemmesiden med referater [#1]\n"
        "  Ansvarlig: Carina Kofoed · Frist: 25. marts 2019 (overskredet) · Status: åben"
        " · Overført 1 gang\n"
        "\n"
        "Udsatte punkter, der skal tages op igen\n"
        "\n"
        "Bisidderordning (mødet 4. marts 2019)\n"
        "· Kontakte Frivilligcenteret [#2]\n"
        "  Ansvarlig: Jette Nyboe · Frist: 1. maj 2019 · Status: udsat · Overført 1 gang\n"
        "  Seneste note: Venter på bestyrelsesmødet\n"
    )


def test_report_json_contract(history: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Rådhuset")
    report = json.loads(
        ok("--today", "2019-05-20", "followups", "--next-meeting", "--format", "json")
    )
    assert set(report) == {"council", "meeting", "previous_meeting", "actions"}
    assert report["council"] == "Udsatterådet Albertslund"
    assert report["meeting"] == {
        "id": 3,
        "date": "2019-05-23",
        "start": "16:00",
        "end": "18:00",
        "place": "Rådhuset",
    }
    assert report["previous_meeting"]["date"] == "2019-04-01"
    assert [(a["id"], a["section"]) for a in report["actions"]] == [
        (5, "previous_meeting"),
        (6, "previous_meeting"),
        (7, "previous_meeting"),
        (1, "open"),
        (2, "resumed"),
    ]
    first = report["actions"][0]
    assert set(first) == {
        "id",
        "title",
        "owners",
        "status",
        "due",
        "due_text",
        "meeting",
        "item",
        "note",
        "carried",
        "section",
    }
    assert report["actions"][1]["owners"] == ["Helge Bo Jensen", "Allan Høyer"]
    assert report["actions"][3] == {
        "id": 1,
        "title": "Opdatere hjemmesiden med referater",
        "owners": ["Carina Kofoed"],
        "status": "open",
        "due": "2019-03-25",
        "due_text": "25. marts 2019",
        "meeting": "2019-03-04",
        "item": "Hjemmesiden",
        "note": None,
        "carried": 1,
        "section": "open",
    }


def test_report_markdown(history: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    text = ok("--today", "2019-05-20", "followups", "--format", "markdown")
    assert text.startswith("# Opfølgning på beslutningspunkter fra sidste møde\n")
    assert "\n**Udsatte punkter, der skal tages op igen**\n" in text
    # one line per follow-up, as minutes write it: no ids, no empty fields
    assert (
        "\n*Bisidderordning (mødet 4. marts 2019)*\n\n"
        "- Kontakte Frivilligcenteret (Jette Nyboe, frist 1. maj 2019): udsat. "
        "Venter på bestyrelsesmødet.\n"
    ) in text
    assert (
        "- Få et behandlingspunkt på dagsordenen til næste SUS (Helge Bo Jensen og Allan "
        "Høyer): åben.\n"
    ) in text
    assert "#" not in text.replace("# Opfølgning", "") and "ingen" not in text


def test_moving_the_clock_past_a_postponement(history: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    ok("meeting", "add", "12. september 2019 kl. 16-18")
    report = json.loads(ok("--today", "2019-06-01", "followups", "--format", "json"))
    assert report["previous_meeting"]["date"] == "2019-05-23"
    resumed = [a["id"] for a in report["actions"] if a["section"] == "resumed"]
    assert resumed == [2, 3]  # 1 May and 1 September have both come by 12 September
    carried = {a["id"]: a["carried"] for a in report["actions"]}
    assert carried[1] == 2  # from March, past the April and May meetings


def test_report_for_a_named_meeting(history: Store) -> None:
    report = json.loads(ok("followups", "--meeting", "2", "--format", "json"))
    assert report["meeting"]["date"] == "2019-04-01"
    assert report["previous_meeting"]["date"] == "2019-03-04"
    assert [a["id"] for a in report["actions"]] == [1, 2, 3, 4]
    before = dump(history)
    result = run("followups", "--format", "pdf")
    assert (result.code, result.stderr) == (
        2,
        "Fejl: Ukendt format »pdf«; brug en af: text, markdown, json, docx.\n",
    )
    assert dump(history) == before


def test_demo_prints_the_demo_report(new_store) -> None:
    demo = new_store("demo").arg
    out = ok("--db", demo, "--today", "2026-11-22", "demo")
    assert out.startswith(
        "Opfølgning på beslutningspunkter fra sidste møde\n"
        "Udsatterådet Solbjerg (demo) · tirsdag d. 1. december 2026 kl. 16.00–18.00 · "
        "Værestedet, Torvet 4\n"
        "Sidste møde: tirsdag d. 27. oktober 2026\n"
    )
    for heading in SECTION_HEADINGS:
        assert f"\n{heading}\n" in out
    statuses = {a["status"] for a in json.loads(ok("--db", demo, "actions", "--all", "--json"))}
    assert statuses == {"open", "in_progress", "done", "postponed", "dropped"}


SECTION_HEADINGS = (
    "Fra sidste møde",
    "Stadig åbne fra tidligere møder",
    "Udsatte punkter, der skal tages op igen",
)


def test_the_agenda_prints_the_followups_as_the_report_does(history: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    report = ok("--today", "2019-05-20", "followups", "--format", "markdown")
    agenda = ok("--today", "2019-05-20", "agenda", "--format", "markdown")
    body = report.split("\n\n", 2)[2]  # after the title and the meeting line
    point = agenda.split("## 2. Opfølgning på beslutningspunkter fra sidste møde\n", 1)[1]
    assert point.split("\n## 3. ", 1)[0] == "\n" + body.rstrip("\n") + "\n"


@pytest.mark.sqlite_only
def test_the_terminal_gets_the_rich_view(history: Store) -> None:
    """On a real terminal (a pty) the report is a Rich table in colour; NO_COLOR takes colour
    away; a pipe gets plain text."""
    import os
    import pty
    import subprocess
    import sys

    ok("meeting", "add", "23. maj 2019 kl. 16-18")

    def on_a_terminal(**env: str) -> str:
        main, child = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "udsat_cli", "--today", "2019-05-20", "followups"],
            stdout=child,
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "120", **env},
        )
        os.close(child)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait() == 0, proc.stderr.read()
        os.close(main)
        return b"".join(chunks).decode()

    colour = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])[;m]")  # a foreground colour code
    coloured = on_a_terminal()
    assert colour.search(coloured)
    for text in ("Fra sidste møde", "Nr.", "Opgave", "Ansvarlige", "#5", "Søren Mogensen", "┃"):
        assert text in coloured, text
    plain = on_a_terminal(NO_COLOR="1")
    assert not colour.search(plain) and "Søren Mogensen" in plain and "┃" in plain
    assert "┃" not in ok("--today", "2019-05-20", "followups")


def _next(*args: str) -> str:
    """The date of the meeting followups --next-meeting is for, as of --today (with a time)."""
    return json.loads(ok("--today", *args, "followups", "--next-meeting", "--json"))["meeting"][
        "date"
    ]


def test_on_the_evening_of_a_meeting_the_next_meeting_is_the_following_one(
    history: Store,
) -> None:
    ok(
        "meeting",
        "plan",
        "23. maj 2019 kl. 16-18",
        "13. juni 2019 kl. 16",
        "20. juni 2019",
        "27. juni 2019 kl. 10-12",
    )
    assert _next("2019-05-23 09:00") == "2019-05-23"  # the morning of the meeting
    assert _next("2019-05-23 18:00") == "2019-05-23"  # until its end
    assert _next("2019-05-23 18:01") == "2019-06-13"  # the evening after it
    assert _next("23. maj 2019 kl. 19.30") == "2019-06-13"
    assert _next("2019-06-13 17:59") == "2019-06-13"  # no end: two hours after its start
    assert _next("2019-06-13 18:01") == "2019-06-20"
    assert _next("2019-06-20 23:59") == "2019-06-20"  # no time at all: until minutes begin
    ok("attendance", "20/6-2019", "--absent", "Nina:syg")
    assert _next("2019-06-20 09:00") == "2019-06-27"  # the attendance is taken
    ok("item", "add", "27/6-2019", "Høring om budget")
    assert _next("2019-06-27 08:00") == "2019-06-27"  # no decision yet, just the agenda
    ok("item", "edit", "27/6-2019", "1", "--decision", "Rådet har svaret.")
    result = run("--today", "2019-06-27 10:30", "followups", "--next-meeting")
    assert (result.code, result.stderr) == (
        1,
        (
            "Fejl: Udsatterådet Albertslund har intet planlagt møde efter mødet i dag; tilføj det "
            'næste med: udsat meeting add "DATO kl. 16-18".\n'
        ),
    )


def test_the_agenda_and_the_reminders_look_past_a_meeting_that_is_over(history: Store) -> None:
    ok("meeting", "plan", "23. maj 2019 kl. 16-18", "13. juni 2019 kl. 16-18")
    evening = ("--today", "2019-05-23 19:30")
    agenda = ok(*evening, "agenda", "--next-meeting")
    assert "torsdag d. 13. juni 2019 kl. 16.00–18.00" in agenda and "23. maj 2019 kl." not in agenda
    ok(
        "--today",
        "2019-05-20",
        "add-action",
        "Ringe til AP",
        "--owner",
        "Søren",
        "--due",
        "snarest",
    )
    morning = ok("--today", "2019-05-23 10:00", "remind", "--days", "30", "--dry-run")
    assert "Til opfølgning på mødet 23. maj 2019:" in morning
    reminded = ok(*evening, "remind", "--days", "30", "--dry-run")
    assert "Til opfølgning på mødet 13. juni 2019:" in reminded
    assert "Til opfølgning på mødet 23. maj" not in reminded
    before = dump(history)
    for moment, message in (
        ("2019-05-23 25:00", "»2019-05-23 25:00«: 25:00 er ikke et klokkeslæt."),
        (
            "23/5-2019 kl. 16-18",
            "»23/5-2019 kl. 16-18«: her skal der stå ét klokkeslæt, ikke et tidsrum.",
        ),
    ):
        result = run("--today", moment, "followups")
        assert (result.code, result.stderr) == (2, f"Fejl: {message}\n"), moment
    assert dump(history) == before
