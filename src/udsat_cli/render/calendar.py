"""iCalendar (RFC 5545): meetings and the council's events as events in Europe/Copenhagen;
deadlines as all-day events (subscribed calendars show those, most ignore to-dos), or as to-dos
with ``todo=True``.

The time zone is written as calendar programs write it: a VTIMEZONE with yearly rules (RRULE),
not icalendar's list of dates (RDATE), which Outlook is known to misread for Europe/Copenhagen
(summer meetings an hour off). The rules are the EU's since 1996: summer time from the last
Sunday of March at 02.00 to the last Sunday of October at 03.00."""

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


def copenhagen() -> Any:
    """Europe/Copenhagen as a VTIMEZONE with yearly rules."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", ZONE)
    for part, name, start, month, before, after in (
        (TimezoneDaylight(), "CEST", datetime(1970, 3, 29, 2), 3, 1, 2),
        (TimezoneStandard(), "CET", datetime(1970, 10, 25, 3), 10, 2, 1),
    ):
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        part.add("tzname", name)
        part.add("tzoffsetfrom", timedelta(hours=before))
        part.add("tzoffsetto", timedelta(hours=after))
        zone.add_component(part)
    return zone


def finished(cal: Any) -> bytes:
    """The calendar as bytes, with Europe/Copenhagen first when a time refers to it."""
    if any(isinstance(getattr(c.get("dtstart"), "dt", None), datetime) for c in cal.subcomponents):
        cal.subcomponents.insert(0, copenhagen())
    return cal.to_ical()
