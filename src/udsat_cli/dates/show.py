"""Printing dates and times the Danish way. ISO belongs to JSON and CSV only."""

from __future__ import annotations

import re
from datetime import date

from udsat_cli.dates.vocab import MONTH_WORD, MONTHS, WEEKDAYS

_A_DAY = re.compile(
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}\s*[./-]\s*\d{{1,2}}|\d{{1,2}}\.?\s*{MONTH_WORD}",
    re.IGNORECASE,
)


def long_date(d: date) -> str:
    """1. april 2019"""
    return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"


def weekday_date(d: date) -> str:
    """mandag d. 1. april 2019"""
    return f"{WEEKDAYS[d.weekday()]} d. {long_date(d)}"


def clock(start: str | None, end: str | None = None) -> str:
    """kl. 16.00–18.00 (empty when no time is known)"""
    if not start:
        return ""
    text = f"kl. {start.replace(':', '.')}"
    return f"{text}–{end.replace(':', '.')}" if end else text


def long_date_at(d: date, time: str | None = None) -> str:
    """16. september 2026 kl. 09.00 (a deadline with its hour)"""
    return " ".join(part for part in (long_date(d), clock(time)) if part)


def meeting_when(d: date, start: str | None = None, end: str | None = None) -> str:
    """mandag d. 1. april 2019 kl. 16.00–18.00"""
    return " ".join(part for part in (weekday_date(d), clock(start, end)) if part)


def names_a_day(text: str) -> bool:
    """Whether a deadline as typed names its day (»23/5-2019«, »fredag d. 31. maj«): then the day
    is shown as a date; a phrase (»til efteråret«, »uge 34«) is shown as written, with its day."""
    return bool(_A_DAY.search(text)) and not re.search(r"\b(?:uge|om|efter)\b", text, re.I)
