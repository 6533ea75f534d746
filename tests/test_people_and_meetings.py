from __future__ import annotations

import json

from tests.conftest import Store, dump, ok, run


def test_init_and_member_add_print_danish(isolated_store: Store) -> None:
    assert ok("init", "--council", "Udsatterådet Albertslund") == (
        f"Oprettede Udsatterådet Albertslund i {isolated_store}.\n"
    )
    assert ok("member", "add", "Helge Bo Jensen", "--short", "Helge Bo", "--role", "formand") == (
        "Tilføjede Helge Bo Jensen (formand).\n"
    )


def test_init_twice_is_refused(council: Store) -> None:
    before = dump(council)
    result = run("init", "--council", "udsatterådet albertslund")
    assert (result.code, result.stderr) == (
        1,
        "Fejl: Rådet »Udsatterådet Albertslund« findes allerede i lageret.\n",
    )
    assert dump(council) == before


def test_member_list_text_and_json(council: Store) -> None:
    ok("member", "add", "Ulla Bektas", "--email", "ulla@example.dk")
    lines = ok("member", "list").splitlines()
    assert lines[0].split() == ["Navn", "Kaldes", "Rolle", "E-mail"]
    assert lines[4].split() == ["Helge", "Bo", "Jensen", "Helge", "Bo", "formand"]
    members = json.loads(ok("member", "list", "--json"))
    ulla = next(m for m in members if m["name"] == "Ulla Bektas")
    assert set(ulla) == {"id", "name", "short", "role", "email", "member_from", "member_to"}
    assert ulla["email"] == "ulla@example.dk" and ulla["role"] == "medlem"


def test_member_add_refuses_bad_role_and_email(council: Store) -> None:
    before = dump(council)
    result = run("member", "add", "Kim", "--role", "boss")
    assert result.code == 2
    assert result.stderr == (
        "Fejl: Ukendt rolle »boss«; brug en af: formand, næstformand, medlem, suppleant, "
        "sekretær, gæst, ekstern.\n"
    )
    result = run("member", "add", "Kim", "--email", "kim-at-home")
    assert result.stderr == (
        "Fejl: »kim-at-home« er ikke én e-mailadresse; skriv kun adressen, fx jette@kommune.dk.\n"
    )
    assert run("member", "add", "helge bo jensen").stderr == (
        "Fejl: Helge Bo Jensen findes allerede i Udsatterådet Albertslund.\n"
    )
    assert dump(council) == before


def test_meeting_add_list_show(council: Store) -> None:
    assert ok("meeting", "add", "23/5-2019 kl. 16.00 - 18.00", "--place", "Rådhuset") == (
        "Planlagde møde 3: torsdag d. 23. maj 2019 kl. 16.00–18.00.\n"
    )
    assert ok("meeting", "list").splitlines() == [
        "Nr.  Dato                     Tid              Sted",
        "1    mandag d. 4. marts 2019  kl. 16.00–18.00",
        "2    mandag d. 1. april 2019  kl. 16.00–18.00  Mødelokale 129, Blok A",
        "3    torsdag d. 23. maj 2019  kl. 16.00–18.00  Rådhuset",
    ]
    assert json.loads(ok("meeting", "list", "--json"))[1] == {
        "id": 2,
        "date": "2019-04-01",
        "start": "16:00",
        "end": "18:00",
        "place": "Mødelokale 129, Blok A",
        "cancelled": False,
    }
    ok(
        "--today",
        "2019-04-02",
        "add-action",
        "Kontakte AP",
        "--owner",
        "Jette",
        "--item",
        "Socialt frikort",
        "--new-item",
    )
    assert ok("meeting", "show", "1.4.2019") == (
        "Udsatterådet Albertslund · møde 2\n"
        "mandag d. 1. april 2019 kl. 16.00–18.00 · Mødelokale 129, Blok A\n"
        "\n"
        "Dagsorden\n"
        "1. Socialt frikort\n"
        "\n"
        "Opgaver fra mødet\n"
        "#1 Kontakte AP\n"
        "  Ansvarlig: Jette Nyboe · Status: åben\n"
    )
    assert ok("meeting", "show", "2") == ok("meeting", "show", "2019-04-01")


def test_meeting_errors(council: Store) -> None:
    before = dump(council)
    cases = {
        ("meeting", "add", "1. april 2019"): "Fejl: Udsatterådet Albertslund har allerede et møde "
        "d. 1. april 2019.\n",
        ("meeting", "add", "32. maj 2019"): "Fejl: »32. maj 2019« er ikke en gyldig dato.\n",
        ("meeting", "show", "9"): "Fejl: Møde 9 findes ikke i Udsatterådet Albertslund; "
        "se møderne med: udsat meeting list.\n",
        ("meeting", "show", "2. april 2019"): "Fejl: Udsatterådet Albertslund har intet møde "
        "d. 2. april 2019; se møderne med: udsat meeting list.\n",
    }
    for args, message in cases.items():
        result = run(*args)
        assert result.code != 0 and result.stderr == message, args
    assert dump(council) == before
