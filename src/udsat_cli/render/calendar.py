"""iCalendar (RFC 5545): meetings and the council's events as events in Europe/Copenhagen;
deadlines as all-day events (subscribed calendars show those, most ignore to-dos), or as to-dos
with ``todo=True``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from udsat_cli.core.calendar import CalendarData

ZONE = "Europe/Copenhagen"


def ical(data: CalendarData, *, todo: bool = False) -> bytes:
    from icalendar import Calendar, Event, Todo

    cal = Calendar()
    cal.add("prodid", "-//udsat//udsat//DA")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", data.council)
    cal.add("x-wr-timezone", ZONE)
    stamp = datetime.now(UTC).replace(microsecond=0)
    for entry in data.entries:
        as_todo = todo and entry.kind == "deadline"
        component = Todo() if as_todo else Event()
        component.add("uid", entry.uid)
        component.add("dtstamp", stamp)
        component.add("summary", entry.summary)
        component.add("description", entry.description)
        component.add("sequence", entry.sequence)
        if entry.kind != "deadline" or as_todo:
            component.add("status", entry.status)
        elif entry.status == "CANCELLED":  # a dropped task: a cancelled event
            component.add("status", "CANCELLED")
        if as_todo:
            component.add("due", entry.day)
        elif entry.kind == "deadline":
            component.add("categories", "Frist")
            component.add("dtstart", entry.day)
            component.add("dtend", entry.day + timedelta(days=1))
            component.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        else:
            add_span(component, entry.day, entry.start, entry.end)
        if entry.place:
            component.add("location", entry.place)
        cal.add_component(component)
    return finished(cal)


def add_span(component: Any, day: date, start: str | None, end: str | None) -> None:
    """DTSTART/DTEND of a meeting or an event: its hours in Europe/Copenhagen (two hours when
    no end is known), or the whole day when no time is."""
    from zoneinfo import ZoneInfo

    if not start:
        component.add("dtstart", day)
        component.add("dtend", day + timedelta(days=1))
        return
    hour, minute = (int(p) for p in start.split(":"))
    begin = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(ZONE))
    if end:
        h2, m2 = (int(p) for p in end.split(":"))
        finish = begin.replace(hour=h2, minute=m2)
    else:
        finish = begin + timedelta(hours=2)
    component.add("dtstart", begin)
    component.add("dtend", finish)


def finished(cal: Any) -> bytes:
    """The calendar as bytes, with the time zones it uses and none of icalendar's English."""
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
        for zone_part in cal.walk("VTIMEZONE"):  # icalendar's note on it is English
            zone_part.pop("COMMENT", None)
    return cal.to_ical()
