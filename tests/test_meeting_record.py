"""The whole meeting: the Albertslund minutes of ../shared/referater entered with udsat's commands,
then printed back as a referat and carried into the next agenda."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import REFERATER, Store, needs_shared, ok, run

pytestmark = needs_shared
HELD = "1/4-2019"
if REFERATER.is_dir():
    from tests.albertslund import GOLD, SECTIONS


def test_minutes_hold_the_facts_of_the_meeting(albertslund: Store) -> None:
    text = ok("minutes", HELD)
    meeting = GOLD["meeting"]
    header = dict(line.split(":", 1) for line in text.split("\n\n")[1].splitlines())
    assert header["Forum"].strip() == "Udsatterådet Albertslund"
    assert header["Tid"].strip() == "mandag d. 1. april 2019 kl. 16.00–18.00"
    assert header["Sted"].strip() == meeting["place"]
    assert header["Deltagere"].strip().split(", ") == meeting["participants"]
    assert header["Afbud"].strip().split(", ") == meeting["absent"]
    assert header["Gæster"].strip() == "Lisbeth Andersen"
    assert header["Referent"].strip() == "Carina Kofoed"
    for number, item in enumerate(GOLD["items"], start=1):
        assert f"\n{number}. {item['title']}\n" in text
    assert (
        "\nOrientering:\nUdsatterådet har indtil nu i 2019 kun brugt penge på forplejning" in text
    )
    assert SECTIONS["Fokus på socialt frikort"]["Beslutning"] in text
    assert "\n· Få et behandlingspunkt på dagsordenen til næste SUS (Helge Bo Jensen og Allan "
    assert text.count("\n· ") == len(GOLD["actions"])  # »rådet« owns one: an owner of its own
    assert "\n· rådets medlemmer sender det, de har om Bisidderordningen" in text


def test_agenda_for_the_next_meeting_carries_the_followups(albertslund: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    ok("--today", "2019-04-01", "topic", "add", "Ændring af forretningsorden")
    ok(
        "--today",
        "2019-04-01",
        "topic",
        "add",
        "Besøg af borgerrådgiver",
        "--for",
        "efter sommerferien",
    )
    ok(
        "--today",
        "2019-04-01",
        "event",
        "add",
        "6. juni 2019",
        "Dialogmøde med andre Udsatteråd",
        "--attendee",
        "Nina",
    )
    text = ok("--today", "2019-05-01", "agenda")
    assert text.startswith("Dagsorden\n\nForum:     Udsatterådet Albertslund\n")
    assert "\n1. Godkendelse af referat og dagsorden\n" in text
    assert "\n2. Opfølgning på beslutningspunkter fra sidste møde\n" in text
    assert "\n3. Ændring af forretningsorden\n" in text
    assert "Besøg af borgerrådgiver" not in text  # its meeting is after the summer
    assert "\n   · 6. juni – Dialogmøde med andre Udsatteråd, her deltager Nina Gustavsen\n" in text
    assert text.rstrip().endswith(
        "\n4. Økonomi\n\n5. Kommende arrangementer\n\n"
        "   · 6. juni – Dialogmøde med andre Udsatteråd, her deltager Nina Gustavsen\n\n"
        "6. Eventuelt"
    )
    report = json.loads(ok("--today", "2019-05-01", "agenda", "--format", "json"))
    assert len(report["followups"]) == len(GOLD["actions"])
    assert {a["section"] for a in report["followups"]} == {"previous_meeting"}


def test_minutes_as_word(albertslund: Store, tmp_path: Path) -> None:
    from docx import Document

    target = tmp_path / "referat.docx"
    assert run("minutes", HELD, "--format", "docx", "-o", str(target)).code == 0
    doc = Document(str(target))
    cells = [(row.cells[0].text, row.cells[1].text) for row in doc.tables[0].rows]
    assert cells[0] == ("Forum:", "Udsatterådet Albertslund")
    assert ("Referent:", "Carina Kofoed") in cells
    assert ("Gæster:", "Lisbeth Andersen") in cells
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"{n}. {i['title']}" for n, i in enumerate(GOLD["items"], start=1)]
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert any(b.startswith("tage kontakt til AP") and "Jette Nyboe" in b for b in bullets)
    again = run("minutes", HELD, "--format", "docx", "-o", str(target))
    assert (again.code, again.stderr) == (
        2,
        f"Fejl: Filen {target} findes allerede; brug --force for at overskrive den.\n",
    )
    assert ok("minutes", HELD, "--format", "docx", "-o", str(target), "--force") == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
