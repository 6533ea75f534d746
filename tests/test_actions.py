from __future__ import annotations

import json

import pytest

from tests.conftest import Store, dump, ok, run

APRIL = ("--today", "2019-04-02")


def _events(store: Store, action_id: int) -> list[tuple]:
    return store.query(
        "SELECT kind, old, new, note, meeting_id FROM action_event WHERE action_id = :a "
        "ORDER BY id",
        a=action_id,
    )


def test_add_action_prints_and_stores(council: Store) -> None:
    out = ok(
        *APRIL,
        "add-action",
        "Få et behandlingspunkt på dagsordenen til næste SUS",
        "--owner",
        "Helge",
        "--owner",
        "Allan",
        "--due",
        "1/5-2019",
        "--item",
        "Fokus på socialt frikort",
        "--new-item",
        "--note",
        "Helst før budgettet",
    )
    assert out == (
        "Tilføjede opgave #1.\n"
        "#1 Få et behandlingspunkt på dagsordenen til næste SUS\n"
        "  Ansvarlige: Helge Bo Jensen og Allan Høyer · Frist: 1. maj 2019 · Status: åben\n"
        "  Seneste note: Helst før budgettet\n"
    )
    assert council.query(
        "SELECT a.title, a.status, a.due_kind, a.due_date, m.date, i.title, i.number "
        "FROM action a JOIN meeting m ON m.id = a.meeting_id "
        "JOIN agenda_item i ON i.id = a.item_id"
    ) == [
        (
            "Få et behandlingspunkt på dagsordenen til næste SUS",
            "open",
            "date",
            "2019-05-01",
            "2019-04-01",
            "Fokus på socialt frikort",
            1,
        ),
    ]
    owners = council.query(
        "SELECT p.full_name FROM action_owner o JOIN person p ON p.id = o.person_id "
        "ORDER BY o.position"
    )
    assert owners == [("Helge Bo Jensen",), ("Allan Høyer",)]
    assert _events(council, 1) == [("created", None, "open", "Helst før budgettet", 2)]


def test_add_action_json_and_item_reuse(council: Store) -> None:
    first = json.loads(
        ok(
            *APRIL,
            "add-action",
            "Kontakte AP",
            "--owner",
            "Jette",
            "--item",
            "Fokus på socialt frikort",
            "--new-item",
            "--json",
        )
    )
    assert first == {
        "id": 1,
        "title": "Kontakte AP",
        "owners": ["Jette Nyboe"],
        "status": "open",
        "due": None,
        "due_text": None,
        "meeting": "2019-04-01",
        "item": "Fokus på socialt frikort",
        "note": None,
        "carried": 0,
    }
    ok(
        *APRIL,
        "add-action",
        "Deltage i interviewet",
        "--owner",
        "Søren",
        "--item",
        "fokus på socialt frikort",
        "--new-item",
        "--meeting",
        "1.4.2019",
    )
    assert council.query("SELECT COUNT(*) FROM agenda_item") == [(1,)]


def test_owner_errors_change_nothing(council: Store) -> None:
    ok("member", "add", "Jette Aagaard Larsen", "--role", "ekstern")
    before = dump(council)
    ambiguous = run("add-action", "Kontakte AP", "--owner", "Jette")
    assert ambiguous.code == 2
    assert ambiguous.stderr == (
        "Fejl: Flere personer passer på »Jette«: Jette Aagaard Larsen, Jette Nyboe; "
        "skriv det fulde navn.\n"
    )
    unknown = run("add-action", "Kontakte AP", "--owner", "Søren", "--owner", "Kim")
    assert unknown.code == 3
    assert unknown.stderr == (
        "Fejl: Ingen i Udsatterådet Albertslund hedder »Kim«; tilføj personen med: "
        'udsat member add "Kim" (brug --role ekstern for personer uden for rådet).\n'
    )
    assert dump(council) == before
    ok("add-action", "Kontakte AP", "--owner", "Jette Nyboe", "--owner", "albertslund posten")


def test_units_as_the_minutes_write_them_are_owners_as_written(council: Store) -> None:
    out = ok(
        *APRIL,
        "add-action",
        "Udarbejde et notat til SUS",
        "--owner",
        "Social & Familie",
        "--owner",
        "Social- og Sundhedsforvaltningen",
        "--owner",
        "Ældre & Handicap",
        "--owner",
        "Center for Socialpsykiatri",
        "--owner",
        "Søren",
    )
    assert (
        "  Ansvarlige: Social & Familie, Social- og Sundhedsforvaltningen, Ældre & Handicap, "
        "Center for Socialpsykiatri og Søren Mogensen · Status: åben\n" in out
    )
    assert council.query("SELECT kind, label FROM action_body_owner ORDER BY position") == [
        ("unit", "Social & Familie"),
        ("unit", "Social- og Sundhedsforvaltningen"),
        ("unit", "Ældre & Handicap"),
        ("unit", "Center for Socialpsykiatri"),
    ]
    assert council.query("SELECT COUNT(*) FROM person") == [(8,)]  # nobody made up
    before = dump(council)
    for name, code, message in (
        (
            "Jette & Søren",
            2,
            "»Jette & Søren« er Jette Nyboe og Søren Mogensen; angiv hver med sit eget --owner.",
        ),
        (
            "Kim Larsen",
            3,
            "Ingen i Udsatterådet Albertslund hedder »Kim Larsen«; tilføj "
            "personen med: udsat member "
            'add "Kim Larsen" (brug --role ekstern for personer uden for rådet).',
        ),
        (
            "Søren Mogensn",
            3,
            "Ingen i Udsatterådet Albertslund hedder »Søren Mogensn«; mente du Søren Mogensen? "
            'Ellers tilføj personen med: udsat member add "Søren Mogensn" (brug --role ekstern for '
            "personer uden for rådet).",
        ),
    ):
        result = run(*APRIL, "add-action", "X", "--owner", name)
        assert (result.code, result.stderr) == (code, f"Fejl: {message}\n"), name
    assert dump(council) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (*APRIL, "add-action", "X", "--owner", "Søren", "--due", "1/4"),
            "Fejl: »1/4« kan være 1. april 2019, som er gået, eller 1. april 2020; "
            "skriv årstallet.",
        ),
        (
            ("add-action", "X", "--owner", "Søren", "--due", "30/2-2019"),
            "Fejl: »30/2-2019« er ikke en gyldig dato.",
        ),
        (("add-action", "  ", "--owner", "Søren"), "Fejl: Opgavens titel må ikke være tom."),
        (
            ("add-action", "X", "--owner", "Søren", "--meeting", "7"),
            "Fejl: Møde 7 findes ikke i Udsatterådet Albertslund",
        ),
        (
            ("add-action", "X", "--owner", "Sørn"),
            "Fejl: Ingen i Udsatterådet Albertslund hedder »Sørn«; mente du Søren Mogensen? "
            'Ellers tilføj personen med: udsat member add "Sørn"',
        ),
        (
            ("update", "99", "--note", "x"),
            "Fejl: Opgave #99 findes ikke i Udsatterådet Albertslund; se opgaverne med: "
            "udsat actions --all.",
        ),
        (("done", "abc"), "Fejl: »abc« er ikke et opgavenummer; skriv fx 12."),
        (
            ("update", "1"),
            "Fejl: Intet at ændre; angiv --status, --note, --due, --owner, --remove-owner, "
            "--title eller --item.",
        ),
        (
            ("update", "1", "--status", "færdig"),
            "Fejl: Ukendt status »færdig«; brug en af: åben, i gang, udført, udsat, bortfaldet.",
        ),
        (("postpone", "1", "--to", "23/13"), "Fejl: »23/13« er ikke en gyldig dato."),
        (("drop", "1", "--note", " "), "Fejl: Skriv i --note, hvorfor opgaven bortfalder."),
        (("drop", "1"), "Fejl: Tilvalget --note mangler; se »udsat drop --help«."),
        (
            ("--today", "næste møde", "actions"),
            "Fejl: »næste møde« peger på et møde; her skal der stå en dato.",
        ),
        (
            ("add-action", "X", "--owner", "Søren", "--due", "tirsdag d. 3. juni 2019"),
            "Fejl: »tirsdag d. 3. juni 2019«: 3. juni 2019 er en mandag, ikke en tirsdag.",
        ),
        (
            (*APRIL, "add-action", "X", "--owner", "Søren", "--due", "mødet 2. maj"),
            "Fejl: Udsatterådet Albertslund har intet møde d. 2. maj 2019",
        ),
        (("actions", "--xyzzy"), "Fejl: Ukendt tilvalg »--xyzzy«; se »udsat actions --help«."),
        (("frobnicate",), "Fejl: Ukendt kommando »frobnicate«; se »udsat --help«."),
    ],
)
def test_refused_input_is_one_danish_sentence(council: Store, args, message) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    before = dump(council)
    result = run(*args)
    assert result.code != 0
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""
    assert dump(council) == before


def test_a_filter_or_an_edit_offers_the_nearest_names_and_statuses(council: Store) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette")
    before = dump(council)
    nobody = "Fejl: Ingen i Udsatterådet Albertslund hedder"
    for args, code, message in (
        (("actions", "--owner", "Sørn"), 3, f"{nobody} »Sørn«; mente du Søren Mogensen?"),
        (("remind", "--owner", "Sørn"), 3, f"{nobody} »Sørn«; mente du Søren Mogensen?"),
        (
            ("member", "edit", "Rene", "--role", "næstformand"),
            3,
            f"{nobody} »Rene«; mente du René Meyrowitsch?",
        ),
        (("update", "1", "--remove-owner", "Jete"), 3, f"{nobody} »Jete«; mente du Jette Nyboe?"),
        (
            ("actions", "--owner", "Kim"),
            3,
            f"{nobody} »Kim«; se navnene med: udsat member list --all.",
        ),
        (
            ("update", "1", "--status", "udfort"),
            2,
            "Fejl: Ukendt status »udfort«; mente du udført? Ellers brug en af: åben, i gang, "
            "udført, udsat, bortfaldet.",
        ),
        (
            ("actions", "--status", "bortfaldt"),
            2,
            "Fejl: Ukendt status »bortfaldt«; mente du bortfaldet? Ellers brug en af: åben, "
            "i gang, udført, udsat, bortfaldet.",
        ),
    ):
        result = run(*APRIL, *args)
        assert (result.code, result.stdout, result.stderr) == (code, "", message + "\n"), args
    assert dump(council) == before


def test_update_done_postpone_drop_keep_history(council: Store) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "næste møde")
    ok(*APRIL, "update", "1", "--status", "i gang", "--note", "Mail sendt")
    ok(*APRIL, "update", "1", "--owner", "Jette", "--owner", "Søren")
    assert ok(
        *APRIL, "postpone", "1", "--to", "1. september 2019", "--note", "Efter sommerferien"
    ) == (
        "Opgave #1 er udsat.\n"
        "#1 Kontakte AP\n"
        "  Ansvarlige: Jette Nyboe og Søren Mogensen · Frist: 1. september 2019 · Status: udsat\n"
        "  Seneste note: Efter sommerferien\n"
    )
    ok(*APRIL, "update", "1", "--status", "åben")
    ok(*APRIL, "done", "1", "--note", "Interviewet er bragt")
    again = run(*APRIL, "done", "1")
    assert (again.code, again.stderr) == (1, "Fejl: Opgave #1 er allerede udført.\n")
    assert _events(council, 1) == [
        ("created", None, "open", None, 2),
        ("status", "open", "in_progress", "Mail sendt", 2),
        ("owners", "Jette Nyboe", "Jette Nyboe, Søren Mogensen", None, 2),
        ("due", "næste møde", "1. september 2019", None, 2),
        ("status", "in_progress", "postponed", "Efter sommerferien", 2),
        ("status", "postponed", "open", None, 2),
        ("status", "open", "done", "Interviewet er bragt", 2),
    ]
    [(status, closed)] = council.query("SELECT status, closed_at FROM action")
    assert status == "done" and closed.startswith("2019-04-0")
    ok(*APRIL, "add-action", "Spørge ØU om lokaler", "--owner", "Helge Bo")
    assert ok(*APRIL, "drop", "2", "--note", "Lokalet er fundet").startswith(
        "Opgave #2 er bortfaldet.\n"
    )


def test_actions_listing_filters(council: Store) -> None:
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "10. april 2019")
    ok(
        *APRIL,
        "add-action",
        "Lægge udkast i Facebookgruppen",
        "--owner",
        "Søren",
        "--due",
        "5/4-2019",
    )
    ok(*APRIL, "add-action", "Trykke pjecer", "--owner", "Carina")
    ok(*APRIL, "done", "3")
    assert ok(*APRIL, "actions").splitlines() == [
        "Nr.  Opgave                          Ansvarlige      Frist           Status",
        "#2   Lægge udkast i Facebookgruppen  Søren Mogensen  5. april 2019   åben",
        "#1   Kontakte AP                     Jette Nyboe     10. april 2019  åben",
    ]
    assert [a["id"] for a in json.loads(ok("actions", "--all", "--json"))] == [2, 1, 3]
    assert [a["id"] for a in json.loads(ok("actions", "--status", "udført", "--json"))] == [3]
    assert [a["id"] for a in json.loads(ok("actions", "--owner", "Jette", "--json"))] == [1]
    overdue = ok("--today", "2019-04-08", "actions", "--owner", "søren")
    assert "5. april 2019 (overskredet)" in overdue
    assert ok("actions", "--owner", "Helge") == "Ingen opgaver.\n"
