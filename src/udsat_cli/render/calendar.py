"""iCalendar (RFC 5545): meetings and the council's events as events in Europe/Copenhagen;
deadlines as all-day events (subscribed calendars show those, most ignore to-dos), or as to-dos
with ``todo=True``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from udsat_cli.core.calendar import CalendarData

ZONE = "Europe/Copenhagen"


def ical(data: CalendarData, *, todo: bool = False) -> bytes:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event, Todo

    zone = ZoneInfo(ZONE)
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
        elif entry.start:
            hour, minute = (int(p) for p in entry.start.split(":"))
            begin = datetime(
                entry.day.year, entry.day.month, entry.day.day, hour, minute, tzinfo=zone
            )
            if entry.end:
                h2, m2 = (int(p) for p in entry.end.split(":"))
                finish = begin.replace(hour=h2, minute=m2)
            else:
                finish = begin + timedelta(hours=2)
            component.add("dtstart", begin)
            component.add("dtend", finish)
        else:
            component.add("dtstart", entry.day)
            component.add("dtend", entry.day + timedelta(days=1))
        if entry.place:
            component.add("location", entry.place)
        cal.add_component(component)
    if hasattr(cal, "add_missing_timezones"):
        cal.add_missing_timezones()
        for zone_part in cal.walk("VTIMEZONE"):  # icalendar's note on it is English
            zone_part.pop("COMMENT", None)
    return cal.to_ical()
