"""udsat import's review: every part of the reading corrected at the terminal and as a JSON plan,
and the store holding exactly what was accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Store, dump, ok, run

MINUTES = """Referat af møde i Ældrerådet Solby
Dato: 6. maj 2025 kl. 10.00-12.00
Sted: Rådhuset, lokale 3
Deltagere: Inge Lund, Bent Krog, Sofie Dahl
Afbud: Ole Ravn (ferie)
Gæster: Karen Holm (Ældre- og Handicapforvaltningen)
Referent: Sofie Dahl

1. Godkendelse af dagsorden
Godkendt.

2. Trafik ved plejecentret
Inge Lund skriver til teknisk forvaltning inden 1. juni 2025.
mikkel vil tjekke skiltningen ved indkørslen.

3. Sommerfest
Sommerfesten holdes lørdag den 14. juni 2025 i haven.
Budgettet tages op igen på næste møde.
"""


@pytest.fixture
def minutes(isolated_store: Store, tmp_path: Path) -> Path:
    ok("init", "--council", "Ældrerådet Solby")
    path = tmp_path / "referat-solby.txt"
    path.write_text(MINUTES, encoding="utf-8")
    return path


def _answers(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def _actions() -> list[tuple[str, list[str], str | None, str | None]]:
    found = json.loads(ok("actions", "--all", "--json"))
    return sorted((a["title"], a["owners"], a["due"], a["item"]) for a in found)


def test_the_proposal_as_read(minutes: Path) -> None:
    out = ok("import", "--dry-run", str(minutes))
    assert "Gæster:    Karen Holm (Ældre- og Handicapforvaltningen)" in out
    assert "Frist: 1. juni 2025" in out and "2025-06-01" not in out  # dates the Danish way
    assert "Tjekke skiltningen ved indkørslen (springes over)" in out
    assert "Sikkerhed: 0,60 (usikker)" in out


def test_every_part_corrected_at_the_terminal(isolated_store: Store, minutes: Path) -> None:
    answers = _answers(
        "r",  # the meeting
        "7. maj 2025",
        "10.30",
        "",
        "Rådhuset, lokale 4",
        "Inge Lund, Bent Krog, Sofie Dahl, Tom Berg",
        "Ole Ravn (ferie)",
        "Karen Holm (Ældre- og Handicapforvaltningen), Nils Kjær",
        "",
        "r",  # the points: drop the first, rename the second, merge the third into it
        "f",
        "o",
        "Trafik og parkering",
        "s",
        "2",
        "r",
        "Skrive til teknisk forvaltning om fodgængerovergangen",
        "",
        "ingen",
        "2",
        "",  # the unsure task: its default is to skip it
        "o",
        "Budget 2026",  # the topic, renamed
        "s",  # the event, skipped
        "j",
        "Bestille kaffe",
        "Bent Krog",
        "20. maj 2025",
        "2",  # a task the reading missed
        "n",
        "j",
    )
    result = run("import", str(minutes), input=answers)
    assert result.code == 0, result.stderr
    assert "Frist [1. juni 2025]:" in result.stdout and "2025-06-01" not in result.stdout
    assert "(sikkerhed 0,60, usikker)" in result.stdout and "[s]pring over? [s]" in result.stdout
    assert result.stdout.rstrip().endswith(
        "Importerede mødet 7. maj 2025: 1 punkt, 2 opgaver, 6 nye personer. "
        "Desuden: 1 emne til et kommende møde."
    )
    [(day, start, end, place)] = isolated_store.query(
        "SELECT date, start_time, end_time, place FROM meeting"
    )
    assert (str(day)[:10], start, end) == ("2025-05-07", "10:30", "12:00")
    assert place == "Rådhuset, lokale 4"
    items = isolated_store.query("SELECT title, decision FROM agenda_item")
    assert [title for title, _ in items] == ["Trafik og parkering"]
    assert "Sommerfesten holdes" in items[0][1]  # the merged point's text came along
    assert _actions() == [
        ("Bestille kaffe", ["Bent Krog"], "2025-05-20", "Trafik og parkering"),
        (
            "Skrive til teknisk forvaltning om fodgængerovergangen",
            ["Inge Lund"],
            None,
            "Trafik og parkering",
        ),
    ]
    people = {name for (name,) in isolated_store.query("SELECT full_name FROM person")}
    assert people == {"Inge Lund", "Bent Krog", "Sofie Dahl", "Tom Berg", "Ole Ravn", "Nils Kjær"}
    assert isolated_store.query("SELECT name FROM meeting_guest") == [
        ("Karen Holm (Ældre- og Handicapforvaltningen)",)
    ]
    assert isolated_store.query("SELECT reason FROM attendance WHERE status = 'absent'") == [
        ("ferie",)
    ]
    assert isolated_store.query("SELECT title FROM topic") == [("Budget 2026",)]
    assert isolated_store.query("SELECT COUNT(*) FROM event") == [(0,)]


def test_taking_an_unsure_task_and_skipping_a_sure_one(minutes: Path) -> None:
    answers = _answers("j", "j", "s", "j", "j", "j", "n", "j")
    assert run("import", str(minutes), input=answers).code == 0
    assert [(t, o) for t, o, _, _ in _actions()] == [
        ("Tjekke skiltningen ved indkørslen", ["Mikkel"])
    ]


def test_yes_takes_what_is_sure(minutes: Path) -> None:
    out = ok("import", "--yes", str(minutes))
    assert "3 punkter, 1 opgave" in out
    assert [t for t, *_ in _actions()] == ["Skrive til teknisk forvaltning"]


def test_a_deadline_of_none(minutes: Path) -> None:
    answers = _answers("j", "j", "r", "", "", "ingen", "", "s", "j", "j", "n", "j")
    assert run("import", str(minutes), input=answers).code == 0
    assert _actions() == [
        ("Skrive til teknisk forvaltning", ["Inge Lund"], None, "Trafik ved plejecentret")
    ]


# --- the same review as a JSON plan -------------------------------------------------------------


def test_plan_and_apply(isolated_store: Store, minutes: Path, tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    before = dump(isolated_store)
    written = run("import", str(minutes), "--plan", str(plan_file))
    assert (written.code, written.stdout, written.stderr) == (0, "", f"Skrev {plan_file}.\n")
    assert dump(isolated_store) == before
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    assert set(plan) == {"file", "digest", "meeting", "items", "actions", "topics", "events"}
    assert plan["meeting"]["guests"] == [
        {"name": "Karen Holm", "role": "Ældre- og Handicapforvaltningen"}
    ]
    assert [(a["title"], a["take"], a["unsure"]) for a in plan["actions"]] == [
        ("Skrive til teknisk forvaltning", True, False),
        ("Tjekke skiltningen ved indkørslen", False, True),
    ]
    plan["meeting"]["place"] = "Rådhuset, lokale 4"
    plan["meeting"]["guests"].append({"name": "Nils Kjær", "role": None})
    plan["items"][0]["keep"] = False
    plan["items"][1]["title"] = "Trafik og parkering"
    plan["items"][2]["merge_into"] = 2
    plan["actions"][0].update(deadline=None, title="Skrive om fodgængerovergangen")
    plan["actions"][1]["take"] = True
    plan["actions"].append(
        {"title": "Bestille kaffe", "owners": ["Bent Krog"], "deadline": "20. maj 2025", "item": 2}
    )
    plan["topics"][0]["title"] = "Budget 2026"
    plan["events"][0]["take"] = False
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    out = ok("import", str(minutes), "--apply", str(plan_file))
    assert out == (
        "Importerede mødet 6. maj 2025: 1 punkt, 3 opgaver, 6 nye personer. "
        "Desuden: 1 emne til et kommende møde.\n"
    )
    assert _actions() == [
        ("Bestille kaffe", ["Bent Krog"], "2025-05-20", "Trafik og parkering"),
        ("Skrive om fodgængerovergangen", ["Inge Lund"], None, "Trafik og parkering"),
        ("Tjekke skiltningen ved indkørslen", ["Mikkel"], None, "Trafik og parkering"),
    ]
    assert isolated_store.query("SELECT place FROM meeting") == [("Rådhuset, lokale 4",)]
    assert isolated_store.query("SELECT title FROM agenda_item") == [("Trafik og parkering",)]
    assert isolated_store.query("SELECT title FROM topic") == [("Budget 2026",)]
    assert isolated_store.query("SELECT COUNT(*) FROM event") == [(0,)]
    assert isolated_store.query("SELECT COUNT(*) FROM person WHERE full_name LIKE '%(%'") == [(0,)]
    again = run("import", str(minutes), "--apply", str(plan_file))
    assert again.code != 0 and again.stderr.startswith("Fejl: referat-solby er allerede")


def test_a_point_deleted_from_the_plan_renumbers_nothing(
    isolated_store: Store, minutes: Path, tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.json"
    ok("import", str(minutes), "--plan", str(plan_file))
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    del plan["items"][0]  # "Godkendelse af dagsorden" is no point worth keeping
    plan["items"].append({"title": "Nyt punkt"})
    plan["actions"].append({"title": "Skrive et punkt", "owners": ["Bent Krog"], "item": 4})
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    ok("import", str(minutes), "--apply", str(plan_file))
    titles = [t for (t,) in isolated_store.query("SELECT title FROM agenda_item ORDER BY id")]
    assert titles == ["Trafik ved plejecentret", "Sommerfest", "Nyt punkt"]
    assert [(t, i) for t, _, _, i in _actions()] == [
        ("Skrive et punkt", "Nyt punkt"),
        ("Skrive til teknisk forvaltning", "Trafik ved plejecentret"),
    ]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda p: p["actions"][0].update(item=9),
            "plan.json: »actions[1].item« skal være et af punkternes numre (1, 2, 3) eller null.",
        ),
        (
            lambda p: p["meeting"].update(date="31. juni 2025"),
            "plan.json: »meeting.date« »31. juni 2025« er ikke en dato.",
        ),
        (
            lambda p: p["items"][1].update(merge_into=2),
            "plan.json: »items[2].merge_into« skal pege på et andet punkt, der er med.",
        ),
        (
            lambda p: p["actions"][0].update(title=""),
            "plan.json: »actions[1].title« skal være en tekst, der ikke er tom.",
        ),
        (
            lambda p: p.update(digest="0" * 64),
            "plan.json er lavet ud fra et andet referat end referat-solby; "
            "lav en ny plan med --plan.",
        ),
        (
            lambda p: p.update(tasks=[]),
            "plan.json: planen har et felt, udsat ikke kender: »tasks«.",
        ),
    ],
)
def test_a_wrong_plan_writes_nothing(
    isolated_store: Store, minutes: Path, tmp_path: Path, edit, message: str
) -> None:
    plan_file = tmp_path / "plan.json"
    ok("import", str(minutes), "--plan", str(plan_file))
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    edit(plan)
    plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    before = dump(isolated_store)
    result = run("import", str(minutes), "--apply", str(plan_file))
    assert (result.code, result.stdout, result.stderr) == (2, "", f"Fejl: {message}\n")
    assert dump(isolated_store) == before


def test_a_plan_that_is_no_json_and_one_that_exists(
    isolated_store: Store, minutes: Path, tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.json"
    plan_file.write_text("{ikke json", encoding="utf-8")
    before = dump(isolated_store)
    result = run("import", str(minutes), "--apply", str(plan_file))
    assert result.stderr == "Fejl: plan.json er ikke gyldig JSON (linje 1).\n"
    refused = run("import", str(minutes), "--plan", str(plan_file))
    assert refused.code != 0 and refused.stderr.startswith("Fejl: ")
    assert refused.stderr.count("\n") == 1 and "plan.json" in refused.stderr
    assert plan_file.read_text(encoding="utf-8") == "{ikke json"
    assert run("import", str(minutes), "--plan", str(plan_file), "--force").code == 0
    assert json.loads(plan_file.read_text(encoding="utf-8"))["file"] == "referat-solby"
    assert dump(isolated_store) == before
    both = run("import", str(minutes), "--plan", str(plan_file), "--yes")
    assert both.stderr == (
        "Fejl: --plan og --apply kan ikke bruges sammen med --json, --dry-run og --yes.\n"
    )
