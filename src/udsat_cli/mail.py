"""Sending reminders: one plain-text Danish e-mail per owner, through the configured SMTP server."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from typing import TYPE_CHECKING

from udsat_cli.config import Smtp
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.reminders import OwnerReminder, Reminders


class SendError(UdsatError):
    exit_code = 75  # EX_TEMPFAIL: what was sent is recorded, the rest goes next run


def message(person: OwnerReminder, report: Reminders, *, sender: str) -> EmailMessage:
    from udsat_cli.render.reminders import email_body, subject

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = f"{person.name} <{person.email}>"
    msg["Subject"] = subject(person, report)
    msg["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender)[1].partition("@")[2] or None
    msg["Message-ID"] = make_msgid(idstring="udsat", domain=domain)
    msg.set_content(email_body(person, report), charset="utf-8")
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


def send_all(
    settings: Smtp,
    messages: list[tuple[OwnerReminder, EmailMessage]],
    *,
    sent: Callable[[OwnerReminder], None],
) -> None:
    """Send each message; ``sent`` is called after each one the server accepted, so a failure
    half-way leaves a true record of what went out."""
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
        reason = getattr(exc, "smtp_error", None) or exc
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise SendError(
            f"Sendte {done} af {len(messages)} påmindelser, så fejlede forbindelsen til "
            f"{settings.host}:{settings.port} ({reason}); kør udsat remind --send igen for at "
            "sende resten."
        ) from exc
