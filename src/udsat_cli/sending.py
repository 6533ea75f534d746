"""One home for sending: render each message, hand it to the mail server, and record each one
the server accepted at once, in a short transaction of its own, so a failure half-way leaves a
true record and the next run sends the rest. Used by ``remind``, ``send-agenda`` and ``meeting
move``/``cancel``; one run at a time per council and kind (a second run sends nothing).

A recipient the server refuses does not stop the others: the refusal is recorded with the
server's answer and reported. One refused for good (5xx: no such mailbox) is not tried again;
one refused for now (4xx: mailbox full, greylisting) goes with the next run. What the members'
calendars still lack (a meeting moved or cancelled after its invitation went out) goes with
every run that sends, so one that could not go out at the time reaches them with the next.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any, Protocol

from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.config import Smtp
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.notices import Notice
    from udsat_cli.core.reminders import Reminders
    from udsat_cli.store.location import Location


class SendError(UdsatError):
    exit_code = 75  # EX_TEMPFAIL: what was sent is recorded, the rest goes next run


class Stores(Protocol):
    """What sending needs of the command's state: the store's place, and short transactions."""

    location: Location

    def read(self) -> AbstractContextManager[CouncilContext]: ...

    def write(self) -> AbstractContextManager[CouncilContext]: ...

    def record(self) -> AbstractContextManager[CouncilContext]: ...


@dataclass
class Outgoing:
    message: EmailMessage
    name: str
    address: str  # as the member's record has it (æøå and all)
    record: Callable[[CouncilContext, str, str | None], None]  # (council, status, detail)


@dataclass
class Refusal:
    name: str
    address: str
    why: str  # the server's answer: »550 5.1.1 Ukendt modtager«
    permanent: bool


@dataclass
class Outcome:
    """What one run sent: the names of those the server took, those it refused, and in a dry
    run the messages as they would have gone."""

    what: str  # »indkaldelser«
    sent: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)

    @property
    def deferred(self) -> bool:
        return any(not r.permanent for r in self.refused)

    def add(self, other: Outcome) -> None:
        self.sent += other.sent
        self.refused += other.refused
        self.shown += other.shown


def why(exc: BaseException) -> str:
    """What went wrong with the mail server, in Danish."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return "serveren afviste brugernavn eller adgangskode"
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


def _answer(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return " ".join(f"{code} {said}".split())[:200]


def deliver(
    settings: Smtp, outgoing: list[Outgoing], *, stores: Stores, what: str, again: str
) -> Outcome:
    """Send each message; each is recorded as soon as the server has answered for it."""
    from udsat_cli import mail

    outcome = Outcome(what)

    def note(item: Outgoing, status: str, detail: str | None) -> None:
        with stores.record() as council:
            item.record(council, status, detail)

    try:
        server = _connect(settings)
        try:
            for item in outgoing:
                sender, recipient = mail.envelope(item.message)
                try:
                    server.send_message(item.message, sender, [recipient])
                except smtplib.SMTPRecipientsRefused as exc:
                    code, text = next(iter(exc.recipients.values()))
                    refusal = Refusal(item.name, item.address, _answer(code, text), code >= 500)
                except smtplib.SMTPDataError as exc:  # this message, not the connection
                    if exc.smtp_code == 421:
                        raise
                    refusal = Refusal(
                        item.name,
                        item.address,
                        _answer(exc.smtp_code, exc.smtp_error),
                        exc.smtp_code >= 500,
                    )
                else:
                    note(item, "sent", None)
                    outcome.sent.append(item.name)
                    continue
                note(item, "refused" if refusal.permanent else "deferred", refusal.why)
                outcome.refused.append(refusal)
        finally:
            try:
                server.quit()
            except (smtplib.SMTPException, OSError):
                pass
    except (smtplib.SMTPException, OSError) as exc:
        done = len(outcome.sent) + len(outcome.refused)
        raise SendError(
            f"Sendte {len(outcome.sent)} af {len(outgoing)} {what}, så fejlede forbindelsen til "
            f"{settings.host}:{settings.port} ({why(exc)}); kør {again} igen for at sende "
            + ("resten" if done else "dem")
        ) from exc
    return outcome


def _shown(outgoing: list[Outgoing], what: str) -> Outcome:
    return Outcome(
        what,
        shown=[
            item.message.as_string(policy=item.message.policy.clone(utf8=True)) for item in outgoing
        ],
    )


@contextmanager
def one_run(location: Location, name: str) -> Iterator[bool]:
    """True for the one run that may send ``name`` now; False while another run sends it."""
    from udsat_cli.store.access import run_lock

    with run_lock(location, name) as mine:
        yield mine


# --- what is sent -----------------------------------------------------------------------------


def notice_outgoing(notice: Notice, *, sender: str) -> list[Outgoing]:
    from udsat_cli import config, mail
    from udsat_cli.core.mailings import new_reference
    from udsat_cli.core.notices import record_sent
    from udsat_cli.render import notices as render
    from udsat_cli.render.agenda import docx

    agenda = docx(notice.agenda, template=config.document_template(None))
    files: list[Any] = [
        mail.File(render.file_name(notice), f"application/{mail.DOCX}", agenda),
        *notice.files,
    ]
    found = []
    for person in notice.to_send:
        reference = new_reference()
        msg = mail.notice_message(notice, person, sender=sender, files=files, reference=reference)

        def record(
            council: CouncilContext,
            status: str,
            detail: str | None,
            person=person,
            msg=msg,
            reference=reference,
        ) -> None:
            from udsat_cli.core.mailings import record_message

            if status == "sent":
                record_sent(
                    council,
                    notice=notice,
                    recipient=person,
                    message_id=msg["Message-ID"],
                    reference=reference,
                )
                notice.sent.append(person)
            else:
                record_message(
                    council,
                    kind="notice",
                    message_id=msg["Message-ID"],
                    reference=reference,
                    address=person.email or "",
                    meeting_id=notice.agenda.meeting.id,
                    person_id=person.person_id,
                    name=person.name,
                    sequence=notice.sequence,
                    said=notice.said,
                    status=status,
                    detail=detail,
                )

        found.append(Outgoing(msg, person.name, person.email or "", record))
    return found


def send_notice(
    stores: Stores, notice: Notice, *, dry_run: bool, settings: Smtp | None = None
) -> Outcome:
    """The notice to each who still needs it (with ``settings``, else those of the settings
    file), then what calendars still lack."""
    from udsat_cli import config

    what = "indkaldelser"
    if not notice.to_send:
        return Outcome(what)
    settings = settings or config.smtp()
    outgoing = notice_outgoing(notice, sender=settings.sender)
    if dry_run:
        return _shown(outgoing, what)
    return deliver(settings, outgoing, stores=stores, what=what, again="udsat send-agenda")


def reminder_outgoing(report: Reminders, *, sender: str) -> list[Outgoing]:
    from udsat_cli import mail
    from udsat_cli.core.mailings import new_reference, record_message
    from udsat_cli.core.reminders import record

    found = []
    for person in report.owners:
        if not person.email:
            continue
        reference = new_reference()
        msg = mail.reminder_message(person, report, sender=sender, reference=reference)

        def noted(
            council: CouncilContext,
            status: str,
            detail: str | None,
            person=person,
            msg=msg,
            reference=reference,
        ) -> None:
            if status == "sent":
                record(council, owners=[person], channel="email")
            record_message(
                council,
                kind="reminder",
                message_id=msg["Message-ID"],
                reference=reference,
                address=person.email or "",
                person_id=person.person_id,
                name=person.name,
                actions=[a.id for a in person.actions],
                status=status,
                detail=detail,
            )

        found.append(Outgoing(msg, person.name, person.email, noted))
    return found


def send_reminders(stores: Stores, report: Reminders, *, dry_run: bool) -> Outcome:
    from udsat_cli import config

    what = "påmindelser"
    settings = config.smtp()
    outgoing = reminder_outgoing(report, sender=settings.sender)
    if dry_run:
        return _shown(outgoing, what)
    return deliver(settings, outgoing, stores=stores, what=what, again="udsat remind --send")


def _change_outgoing(
    council: CouncilContext, *, meeting_id: int | None, sender: str
) -> list[Outgoing]:
    from udsat_cli import mail
    from udsat_cli.core.mailings import calendar_changes, new_reference, record_message

    found = []
    for change in calendar_changes(council, meeting_id=meeting_id):
        kind = "cancel" if change.cancelled else "update"
        for invitee in change.to:
            reference = new_reference()
            msg = mail.change_message(change, invitee, sender=sender, reference=reference)

            def noted(
                council: CouncilContext,
                status: str,
                detail: str | None,
                change=change,
                invitee=invitee,
                msg=msg,
                reference=reference,
                kind=kind,
            ) -> None:
                record_message(
                    council,
                    kind=kind,
                    message_id=msg["Message-ID"],
                    reference=reference,
                    address=invitee.address,
                    meeting_id=change.meeting.id,
                    person_id=invitee.person_id,
                    name=invitee.name,
                    sequence=change.sequence,
                    said=change.said,
                    status=status,
                    detail=detail,
                )

            found.append(Outgoing(msg, invitee.name, invitee.address, noted))
    return found


def send_calendar_changes(
    stores: Stores, *, meeting_id: int | None = None, dry_run: bool = False
) -> Outcome | None:
    """Updated REQUESTs for moved meetings and CANCELs for cancelled ones, to whoever had the
    invitation and has not had the change. None when another run is sending them now."""
    from udsat_cli import config
    from udsat_cli.core.mailings import calendar_changes

    what = "kalenderændringer"
    with stores.read() as council:  # the settings are needed only when something is owed
        if not calendar_changes(council, meeting_id=meeting_id):
            return Outcome(what)
        name = f"calendar-{council.id}"
    settings = config.smtp()
    if dry_run:
        with stores.read() as council:
            return _shown(
                _change_outgoing(council, meeting_id=meeting_id, sender=settings.sender), what
            )
    with one_run(stores.location, name) as mine:
        if not mine:
            return None
        with stores.read() as council:  # after taking the lock: what another run sent is out
            outgoing = _change_outgoing(council, meeting_id=meeting_id, sender=settings.sender)
        return deliver(
            settings,
            outgoing,
            stores=stores,
            what=what,
            again="udsat send-agenda eller udsat remind --send",
        )


@dataclass
class NoticeRun:
    notice: Notice | None  # None: another run is sending the notice now
    outcome: Outcome
    changes: Outcome | None = None


def notice_run(stores: Stores, *, meeting: str | None, again: bool, dry_run: bool) -> NoticeRun:
    """send-agenda: the agenda issued and sent to each who needs it (one run at a time), then
    what the members' calendars still lack of other meetings."""
    from contextlib import nullcontext

    from udsat_cli import config
    from udsat_cli.core.notices import plan_notice

    with stores.read() as council:
        name = f"send-agenda-{council.id}"
    with nullcontext(True) if dry_run else one_run(stores.location, name) as mine:
        if not mine:
            return NoticeRun(None, Outcome("indkaldelser"))
        with stores.read() if dry_run else stores.write() as council:  # sending issues it
            notice = plan_notice(council, meeting=meeting, again=again, issue=not dry_run)
            # Read inside the transaction: settings that are missing or wrong leave the agenda
            # as it was, not issued without anyone having it.
            settings = config.smtp() if notice.to_send else None
        outcome = send_notice(stores, notice, dry_run=dry_run, settings=settings)
        return NoticeRun(notice, outcome, send_calendar_changes(stores, dry_run=dry_run))


def hold_calendar_changes(stores: Stores, *, meeting_id: int) -> int:
    """``--no-mail``: the move or cancellation is not sent, now or with a later run."""
    from udsat_cli.core.mailings import hold_changes

    with stores.record() as council:
        return hold_changes(council, meeting_id=meeting_id)
