"""The Danish date grammar, phrase by phrase, against a fixed today (Wednesday 3 April 2019)."""

from __future__ import annotations

from datetime import date

import pytest

from udsat_cli import dates
from udsat_cli.errors import AmbiguousError, InputError

pytestmark = pytest.mark.no_store

TODAY = date(2019, 4, 3)  # a Wednesday, ISO week 14

# phrase -> ISO date, or (ISO date, start, end) for times
ABSOLUTE = {
    "2019-04-01": "2019-04-01",
    "2019-4-1": "2019-04-01",
    "1/4-2019": "2019-04-01",
    "1/4/2019": "2019-04-01",
    "1-4-2019": "2019-04-01",
    "01.04.2019": "2019-04-01",
    "1.4.2019": "2019-04-01",
    "1.4.19": "2019-04-01",
    "1/4-19": "2019-04-01",
    "15-12-2017": "2017-12-15",
    "15.12.2017": "2017-12-15",
    "15. 12. 2017": "2017-12-15",
    "31/12-99": "1999-12-31",
    "1. april 2019": "2019-04-01",
    "1.april 2019": "2019-04-01",
    "1 april 2019": "2019-04-01",
    "1. April 2019": "2019-04-01",
    "1. APRIL 2019.": "2019-04-01",
    "1. apr. 2019": "2019-04-01",
    "1. apr 2019": "2019-04-01",
    "23. maj 2019": "2019-05-23",
    "3. sept. 2019": "2019-09-03",
    "3. sep 2019": "2019-09-03",
    "24. dec. 2019": "2019-12-24",
    "29. februar 2020": "2020-02-29",
    "21. juni": "2019-06-21",
    "1. marts": "2019-03-01",  # a month ago: read as it was
    "3. april": "2019-04-03",
    "2. april": "2019-04-02",  # yesterday: a meeting entered afterwards
    "21/6": "2019-06-21",
    "21.6": "2019-06-21",
    "21.6.": "2019-06-21",
    "d. 21. juni": "2019-06-21",
    "den 21. juni": "2019-06-21",
    "senest den 28. marts": "2019-03-28",
    "senest d. 28.3.": "2019-03-28",
    "inden 1. maj": "2019-05-01",
    "inden d. 1. maj 2019": "2019-05-01",
    "til 1. maj": "2019-05-01",
    "senest 1. maj 2019!": "2019-05-01",
    "mandag d. 3. juni 2019": "2019-06-03",
    "mandag den 3. juni 2019": "2019-06-03",
    "Mandag d. 3. juni 2019": "2019-06-03",
    "man. 3. juni 2019": "2019-06-03",
    "mandag 3/6-2019": "2019-06-03",
    "torsdag d. 23. maj": "2019-05-23",
    "fredag d. 31. maj 2019": "2019-05-31",
    "fredag den 31.05.2019": "2019-05-31",
}
TIMES = {
    "1. april 2019 kl. 16.00": ("2019-04-01", "16:00", None),
    "1. april 2019 kl 16": ("2019-04-01", "16:00", None),
    "1. april 2019 16:30": ("2019-04-01", "16:30", None),
    "1. april 2019 kl. 16.00 – 18.00": ("2019-04-01", "16:00", "18:00"),
    "1. april 2019 kl. 16.00-18.00": ("2019-04-01", "16:00", "18:00"),
    "1. april 2019 kl. 16.00 til 18.00": ("2019-04-01", "16:00", "18:00"),
    "1. april 2019 kl. 16-18": ("2019-04-01", "16:00", "18:00"),
    "1. april 2019 16.00 - 18.00": ("2019-04-01", "16:00", "18:00"),
    "1. april 2019 fra kl. 16 til kl. 18": ("2019-04-01", "16:00", "18:00"),
    "mandag d. 1. april 2019 kl. 16.00–18.00": ("2019-04-01", "16:00", "18:00"),
    "Mandag, 1. april 2019, 16:00 - 18:00": ("2019-04-01", "16:00", "18:00"),
    "mandag 1. april 2019 kl. 16:00": ("2019-04-01", "16:00", None),
    "1/4-2019 kl. 9.30": ("2019-04-01", "09:30", None),
    "1.4.2019 kl. 14.15 – 15.15": ("2019-04-01", "14:15", "15:15"),
    "6. december kl. 19.00": ("2019-12-06", "19:00", None),
    "2019-04-01 16:00-18:00": ("2019-04-01", "16:00", "18:00"),
}
RELATIVE = {
    "i dag": "2019-04-03",
    "I dag": "2019-04-03",
    "idag": "2019-04-03",
    "dags dato": "2019-04-03",
    "i morgen": "2019-04-04",
    "i overmorgen": "2019-04-05",
    "om 3 dage": "2019-04-06",
    "om tre dage": "2019-04-06",
    "om 14 dage": "2019-04-17",
    "om 2 uger": "2019-04-17",
    "om to uger": "2019-04-17",
    "om en uge": "2019-04-10",
    "inden for 2 uger": "2019-04-17",
    "om en måned": "2019-05-03",
    "om 3 måneder": "2019-07-03",
    "om et år": "2020-04-03",
    "næste uge": "2019-04-12",
    "i næste uge": "2019-04-12",
    "senest næste uge": "2019-04-12",
    "denne uge": "2019-04-05",
    "i denne uge": "2019-04-05",
    "fredag": "2019-04-05",
    "på fredag": "2019-04-05",
    "næste fredag": "2019-04-05",
    "Fredag.": "2019-04-05",
    "senest fredag": "2019-04-05",
    "mandag": "2019-04-08",
    "på mandag": "2019-04-08",
    "onsdag": "2019-04-10",
    "tirsdag i næste uge": "2019-04-09",
    "fredag i næste uge": "2019-04-12",
    "torsdag i denne uge": "2019-04-04",
    "tors.": "2019-04-04",
    "uge 34": "2019-08-23",
    "i uge 34": "2019-08-23",
    "senest uge 16": "2019-04-19",
    "uge 34 2027": "2027-08-27",
    "uge 10": "2020-03-06",
    "uge 53 2020": "2021-01-01",
    "i september": "2019-09-30",
    "september": "2019-09-30",
    "senest i september": "2019-09-30",
    "i februar": "2020-02-29",
    "i april": "2019-04-30",
    "i maj 2020": "2020-05-31",
    "inden september": "2019-08-31",
    "til september": "2019-09-01",
    "ultimo maj": "2019-05-31",
    "ultimo februar": "2020-02-29",
    "primo juni": "2019-06-10",
    "medio juni": "2019-06-15",
    "medio juni 2020": "2020-06-15",
    "primo jan.": "2020-01-10",
    "i starten af juni": "2019-06-10",
    "midten af juni": "2019-06-15",
    "slutningen af juni": "2019-06-30",
    "udgangen af juni": "2019-06-30",
    "inden udgangen af året": "2019-12-31",
    "udgangen af året": "2019-12-31",
    "årets udgang": "2019-12-31",
    "inden årets udgang": "2019-12-31",
    "årsskiftet": "2019-12-31",
    "inden jul": "2019-12-23",
    "før jul": "2019-12-23",
    "jul": "2019-12-24",
    "juleaften": "2019-12-24",
    "efter jul": "2019-12-27",
    "efter nytår": "2020-01-02",
    "nytårsaften": "2019-12-31",
    "påske": "2019-04-18",
    "skærtorsdag": "2019-04-18",
    "langfredag": "2019-04-19",
    "påskedag": "2019-04-21",
    "2. påskedag": "2019-04-22",
    "inden påske": "2019-04-17",
    "efter påske": "2019-04-23",
    "store bededag": "2019-05-17",
    "kristi himmelfartsdag": "2019-05-30",
    "pinse": "2019-06-09",
    "2. pinsedag": "2019-06-10",
    "inden pinse": "2019-06-08",
    "påske 2020": "2020-04-09",
    "grundlovsdag": "2019-06-05",
    "sankthans": "2019-06-23",
    "inden sommerferien": "2019-06-26",
    "før sommerferien": "2019-06-26",
    "efter sommerferien": "2019-08-10",
    "i sommerferien": "2019-06-27",
    "til efteråret": "2019-09-01",
    "i efteråret": "2019-09-01",
    "efteråret": "2019-09-01",
    "til efteråret 2020": "2020-09-01",
    "i efteråret 2020": "2020-09-01",
    "til foråret": "2020-03-01",
    "i foråret": "2020-03-01",
    "inden efteråret": "2019-08-31",
    "i det nye år": "2020-01-01",
    "inden efterårsferien": "2019-10-09",
    "efter vinterferien": "2020-02-16",
}
MEETINGS = {
    "næste møde": ("nth_meeting_after", None, 1),
    "til næste møde": ("nth_meeting_after", None, 1),
    "på næste møde": ("nth_meeting_after", None, 1),
    "Til næste møde.": ("nth_meeting_after", None, 1),
    "inden næste møde": ("nth_meeting_after", None, 1),
    "næste ordinære møde": ("nth_meeting_after", None, 1),
    "det næste møde": ("nth_meeting_after", None, 1),
    "næste rådsmøde": ("nth_meeting_after", None, 1),
    "kommende møde": ("nth_meeting_after", None, 1),
    "om to møder": ("nth_meeting_after", None, 2),
    "om 3 møder": ("nth_meeting_after", None, 3),
    "mødet efter næste": ("nth_meeting_after", None, 2),
    "mødet 23. maj": ("meeting", "2019-05-23", None),
    "på mødet d. 23. maj": ("meeting", "2019-05-23", None),
    "mødet den 23/5": ("meeting", "2019-05-23", None),
    "mødet 23. maj 2019": ("meeting", "2019-05-23", None),
    "mødet i juni": ("first_meeting_after", "2019-06-01", None),
    "til mødet i juni": ("first_meeting_after", "2019-06-01", None),
    "mødet i april": ("first_meeting_after", "2019-04-01", None),
    "junimødet": ("first_meeting_after", "2019-06-01", None),
    "første møde efter sommerferien": ("first_meeting_after", "2019-08-10", None),
    "det første møde efter sommerferien": ("first_meeting_after", "2019-08-10", None),
    "første møde i det nye år": ("first_meeting_after", "2020-01-01", None),
    "første møde i september": ("first_meeting_after", "2019-09-01", None),
    "første møde efter september": ("first_meeting_after", "2019-10-01", None),
    "første møde efter 1. august": ("first_meeting_after", "2019-08-02", None),
    "første møde efter påske": ("first_meeting_after", "2019-04-19", None),
}
# Text that is not a date must never be read as one.
NOT_DATES = [
    "29.00.00-A26-1-16",
    "1. udkast",
    "3. møde",
    "2. behandling",
    "2014 - 2017",
    "2024/2025",
    "2024-2025",
    "snart",
    "asap",
    "når det passer",
    "kl. 16.00",
    "16-18",
    "1. april 2019 16",
    "om mange dage",
    "næste år engang",
    "3 uger",
    "uge",
    "mødet",
    "april 2019 maj",
    "1/13-2019",
    "",
    "   ",
    "20.000 kr.",
    "punkt 3 og 4",
]
INVALID = {
    "31/6-2019": "»31/6-2019« er ikke en gyldig dato.",
    "30. februar 2019": "»30. februar 2019« er ikke en gyldig dato.",
    "29. februar 2019": "»29. februar 2019« er ikke en gyldig dato.",
    "1. april 2019 kl. 25": "»1. april 2019 kl. 25« er ikke en gyldig dato.",
    "1. april 2019 kl. 18-16": "»1. april 2019 kl. 18-16«: mødet slutter (16:00), før det begynder "
    "(18:00).",
    "tirsdag d. 3. juni 2019": "»tirsdag d. 3. juni 2019«: 3. juni 2019 er en mandag, "
    "ikke en tirsdag.",
    "fredag d. 1. april 2019": "»fredag d. 1. april 2019«: 1. april 2019 er en mandag, "
    "ikke en fredag.",
    "uge 54": "»uge 54«: et år har ugerne 1–53.",
    "uge 53 2019": "»uge 53 2019«: 2019 har ingen uge 53.",
    "mandag i denne uge": "»mandag i denne uge« er allerede gået i denne uge.",
    "1. april 1850": "»1. april 1850« ligger uden for årene 1900–2199.",
}
AMBIGUOUS = {
    "1.4.70": "Årstallet »70« kan være både 1970 og 2070; skriv årstallet med fire cifre.",
    "1/4-76": "Årstallet »76« kan være både 1976 og 2076; skriv årstallet med fire cifre.",
}


def _read(phrase: str) -> dates.Reading:
    return dates.read(phrase, today=TODAY)


@pytest.mark.parametrize(("phrase", "expected"), {**ABSOLUTE, **RELATIVE}.items())
def test_reads_a_date(phrase: str, expected: str) -> None:
    assert _read(phrase) == dates.Reading("date", date.fromisoformat(expected))


@pytest.mark.parametrize(("phrase", "expected"), TIMES.items())
def test_reads_a_date_and_time(phrase: str, expected: tuple) -> None:
    day, start, end = expected
    assert _read(phrase) == dates.Reading("date", date.fromisoformat(day), start, end)


@pytest.mark.parametrize(("phrase", "expected"), MEETINGS.items())
def test_reads_a_meeting_reference(phrase: str, expected: tuple) -> None:
    kind, day, n = expected
    assert _read(phrase) == dates.Reading(kind, date.fromisoformat(day) if day else None, n=n)


@pytest.mark.parametrize("phrase", NOT_DATES)
def test_never_reads_these_as_dates(phrase: str) -> None:
    with pytest.raises(InputError) as error:
        _read(phrase)
    message = error.value.message
    if phrase.strip():
        assert (
            message
            == (
                f"Kan ikke læse »{phrase.strip()}« som en dato; "
                "skriv fx »23. maj 2019«, »næste fredag« eller »næste møde«."
            )
            or "ikke en gyldig dato" in message
        )


@pytest.mark.parametrize(("phrase", "message"), INVALID.items())
def test_impossible_dates_are_errors_that_say_why(phrase: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        _read(phrase)
    assert error.value.message == message


@pytest.mark.parametrize(("phrase", "message"), AMBIGUOUS.items())
def test_ambiguity_names_both_readings(phrase: str, message: str) -> None:
    with pytest.raises(AmbiguousError) as error:
        _read(phrase)
    assert error.value.message == message


def test_the_table_is_large() -> None:
    total = sum(map(len, (ABSOLUTE, TIMES, RELATIVE, MEETINGS, NOT_DATES, INVALID, AMBIGUOUS)))
    assert total >= 150


def test_minutes_read_a_yearless_date_nearest_the_meeting() -> None:
    meeting = date(2019, 4, 1)
    assert dates.read("21. marts", today=meeting, prefer="nearest").date == date(2019, 3, 21)
    assert dates.read("28. marts", today=meeting, prefer="nearest").date == date(2019, 3, 28)
    assert dates.read("6. juni", today=meeting, prefer="nearest").date == date(2019, 6, 6)
    assert dates.read("6. december", today=date(2023, 11, 8), prefer="nearest").date == date(
        2023, 12, 6
    )
    assert dates.read("10. januar", today=date(2023, 12, 20), prefer="nearest").date == date(
        2024, 1, 10
    )
    # typed today: the next one, unless it passed lately (a meeting entered afterwards) ...
    assert dates.read("28. marts", today=meeting).date == date(2019, 3, 28)
    assert dates.read("6. december", today=meeting).date == date(2019, 12, 6)
    # ... and as a deadline a day that passed lately is refused, naming both readings
    with pytest.raises(AmbiguousError, match="28. marts 2019, som er gået, eller 28. marts 2020"):
        dates.parse_deadline("28. marts", today=meeting)
    assert dates.parse_deadline("6. december", today=meeting).date == date(2019, 12, 6)
    with pytest.raises(AmbiguousError, match="23. maj 2019, som er gået, eller 23. maj 2020"):
        dates.parse_deadline("23/5", today=date(2019, 5, 24))


def test_council_seasons_override_the_defaults() -> None:
    seasons = {**dates.default_seasons(), "sommerferien": ("06-22", "08-04")}
    found = dates.read("inden sommerferien", today=TODAY, seasons=seasons)
    assert found.date == date(2019, 6, 21)


def test_printing() -> None:
    d = date(2019, 4, 1)
    assert dates.long_date(d) == "1. april 2019"
    assert dates.weekday_date(d) == "mandag d. 1. april 2019"
    assert dates.clock("16:00", "18:00") == "kl. 16.00–18.00"
    assert dates.meeting_when(d, "16:00") == "mandag d. 1. april 2019 kl. 16.00"
