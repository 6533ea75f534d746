"""udsat inbox against a real IMAP server: Debian's Dovecot on 127.0.0.1 (.ci/dovecot starts it
and prints its URL; .ci/run sets UDSAT_TEST_IMAP_URL). Messages are put there with IMAP APPEND
as Outlook and Thunderbird make them: a calendar REPLY declining with a comment, an acceptance, a
reply to the notice saying afbud, a reply quoting the reminder. Each test has a mailbox (a user)
of its own. Without Dovecot installed the tests that need it are skipped, saying why; in CI
(CI set) they must run."""

from __future__ import annotations

import imaplib
import os
import shutil
import subprocess
import time
import uuid
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, Store, dump, ok, run
from tests.test_mail import AUG, SENDER, make_council, to
from tests.test_remind import Inbox, smtp  # noqa: F401  (the loopback SMTP server fixture)

NO_DOVECOT = (
    "IMAP tests skipped: Dovecot is not installed (apt-get install dovecot-imapd) and "
    "UDSAT_TEST_IMAP_URL is not set; .ci/run starts one with .ci/dovecot"
)
REMIND_DAY = ("--today", "2026-08-28")
_URL: list[str] = []


def _server_url() -> str | None:
    """The test IMAP server: the one .ci/run started, else one .ci/dovecot starts here."""
    if url := os.environ.get("UDSAT_TEST_IMAP_URL"):
        return url
    if not _URL and shutil.which("dovecot") and os.geteuid() == 0:
        found = subprocess.run(
            [str(ROOT / ".ci" / "dovecot")], capture_output=True, text=True, timeout=120
        )
        if found.returncode == 0 and found.stdout.startswith("imap://"):
            _URL.append(found.stdout.strip())
    return _URL[0] if _URL else None


class Mailbox:
    """One test's own mailbox on the server, reached as the test (not as udsat) reaches it."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 143
        self.password = parts.password or ""
        self.user = f"t{uuid.uuid4().hex[:12]}"

    def _session(self) -> imaplib.IMAP4:
        session = imaplib.IMAP4(self.host, self.port, timeout=30)
        session.login(self.user, self.password)
        return session

    def append(self, msg: EmailMessage | bytes, folder: str = "INBOX") -> None:
        raw = msg if isinstance(msg, bytes) else msg.as_bytes()
        session = self._session()
        try:
            status, _ = session.append(folder, None, imaplib.Time2Internaldate(time.time()), raw)
            assert status == "OK"
        finally:
            session.logout()

    def listing(self, folder: str = "INBOX") -> list[tuple[str, bool]]:
        """(subject, seen) of each message in the folder."""
        session = self._session()
        try:
            status, _ = session.select(f'"{folder}"', readonly=True)
            if status != "OK":
                return []
            _, data = session.uid("SEARCH", None, "ALL")
            found = []
            for uid in data[0].split():
                _, parts = session.uid("FETCH", uid, "(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
                flags = parts[0][0].decode()
                header = parts[0][1].decode().partition(":")[2]
                subject = str(make_header(decode_header(" ".join(header.split()))))
                found.append((subject, "\\Seen" in flags))
            return found
        finally:
            session.logout()

    def configure(self, config: Path, *, password: str = "env") -> None:
        """[imap] beside the [smtp] the smtp fixture wrote."""
        if password == "env":
            os.environ["UDSAT_TEST_IMAP_PASSWORD"] = self.password
            secret = 'password_env = "UDSAT_TEST_IMAP_PASSWORD"'
        else:
            path = config.with_name("imap.password")
            path.write_text(self.password + "\n")
            path.chmod(0o600)
            secret = f'password_file = "{path}"'
        text = config.read_text(encoding="utf-8") if config.exists() else ""
        config.write_text(
            text + f'\n[imap]\nhost = "{self.host}"\nport = {self.port}\nsecurity = "none"\n'
            f'user = "{self.user}"\n{secret}\n',
            encoding="utf-8",
        )


@pytest.fixture
def imap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = _server_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the IMAP tests: .ci/dovecot did not give a server")
        pytest.skip(NO_DOVECOT)
    monkeypatch.setenv("UDSAT_TEST_IMAP_PASSWORD", "")
    box = Mailbox(url)
    config = Path(os.environ.get("UDSAT_CONFIG") or tmp_path / "config.toml")
    monkeypatch.setenv("UDSAT_CONFIG", str(config))
    box.configure(config)
    return box


@pytest.fixture
def sent_out(isolated_store: Store, smtp) -> tuple[Store, Inbox]:  # noqa: F811
    """The council with a suppleant, its notice of the September meeting sent, and Jette
    reminded of the follow-up she owns."""
    inbox = smtp(Inbox())
    make_council()
    ok(*AUG, "member", "add", "Ulla Dam", "--email", "ulla@example.dk")
    ok(*AUG, "member", "add", "Lise Holm", "--role", "suppleant")
    ok(
        "--today",
        "2026-06-04",
        "add-action",
        "Invitere borgmesteren",
        "--owner",
        "Jette",
        "--due",
        "næste møde",
        "--meeting",
        "3. juni 2026",
    )
    ok(*AUG, "send-agenda")
    assert ok(*REMIND_DAY, "remind", "--send") == ""
    return isolated_store, inbox


def _uid(store: Store) -> str:
    return f"meeting-2-{store.query('SELECT id FROM store_identity')[0][0]}@udsat"


def outlook_reply(
    store: Store,
    *,
    who: str,
    name: str,
    partstat: str,
    comment: str | None,
    sender: str | None = None,
) -> EmailMessage:
    """A meeting response as Outlook (Exchange) sends it: text, HTML and text/calendar
    method=REPLY in multipart/alternative, the comment in COMMENT and in the text."""
    word = {"DECLINED": "Afvist", "ACCEPTED": "Accepteret", "TENTATIVE": "Foreløbigt"}[partstat]
    calendar = "\r\n".join(
        [
            "BEGIN:VCALENDAR",
            "METHOD:REPLY",
            "PRODID:Microsoft Exchange Server 2010",
            "VERSION:2.0",
            "BEGIN:VTIMEZONE",
            "TZID:Romance Standard Time",
            "BEGIN:STANDARD",
            "DTSTART:16010101T030000",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:16010101T020000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3",
            "END:DAYLIGHT",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            f"ATTENDEE;PARTSTAT={partstat};CN={name}:mailto:{who}",
            *([f"COMMENT;LANGUAGE=da-DK:{comment}\\n"] if comment else []),
            f"SUMMARY;LANGUAGE=da-DK:{word}: Møde i Ældrerådet",
            "DTSTART;TZID=Romance Standard Time:20260901T160000",
            "DTEND;TZID=Romance Standard Time:20260901T180000",
            f"UID:{_uid(store)}",
            "CLASS:PUBLIC",
            "PRIORITY:5",
            "DTSTAMP:20260821T080000Z",
            "TRANSP:OPAQUE",
            "STATUS:CONFIRMED",
            "SEQUENCE:0",
            "LOCATION;LANGUAGE=da-DK:Rådhuset",
            "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
            "X-MICROSOFT-CDO-REPLYTIME:20260821T080000Z",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
    )
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender or who}>"
    msg["To"] = f"Ældrerådet <{SENDER}>"
    msg["Subject"] = f"{word}: Møde i Ældrerådet"
    msg["Thread-Topic"] = "Møde i Ældrerådet"
    msg["Date"] = "Fri, 21 Aug 2026 10:00:00 +0200"
    msg["Message-ID"] = f"<DB9PR03MB{uuid.uuid4().hex[:10].upper()}@eurprd03.prod.outlook.com>"
    msg["Content-Language"] = "da-DK"
    msg.set_content(comment or "", charset="iso-8859-1", cte="quoted-printable")
    msg.add_alternative(f"<html><body><p>{comment or ''}</p></body></html>", subtype="html")
    msg.add_alternative(
        calendar.encode("utf-8"),
        maintype="text",
        subtype="calendar",
        cte="base64",
        params={"method": "REPLY", "charset": "utf-8"},
    )
    return msg


def thunderbird_reply(
    original: EmailMessage, *, sender: str, name: str, words: str, keep_reference: bool = True
) -> EmailMessage:
    """A reply as Thunderbird writes it: format=flowed text, the original quoted below a
    »Den … skrev …:« line, In-Reply-To and References naming it."""
    quoted = "\n".join(
        f"> {line}" if line else ">"
        for line in original.get_body(("plain",)).get_content().splitlines()
        if keep_reference or not line.startswith("Reference:")
    )
    msg = EmailMessage()
    msg["Message-ID"] = f"<{uuid.uuid4()}@example.dk>"
    msg["Date"] = "Fri, 28 Aug 2026 09:12:00 +0200"
    msg["MIME-Version"] = "1.0"
    msg["User-Agent"] = "Mozilla Thunderbird"
    msg["Subject"] = f"Re: {original['Subject']}"
    msg["Content-Language"] = "da"
    msg["To"] = f"Ældrerådet <{SENDER}>"
    if keep_reference:
        msg["References"] = original["Message-ID"]
        msg["In-Reply-To"] = original["Message-ID"]
    msg["From"] = f"{name} <{sender}>"
    msg.set_content(
        f"Hej\n\n{words}\n\nVenlig hilsen\n{name}\n\nDen 28-08-2026 kl. 07:30 skrev "
        f"Ældrerådet:\n{quoted}\n",
        charset="utf-8",
    )
    msg.replace_header("Content-Type", 'text/plain; charset="utf-8"; format=flowed')
    return msg


def newsletter() -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = "Nyhedsbrev <nyt@socialstyrelsen.example>"
    msg["To"] = SENDER
    msg["Subject"] = "Nyt fra Socialstyrelsen"
    msg["Message-ID"] = "<nyhed-2026-08@socialstyrelsen.example>"
    msg.set_content("Læs om de nye regler for bostøtte.")
    return msg


def test_a_declined_invitation_is_an_afbud_with_its_reason(sent_out, imap) -> None:
    store, _ = sent_out
    imap.append(
        outlook_reply(
            store,
            who="bo@example.dk",
            name="Bo Berg",
            partstat="DECLINED",
            comment="Jeg er på ferie i uge 36.",
        )
    )
    result = run(*AUG, "inbox")
    assert result.code == 0, result.stderr
    assert result.stdout == (
        "Afbud fra Bo Berg til mødet 1. september 2026: »Jeg er på ferie i "
        "uge 36.« (svar på invitationen).\n"
    )
    assert store.query(
        "SELECT p.full_name, a.status, a.reason FROM attendance a JOIN person p "
        "ON p.id = a.person_id WHERE a.meeting_id = 2"
    ) == [("Bo Berg", "absent", "Jeg er på ferie i uge 36.")]
    assert store.query("SELECT person_id, response FROM meeting_reply") == [(3, "declined")]
    assert imap.listing() == []  # moved, read
    assert imap.listing("udsat/behandlet") == [("Afvist: Møde i Ældrerådet", True)]
    assert "afbud fra Bo Berg" in ok("log")
    shown = ok(*AUG, "meeting", "show", "2")
    assert "Fremmøde\nAfbud: Bo Berg (Jeg er på ferie i uge 36.)\n" in shown
    before = dump(store)
    again = run(*AUG, "inbox")  # the second run: nothing new
    assert (again.code, again.stdout, again.stderr) == (0, "", "")
    assert dump(store) == before
    ok("undo")
    assert store.query("SELECT status FROM attendance WHERE meeting_id = 2") == []


def test_acceptances_and_afbud_warn_when_the_council_will_not_be_quorate(sent_out, imap) -> None:
    store, _ = sent_out
    ok("council", "set", "--quorum", "3")
    imap.append(
        outlook_reply(
            store, who="bo@example.dk", name="Bo Berg", partstat="DECLINED", comment="Syg"
        )
    )
    imap.append(
        outlook_reply(
            store, who="jette@example.dk", name="Jette Nyboe", partstat="ACCEPTED", comment=None
        )
    )
    imap.append(
        outlook_reply(
            store,
            who="ulla@example.dk",
            name="Ulla Dam",
            partstat="TENTATIVE",
            comment="Måske lidt forsinket",
        )
    )
    out = ok(*AUG, "inbox")
    assert "Jette Nyboe deltager i mødet 1. september 2026 (svar på invitationen)." in out
    assert "Ulla Dam deltager måske i mødet 1. september 2026: »Måske lidt forsinket«" in out
    shown = ok(*AUG, "meeting", "show", "2")
    assert (
        "Fremmøde\nAfbud: Bo Berg (Syg)\nDeltager: Jette Nyboe\nMåske: Ulla Dam\n"
        "OBS: Rådet bliver ikke beslutningsdygtigt: 1 medlem har meldt afbud, så kun 2 af 3 "
        "kommer, og der skal være mindst 3. Indkald en suppleant: Lise Holm.\n"
    ) in shown
    # Jette changes her mind by a plain reply to the notice: read as an afbud, to check.
    notice = next(m for m in sent_out[1].messages if to(m) == "jette@example.dk")
    imap.append(
        thunderbird_reply(
            notice,
            sender="jette@example.dk",
            name="Jette Nyboe",
            words="Jeg kan desværre ikke komme alligevel, da jeg er på kursus.",
        )
    )
    out = ok(*AUG, "inbox")
    assert out == (
        "Afbud fra Jette Nyboe til mødet 1. september 2026, læst af mailen »Re: "
        "Indkaldelse: Ældrerådet, møde 1. september 2026«: »på kursus«; ret det med "
        "udsat attendance eller fortryd med udsat undo.\n"
    )
    assert "Afbud: Jette Nyboe (på kursus) og Bo Berg (Syg)\n" in ok(*AUG, "meeting", "show", "2")


def test_an_owners_reply_to_the_reminder_sets_the_status(sent_out, imap) -> None:
    store, inbox = sent_out
    reminder = next(m for m in inbox.messages if m["Subject"].startswith("Ældrerådet: "))
    imap.append(
        thunderbird_reply(
            reminder,
            sender="jette@example.dk",
            name="Jette Nyboe",
            words="Det er gjort – borgmesteren kommer til mødet.",
        )
    )
    dry = ok(*REMIND_DAY, "inbox", "--dry-run")
    assert dry == (
        "Prøvekørsel – intet er noteret, og ingen mail er flyttet:\n"
        "Ville notere: Opgave #1 »Invitere borgmesteren« er udført (svar fra Jette "
        "Nyboe): »Det er gjort – borgmesteren kommer til mødet.«.\n"
    )
    assert imap.listing() == [(f"Re: {reminder['Subject']}", False)]
    assert store.query("SELECT status FROM action") == [("open",)]
    out = ok(*REMIND_DAY, "inbox")
    assert out == dry.splitlines()[1].removeprefix("Ville notere: ") + "\n"
    assert store.query("SELECT status FROM action") == [("done",)]
    assert store.query("SELECT kind, new, note FROM action_event WHERE kind = 'status'") == [
        ("status", "done", "Det er gjort – borgmesteren kommer til mødet.")
    ]
    assert imap.listing("udsat/behandlet") == [(f"Re: {reminder['Subject']}", True)]


def test_a_postponement_is_read_with_the_date_grammar(sent_out, imap) -> None:
    store, inbox = sent_out
    reminder = next(m for m in inbox.messages if m["Subject"].startswith("Ældrerådet: "))
    imap.append(
        thunderbird_reply(
            reminder,
            sender="jette@example.dk",
            name="Jette Nyboe",
            words="Jeg har udsat den til 1. oktober, fordi borgmesteren er på ferie.",
        )
    )
    ok(*REMIND_DAY, "inbox")
    assert store.query("SELECT status, due_date, due_text FROM action") == [
        ("postponed", "2026-10-01", "1. oktober")
    ]


def test_a_forged_sender_or_a_missing_reference_changes_nothing(sent_out, imap) -> None:
    store, inbox = sent_out
    reminder = next(m for m in inbox.messages if m["Subject"].startswith("Ældrerådet: "))
    imap.append(
        thunderbird_reply(
            reminder, sender="mallory@example.org", name="Jette Nyboe", words="Det er gjort."
        )
    )
    no_ref = thunderbird_reply(
        reminder,
        sender="jette@example.dk",
        name="Jette Nyboe",
        words="Det er gjort.",
        keep_reference=False,
    )
    no_ref.replace_header("Subject", "Opgaven med borgmesteren")
    imap.append(no_ref)
    imap.append(
        outlook_reply(
            store,
            who="bo@example.dk",
            name="Bo Berg",
            partstat="DECLINED",
            comment="Syg",
            sender="mallory@example.org",
        )
    )
    imap.append(newsletter())
    before = _without_inbox(dump(store))
    out = ok(*REMIND_DAY, "inbox")
    assert out == (
        "Ikke forstået – ligger ulæst til dig:\n"
        f"· »Re: {reminder['Subject']}« fra mallory@example.org: svaret kommer ikke fra "
        "jette@example.dk, som påmindelsen gik til\n"
        "· »Opgaven med borgmesteren« fra jette@example.dk: ikke et svar på noget, udsat har "
        "sendt (eller uden dets reference)\n"
        "· »Afvist: Møde i Ældrerådet« fra mallory@example.org: afsenderen er ikke den, der "
        "svarer i kalendersvaret\n"
        "· »Nyt fra Socialstyrelsen« fra nyt@socialstyrelsen.example: ikke et svar på noget, "
        "udsat har sendt (eller uden dets reference)\n"
    )
    assert store.query("SELECT status FROM action") == [("open",)]
    assert store.query("SELECT COUNT(*) FROM attendance")[0][0] == 0
    assert [seen for _, seen in imap.listing()] == [False] * 4  # all left unread
    assert imap.listing("udsat/behandlet") == []
    assert run(*REMIND_DAY, "inbox").stdout == ""  # listed once
    assert _without_inbox(dump(store)) == before  # only the note of what was read


def _without_inbox(rows: list) -> list:
    return [r for r in rows if "inbox_message" not in str(r[0] if isinstance(r, tuple) else r)]


def test_inbox_is_quiet_when_there_is_nothing(sent_out, imap) -> None:
    result = run(*AUG, "inbox")
    assert (result.code, result.stdout, result.stderr) == (0, "", "")


def test_a_password_file_and_a_refused_login(sent_out, imap, tmp_path: Path) -> None:
    config = Path(os.environ["UDSAT_CONFIG"])
    text = config.read_text(encoding="utf-8").split("\n[imap]")[0]
    config.write_text(text, encoding="utf-8")
    imap.configure(config, password="file")
    assert run(*AUG, "inbox").code == 0
    (config.with_name("imap.password")).write_text("forkert\n")
    refused = run(*AUG, "inbox")
    assert refused.code == 78
    assert refused.stderr == (
        f"Fejl: Mailserveren {imap.host}:{imap.port} afviste brugernavn eller adgangskode; ret "
        "[imap] user og password_env/password_file.\n"
    )
    config.with_name("imap.password").chmod(0o644)
    loose = run(*AUG, "inbox")
    assert loose.code == 78 and "kan læses af andre; gør den privat med: chmod 600" in loose.stderr


@pytest.mark.no_store
def test_an_unreachable_or_unconfigured_server_is_one_sentence(tmp_path: Path, monkeypatch) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe is closed
    config = tmp_path / "config.toml"
    monkeypatch.setenv("UDSAT_CONFIG", str(config))
    monkeypatch.setenv("UDSAT_IMAP_PW", "x")
    config.write_text('[smtp]\nhost = "x"\nsender = "a@b.dk"\n')
    missing = run("inbox")
    assert missing.code == 78
    assert missing.stderr == f"Fejl: Indstillingsfilen {config} mangler [imap] med host og user.\n"
    config.write_text(
        f'[imap]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
        'user = "u"\npassword_env = "UDSAT_IMAP_PW"\n'
    )
    down = run("inbox")
    assert down.code == 75
    assert down.stderr == (
        f"Fejl: Kan ikke hente post fra 127.0.0.1:{port} (serveren afviste "
        "forbindelsen); prøv igen senere, eller ret [imap] i "
        "indstillingerne.\n"
    )
    config.write_text('[imap]\nhost = "127.0.0.1"\nuser = "u"\n')
    assert run("inbox").stderr == "Fejl: [imap] mangler password_env eller password_file.\n"
