"""Sending mail: one plain-text Danish message per person, to exactly that person.

Headers are built from their parts with the standard library (``email.headerregistry``), never
by pasting names into strings, so no name (»Eve <eve@x>, Bo«, a newline) can add a recipient or
a header. What goes wrong on the way is said in Danish; what was sent before it is recorded.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING, Any

from udsat_cli.config import Smtp
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.notices import Notice, Recipient
    from udsat_cli.core.reminders import OwnerReminder, Reminders

DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"


class SendError(UdsatError):
    exit_code = 75  # EX_TEMPFAIL: what was sent is recorded, the rest goes next run


def _one_line(text: str) -> str:
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def new_message(*, sender: str, name: str, address: str, subject: str, body: str) -> EmailMessage:
    """A message to exactly one recipient. ``sender`` is checked by config.sender_address."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = Address(display_name=_one_line(name), addr_spec=address)
    msg["Subject"] = _one_line(subject)
    msg["Date"] = formatdate(localtime=True)
    domain = str(msg["From"].addresses[0].domain) or None
    msg["Message-ID"] = make_msgid(idstring="udsat", domain=domain)
    msg.set_content(body, charset="utf-8")
    return msg


def message(person: OwnerReminder, report: Reminders, *, sender: str) -> EmailMessage:
    from udsat_cli.render.reminders import email_body, subject

    assert person.email is not None
    return new_message(
        sender=sender, name=person.name, address=person.email,
        subject=subject(person, report), body=email_body(person, report),
    )  # fmt: skip


def notice_message(notice: Notice, recipient: Recipient, *, sender: str,
                   agenda_docx: bytes) -> EmailMessage:  # fmt: skip
    """The notice of meeting to one member: the agenda in the body and as Word, and the meeting
    as a calendar invitation."""
    from udsat_cli.render import notice as render

    assert recipient.email is not None
    msg = new_message(
        sender=sender, name=recipient.name, address=recipient.email,
        subject=render.subject(notice), body=render.body(notice, recipient),
    )  # fmt: skip
    organizer = msg["From"].addresses[0]
    assert isinstance(organizer, Address)
    msg.add_attachment(agenda_docx, maintype="application", subtype=DOCX,
                       filename=render.file_name(notice))  # fmt: skip
    invite = render.invitation(notice, recipient, organizer=organizer.addr_spec)
    # As UTF-8 text, not bytes: a calendar part without a charset reads »Rådhuset« as Latin-1.
    msg.add_attachment(invite.decode("utf-8"), subtype="calendar", filename="invitation.ics",
                       params={"method": "REQUEST"})  # fmt: skip
    return msg


def _connect(settings: Smtp) -> smtplib.SMTP:
    if settings.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=30)
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=30)
        if settings.security == "starttls":
            server.starttls()
    if settings.user:
        server.login(settings.user, settings.password or "")
    return server


def why(exc: BaseException) -> str:
    """What went wrong with the mail server, in Danish."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "serveren afviste brugernavn eller adgangskode"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "serveren afviste modtageren"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return "serveren afviste afsenderen"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return "serveren understøtter ikke det, indstillingerne beder om (fx starttls)"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"serveren svarede med fejlkode {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionResetError | BrokenPipeError):
        return "serveren lukkede forbindelsen"
    if isinstance(exc, ConnectionRefusedError):
        return "serveren afviste forbindelsen"
    if isinstance(exc, socket.timeout | TimeoutError):
        return "serveren svarede ikke i tide"
    if isinstance(exc, socket.gaierror):
        return "serverens navn kan ikke slås op"
    if isinstance(exc, ssl.SSLError):
        return "en sikker forbindelse kunne ikke oprettes"
    return "forbindelsen fejlede"


def send_all(
    settings: Smtp, messages: list[tuple[Any, EmailMessage]], *, sent: Callable[[Any], None],
    what: str = "påmindelser", again: str = "udsat remind --send",
) -> int:  # fmt: skip
    """Send each message; ``sent`` is called after each one the server accepted, so a failure
    half-way leaves a true record of what went out. Returns how many were sent."""
    done = 0
    try:
        server = _connect(settings)
        try:
            for person, msg in messages:
                server.send_message(msg)
                sent(person)
                done += 1
        finally:
            try:
                server.quit()
            except (smtplib.SMTPException, OSError):
                pass
    except (smtplib.SMTPException, OSError) as exc:
        raise SendError(
            f"Sendte {done} af {len(messages)} {what}, så fejlede forbindelsen til "
            f"{settings.host}:{settings.port} ({why(exc)}); kør {again} igen for at sende resten"
        ) from exc
    return done
