"""Dates as real minutes write them, read with the meeting's own date as context."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import REFERATER, needs_shared
from udsat_cli import dates

pytestmark = [pytest.mark.no_store, needs_shared]

# (file, meeting date, phrase as it stands in the file, expected date, start, end)
CASES = [
    (
        "albertslund-udsatteraad-2019-04-01.txt",
        "2019-04-01",
        "1. april 2019 kl. 16.00 – 18.00",
        "2019-04-01",
        "16:00",
        "18:00",
    ),
    (
        "albertslund-udsatteraad-2019-04-01.txt",
        "2019-04-01",
        "den 23. maj 2019",
        "2019-05-23",
        None,
        None,
    ),
    ("albertslund-udsatteraad-2019-04-01.txt", "2019-04-01", "4. april", "2019-04-04", None, None),
    ("albertslund-udsatteraad-2019-04-01.txt", "2019-04-01", "30. april", "2019-04-30", None, None),
    ("albertslund-udsatteraad-2019-04-01.txt", "2019-04-01", "6. juni", "2019-06-06", None, None),
    (
        "albertslund-udsatteraad-2019-04-01.txt",
        "2019-04-01",
        "28. august",
        "2019-08-28",
        None,
        None,
    ),
    (
        "08_rodovre-seniorraad-2019-03-25.txt",
        "2019-03-25",
        "25. marts 2019",
        "2019-03-25",
        None,
        None,
    ),
    ("08_rodovre-seniorraad-2019-03-25.txt", "2019-03-25", "14.15 – 15.15", None, "14:15", "15:15"),
    (
        "08_rodovre-seniorraad-2019-03-25.txt",
        "2019-03-25",
        "13. marts 2019",
        "2019-03-13",
        None,
        None,
    ),
    (
        "08_rodovre-seniorraad-2019-03-25.txt",
        "2019-03-25",
        "senest den 28. marts",
        "2019-03-28",
        None,
        None,
    ),
    (
        "06_dragoer-aeldreraad-2016-10-24.txt",
        "2016-10-24",
        "den 24.10.2016  kl.10.00",
        "2016-10-24",
        "10:00",
        None,
    ),
    (
        "06_dragoer-aeldreraad-2016-10-24.txt",
        "2016-10-24",
        "den 25.10.2016",
        "2016-10-25",
        None,
        None,
    ),
    (
        "12_sab-askholm-bestyrelse-2023-11-08.txt",
        "2023-11-08",
        "08-11-2023",
        "2023-11-08",
        None,
        None,
    ),
    (
        "12_sab-askholm-bestyrelse-2023-11-08.txt",
        "2023-11-08",
        "den 6. december kl. 19.00",
        "2023-12-06",
        "19:00",
        None,
    ),
    (
        "13_sab-askholm-bestyrelse-2024-01-03.txt",
        "2024-01-03",
        "03-01-2024",
        "2024-01-03",
        None,
        None,
    ),
    (
        "13_sab-askholm-bestyrelse-2024-01-03.txt",
        "2024-01-03",
        "7. februar kl. 19",
        "2024-02-07",
        "19:00",
        None,
    ),
]


@pytest.mark.parametrize(("name", "held", "phrase", "day", "start", "end"), CASES)
def test_dates_in_real_minutes(name, held, phrase, day, start, end) -> None:
    text = (REFERATER / name).read_text(encoding="utf-8")
    assert phrase in text, "the phrase must stand in the minutes as written"
    meeting = date.fromisoformat(held)
    if day is None:  # a time range on its own line, under the date
        phrase = f"{held} kl. {phrase}"
        day = held
    found = dates.read(phrase, today=meeting, prefer="nearest")
    assert (found.kind, found.date, found.time, found.end_time) == (
        "date",
        date.fromisoformat(day),
        start,
        end,
    )
