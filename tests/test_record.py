"""Recording the meeting as the council wrote it: the Albertslund meeting of 1 April 2019 from
../shared/referater, entered with udsat's commands, then carried on to the next meeting. Nothing
the council did not decide may enter the store without the secretary being told."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Store, dump, needs_shared, ok, run
from tests.test_undo import rows

pytestmark = needs_shared
APRIL = ("--today", "2019-04-02")
HELD = "1/4-2019"


def _items() -> list[str]:
    return [i["title"] for i in json.loads(ok("item", "list", HELD, "--json"))]


def test_item_by_number_or_title_never_a_made_up_item(albertslund: Store) -> None:
    items = _items()
    by_number = json.loads(
        ok(*APRIL, "add-action", "Ringe til AP", "--owner", "Jette", "--item", "2", "--json")
    )
    assert by_number["item"] == "Fokus på socialt frikort"
    typo = run(
        *APRIL, "add-action", "Ringe igen", "--owner", "Jette", "--item", "Fokus på social frikort"
    )
    assert typo.code == 0
    assert typo.stderr == (
        "Læste »Fokus på social frikort« som punkt 2 »Fokus på socialt frikort«.\n"
    )
    before = dump(albertslund)
    for ref, message in (
        ("9", "Fejl: Mødet d. 1. april 2019 har intet punkt 9; punkterne er 1–8.\n"),
        (
            "Budget 2020",
            "Fejl: Mødet d. 1. april 2019 har intet punkt »Budget 2020«; "
            "tilføj det med udsat item add, eller brug --new-item.\n",
        ),
        (
            "Fokus på budgettet",
            "Fejl: Mødet d. 1. april 2019 har intet punkt »Fokus på budgettet«; "
            "mente du punkt 2 »Fokus på socialt frikort«? Ellers tilføj det "
            "med udsat item add, eller "
            "brug --new-item.\n",
        ),
        (
            "Udsatterådets",
            "Fejl: Mødet d. 1. april 2019 har intet punkt »Udsatterådets«; mente "
            "du punkt 3 »Udkast til Udsatterådets årsberetning 2018« eller punkt 6 »Udsatterådets "
            "økonomi«? Ellers tilføj det med udsat item add, eller brug --new-item.\n",
        ),
    ):
        result = run(*APRIL, "add-action", "X", "--owner", "Jette", "--item", ref)
        assert (result.code, result.stderr) == (3, message), ref
    assert dump(albertslund) == before
    assert _items() == items  # no "9. 2", no "10. Fokus på social frikort"
    ok(*APRIL, "add-action", "Y", "--owner", "Jette", "--item", "Budget 2020", "--new-item")
    assert _items() == [*items[:-1], "Budget 2020", "Eventuelt"]  # »Eventuelt« stays last


def _header(text: str) -> dict[str, str]:
    return {k: v.strip() for k, v in (line.split(":", 1) for line in text.splitlines())}


def test_attendance_adds_to_what_is_there(albertslund: Store) -> None:
    header = _header(ok("attendance", HELD, "--absent", "Ulla:kom for sent"))
    assert header["Afbud"].split(", ") == [
        "Ulla Bektas (kom for sent)",
        "Jannie Hansen",
        "Martin Freitag",
        "Sanne Graffe",
        "Diana Vang",
    ]
    assert "Ulla Bektas" not in header["Deltagere"]
    people = albertslund.query("SELECT COUNT(*) FROM person")
    header = _header(ok("attendance", HELD, "--guest", "Lene Holm (forvaltningen)"))
    assert header["Gæster"] == "Lisbeth Andersen, Lene Holm (forvaltningen)"
    assert albertslund.query("SELECT COUNT(*) FROM person") == people  # nobody was made up
    assert "Lene Holm" not in ok("member", "list", "--all")
    header = _header(
        ok("attendance", HELD, "--remove", "Ulla", "--remove", "Lene Holm (forvaltningen)")
    )
    assert "Ulla Bektas" in header["Deltagere"] and header["Gæster"] == "Lisbeth Andersen"
    header = _header(ok("attendance", HELD, "--replace", "--absent", "Jannie:syg"))
    assert header["Afbud"] == "Jannie Hansen (syg)" and "Gæster" not in header
    before = dump(albertslund)
    result = run("attendance", HELD, "--remove", "Kim")
    assert (result.code, result.stderr) == (
        3,
        "Fejl: »Kim« står ikke som afbud, gæst eller til stede på mødet.\n",
    )
    assert dump(albertslund) == before


def test_minutes_stay_as_the_meeting_decided(albertslund: Store) -> None:
    ok(*APRIL, "update", "2", "--due", "næste møde")  # a correction while writing the minutes
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    written = ok("minutes", HELD)
    assert "· forsøge at få et behandlingspunkt" in written
    assert "frist næste møde (23. maj 2019)" in written
    august = ("--today", "2019-08-15")
    ok(*august, "postpone", "2", "--to", "1. oktober 2019", "--note", "Udsat til efteråret")
    ok(*august, "done", "3", "--note", "Teksten ligger i gruppen")
    ok(*august, "drop", "4", "--note", "Ikke længere aktuelt")
    ok(*august, "update", "5", "--title", "Få trykt flere pjecer", "--owner", "Søren")
    assert ok("minutes", HELD) == written  # what happened later is the next report's business
    later = json.loads(ok(*august, "actions", "--all", "--json"))
    assert {a["id"]: a["status"] for a in later}[2] == "postponed"
    assert ok(*august, "followups", "--meeting", "2019-05-23")  # the history is all there


def test_approved_minutes_change_only_when_reopened(albertslund: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    assert ok("--today", "2019-05-23", "minutes", "approve", HELD) == (
        "Referatet af mødet 1. april 2019 er godkendt.\n"
    )
    before = dump(albertslund)
    refusal = (
        "Fejl: Referatet af mødet 1. april 2019 er godkendt og ændres ikke; brug --reopen, hvis "
        "det skal ændres alligevel.\n"
    )
    for args in (
        ("item", "edit", HELD, "2", "--decision", "Noget andet"),
        ("item", "add", HELD, "Nyt punkt"),
        ("item", "move", HELD, "2", "3"),
        ("attendance", HELD, "--absent", "Ulla"),
        ("minutes", "note", HELD, "Velkommen"),
        ("--today", "2019-04-02", "add-action", "Z", "--owner", "Jette", "--meeting", HELD),
    ):
        result = run(*args)
        assert (result.code, result.stderr) == (1, refusal), args
    assert dump(albertslund) == before
    reopened = run("item", "edit", HELD, "2", "--decision", "Rettet.", "--reopen")
    assert reopened.code == 0 and "er åbnet igen" in reopened.stderr
    assert "udsat item edit 1/4-2019 2 --decision Rettet. --reopen" in ok("log", "--limit", "1")
    assert "Godkendt:" not in ok("minutes", HELD)
    ok("--today", "2019-05-23", "minutes", "approve", HELD)
    may = ok("--today", "2019-05-23", "minutes", "23/5-2019")
    assert "\nReferatet fra mødet 1. april 2019 blev godkendt.\n" in may
    assert "Godkendt:  23. maj 2019" in ok("minutes", HELD)


def test_the_standard_points_once_each_and_eventuelt_last(albertslund: Store) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    for title in ("Godkendelse af referat og dagsorden", "Eventuelt", "Mødet med SUS"):
        ok("item", "add", "23/5-2019", title, "--kind", "beslutning")
    ok("--today", "2019-04-02", "topic", "add", "Ændring af forretningsorden")
    points = [
        line for line in ok("--today", "2019-05-01", "agenda").splitlines() if line[:1].isdigit()
    ]
    assert points == [
        "1. Godkendelse af referat og dagsorden",
        "2. Opfølgning på beslutningspunkter fra sidste møde",
        "3. Mødet med SUS",
        "4. Ændring af forretningsorden",
        "5. Økonomi",
        "6. Kommende arrangementer",
        "7. Eventuelt",
    ]
    agenda = ok("--today", "2019-05-01", "agenda")
    assert "\nBESLUTNINGSPUNKTER\n\n1. Godkendelse af referat og dagsorden\n" in agenda
    assert agenda.count("BESLUTNINGSPUNKTER") == 1  # one heading for the kind's one run


def test_the_council_a_unit_or_nobody_owns_a_follow_up(albertslund: Store) -> None:
    people = albertslund.query("SELECT COUNT(*) FROM person")
    ok(*APRIL, "add-action", "Følge op på hjemmesiden", "--owner", "rådet", "--item", "1")
    ok(*APRIL, "add-action", "Skrive et notat til SUS", "--owner", "forvaltningen", "--item", "5")
    ok(*APRIL, "add-action", "Sende årsberetningen til SUS inden mødet", "--item", "3")
    ok(*APRIL, "add-action", "Deltage i dialogmødet", "--owner", "Udsatterådet", "--owner", "Nina")
    assert albertslund.query("SELECT COUNT(*) FROM person") == people
    minutes = ok("minutes", HELD)
    assert "· Følge op på hjemmesiden (rådet)\n" in minutes
    assert "· Skrive et notat til SUS (forvaltningen)\n" in minutes
    assert "· Sende årsberetningen til SUS inden mødet\n" in minutes
    assert "· Deltage i dialogmødet (Udsatterådet og Nina Gustavsen)\n" in minutes
    members = ok("member", "list", "--all")
    assert "rådet" not in members.casefold().split() and "Hele rådet" not in members
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    reminded = ok("--today", "2019-05-20", "remind")
    carina = reminded.split("Carina Kofoed", 1)[1].split("\n\n", 1)[0]
    assert "Følge op på hjemmesiden" in reminded and "du får påmindelsen som referent" in reminded
    assert "Carina Kofoed" in reminded and "Hele rådet" not in reminded
    assert carina  # the referent is reminded of what the council and nobody own


def test_deadlines_are_shown_as_written(albertslund: Store) -> None:
    ok(
        *APRIL,
        "add-action",
        "Tovholder på bisidderordningen",
        "--owner",
        "Søren",
        "--due",
        "til efteråret",
    )
    ok(
        *APRIL,
        "add-action",
        "Invitere visitationsudvalget",
        "--owner",
        "Jette",
        "--due",
        "mødet i juni",
    )
    due = {a["title"]: a["due_text"] for a in json.loads(ok(*APRIL, "actions", "--json"))}
    assert due["Tovholder på bisidderordningen"] == "til efteråret (1. september 2019)"
    assert due["Invitere visitationsudvalget"] == "mødet i juni (ikke planlagt)"
    ok("meeting", "add", "13. juni 2019 kl. 16-18")
    due = {a["title"]: a["due_text"] for a in json.loads(ok(*APRIL, "actions", "--json"))}
    assert due["Invitere visitationsudvalget"] == "mødet i juni (13. juni 2019)"


@pytest.mark.parametrize(
    "words", ["snarest", "løbende", "næste gang", "til næste SUS", "inden budget 2020"]
)
def test_words_that_name_no_day_are_kept_and_reminded(albertslund: Store, words: str) -> None:
    result = run(*APRIL, "add-action", "Følge op", "--owner", "Nina", "--due", words, "--json")
    assert result.code == 0
    assert result.stderr == (
        f"Fristen »{words}« er gemt som tekst; udsat kan ikke sætte en dato på den.\n"
    )
    assert json.loads(result.stdout)["due_text"] == words
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    assert f"Følge op (Nina Gustavsen, frist {words}): åben." in ok(
        "--today", "2019-05-20", "followups", "--format", "markdown"
    )
    reminded = ok("--today", "2019-05-20", "remind", "--owner", "Nina")
    assert "Til opfølgning på mødet 23. maj 2019:" in reminded and f"Frist: {words}" in reminded


def test_a_day_and_month_that_just_passed_is_refused(albertslund: Store) -> None:
    before = dump(albertslund)
    result = run("--today", "2019-05-24", "add-action", "X", "--owner", "Nina", "--due", "23/5")
    assert (result.code, result.stderr) == (
        2,
        "Fejl: »23/5« kan være 23. maj 2019, som er gået, eller 23. maj 2020; skriv årstallet.\n",
    )
    assert dump(albertslund) == before
    filled = run("--today", "2019-05-24", "add-action", "X", "--owner", "Nina", "--due", "3/6")
    assert filled.stderr == "Læste fristen »3/6« som 3. juni 2019.\n"


def test_an_action_can_be_corrected_and_each_change_is_undone(albertslund: Store) -> None:
    before = rows(albertslund)  # every row but the journal's, in any order
    changed = json.loads(
        ok(
            *APRIL,
            "update",
            "6",
            "--title",
            "Formulere dagsorden til SUS",
            "--remove-owner",
            "Jette",
            "--owner",
            "Helge Bo",
            "--item",
            "2",
            "--due",
            "20/5-2019",
            "--json",
        )
    )
    assert (changed["title"], changed["owners"], changed["item"], changed["due_text"]) == (
        "Formulere dagsorden til SUS",
        ["Nina Gustavsen", "Helge Bo Jensen"],
        "Fokus på socialt frikort",
        "20. maj 2019",
    )
    log = ok("log", "6")
    for said in ("titel", "ansvarlige", "punkt", "frist"):
        assert said in log, said
    assert run(*APRIL, "update", "6", "--remove-owner", "Søren").stderr == (
        "Fejl: Søren Mogensen er ikke ansvarlig for opgave #6.\n"
    )
    ok("undo")
    assert rows(albertslund) == before


def test_unknown_owners_get_the_closest_names(albertslund: Store) -> None:
    result = run(*APRIL, "add-action", "X", "--owner", "Sørn")
    assert result.stderr.startswith(
        "Fejl: Ingen i Udsatterådet Albertslund hedder »Sørn«; mente du Søren Mogensen? Ellers "
        'tilføj personen med: udsat member add "Sørn"'
    )


def test_minutes_group_items_by_kind_and_open_with_a_note(albertslund: Store) -> None:
    ok("item", "edit", HELD, "1", "--kind", "beslutningspunkt")
    ok("minutes", "note", HELD, "Velkommen til Lisbeth Andersen.")
    text = ok("minutes", HELD)
    opening = "Referent:  Carina Kofoed\n\nVelkommen til Lisbeth Andersen.\n\nBESLUTNINGSPUNKTER\n"
    assert opening in text
    assert "\nORIENTERINGSPUNKTER\n\n6. Udsatterådets økonomi\n" in text
    markdown = ok("minutes", HELD, "--format", "markdown")
    assert "\n## Beslutningspunkter\n\n### 1. Godkendelse af referat og dagsorden\n" in markdown
