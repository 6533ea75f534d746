"""udsat remind as cron runs it, and real e-mail to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import email
import json
import socket
import threading
from email.header import decode_header, make_header
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import Store, built_once, dump, ok, run

MAY = ("--today", "2019-05-20")


class Inbox:
    """An SMTP handler that keeps what it receives; it can drop the connection after N messages."""

    def __init__(
        self,
        drop_after: int | None = None,
        delay: float = 0,
        smtputf8: bool = True,
        hold: threading.Event | None = None,
    ) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.smtputf8 = smtputf8  # whether the server offers SMTPUTF8
        self.recipients: list[list[str]] = []  # each message's envelope: who it really went to
        self.drop_after = drop_after
        self.delay = delay  # a slow server
        self.hold = hold  # a server that stalls after the first message until the test says go

    async def handle_DATA(self, server, session, envelope):
        import asyncio

        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            server.transport.close()
            return "421 Forbindelsen lukkes"
        await asyncio.sleep(self.delay)
        for _ in range(6000):  # at most a minute, so a test that never says go still ends
            if self.hold is None or not self.messages or self.hold.is_set():
                break
            await asyncio.sleep(0.01)
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 OK"


@pytest.fixture
def smtp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    servers = []

    def start(inbox: Inbox) -> Inbox:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(
            inbox, hostname="127.0.0.1", port=port, enable_SMTPUTF8=inbox.smtputf8
        )
        controller.start()
        servers.append(controller)
        config = tmp_path / "config.toml"
        config.write_text(
            "[smtp]\n"
            'host = "127.0.0.1"\n'
            f"port = {port}\n"
            'security = "none"\n'
            'sender = "Udsatterådet Albertslund <udsat@albertslund.example>"\n',
            encoding="utf-8",
        )
        monkeypatch.setenv("UDSAT_CONFIG", str(config))
        return inbox

    yield start
    for controller in servers:
        controller.stop()


@pytest.fixture
def due(council: Store) -> Store:
    """Overdue and soon-due actions for owners with and without e-mail addresses."""
    return built_once("due", council, _due)


def _due() -> None:
    ok("member", "edit", "Søren", "--email", "soren@example.dk")
    ok("member", "edit", "Jette", "--email", "jette@example.dk")
    ok("member", "edit", "René", "--email", "rene@example.dk")
    april = ("--today", "2019-04-02")
    ok("meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Rådhuset")
    ok(
        *april,
        "add-action",
        "Lægge udkast til tekst i Facebookgruppen",
        "--owner",
        "Søren",
        "--due",
        "næste møde",
    )
    ok(
        *april,
        "add-action",
        "Tage kontakt til AP",
        "--owner",
        "Jette",
        "--owner",
        "Søren",
        "--due",
        "15. maj 2019",
    )
    ok(*april, "add-action", "Formulere dagsorden til SUS", "--owner", "Nina", "--due", "22/5-2019")
    ok(*april, "add-action", "Samle viden om morgenmad", "--owner", "René", "--due", "1/9-2019")
    ok(*april, "event", "add", "21. maj 2019", "Borgermøde om ældrepolitik", "--attendee", "Jette")


def test_nothing_due_prints_nothing(due: Store) -> None:
    result = run("--today", "2019-04-03", "remind")
    assert (result.code, result.stdout, result.stderr) == (0, "", "")


def test_listing_then_no_repeat_the_same_day(due: Store) -> None:
    first = ok(*MAY, "remind")
    assert first == (
        "Jette Nyboe <jette@example.dk>\n"
        "  Overskredet:\n"
        "  · #2 Tage kontakt til AP\n"
        "    Frist: 15. maj 2019 (overskredet) · fra mødet 1. april 2019\n"
        "\n"
        "  Arrangementer, du deltager i:\n"
        "  · 21. maj – Borgermøde om ældrepolitik, her deltager Jette Nyboe\n"
        "\n"
        "Nina Gustavsen (ingen e-mailadresse)\n"
        "  Frist inden for 7 dage:\n"
        "  · #3 Formulere dagsorden til SUS\n"
        "    Frist: 22. maj 2019 · fra mødet 1. april 2019\n"
        "\n"
        "René Meyrowitsch <rene@example.dk>\n"
        "  Til opfølgning på mødet 23. maj 2019:\n"
        "  · #4 Samle viden om morgenmad\n"
        "    Frist: 1. september 2019 · fra mødet 1. april 2019\n"
        "\n"
        "Søren Mogensen <soren@example.dk>\n"
        "  Overskredet:\n"
        "  · #2 Tage kontakt til AP\n"
        "    Frist: 15. maj 2019 (overskredet) · fra mødet 1. april 2019\n"
        "\n"
        "  Frist inden for 7 dage:\n"
        "  · #1 Lægge udkast til tekst i Facebookgruppen\n"
        "    Frist: næste møde (23. maj 2019) · fra mødet 1. april 2019\n"
        "\n"
        "Næste møde: torsdag d. 23. maj 2019 kl. 16.00–18.00 · Rådhuset\n"
    )
    assert ok(*MAY, "remind") == ""  # hourly cron: not again the same day
    assert ok(*MAY, "remind", "--again") == first
    assert ok("--today", "2019-05-21", "remind").startswith("Jette Nyboe")  # a new day


def test_json_and_dry_run_record_nothing(due: Store) -> None:
    before = dump(due)
    report = json.loads(ok(*MAY, "remind", "--format", "json", "--dry-run", "--days", "2"))
    assert dump(due) == before
    assert set(report) == {"today", "owners", "meeting"}
    assert report["today"] == "2019-05-20" and report["meeting"] is None
    assert [(o["name"], o["email"]) for o in report["owners"]] == [
        ("Jette Nyboe", "jette@example.dk"),
        ("Nina Gustavsen", None),
        ("Søren Mogensen", "soren@example.dk"),
    ]
    soren = report["owners"][2]
    assert set(soren) == {
        "name",
        "email",
        "overdue",
        "due_soon",
        "resumed",
        "for_meeting",
        "events",
        "hearings",
        "duties",
    }
    assert [a["id"] for a in soren["overdue"]] == [2] and soren["due_soon"] == []
    only = json.loads(ok(*MAY, "remind", "--format", "json", "--owner", "Nina", "--dry-run"))
    assert [o["name"] for o in only["owners"]] == ["Nina Gustavsen"]


def test_send_one_digest_per_owner(due: Store, smtp) -> None:
    inbox = smtp(Inbox())
    result = run(*MAY, "remind", "--send")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(
        "Uden e-mailadresse – giv dem besked på anden vis:\nNina Gustavsen"
    )
    assert len(inbox.messages) == 3
    by_to = {str(make_header(decode_header(m["To"]))): m for m in inbox.messages}
    assert set(by_to) == {
        "Jette Nyboe <jette@example.dk>",
        "René Meyrowitsch <rene@example.dk>",
        "Søren Mogensen <soren@example.dk>",
    }
    soren = by_to["Søren Mogensen <soren@example.dk>"]
    assert soren["From"] == "Udsatterådet Albertslund <udsat@albertslund.example>"
    assert soren["Subject"] == (
        "Udsatterådet Albertslund: 1 overskreden opgave og 1 opgave med frist inden for 7 dage"
    )
    rene = by_to["René Meyrowitsch <rene@example.dk>"]
    assert rene["Subject"] == "Udsatterådet Albertslund: 1 opgave til mødet 23. maj 2019"
    assert soren["Date"] and soren["Message-ID"].endswith("@albertslund.example>")
    assert soren.get_content_charset() == "utf-8"
    body = soren.get_content().replace("\r\n", "\n")
    assert body.startswith(
        "Kære Søren Mogensen\n\nHer er en påmindelse fra Udsatterådet Albertslund: 1 overskreden "
        "opgave og 1 opgave med frist inden for 7 dage.\n"
    )
    assert (
        "· #2 Tage kontakt til AP\n  Frist: 15. maj 2019 (overskredet) · fra mødet 1. april 2019"
        in body
    )
    assert (
        "· #1 Lægge udkast til tekst i Facebookgruppen\n  Frist: næste møde (23. maj 2019)" in body
    )
    assert "Næste møde: torsdag d. 23. maj 2019 kl. 16.00–18.00 · Rådhuset" in body
    assert ok(*MAY, "remind", "--send") == ""  # already sent today
    assert len(inbox.messages) == 3


def test_a_dropped_connection_sends_the_rest_next_run(due: Store, smtp) -> None:
    ok("member", "edit", "Nina", "--email", "nina@example.dk")
    inbox = smtp(Inbox(drop_after=1))
    result = run(*MAY, "remind", "--send")
    assert result.code == 75
    assert result.stderr.startswith("Fejl: Sendte 1 af 4 påmindelser, så fejlede forbindelsen til")
    assert result.stderr.rstrip().endswith("kør udsat remind --send igen for at sende resten.")
    assert len(inbox.messages) == 1
    first = str(make_header(decode_header(inbox.messages[0]["To"])))
    inbox.drop_after = None
    assert run(*MAY, "remind", "--send").code == 0
    rest = [str(make_header(decode_header(m["To"]))) for m in inbox.messages[1:]]
    assert len(rest) == 3 and first not in rest


def test_send_needs_settings_and_never_shows_a_password(
    due: Store, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("UDSAT_CONFIG", str(tmp_path / "findes-ikke.toml"))
    result = run(*MAY, "remind", "--send")
    assert result.code == 78 and "Der er ingen indstillingsfil" in result.stderr
    config = tmp_path / "udsat.toml"
    config.write_text('[smtp]\nhost = "x"\nsender = "a@b.dk"\npassword = "hemmelig"\n')
    monkeypatch.setenv("UDSAT_CONFIG", str(config))
    result = run(*MAY, "remind", "--send")
    assert result.stderr == (
        "Fejl: Skriv ikke adgangskoden i filen; brug password_env med en miljøvariabel "
        "(eller password_file med en fil).\n"
    )
    assert "hemmelig" not in result.stdout + result.stderr
    config.write_text('[smtp]\nhost = "x"\nsender = "a@b.dk"\npassword_env = "UDSAT_PW"\n')
    monkeypatch.delenv("UDSAT_PW", raising=False)
    assert run(*MAY, "remind", "--send").stderr == (
        "Fejl: Miljøvariablen UDSAT_PW (password_env) er ikke sat.\n"
    )


def test_dry_run_send_shows_the_messages(due: Store, smtp) -> None:
    inbox = smtp(Inbox())
    before = dump(due)
    out = ok(*MAY, "remind", "--send", "--dry-run")
    assert "To: Søren Mogensen <soren@example.dk>" in out
    assert (
        "Subject: Udsatterådet Albertslund: 1 overskreden opgave og 1 opgave med frist inden for "
        "7 dage"
    ) in out.replace("\n ", " ")  # a long header is folded
    assert inbox.messages == [] and dump(due) == before


@pytest.mark.sqlite_only  # PostgreSQL's writers queue on a lock: tests/test_proofs.py
def test_a_busy_store_is_waited_for(due: Store) -> None:
    import sqlite3
    import threading
    import time

    writer = sqlite3.connect(due.path, check_same_thread=False, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    release = threading.Timer(1.0, lambda: writer.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    result = run(*MAY, "remind")
    release.join()
    writer.close()
    assert result.code == 0 and result.stdout.startswith("Jette Nyboe"), result.stderr
    assert time.monotonic() - started >= 0.9
    assert ok(*MAY, "remind") == ""  # and it recorded what it printed
