"""Reading the council's mailbox over IMAP (``udsat inbox``): the unread messages, each read by
``core.replies``, applied in a transaction of its own (so each is one change in the log, undone
on its own), and then marked read and moved to the done folder (``udsat/behandlet``). What is
not understood stays unread where it is and is listed once; the store remembers every message it
has read, so a second run changes nothing and says nothing. ``--dry-run`` opens the mailbox
read-only and writes nothing, anywhere.

What goes wrong with the server is one Danish sentence: exit 75 when it may work later (no
connection, a timeout), 78 when the settings are wrong (the login refused, no such mailbox).
"""

from __future__ import annotations

import imaplib
import re
import socket
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from udsat_cli.config import ConfigError
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.config import Imap
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.replies import Reading

TIMEOUT = 30


class FetchError(UdsatError):
    exit_code = 75  # EX_TEMPFAIL: nothing is lost, the next run reads it


def why(exc: BaseException) -> str:
    """What went wrong with the mail server, in Danish."""
    if isinstance(exc, ConnectionRefusedError):
        return "serveren afviste forbindelsen"
    if isinstance(exc, socket.timeout | TimeoutError):
        return "serveren svarede ikke i tide"
    if isinstance(exc, socket.gaierror):
        return "serverens navn kan ikke slås op"
    if isinstance(exc, ssl.SSLError):
        return "en sikker forbindelse kunne ikke oprettes"
    if isinstance(exc, imaplib.IMAP4.abort | ConnectionResetError | BrokenPipeError | EOFError):
        return "serveren lukkede forbindelsen"
    return "forbindelsen fejlede"


def _utf7(name: str) -> str:
    """A folder name as IMAP writes it (modified UTF-7, RFC 3501): »Behandlet/Æ« and all."""
    import base64

    out, run = [], []

    def close() -> None:
        if run:
            data = base64.b64encode("".join(run).encode("utf-16-be")).decode("ascii")
            out.append("&" + data.rstrip("=").replace("/", ",") + "-")
            run.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            close()
            out.append("&-" if char == "&" else char)
        else:
            run.append(char)
    close()
    return "".join(out)


def _quoted(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Mailbox:
    """One session on the server, the mailbox selected (read-only for a dry run)."""

    def __init__(self, settings: Imap, *, read_only: bool) -> None:
        self.settings = settings
        self.read_only = read_only
        where = f"{settings.host}:{settings.port}"
        try:
            if settings.security == "ssl":
                self.imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    settings.host,
                    settings.port,
                    timeout=TIMEOUT,
                    ssl_context=ssl.create_default_context(),
                )
            else:
                self.imap = imaplib.IMAP4(settings.host, settings.port, timeout=TIMEOUT)
                if settings.security == "starttls":
                    self.imap.starttls(ssl.create_default_context())
        except (OSError, imaplib.IMAP4.error, EOFError) as exc:
            raise FetchError(
                f"Kan ikke hente post fra {where} ({why(exc)}); prøv igen senere, "
                "eller ret [imap] i indstillingerne"
            ) from None
        try:
            self.imap.login(settings.user, settings.password)
        except imaplib.IMAP4.abort as exc:
            raise FetchError(
                f"Kan ikke hente post fra {where} ({why(exc)}); prøv igen senere"
            ) from None
        except imaplib.IMAP4.error:
            raise ConfigError(
                f"Mailserveren {where} afviste brugernavn eller adgangskode; ret "
                "[imap] user og password_env/password_file."
            ) from None
        status, _ = self.imap.select(_quoted(_utf7(settings.mailbox)), readonly=read_only)
        if status != "OK":
            raise ConfigError(
                f"Postkassen »{settings.mailbox}« findes ikke på {where}; ret [imap] mailbox."
            )
        self.capabilities = {c.upper() for c in self._capabilities()}

    def _capabilities(self) -> list[str]:
        status, data = self.imap.capability()  # asked again: the login may have added some
        return data[0].decode("ascii", "replace").split() if status == "OK" and data else []

    def unread(self) -> Iterator[tuple[bytes, bytes]]:
        """(uid, raw message) of each unread message, oldest first; reading marks none read."""
        status, data = self.imap.uid("SEARCH", None, "UNSEEN")
        if status != "OK" or not data or not data[0]:
            return
        for uid in data[0].split():
            status, parts = self.imap.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next((p[1] for p in parts or () if isinstance(p, tuple)), None)
            if status == "OK" and raw is not None:
                yield uid, raw

    def _folder(self) -> str:
        """The done folder in the server's own hierarchy, made when it is missing."""
        status, data = self.imap.list('""', '""')
        delimiter = "/"
        if status == "OK" and data and data[0]:
            m = re.search(rb'\) "(.)"', data[0] if isinstance(data[0], bytes) else b"")
            delimiter = m[1].decode() if m else "/"
        folder = _quoted(_utf7(self.settings.done_folder.replace("/", delimiter)))
        self.imap.create(folder)  # »already exists« is a NO, which is fine
        return folder

    def done(self, uids: list[bytes]) -> None:
        """Mark the messages read and move them to the done folder."""
        if not uids:
            return
        folder, which = self._folder(), b",".join(uids).decode("ascii")
        self.imap.uid("STORE", which, "+FLAGS", "(\\Seen)")
        if "MOVE" in self.capabilities:
            status, _ = self.imap.uid("MOVE", which, folder)
        else:
            status, _ = self.imap.uid("COPY", which, folder)
            if status == "OK":
                self.imap.uid("STORE", which, "+FLAGS", "(\\Deleted)")
                if "UIDPLUS" in self.capabilities:
                    self.imap.uid("EXPUNGE", which)
                else:
                    self.imap.expunge()
        if status != "OK":
            raise ConfigError(
                f"Mappen »{self.settings.done_folder}« kan ikke bruges på "
                "mailserveren; ret [imap] done_folder."
            )

    def close(self) -> None:
        try:
            if not self.read_only:
                self.imap.close()
            self.imap.logout()
        except (OSError, imaplib.IMAP4.error, EOFError):
            pass


@contextmanager
def opened(settings: Imap, *, read_only: bool) -> Iterator[Mailbox]:
    box = Mailbox(settings, read_only=read_only)
    where = f"{settings.host}:{settings.port}"
    try:
        yield box
    except (OSError, imaplib.IMAP4.abort, EOFError) as exc:
        raise FetchError(
            f"Forbindelsen til {where} fejlede undervejs ({why(exc)}); det "
            "læste er noteret, resten læses ved næste kørsel"
        ) from None
    finally:
        box.close()


class _DryRun(Exception):
    """Thrown inside a dry run's transaction so that nothing it wrote is kept."""


@dataclass
class InboxRun:
    applied: list[Reading] = field(default_factory=list)
    refused: list[Reading] = field(default_factory=list)  # understood, refused by the store
    unknown: list[Reading] = field(default_factory=list)  # left unread for the secretary
    dry_run: bool = False

    @property
    def empty(self) -> bool:
        return not (self.applied or self.refused or self.unknown)


def describe(reading: Reading) -> str:
    """The change in a few words, for the log: »afbud fra Bo Berg«."""
    if reading.kind == "status":
        return f"svar fra {reading.person} på påmindelse"
    word = {"declined": "afbud", "accepted": "tilsagn", "tentative": "måske"}[
        reading.response or "declined"
    ]
    return f"{word} fra {reading.person}"


def read_inbox(
    settings: Imap,
    *,
    read: Callable[[], AbstractContextManager[CouncilContext]],
    write: Callable[[str], AbstractContextManager[CouncilContext]],
    dry_run: bool,
) -> InboxRun:
    """Read the unread messages, apply what is understood, move it out of the way."""
    from udsat_cli.core.replies import apply, letter, remember, seen_before
    from udsat_cli.core.replies import read as read_letter

    run = InboxRun(dry_run=dry_run)
    with opened(settings, read_only=dry_run) as box:
        handled: list[bytes] = []
        for uid, raw in box.unread():
            found = letter(raw)
            with read() as council:
                before = seen_before(council, found.key)
                reading = read_letter(council, found) if before is None else None
            if reading is None:  # read by an earlier run: an applied one only needs moving
                if before == "applied":
                    handled.append(uid)
                continue
            if reading.kind != "unknown":
                try:  # one transaction per message: one change in the log, undone on its own
                    with write(f"udsat inbox – {describe(reading)}") as council:
                        apply(council, reading)
                        if reading.error is not None or dry_run:
                            raise _DryRun  # nothing of it is kept
                        remember(council, reading)
                except _DryRun:
                    pass
            if reading.understood:
                run.applied.append(reading)
                handled.append(uid)
                continue
            (run.refused if reading.error else run.unknown).append(reading)
            if not dry_run:  # listed once: the next run passes it by, unread
                with write("udsat inbox") as council:
                    remember(council, reading)
        if not dry_run:
            box.done(handled)
    return run
