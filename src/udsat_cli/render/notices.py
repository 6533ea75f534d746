"""The notice of meeting (indkaldelse) as the members get it: a Danish mail body with time, place
and agenda, the agenda as Word, and an iCalendar invitation (METHOD:REQUEST) that Outlook and
Google show as a meeting to accept; and the mails that follow when the meeting is moved (an
updated REQUEST) or cancelled (METHOD:CANCEL), under the same UID."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.render import agenda as agenda_render
from udsat_cli.render.calendar import add_span, finished

if TYPE_CHECKING:
    from udsat_cli.core.mailings import CalendarChange, Invitee
    from udsat_cli.core.meetings import MeetingRef
    from udsat_cli.core.notices import Notice, Recipient

SIGNATURE = "{council} (sendt af udsat)"


def subject(notice: Notice) -> str:
    m = notice.agenda.meeting
    word = "Ændret dagsorden" if notice.changed else "Indkaldelse"
    return f"{word}: {notice.council}, møde {dates.long_date(m.date)}"


def _reply_note(reference: str) -> list[str]:
    return [
        "Kan du ikke komme, så svar på invitationen (Afvis) eller på denne mail med dit afbud;",
        "udsat læser svaret og noterer det.",
        "",
        f"Reference: {reference}",
    ]


def body(notice: Notice, recipient: Recipient, *, reference: str = "") -> str:
    m = notice.agenda.meeting
    when = dates.meeting_when(m.date, m.start, m.end)
    lines = [f"Kære {recipient.name}", ""]
    if notice.changed:
        lines += [
            "Dagsordenen eller mødet er ændret siden sidste udsendelse; denne udgave "
            "erstatter den tidligere.",
            "",
        ]
    attached = "er vedhæftet som Word-dokument"
    if notice.files:
        attached += f" sammen med {'bilaget' if len(notice.files) == 1 else 'bilagene'}"
    lines += [
        f"Hermed indkaldes du til møde i {notice.council}:",
        "",
        f"Tid: {when}",
        f"Sted: {m.place or 'meddeles senere'}",
        "",
        f"Dagsordenen står herunder og {attached}; mødet er vedhæftet som kalenderinvitation.",
        "",
        *agenda_render.text(notice.agenda, for_members=True),
        "",
        *(_reply_note(reference) if reference else ["Giv gerne afbud, hvis du ikke kan komme."]),
        "",
        "Venlig hilsen",
        SIGNATURE.format(council=notice.council),
        "",
    ]
    return "\n".join(lines)


def file_name(notice: Notice) -> str:
    return f"dagsorden-{notice.agenda.meeting.date.isoformat()}.docx"


def _calendar(method: str) -> Any:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", "-//udsat//udsat//DA")
    cal.add("version", "2.0")
    cal.add("method", method)
    return cal


def _event(
    *,
    uid: str,
    sequence: int,
    forum: str,
    meeting: MeetingRef,
    description: str,
    organizer: str,
    name: str,
    attendee: str,
    guest: bool,
    cancelled: bool,
) -> Any:
    """One VEVENT: the council as ORGANIZER, the one recipient as ATTENDEE (asked to answer,
    RSVP, unless the meeting is cancelled). Each mail names only its own recipient: the members'
    addresses are not handed round in each other's invitations."""
    from icalendar import Event, vCalAddress, vText

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("sequence", sequence)
    event.add("summary", f"Møde i {forum}")
    event.add("description", description)
    add_span(event, meeting.date, meeting.start, meeting.end)
    if meeting.place:
        event.add("location", meeting.place)
    chair = vCalAddress(f"mailto:{organizer}")
    chair.params["cn"] = vText(forum)
    event.add("organizer", chair)
    who = vCalAddress(f"mailto:{attendee}")
    role = "OPT-PARTICIPANT" if guest else "REQ-PARTICIPANT"
    who.params.update({"cn": vText(name), "cutype": vText("INDIVIDUAL"), "role": vText(role)})
    if not cancelled:
        who.params.update({"partstat": vText("NEEDS-ACTION"), "rsvp": vText("TRUE")})
    event.add("attendee", who)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def invitation(notice: Notice, recipient: Recipient, *, organizer: str, attendee: str) -> bytes:
    """One VEVENT with a stable UID; SEQUENCE grows with the meeting's changes, so a moved
    meeting updates the one already in the calendar instead of adding a second."""
    cal = _calendar("REQUEST")
    cal.add_component(
        _event(
            uid=notice.uid,
            sequence=notice.sequence,
            forum=notice.council,
            meeting=notice.agenda.meeting,
            description="Dagsordenen er vedhæftet mailen.",
            organizer=organizer,
            name=recipient.name,
            attendee=attendee,
            guest=recipient.guest,
            cancelled=False,
        )
    )
    return finished(cal)


def change_invitation(
    change: CalendarChange, invitee: Invitee, *, organizer: str, attendee: str
) -> bytes:
    cal = _calendar("CANCEL" if change.cancelled else "REQUEST")
    what = "Mødet er aflyst." if change.cancelled else "Mødet er flyttet."
    cal.add_component(
        _event(
            uid=change.uid,
            sequence=change.sequence,
            forum=change.council,
            meeting=change.meeting,
            description=what,
            organizer=organizer,
            name=invitee.name,
            attendee=attendee,
            guest=False,
            cancelled=change.cancelled,
        )
    )
    return finished(cal)


def change_subject(change: CalendarChange) -> str:
    day = dates.long_date(change.meeting.date)
    if change.cancelled:
        return f"Aflyst: {change.council}, møde {day}"
    return f"Flyttet: {change.council}, møde nu {day}"


def change_body(change: CalendarChange, invitee: Invitee) -> str:
    m = change.meeting
    lines = [f"Kære {invitee.name}", ""]
    if change.cancelled:
        lines += [
            f"Mødet i {change.council} {dates.weekday_date(m.date)} er aflyst.",
            "",
            "Mødet er fjernet fra din kalender, hvis du havde taget imod invitationen.",
        ]
    else:
        lines += [
            f"Mødet i {change.council} er flyttet:",
            "",
            f"Ny tid: {dates.meeting_when(m.date, m.start, m.end)}",
            f"Sted: {m.place or 'meddeles senere'}",
            "",
            "Kalenderinvitationen er opdateret; den tidligere tid gælder ikke længere.",
        ]
    lines += ["", "Venlig hilsen", SIGNATURE.format(council=change.council), ""]
    return "\n".join(lines)
