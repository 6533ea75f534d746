"""Members over time, the meeting plan, topics and events; deadlines follow the plan."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Store, dump, ok, run


def _due(action_id: int, today: str) -> tuple[str | None, str | None]:
    found = {a["id"]: a for a in json.loads(ok("--today", today, "actions", "--all", "--json"))}
    return found[action_id]["due"], found[action_id]["due_text"]


def test_meeting_series(council: Store) -> None:
    result = run(
        "meeting",
        "plan",
        "--every",
        "4 uger",
        "--from",
        "2. maj 2019",
        "--until",
        "30. juni 2019",
        "--time",
        "16-18",
        "--place",
        "Rådhuset",
    )
    assert result.stdout == (
        "Planlagde 3 møder:\n"
        "  3  torsdag d. 2. maj 2019 kl. 16.00–18.00\n"
        "  4  fredag d. 31. maj 2019 kl. 16.00–18.00\n"
        "  5  mandag d. 12. august 2019 kl. 16.00–18.00\n"
    )
    assert result.stderr == (
        "30. maj 2019 er Kristi himmelfartsdag; mødet er lagt fredag d. 31. maj 2019.\n"
        "27. juni 2019 er i sommerferien; mødet er lagt mandag d. 12. august 2019.\n"
    )
    assert ok("meeting", "plan", "5. september 2019", "3. oktober 2019 kl. 17").splitlines() == [
        "Planlagde 2 møder:",
        "  6  torsdag d. 5. september 2019",
        "  7  torsdag d. 3. oktober 2019 kl. 17.00",
    ]
    monthly = ok(
        "meeting", "plan", "--every", "1 måned", "--from", "31/10-2019", "--until", "1/1-2020"
    )
    # 31 October, then the last of November (a Saturday, so the Monday after), then 31 December
    # (in juleferien, which ends 3 January, a Friday: so the Monday after)
    assert "torsdag d. 31. oktober 2019" in monthly and "mandag d. 2. december 2019" in monthly
    assert "mandag d. 6. januar 2020" in monthly


def test_meeting_plan_errors_write_nothing(council: Store) -> None:
    before = dump(council)
    cases = {
        (
            "meeting",
            "plan",
            "--every",
            "4 uger",
            "--from",
            "2/5-2019",
        ): "Fejl: En mødeserie kræver --every, --from og --until.\n",
        (
            "meeting",
            "plan",
            "--every",
            "hver anden",
            "--from",
            "2/5-2019",
            "--until",
            "1/7-2019",
        ): "Fejl: Kan ikke læse intervallet »hver anden«; skriv fx »4 uger«, »1 måned« eller "
        "»2. torsdag i måneden«.\n",
        (
            "meeting",
            "plan",
            "2. maj 2019",
            "1. april 2019",
        ): "Fejl: Udsatterådet Albertslund har allerede et møde d. 1. april 2019.\n",
        (
            "meeting",
            "plan",
            "--every",
            "1 dag",
            "--from",
            "1/1-2020",
            "--until",
            "31/12-2020",
        ): "Fejl: Det giver over 200 møder; vælg en kortere periode.\n",
    }
    for args, message in cases.items():
        result = run(*args)
        assert (result.code != 0, result.stderr) == (True, message), args
    assert dump(council) == before


def test_moving_and_cancelling_meetings_moves_deadlines(council: Store) -> None:
    ok(
        "--today",
        "2019-04-02",
        "add-action",
        "Kontakte AP",
        "--owner",
        "Jette",
        "--due",
        "næste møde",
    )
    ok(
        "--today",
        "2019-04-02",
        "add-action",
        "Skrive høringssvar",
        "--owner",
        "Søren",
        "--due",
        "mødet i juni",
    )
    ok("meeting", "plan", "23. maj 2019", "13. juni 2019", "4. juli 2019")
    assert _due(1, "2019-04-02") == ("2019-05-23", "næste møde (23. maj 2019)")
    assert _due(2, "2019-04-02") == ("2019-06-13", "mødet i juni (13. juni 2019)")
    assert ok(
        "--today", "2019-04-02", "meeting", "move", "23. maj 2019", "28. maj 2019 kl. 16-18"
    ) == ("Flyttede mødet fra 23. maj 2019 til tirsdag d. 28. maj 2019 kl. 16.00–18.00.\n")
    assert _due(1, "2019-04-02") == ("2019-05-28", "næste møde (28. maj 2019)")
    assert ok("--today", "2019-04-02", "meeting", "cancel", "28/5-2019") == (
        "Aflyste mødet tirsdag d. 28. maj 2019.\n"
    )
    assert _due(1, "2019-04-02") == ("2019-06-13", "næste møde (13. juni 2019)")
    ok("--today", "2019-04-02", "meeting", "cancel", "13/6-2019")
    assert _due(2, "2019-04-02") == ("2019-07-04", "mødet i juni (4. juli 2019)")
    assert run("--today", "2019-04-02", "meeting", "cancel", "3").stderr == (
        "Fejl: Mødet d. 28. maj 2019 er allerede aflyst.\n"
    )
    assert "28. maj 2019   kl. 16.00–18.00                          aflyst" in ok("meeting", "list")
    assert "28. maj" not in ok("meeting", "list", "--planned")


def test_members_over_time(council: Store) -> None:
    ok("member", "add", "Kirsten Holm", "--from", "1/1-2018")
    ok("member", "add", "Lisbeth Andersen", "--role", "gæst")
    assert ok("member", "leave", "Kirsten", "--date", "31/3-2019") == (
        "Kirsten Holm er trådt ud af rådet pr. 31. marts 2019.\n"
    )
    on = lambda day: [m["name"] for m in json.loads(ok("member", "list", "--on", day, "--json"))]  # noqa: E731
    assert "Kirsten Holm" in on("2019-03-04")
    assert "Kirsten Holm" not in on("2019-04-01")
    assert "Lisbeth Andersen" not in on("2019-04-01")
    assert "Albertslund Posten" not in on("2019-04-01")
    assert "Kirsten Holm" not in ok("member", "list")
    assert "Kirsten Holm" in ok("member", "list", "--all")
    assert ok("member", "edit", "Lisbeth", "--role", "medlem", "--from", "1/5-2019") == (
        "Opdaterede Lisbeth Andersen (medlem).\n"
    )
    assert "Lisbeth Andersen" in on("2019-05-23") and "Lisbeth Andersen" not in on("2019-04-01")
    assert run("member", "leave", "Kirsten").stderr == (
        "Fejl: Kirsten Holm er allerede trådt ud af rådet (31. marts 2019).\n"
    )
    assert run("member", "edit", "Lisbeth").stderr == (
        "Fejl: Intet at ændre; angiv --name, --short, --role, --email eller --from.\n"
    )


def test_attendance_defaults_to_the_members(council: Store) -> None:
    ok("member", "add", "Bente Lund", "--role", "suppleant")
    out = ok(
        "attendance",
        "1/4-2019",
        "--absent",
        "Nina:syg",
        "--present",
        "Bente",
        "--referent",
        "Carina",
    )
    participants = "Helge Bo Jensen, Jette Nyboe, Allan Høyer, René Meyrowitsch, Søren Mogensen"
    assert f"Deltagere: {participants}, Bente Lund\n" in out
    assert "Afbud:     Nina Gustavsen (syg)\n" in out
    out = ok("attendance", "1/4-2019", "--absent", "René")  # adds to the afbud already there
    assert "Afbud:     René Meyrowitsch, Nina Gustavsen (syg)\n" in out
    result = run("attendance", "1/4-2019", "--absent", "Søren", "--guest", "Søren")
    assert result.stderr == "Fejl: Søren Mogensen kan ikke både være meldt afbud og gæst.\n"


def test_items_move_and_edit(council: Store, tmp_path: Path) -> None:
    for title in (
        "Godkendelse af referat og dagsorden",
        "Fokus på socialt frikort",
        "Mødet med SUS",
        "Årsberetning 2018",
    ):
        ok("item", "add", "1/4-2019", title)
    assert ok("item", "move", "1/4-2019", "3", "4") == (
        "1. Godkendelse af referat og dagsorden\n2. Fokus på socialt frikort\n"
        "3. Årsberetning 2018\n4. Mødet med SUS\n"
    )
    decision = tmp_path / "beslutning.txt"
    decision.write_text("Årsberetningen blev godkendt.\nDen lægges på hjemmesiden.\n")
    ok("item", "edit", "1/4-2019", "3", "--decision-file", str(decision), "--kind", "beslutning")
    items = json.loads(ok("item", "list", "1/4-2019", "--json"))
    assert items[2]["decision"] == "Årsberetningen blev godkendt.\nDen lægges på hjemmesiden."
    assert run("item", "move", "1/4-2019", "2", "9").stderr == (
        "Fejl: Mødet har punkterne 1–4; der er intet punkt 9.\n"
    )
    assert run("item", "add", "1/4-2019", "X", "--kind", "snak").stderr == (
        "Fejl: Ukendt punkttype »snak«; brug en af: beslutning, orientering, drøftelse.\n"
    )


def test_item_text_from_the_editor(council: Store, tmp_path: Path, monkeypatch) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(
        "#!/bin/sh\n"
        "printf 'Sagsfremstilling:\\nDer er udarbejdet et udkast.\\n\\n"
        'Beslutning:\\nGodkendt.\\n\' > "$1"\n'
    )
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("VISUAL", str(editor))
    ok("item", "add", "1/4-2019", "Årsberetning 2018", "--edit")
    item = json.loads(ok("item", "list", "1/4-2019", "--json"))[0]
    assert (item["background"], item["decision"]) == ("Der er udarbejdet et udkast.", "Godkendt.")
    ok("item", "add", "1/4-2019", "Eventuelt")
    ok("item", "edit", "1/4-2019", "2", "--edit")
    item = json.loads(ok("item", "list", "1/4-2019", "--json"))[1]
    assert (item["background"], item["decision"]) == ("Der er udarbejdet et udkast.", "Godkendt.")
    assert run("item", "edit", "1/4-2019", "7", "--edit").stderr == (
        "Fejl: Mødet har intet punkt 7; se punkterne med: udsat item list MØDE.\n"
    )


def test_topics_and_events(council: Store) -> None:
    today = ("--today", "2019-04-02")
    ok("meeting", "plan", "23. maj 2019", "5. september 2019")
    assert (
        ok(*today, "topic", "add", "Ændring af forretningsorden")
        == "Tilføjede punkt #1 til listen.\n"
    )
    ok(*today, "topic", "add", "Besøg af borgerrådgiver", "--for", "efter sommerferien")
    ok(*today, "topic", "add", "Høringssvar om budget", "--for", "1. december 2019")
    assert ok(*today, "topic", "list") == (
        "#1 Ændring af forretningsorden → mødet 23. maj 2019\n"
        "#2 Besøg af borgerrådgiver → mødet 5. september 2019\n"
        "#3 Høringssvar om budget → intet møde planlagt\n"
    )
    assert ok(*today, "topic", "drop", "3", "--note", "Klares på mail") == (
        "Tog »Høringssvar om budget« af listen.\n"
    )
    assert "Høringssvar" not in ok(*today, "topic", "list")
    assert json.loads(ok(*today, "topic", "list", "--all", "--json"))[2]["dropped"] is True
    ok(
        *today,
        "event",
        "add",
        "4. april 2019",
        "Netværksmøde",
        "--attendee",
        "Søren",
        "--attendee",
        "René",
        "--attendee",
        "Nina",
    )
    ok(*today, "event", "add", "30. april 2019 kl. 17", "Udsattes møde med sundhedssystemet")
    assert ok(*today, "event", "list") == (
        "#1 4. april – Netværksmøde, her deltager René Meyrowitsch, Søren Mogensen og "
        "Nina Gustavsen\n"
        "#2 30. april kl. 17.00 – Udsattes møde med sundhedssystemet\n"
    )
    assert ok("--today", "2019-04-10", "event", "list") == (
        "#2 30. april kl. 17.00 – Udsattes møde med sundhedssystemet\n"
    )
    assert json.loads(ok("--today", "2019-04-10", "event", "list", "--all", "--json"))[0] == {
        "id": 1,
        "date": "2019-04-04",
        "time": None,
        "title": "Netværksmøde",
        "attendees": ["René Meyrowitsch", "Søren Mogensen", "Nina Gustavsen"],
    }


def test_documents_refuse_bad_requests(council: Store, tmp_path: Path) -> None:
    before = dump(council)
    assert run("minutes", "1/4-2019", "--format", "docx").stderr == (
        "Fejl: Et Word-dokument skal skrives til en fil; angiv -o FIL.docx.\n"
    )
    assert run("minutes", "1/4-2019", "--format", "pdf").stderr == (
        "Fejl: Ukendt format »pdf«; brug en af: text, markdown, json, docx.\n"
    )
    assert run("minutes", "1/4-2019", "-o", str(tmp_path / "mangler" / "r.txt")).stderr == (
        f"Fejl: Mappen {tmp_path / 'mangler'} findes ikke.\n"
    )
    assert run("--today", "2019-04-02", "agenda").code == 1
    assert dump(council) == before


def test_a_series_skips_the_councils_holidays_as_it_skips_public_holidays(council: Store) -> None:
    plan = ("meeting", "plan", "--every", "4 uger", "--from", "4/6-2019", "--until", "30/9-2019")
    before = dump(council)
    trial = run(*plan, "--time", "16-18", "--dry-run")
    assert (trial.code, trial.stdout, trial.stderr) == (
        0,
        (
            "Prøvekørsel: udsat ville planlægge 4 møder (intet er skrevet):\n"
            "  tirsdag d. 4. juni 2019 kl. 16.00–18.00\n"
            "  mandag d. 12. august 2019 kl. 16.00–18.00\n"
            "  tirsdag d. 27. august 2019 kl. 16.00–18.00\n"
            "  tirsdag d. 24. september 2019 kl. 16.00–18.00\n"
        ),
        (
            "2. juli 2019 er i sommerferien; mødet er lagt mandag d. 12. august 2019.\n"
            "30. juli 2019 er i sommerferien; mødet udgår, da der allerede "
            "er et møde mandag d. 12. "
            "august 2019.\n"
        ),
    )
    assert dump(council) == before  # a trial writes nothing, not even in the log
    anyway = run(*plan, "--any-day", "--dry-run")
    assert "  tirsdag d. 2. juli 2019\n  tirsdag d. 30. juli 2019\n" in anyway.stdout
    assert anyway.stderr == ""
    # The council's own holidays: a shorter summer, and a season of its own that is a »ferie«.
    ok("season", "set", "sommerferien", "1/7", "26/7")
    ok("season", "set", "påskeferien", "13/4", "22/4", "--new")
    planned = run(
        "meeting", "plan", "--every", "3 uger", "--from", "16/4-2019", "--until", "31/7-2019"
    )
    assert (planned.stdout, planned.stderr) == (
        (
            "Planlagde 6 møder:\n"
            "  3  tirsdag d. 23. april 2019\n"
            "  4  tirsdag d. 7. maj 2019\n"
            "  5  tirsdag d. 28. maj 2019\n"
            "  6  tirsdag d. 18. juni 2019\n"
            "  7  mandag d. 29. juli 2019\n"
            "  8  tirsdag d. 30. juli 2019\n"
        ),
        (
            "16. april 2019 er i påskeferien; mødet er lagt tirsdag d. 23. april 2019.\n"
            "9. juli 2019 er i sommerferien; mødet er lagt mandag d. 29. juli 2019.\n"
        ),
    )


def test_a_day_given_by_name_in_a_holiday_is_kept_and_said(council: Store) -> None:
    result = run("meeting", "plan", "2. juli 2019 kl. 16-18")
    assert (result.code, result.stdout, result.stderr) == (
        0,
        "Planlagde 1 møde:\n  3  tirsdag d. 2. juli 2019 kl. 16.00–18.00\n",
        "Bemærk: 2. juli 2019 er i sommerferien.\n",
    )
    before = dump(council)
    twice = run("meeting", "plan", "3. juli 2019", "3/7-2019", "--dry-run")
    assert (twice.code, twice.stderr) == (
        1,
        "Fejl: 3. juli 2019 er angivet to gange; rådet holder ét møde om dagen.\n",
    )
    assert dump(council) == before
