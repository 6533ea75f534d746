"""Mail as udsat writes it: one Danish message per person, to exactly that person.

Headers are built from their parts with the standard library (``email.headerregistry``), never
by pasting names into strings, so no name (»Eve <eve@x>, Bo«, a newline) can add a recipient or
a header. Every message says it was sent by a program (``Auto-Submitted: auto-generated``, so no
out-of-office reply comes back to a cron job) and carries a Message-ID in the council's own
domain, made from the reference kept with it, which a reply brings back.

A domain with æøå (``jens@kø.dk``) is written as the DNS knows it, in punycode
(``jens@xn--k-5ga.dk``): every mail server takes that, SMTPUTF8 or not. Local parts are ASCII
(``addresses``), so no address ever needs SMTPUTF8.

A calendar invitation goes as Outlook, Google and Thunderbird expect a meeting request (RFC 6047,
MS-OXCMAIL): the text and a ``text/calendar; method=…`` part side by side in
multipart/alternative, the same calendar attached as ``invitation.ics``, the documents after.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from typing import TYPE_CHECKING

from udsat_cli.addresses import ascii_address

if TYPE_CHECKING:
    from udsat_cli.core.mailings import CalendarChange, Invitee
    from udsat_cli.core.notices import Notice, Recipient
    from udsat_cli.core.reminders import OwnerReminder, Reminders

DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class File:
    """An attachment: the agenda as Word, or a bilag."""

    name: str
    media_type: str  # "application/pdf"
    data: bytes


def _one_line(text: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _sender(sender: str) -> Address:
    """The sender from the settings (»Navn <adresse>«, checked by config.sender_address)."""
    from udsat_cli.addresses import named_address

    found = named_address(sender)
    assert found is not None
    return Address(display_name=found[0], addr_spec=ascii_address(found[1]))


def message_id(reference: str, *, sender: str) -> str:
    return f"<udsat.{reference}@{_sender(sender).domain}>"


def new_message(
    *, sender: str, name: str, address: str, subject: str, body: str, reference: str
) -> EmailMessage:
    """A message to exactly one recipient, its Message-ID made from ``reference``."""
    msg = EmailMessage()
    msg["From"] = _sender(sender)
    msg["To"] = Address(display_name=_one_line(name), addr_spec=ascii_address(address))
    msg["Subject"] = _one_line(subject)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = message_id(reference, sender=sender)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no automatic answers to this
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"  # Exchange's word for the same
    msg.set_content(body, charset="utf-8")
    return msg


def envelope(msg: EmailMessage) -> tuple[str, str]:
    """(sender, recipient) as the SMTP envelope gives them: the header's ASCII addresses."""
    return msg["From"].addresses[0].addr_spec, msg["To"].addresses[0].addr_spec


def reminder_message(
    person: OwnerReminder, report: Reminders, *, sender: str, reference: str
) -> EmailMessage:
    from udsat_cli.render.reminders import email_body, subject

    assert person.email is not None
    return new_message(
        sender=sender,
        name=person.name,
        address=person.email,
        subject=subject(person, report),
        body=email_body(person, report, reference=reference),
        reference=reference,
    )


def _with_invitation(msg: EmailMessage, calendar: bytes, method: str) -> None:
    """The calendar beside the text (multipart/alternative), and attached as a file."""
    text = calendar.decode("utf-8")  # as UTF-8 text: without a charset »Rådhuset« reads Latin-1
    # Quoted-printable, not 8bit: a server without 8BITMIME must carry it unchanged too.
    msg.add_alternative(text, subtype="calendar", params={"method": method}, cte="quoted-printable")


def _meeting_request(msg: EmailMessage) -> EmailMessage:
    """Outlook's mark of a meeting request; set last, as the parts are made before it (a
    Content-* header set earlier would move into the first part)."""
    msg["Content-Class"] = "urn:content-classes:calendarmessage"
    return msg


def _attach(msg: EmailMessage, file: File) -> None:
    maintype, _, subtype = file.media_type.partition("/")
    msg.add_attachment(file.data, maintype=maintype, subtype=subtype, filename=file.name)


def notice_message(
    notice: Notice, recipient: Recipient, *, sender: str, files: list[File], reference: str
) -> EmailMessage:
    """The notice of meeting to one member: the agenda in the body and as Word, its public
    bilag, and the meeting as a calendar invitation."""
    from udsat_cli.render import notices as render

    assert recipient.email is not None
    msg = new_message(
        sender=sender,
        name=recipient.name,
        address=recipient.email,
        subject=render.subject(notice),
        body=render.body(notice, recipient, reference=reference),
        reference=reference,
    )
    organizer = _sender(sender)
    invite = render.invitation(
        notice, recipient, organizer=organizer.addr_spec, attendee=ascii_address(recipient.email)
    )
    _with_invitation(msg, invite, "REQUEST")
    for file in files:
        _attach(msg, file)
    _attach(msg, File("invitation.ics", "application/ics", invite))
    return _meeting_request(msg)


def change_message(
    change: CalendarChange, invitee: Invitee, *, sender: str, reference: str
) -> EmailMessage:
    """A moved meeting's updated REQUEST, or a cancelled one's CANCEL, to one who was invited."""
    from udsat_cli.render import notices as render

    msg = new_message(
        sender=sender,
        name=invitee.name,
        address=invitee.address,
        subject=render.change_subject(change),
        body=render.change_body(change, invitee),
        reference=reference,
    )
    organizer = _sender(sender)
    method = "CANCEL" if change.cancelled else "REQUEST"
    invite = render.change_invitation(
        change, invitee, organizer=organizer.addr_spec, attendee=ascii_address(invitee.address)
    )
    _with_invitation(msg, invite, method)
    _attach(msg, File("invitation.ics", "application/ics", invite))
    return _meeting_request(msg)
