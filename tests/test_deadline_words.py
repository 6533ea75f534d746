"""Deadlines typed by hand: a date or a meeting written slightly wrong is refused with its nearest
reading; words that name no day are kept as text."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Store, dump, ok, run

APRIL = ("--today", "2019-04-02")
KEPT = "er gemt som tekst; udsat kan ikke sætte en dato på den."

# Deadlines as councils write them that name no day: none of them is refused.
FREE_TEXT = [
    "snarest",
    "løbende",
    "næste gang",
    "til næste SUS",
    "inden budget 2020",
    "når svaret fra kommunen foreligger",
    "efter generalforsamlingen",
    "snarest muligt",
    "inden næste byrådsmøde",
    "efter næste byrådsmøde",
    "inden dialogmødet",
    "hurtigst muligt",
    "efter behov",
    "ved lejlighed",
    "når der er nyt",
    "når der er tid",
    "når AP svarer",
    "når Marta er tilbage",
    "inden mandat udløber",
    "når kommune svarer",
    "på en måde",
    "efter mødet med borgmesteren",
    "på næste møde i Sundhedsudvalget",
    "inden næste møde i SUS",
    "til næste mødets afslutning",
    "i løbet af foråret",
    "inden sommerferien starter",
    "medio 2020",
    "primo næste år",
    "1. kvartal 2020",
    "i uge 34 eller 35",
    "inden 2. behandling af budgettet",
    "efter 1. del af projektet",
    "til den 3. runde",
    "før budgetforhandlingerne",
    "når pjecen er trykt",
    "efter høringen",
    "efter valget",
    "når sagen har været i udvalget",
    "inden næste års budget",
    "inden udgangen af kvartalet",
    "på mødet i Ældrerådet",
    "når vi mødte dem",
    "til foråret, hvis muligt",
]


def test_words_that_name_no_day_are_kept_as_text(council: Store) -> None:
    for n, words in enumerate(FREE_TEXT, start=1):
        result = run(*APRIL, "add-action", f"Opgave {n}", "--owner", "Søren", "--due", words)
        assert (result.code, result.stderr) == (0, f"Fristen »{words}« {KEPT}\n"), words
    kept = council.query("SELECT due_kind, due_text FROM action ORDER BY id")
    assert kept == [("text", words) for words in FREE_TEXT]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (*APRIL, "add-action", "X", "--due", "15. marst"),
            "Kan ikke læse fristen »15. marst«; mente du 15. marts 2019 eller 15. marts 2020?",
        ),
        (
            ("--today", "2019-05-20", "add-action", "X", "--due", "15. marst"),
            "Kan ikke læse fristen »15. marst«; mente du 15. marts 2020?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "næste mode"),
            "Kan ikke læse fristen »næste mode«; mente du »næste møde« (23. maj 2019)?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "naeste moede"),
            "Kan ikke læse fristen »naeste moede«; mente du »næste møde« (23. maj 2019)?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "mødet i junni"),
            "Kan ikke læse fristen »mødet i junni«; mente du »mødet i juni« (intet møde planlagt)?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "igår"),
            "Kan ikke læse fristen »igår«; mente du 1. april 2019?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "senest fredga d. 5. april 2019"),
            "Kan ikke læse fristen »senest fredga d. 5. april 2019«; mente du 5. april 2019?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "på tirsdga"),
            "Kan ikke læse fristen »på tirsdga«; mente du »på tirsdag« (9. april 2019)?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "1. sebt 2019"),
            "Kan ikke læse fristen »1. sebt 2019«; mente du 1. september 2019?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "inden sommerferein"),
            "Kan ikke læse fristen »inden sommerferein«; mente du »inden sommerferien« "
            "(26. juni 2019)?",
        ),
        (
            (*APRIL, "add-action", "X", "--due", "15. marst og 3. apirl"),
            "Kan ikke læse fristen »15. marst og 3. apirl«; skriv den fx som »23. maj 2019«, "
            "»næste fredag« eller »næste møde«.",
        ),
        (
            (*APRIL, "update", "1", "--due", "i morgn"),
            "Kan ikke læse fristen »i morgn«; mente du »i morgen« (3. april 2019)?",
        ),
        (
            (*APRIL, "update", "1", "--due", "til efterået"),
            "Kan ikke læse fristen »til efterået«; mente du »til efteråret« (1. september 2019)?",
        ),
        (
            (*APRIL, "postpone", "1", "--to", "igår"),
            "Kan ikke læse fristen »igår«; mente du 1. april 2019?",
        ),
        (
            (*APRIL, "postpone", "1", "--to", "i forgårs"),
            "Kan ikke læse fristen »i forgårs«; mente du 31. marts 2019?",
        ),
    ],
)
def test_a_date_written_wrong_is_refused_with_its_nearest_reading(
    council: Store, args: tuple[str, ...], message: str
) -> None:
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "næste møde")
    before = dump(council)
    result = run(*args)
    assert (result.code, result.stdout, result.stderr) == (2, "", f"Fejl: {message}\n")
    assert dump(council) == before


def test_the_nearest_reading_when_typed_right_is_stored(council: Store) -> None:
    """What the refusal offers is what udsat then reads."""
    ok("meeting", "add", "23. maj 2019 kl. 16-18")
    wrong = run(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "næste mode")
    assert "mente du »næste møde« (23. maj 2019)?" in wrong.stderr
    ok(*APRIL, "add-action", "Kontakte AP", "--owner", "Jette", "--due", "næste møde")
    [action] = json.loads(ok(*APRIL, "actions", "--json"))
    assert (action["due"], action["due_text"]) == ("2019-05-23", "næste møde (23. maj 2019)")
