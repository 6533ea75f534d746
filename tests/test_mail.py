"""The council's mail as Outlook, Google and Thunderbird read it: invitations by RFC 5545/5546/6047
(parsed back with icalendar, field by field), the updated REQUEST and the CANCEL a move and a
cancellation send, addresses with æøå in the domain, a recipient the server refuses, and the
headers that keep out-of-office replies away. A real SMTP server on 127.0.0.1 (aiosmtpd) takes
the mail; one invitation and one cancellation are kept in test-artifacts/ to open by hand."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.conftest import ROOT, Store, ok, run
from tests.test_remind import Inbox, smtp  # noqa: F401  (the loopback SMTP server fixture)

AUG = ("--today", "2026-08-20")
ARTIFACTS = Path(os.environ.get("UDSAT_ARTIFACTS", ROOT / "test-artifacts"))
SENDER = "udsat@albertslund.example"


class Refusing(Inbox):
    """A server that refuses some recipients at RCPT, with the answer given per address."""

    def __init__(self, refuse: dict[str, str]) -> None:
        super().__init__(smtputf8=False)
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


def make_council(*, today: tuple[str, str] = AUG) -> None:
    ok(*today, "init", "--council", "Ældrerådet")
    ok(*today, "member", "add", "Jette Nyboe", "--role", "formand", "--email", "jette@example.dk")
    ok(*today, "member", "add", "Karen Holm", "--role", "sekretær", "--email", "karen@example.dk")
    ok(*today, "member", "add", "Bo Berg", "--email", "bo@example.dk")
    ok(*today, "meeting", "add", "3. juni 2026 kl. 16-18")
    ok(*today, "meeting", "add", "1. september 2026 kl. 16-18", "--place", "Rådhuset")
    ok(*today, "meeting", "add", "1. december 2026 kl. 16-18", "--place", "Rådhuset")


@pytest.fixture
def aeldreraad(isolated_store: Store) -> Store:
    make_council()
    # A follow-up from the June meeting: the notice's point 2 lists it, without its number.
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
    return isolated_store


def store_id(store: Store) -> str:
    return store.query("SELECT id FROM store_identity")[0][0]


def calendar_of(msg: EmailMessage):
    from icalendar import Calendar

    part = next(p for p in msg.walk() if p.get_content_type() == "text/calendar")
    return part, Calendar.from_ical(part.get_content())


def keep(name: str, data: bytes) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(data)


def to(msg: EmailMessage) -> str:
    return msg["To"].addresses[0].addr_spec


def test_the_notice_is_a_meeting_request_outlook_reads(aeldreraad: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(Inbox())
    sent = run(*AUG, "send-agenda")
    assert sent.code == 0, sent.stderr
    bo = next(m for m in inbox.messages if to(m) == "bo@example.dk")
    keep("invitation.eml", bo.as_bytes())
    # The structure: the text and the calendar side by side, the documents after.
    assert bo.get_content_type() == "multipart/mixed"
    alternative, *attached = bo.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == [
        "text/plain",
        "text/calendar",
    ]
    part, cal = calendar_of(bo)
    assert part.get_param("method") == "REQUEST" and part.get_content_charset() == "utf-8"
    assert [(p.get_content_type(), p.get_filename()) for p in attached] == [
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "dagsorden-2026-09-01.docx",
        ),
        ("application/ics", "invitation.ics"),
    ]
    assert attached[-1].get_content() == part.get_content().encode("utf-8")
    keep("invitation.ics", attached[-1].get_content())
    # The headers: a program sent it, in the council's own domain, kept per message.
    assert bo["Auto-Submitted"] == "auto-generated"
    assert "OOF" in bo["X-Auto-Response-Suppress"]
    assert bo["Content-Class"] == "urn:content-classes:calendarmessage"
    assert bo["Message-ID"].endswith("@albertslund.example>")
    kept = aeldreraad.query(
        "SELECT kind, address, message_id, status, sequence, meeting_id FROM mail_message "
        "ORDER BY id"
    )
    assert [(k, a, s, q, m) for k, a, _, s, q, m in kept] == [
        ("notice", a, "sent", 0, 2)
        for a in ("jette@example.dk", "bo@example.dk", "karen@example.dk")
    ]
    assert {mid for _, _, mid, *_ in kept} == {m["Message-ID"] for m in inbox.messages}
    # The invitation, field by field.
    assert str(cal["method"]) == "REQUEST" and str(cal["version"]) == "2.0"
    (event,) = cal.walk("VEVENT")
    assert str(event["uid"]) == f"meeting-2-{store_id(aeldreraad)}@udsat"
    assert int(event["sequence"]) == 0
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["summary"]) == "Møde i Ældrerådet"
    assert str(event["location"]) == "Rådhuset"
    organizer = event["organizer"]
    assert str(organizer) == f"mailto:{SENDER}" and organizer.params["CN"] == "Ældrerådet"
    attendee = event["attendee"]  # one: the recipient; no member sees another's address
    assert str(attendee) == "mailto:bo@example.dk"
    assert {k: attendee.params[k] for k in ("CN", "RSVP", "PARTSTAT", "ROLE")} == {
        "CN": "Bo Berg",
        "RSVP": "TRUE",
        "PARTSTAT": "NEEDS-ACTION",
        "ROLE": "REQ-PARTICIPANT",
    }
    # The time zone: yearly rules, no list of dates, and the summer meeting at 14.00 UTC.
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Copenhagen"
    assert event["dtstart"].params["TZID"] == "Europe/Copenhagen"
    rules = {p.name: p for p in zone.subcomponents}
    assert set(rules) == {"DAYLIGHT", "STANDARD"}
    for rule in rules.values():
        assert "RRULE" in rule and "RDATE" not in rule
        assert rule["rrule"]["FREQ"] == ["YEARLY"] and rule["rrule"]["BYDAY"] == ["-1SU"]
    assert rules["DAYLIGHT"]["rrule"]["BYMONTH"] == [3]
    assert rules["STANDARD"]["rrule"]["BYMONTH"] == [10]
    by_rules = zone.to_tz(lookup_tzid=False)  # the zone as the VTIMEZONE itself defines it
    local = event.decoded("dtstart").replace(tzinfo=None)
    assert local == datetime(2026, 9, 1, 16, 0)
    assert local.replace(tzinfo=by_rules).astimezone(UTC) == datetime(2026, 9, 1, 14, 0, tzinfo=UTC)
    winter = datetime(2026, 12, 1, 16, 0).replace(tzinfo=by_rules).astimezone(UTC)
    assert winter.hour == 15
    # The body: the follow-up without its number, and the reference a reply carries.
    body = alternative.get_body(("plain",)).get_content()
    assert "Invitere borgmesteren" in body and "[#" not in body and "#1" not in body
    reference = aeldreraad.query(
        "SELECT reference FROM mail_message WHERE address = 'bo@example.dk'"
    )[0][0]
    assert f"Reference: {reference}" in body and len(reference) == 20


def test_two_stores_give_different_uids(aeldreraad: Store, new_store, smtp) -> None:  # noqa: F811
    from icalendar import Calendar

    inbox = smtp(Inbox())
    other = new_store("naboraadet")
    with pytest.MonkeyPatch.context() as env:  # the neighbour's store, the same council again
        env.setenv("UDSAT_DB", str(other.path)) if other.path else env.setenv(
            "UDSAT_DATABASE_URL", other.url
        )
        make_council()
        ok(*AUG, "send-agenda")
        theirs = Calendar.from_ical(ok(*AUG, "calendar"))
    ok(*AUG, "send-agenda")
    uids = {str(calendar_of(m)[1].walk("VEVENT")[0]["uid"]) for m in inbox.messages}
    assert len(uids) == 2  # meeting 2 of each store: two events, not one
    ours = Calendar.from_ical(ok(*AUG, "calendar"))
    feed = {str(e["uid"]) for e in ours.walk("VEVENT")}
    assert f"meeting-2-{store_id(aeldreraad)}@udsat" in feed & uids  # the feed names it alike
    assert not feed & {str(e["uid"]) for e in theirs.walk("VEVENT")}
    assert ours.walk("VTIMEZONE")[0]["tzid"] == "Europe/Copenhagen"
    assert all("RRULE" in p for p in ours.walk("VTIMEZONE")[0].subcomponents)


def test_a_move_sends_an_updated_request_and_a_cancel_a_cancel(aeldreraad: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(Inbox())
    ok(*AUG, "send-agenda")
    uid = f"meeting-2-{store_id(aeldreraad)}@udsat"
    moved = ok(*AUG, "meeting", "move", "1. september 2026", "2. september 2026 kl. 17-19")
    assert moved == (
        "Flyttede mødet fra 1. september 2026 til onsdag d. 2. september 2026 kl. 17.00–19.00.\n"
        "Kalenderændringen er sendt til 3 modtagere: Jette Nyboe, Bo Berg og Karen Holm.\n"
    )
    updates = inbox.messages[3:]
    assert [to(m) for m in updates] == ["jette@example.dk", "bo@example.dk", "karen@example.dk"]
    update = updates[1]
    assert update["Subject"] == "Flyttet: Ældrerådet, møde nu 2. september 2026"
    assert update["Auto-Submitted"] == "auto-generated"
    assert "Ny tid: onsdag d. 2. september 2026 kl. 17.00–19.00" in (
        update.get_body(("plain",)).get_content()
    )
    part, cal = calendar_of(update)
    (event,) = cal.walk("VEVENT")
    assert (part.get_param("method"), str(cal["method"])) == ("REQUEST", "REQUEST")
    assert str(event["uid"]) == uid and int(event["sequence"]) == 1
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime(2026, 9, 2, 17, 0)
    assert event["attendee"].params["RSVP"] == "TRUE"
    assert ok(*AUG, "send-agenda", "--dry-run").count("Subject: ") == 3  # the notice: changed

    cancelled = ok(*AUG, "meeting", "cancel", "2. september 2026")
    assert cancelled.endswith(
        "Kalenderændringen er sendt til 3 modtagere: Jette Nyboe, Bo Berg og Karen Holm.\n"
    )
    cancel = [m for m in inbox.messages[6:] if to(m) == "bo@example.dk"][0]
    keep("cancellation.eml", cancel.as_bytes())
    assert cancel["Subject"] == "Aflyst: Ældrerådet, møde 2. september 2026"
    part, cal = calendar_of(cancel)
    (event,) = cal.walk("VEVENT")
    assert (part.get_param("method"), str(cal["method"])) == ("CANCEL", "CANCEL")
    assert str(event["uid"]) == uid and int(event["sequence"]) == 2
    assert str(event["status"]) == "CANCELLED"
    assert str(event["attendee"]) == "mailto:bo@example.dk"
    keep("cancellation.ics", part.get_content().encode("utf-8"))
    assert aeldreraad.query(
        "SELECT kind, sequence, COUNT(*) FROM mail_message GROUP BY kind, sequence ORDER BY 2"
    ) == [("notice", 0, 3), ("update", 1, 3), ("cancel", 2, 3)]
    before = len(inbox.messages)
    quiet = run(*AUG, "remind", "--send")  # nothing is owed any more
    assert (quiet.code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert len(inbox.messages) == before


def test_no_mail_holds_the_change_back(aeldreraad: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(Inbox())
    ok(*AUG, "send-agenda")
    held = run(*AUG, "meeting", "move", "2", "8. september 2026", "--no-mail")
    assert held.code == 0 and len(inbox.messages) == 3
    assert held.stderr == (
        "Kalenderændringen er ikke sendt (--no-mail); 3 modtagere har stadig "
        "invitationen, som den var.\n"
    )
    assert run(*AUG, "remind", "--send").stdout == ""
    assert len(inbox.messages) == 3
    assert run(*AUG, "meeting", "move", "3", "2. december 2026").stderr == ""  # never sent


def test_a_change_that_could_not_go_out_goes_with_the_next_run(aeldreraad: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(Inbox())
    ok(*AUG, "send-agenda")
    inbox.drop_after = 4  # the server goes away after the first update
    failed = run(*AUG, "meeting", "cancel", "1. september 2026")
    assert failed.code == 75
    assert failed.stdout == "Aflyste mødet tirsdag d. 1. september 2026.\n"  # it is cancelled
    assert failed.stderr.startswith("Fejl: Sendte 1 af 3 kalenderændringer, så fejlede")
    assert "kør udsat send-agenda eller udsat remind --send igen" in failed.stderr
    inbox.drop_after = None
    rest = run(*AUG, "remind", "--send")
    assert rest.code == 0, rest.stderr
    assert rest.stdout == "Kalenderændringen er sendt til 2 modtagere: Bo Berg og Karen Holm.\n"
    cancels = [to(m) for m in inbox.messages if "Aflyst" in m["Subject"]]
    assert cancels == ["jette@example.dk", "bo@example.dk", "karen@example.dk"]
    assert run(*AUG, "send-agenda", "1. december 2026").stdout.count("Kalenderændringen") == 0


def test_an_address_with_aeoa_in_its_domain_reaches_a_server_without_smtputf8(
    aeldreraad: Store,
    smtp,  # noqa: F811
) -> None:
    import smtplib

    inbox = smtp(Inbox(smtputf8=False))
    ok(*AUG, "member", "add", "Jens Kofoed", "--email", "jens@kø.dk")
    port = int(
        next(
            line
            for line in Path(os.environ["UDSAT_CONFIG"]).read_text().splitlines()
            if line.startswith("port")
        ).split("=")[1]
    )
    with smtplib.SMTP("127.0.0.1", port) as probe:
        probe.ehlo()
        assert not probe.has_extn("smtputf8")
    sent = run(*AUG, "send-agenda")
    assert sent.code == 0, sent.stderr
    assert "Jens Kofoed" in sent.stdout
    jens = [
        m
        for m, r in zip(inbox.messages, inbox.recipients, strict=True)
        if r == ["jens@xn--k-5ga.dk"]
    ]
    assert len(jens) == 1 and to(jens[0]) == "jens@xn--k-5ga.dk"
    _, cal = calendar_of(jens[0])
    assert str(cal.walk("VEVENT")[0]["attendee"]) == "mailto:jens@xn--k-5ga.dk"
    assert aeldreraad.query("SELECT address FROM agenda_notice WHERE name = 'Jens Kofoed'") == [
        ("jens@kø.dk",)
    ]


def test_one_refused_recipient_leaves_the_others_sent_and_recorded(aeldreraad: Store, smtp) -> None:  # noqa: F811
    inbox = smtp(
        Refusing(
            {
                "bo@example.dk": "550 5.1.1 Ukendt modtager",
                "karen@example.dk": "450 4.2.2 Postkassen er fuld",
            }
        )
    )
    sent = run(*AUG, "send-agenda")
    assert sent.code == 75
    assert sent.stdout == "Indkaldelsen er sendt til 1 modtager: Jette Nyboe.\n"
    assert sent.stderr == (
        "Mailserveren afviste Bo Berg <bo@example.dk> (550 5.1.1 Ukendt modtager); ret adressen "
        "med udsat member edit.\n"
        "Mailserveren afviste Karen Holm <karen@example.dk> (450 4.2.2 Postkassen er fuld); "
        "prøves igen ved næste kørsel.\n"
        "Fejl: Mailserveren tog ikke imod 1 modtager lige nu; kør udsat send-agenda igen senere "
        "for at sende til dem.\n"
    )
    assert [to(m) for m in inbox.messages] == ["jette@example.dk"]
    assert aeldreraad.query("SELECT address, status, detail FROM mail_message ORDER BY id") == [
        ("jette@example.dk", "sent", None),
        ("bo@example.dk", "refused", "550 5.1.1 Ukendt modtager"),
        ("karen@example.dk", "deferred", "450 4.2.2 Postkassen er fuld"),
    ]
    assert aeldreraad.query("SELECT address FROM agenda_notice") == [("jette@example.dk",)]
    inbox.refuse = {}
    again = run(*AUG, "send-agenda")
    assert again.code == 0, again.stderr
    assert again.stdout == "Indkaldelsen er sendt til 2 modtagere: Bo Berg og Karen Holm.\n"


def test_reminders_say_a_program_sent_them_and_carry_their_reference(
    aeldreraad: Store,
    smtp,  # noqa: F811
) -> None:
    inbox = smtp(Inbox())
    sent = run("--today", "2026-08-28", "remind", "--send")
    assert sent.code == 0, sent.stderr
    (jette,) = inbox.messages
    assert jette["Auto-Submitted"] == "auto-generated"
    ((reference, message_id, actions),) = aeldreraad.query(
        "SELECT reference, message_id, actions FROM mail_message WHERE kind = 'reminder'"
    )
    assert jette["Message-ID"] == message_id == f"<udsat.{reference}@albertslund.example>"
    assert actions == "[1]"
    body = jette.get_content()
    assert f"Reference: {reference}" in body and "»udført«, »i gang« eller »udsat til …«" in body
