"""Printing dates and times the Danish way. ISO belongs to JSON and CSV only."""

from __future__ import annotations

from datetime import date

from udsat_cli.dates.vocab import MONTHS, WEEKDAYS


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


def meeting_when(d: date, start: str | None = None, end: str | None = None) -> str:
    """mandag d. 1. april 2019 kl. 16.00–18.00"""
    return " ".join(part for part in (weekday_date(d), clock(start, end)) if part)
