from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from udsat_cli import dates
from udsat_cli.errors import UdsatError

pytestmark = pytest.mark.no_store

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
TODAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
CLOCK = st.tuples(st.integers(0, 22), st.sampled_from([0, 15, 30, 45])).map(
    lambda hm: f"{hm[0]:02d}:{hm[1]:02d}"
)
PRINTED = (dates.long_date, dates.weekday_date, date.isoformat)


@given(day=DAYS, today=TODAYS, form=st.sampled_from(PRINTED))
def test_every_printed_date_reads_back(day: date, today: date, form) -> None:
    assert dates.parse_date(form(day), today=today) == day


@given(day=DAYS, today=TODAYS, start=CLOCK, hours=st.integers(1, 3) | st.none())
def test_every_printed_meeting_time_reads_back(day, today, start, hours) -> None:
    end = (
        f"{int(start[:2]) + hours:02d}:{start[3:]}"
        if hours and int(start[:2]) + hours < 24
        else None
    )
    printed = dates.meeting_when(day, start, end)
    assert dates.parse_meeting_time(printed, today=today) == (day, start, end)


WORDS = st.sampled_from(
    [
        "d.",
        "den",
        "kl.",
        "møde",
        "næste",
        "uge",
        "i",
        "om",
        "maj",
        "fredag",
        "inden",
        "til",
        "efteråret",
        "1.",
        "2019",
        "-",
        "/",
        ".",
        "16.00",
        "34",
        "ultimo",
        "mødet",
        "første",
    ]
)


@settings(max_examples=300)
@given(text=st.text(max_size=40) | st.lists(WORDS, max_size=6).map(" ".join), today=TODAYS)
def test_any_text_gives_a_reading_or_udsats_own_error(text: str, today: date) -> None:
    try:
        found = dates.read(text, today=today)
    except UdsatError as error:
        assert error.message and "\n" not in error.message
    else:
        assert found.kind in ("date", "meeting", "first_meeting_after", "nth_meeting_after")


LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


@st.composite
def month_typos(draw: st.DrawFn) -> str:
    """A month's name with one letter changed: replaced, left out, added or swapped."""
    name = draw(st.sampled_from(dates.MONTHS))
    at = draw(st.integers(0, len(name) - 1))
    letter = draw(st.sampled_from(LETTERS))
    edit = draw(st.sampled_from(["replace", "leave out", "add", "swap"]))
    if edit == "replace":
        return name[:at] + letter + name[at + 1 :]
    if edit == "leave out":
        return name[:at] + name[at + 1 :]
    if edit == "add":
        return name[:at] + letter + name[at:]
    at = min(at, len(name) - 2)
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


@settings(max_examples=500)
@given(day=DAYS, today=TODAYS, month=month_typos(), with_year=st.booleans())
def test_a_date_with_its_month_misspelt_is_read_or_refused_never_kept_as_text(
    day: date, today: date, month: str, with_year: bool
) -> None:
    """What set_deadline does with a deadline the grammar cannot read: words that name no day are
    kept as text, a near miss is refused. A month written one letter wrong is never kept."""
    from udsat_cli.dates.grammar import NoReading
    from udsat_cli.dates.typos import near_miss

    typed = f"{min(day.day, 28)}. {month}" + (f" {day.year}" if with_year else "")
    try:
        dates.parse_deadline(typed, today=today)
    except NoReading:
        assert near_miss(typed, today=today, deadline=True) is not None, typed
    except UdsatError:
        pass  # refused: an impossible or ambiguous date
