"""The notice of meeting (indkaldelse) as the members get it: a Danish mail body with time, place
and agenda, the agenda as Word, and an iCalendar invitation (METHOD:REQUEST) that Outlook and
Google show as a meeting to accept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render import agenda as agenda_render
from udsat_cli.render.calendar import add_span, finished

if TYPE_CHECKING:
    from udsat_cli.core.notices import Notice, Recipient


def subject(notice: Notice) -> str:
    m = notice.agenda.meeting
    word = "Ændret dagsorden" if notice.changed else "Indkaldelse"
    return f"{word}: {notice.council}, møde {dates.long_date(m.date)}"


def body(notice: Notice, recipient: Recipient) -> str:
    m = notice.agenda.meeting
    when = dates.meeting_when(m.date, m.start, m.end)
    lines = [f"Kære {recipient.name}", ""]
    if notice.changed:
        lines += ["Dagsordenen eller mødet er ændret siden sidste udsendelse; denne udgave "
                  "erstatter den tidligere.", ""]  # fmt: skip
    lines += [
        f"Hermed indkaldes du til møde i {notice.council}:",
        "",
        f"Tid: {when}",
        f"Sted: {m.place or 'meddeles senere'}",
        "",
        "Dagsordenen står herunder og er vedhæftet som Word-dokument; mødet er vedhæftet som "
        "kalenderinvitation.",
        "",
        *agenda_render.text(notice.agenda),
        "",
        "Giv gerne afbud til sekretæren, hvis du ikke kan komme.",
        "",
        "Venlig hilsen",
        f"{notice.council} (sendt af udsat)",
        "",
    ]
    return "\n".join(lines)


def file_name(notice: Notice) -> str:
    return f"dagsorden-{notice.agenda.meeting.date.isoformat()}.docx"


def invitation(notice: Notice, recipient: Recipient, *, organizer: str) -> bytes:
    """One VEVENT with a stable UID; SEQUENCE is the meeting's revision, so a moved meeting
    updates the one already in the calendar instead of adding a second."""
    from icalendar import Calendar, Event, vCalAddress, vText

    m = notice.agenda.meeting
    cal = Calendar()
    cal.add("prodid", "-//udsat//udsat//DA")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", notice.uid)
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("sequence", notice.sequence)
    event.add("summary", f"Møde i {notice.council}")
    event.add("description", "Dagsordenen er vedhæftet mailen.")
    add_span(event, m.date, m.start, m.end)
    if m.place:
        event.add("location", m.place)
    chair = vCalAddress(f"mailto:{organizer}")
    chair.params["cn"] = vText(notice.council)
    event.add("organizer", chair)
    guest = vCalAddress(f"mailto:{recipient.email}")
    guest.params.update({"cn": vText(recipient.name), "role": vText("REQ-PARTICIPANT"),
                         "partstat": vText("NEEDS-ACTION"), "rsvp": vText("TRUE")})  # fmt: skip
    event.add("attendee", guest)
    event.add("status", "CONFIRMED")
    cal.add_component(event)
    return finished(cal)
