"""The council's duties: consultations with their deadlines, the notice of meeting sent by mail,
and the annual report, each through the command line as a secretary uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DEMO_TODAY, Store, demo_council, dump, ok, run
from tests.test_remind import Inbox, smtp  # noqa: F401  (the loopback SMTP server fixture)

AUG = ("--today", "2026-08-20")


@pytest.fixture
def aeldreraad(isolated_store: Store) -> Store:
    ok(*AUG, "init", "--council", "Ældrerådet")
    ok(*AUG, "member", "add", "Jette Nyboe", "--role", "formand", "--email", "jette@example.dk")
    ok(*AUG, "member", "add", "Karen Holm", "--role", "sekretær", "--email", "karen@example.dk")
    ok(*AUG, "member", "add", "Bo Berg", "--email", "bo@example.dk")
    ok(*AUG, "member", "add", "Ulla Dam")  # no address: told to the secretary
    ok(*AUG, "meeting", "add", "1. september 2026 kl. 16-18", "--place", "Rådhuset")
    ok(*AUG, "meeting", "add", "20. oktober 2026 kl. 16-18", "--place", "Rådhuset")
    return isolated_store


def test_a_consultation_with_no_meeting_before_its_deadline_warns(aeldreraad: Store) -> None:
    fine = run(
        *AUG,
        "hearing",
        "add",
        "Budget 2027",
        "--from",
        "Sundheds- og Socialudvalget",
        "--deadline",
        "16. september kl. 9",
    )
    assert (fine.code, fine.stdout, fine.stderr) == (0, "Tilføjede høring #1.\n", "")
    # After the September meeting, the next is in October: too late for 25 September.
    late = run(
        "--today",
        "2026-09-02",
        "hearing",
        "add",
        "Lukning af dagcenter",
        "--from",
        "Ældreudvalget",
        "--deadline",
        "25. september",
    )
    assert late.code == 0
    assert late.stderr == (
        "Intet møde i Ældrerådet ligger før fristen 25. september 2026: svaret må blive en "
        "formandsbeslutning (udsat hearing edit 2 --answer formand).\n"
    )
    chair = run(
        "--today",
        "2026-09-02",
        "hearing",
        "add",
        "Åbningstider",
        "--from",
        "Borgerservice",
        "--deadline",
        "25. september",
        "--answer",
        "formand",
    )
    assert chair.stderr == ""
    listed = json.loads(ok("--today", "2026-09-02", "hearing", "list", "--json"))
    assert [(h["id"], h["deadline"], h["deadline_time"], h["needs_chair"]) for h in listed] == [
        (1, "2026-09-16", "09:00", True),
        (2, "2026-09-25", None, True),
        (3, "2026-09-25", None, False),
    ]
    assert aeldreraad.query("SELECT status, answer_by FROM hearing ORDER BY id") == [
        ("received", "meeting"),
        ("received", "meeting"),
        ("received", "chair"),
    ]


def test_bad_consultations_are_refused_in_danish(aeldreraad: Store) -> None:
    bad = run(*AUG, "hearing", "add", "X", "--from", "Y", "--deadline", "31. februar")
    assert (bad.code, bad.stderr) == (2, "Fejl: »31. februar« er ikke en gyldig dato.\n")
    missing = run(*AUG, "hearing", "answer", "9", "--text", "Svar")
    assert missing.code == 3 and "Høring #9 findes ikke" in missing.stderr
    assert aeldreraad.query("SELECT COUNT(*) FROM hearing") == [(0,)]


def test_one_consultation_to_several_councils_is_answered_by_each(aeldreraad: Store) -> None:
    ok(*AUG, "init", "--council", "Handicaprådet")
    ok(
        *AUG,
        "--council",
        "Ældrerådet",
        "hearing",
        "add",
        "Budget 2027",
        "--from",
        "Udvalget",
        "--deadline",
        "16. september",
        "--also-to",
        "Handicaprådet",
    )
    ok(*AUG, "--council", "Ældrerådet", "hearing", "answer", "1", "--text", "Vi anbefaler.")
    other = json.loads(ok(*AUG, "--council", "Handicaprådet", "hearing", "list", "--json"))
    assert [(h["title"], h["status"], h["also_to"]) for h in other] == [
        ("Budget 2027", "received", ["Ældrerådet"])
    ]
    assert aeldreraad.query("SELECT council_id, status FROM hearing ORDER BY council_id") == [
        (1, "answered"),
        (2, "received"),
    ]


def test_reminders_and_agenda_take_up_consultations_and_standing_order(aeldreraad: Store) -> None:
    ok(*AUG, "council", "set", "--proposals-days", "12", "--agenda-days", "8")
    ok(
        *AUG,
        "hearing",
        "add",
        "Kvalitetsstandard",
        "--from",
        "Ældreudvalget",
        "--deadline",
        "10. september",
    )
    reminded = ok("--today", "2026-08-20", "remind", "--days", "21")
    assert reminded == (
        "Jette Nyboe <jette@example.dk>\n"
        "  Høringer med frist inden for 21 dage:\n"
        "  · #1 Kvalitetsstandard (fra Ældreudvalget, frist 10. september 2026)\n"
        "    Besvares på mødet 1. september 2026\n"
        "\n"
        "Karen Holm <karen@example.dk>\n"
        "  Høringer med frist inden for 21 dage:\n"
        "  · #1 Kvalitetsstandard (fra Ældreudvalget, frist 10. september 2026)\n"
        "    Besvares på mødet 1. september 2026\n"
        "\n"
        "  Forretningsordenens frister:\n"
        "  · Forslag til dagsordenen skal være inde 20. august 2026 (mødet 1. september 2026)\n"
        "  · Dagsordenen skal sendes ud 24. august 2026 (mødet 1. september 2026)\n"
        "\n"
        "Næste møde: tirsdag d. 1. september 2026 kl. 16.00–18.00 · Rådhuset\n"
    )
    assert run("--today", "2026-08-20", "remind", "--days", "21").stdout == ""  # once a day
    agenda = ok(*AUG, "agenda")
    assert "3. Høringer\n\n   · Kvalitetsstandard (fra Ældreudvalget, frist 10. september" in agenda
    printed = json.loads(ok(*AUG, "agenda", "--json"))
    assert [h["title"] for h in printed["hearings"]] == ["Kvalitetsstandard"]
    shown = json.loads(ok(*AUG, "council", "show", "--json"))
    assert shown.pop("points_after")[-1] == {"key": "other", "title": "Eventuelt"}
    assert shown.pop("points_before")[0]["key"] == "approval"
    assert shown == {
        "council": "Ældrerådet",
        "proposals_days": 12,
        "agenda_days": 8,
        "quorum": None,
        "group_items": True,
        "attachment_limit_mb": 20,
    }


def test_an_answered_consultation_is_in_the_minutes_and_the_annual_report(
    aeldreraad: Store, tmp_path: Path
) -> None:
    ok(
        *AUG,
        "hearing",
        "add",
        "Trafikplan",
        "--from",
        "Teknikudvalget",
        "--deadline",
        "3. september",
        "--item",
        "1",
    )
    assert "3. Høring: Trafikplan" in ok(*AUG, "agenda")
    answer = tmp_path / "svar.docx"
    from docx import Document

    doc = Document()
    doc.add_paragraph("Ældrerådet bakker op om trafikplanen.")
    doc.add_paragraph("Rådet ønsker flere bænke ved stoppestederne.")
    doc.save(str(answer))
    ok("--today", "2026-09-01", "hearing", "answer", "1", "--file", str(answer))
    minutes = ok("--today", "2026-09-02", "minutes", "1")
    assert minutes.endswith(
        "Høringssvar\n"
        "· Trafikplan (fra Teknikudvalget), besvaret 1. september 2026\n"
        "  Ældrerådet bakker op om trafikplanen.\n"
        "  Rådet ønsker flere bænke ved stoppestederne.\n"
    )
    report = json.loads(ok("--today", "2026-12-02", "annual-report", "2026", "--json"))
    assert [(h["title"], h["answered_on"]) for h in report["hearings"]] == [
        ("Trafikplan", "2026-09-01")
    ]
    assert "afgav 1 høringssvar" in ok("--today", "2026-12-02", "annual-report", "2026")


@pytest.mark.sqlite_only
def test_send_agenda_mails_each_member_the_agenda_and_an_invitation(
    aeldreraad: Store,
    smtp,  # noqa: F811
) -> None:
    from icalendar import Calendar

    inbox = smtp(Inbox())
    sent = run(*AUG, "send-agenda", "--next-meeting")
    assert sent.code == 0, sent.stderr
    assert sent.stdout == (
        "Indkaldelsen er sendt til 3 modtagere: Jette Nyboe, Bo Berg og Karen Holm.\n"
    )
    assert "Uden e-mailadresse – giv dem dagsordenen på anden vis: Ulla Dam." in sent.stderr
    assert sorted(r[0] for r in inbox.recipients) == [
        "bo@example.dk",
        "jette@example.dk",
        "karen@example.dk",
    ]
    first = inbox.messages[0]
    assert first["Subject"] == "Indkaldelse: Ældrerådet, møde 1. september 2026"
    parts = {p.get_content_type(): p for p in first.iter_attachments()}
    import io

    from docx import Document

    word = Document(
        io.BytesIO(
            parts[
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            ].get_content()
        )
    )
    assert word.paragraphs[0].text == "Dagsorden"
    invite = next(p for p in first.walk() if p.get_content_type() == "text/calendar")
    assert invite.get_param("method") == "REQUEST"
    cal = Calendar.from_ical(invite.get_content())
    event = next(iter(cal.walk("VEVENT")))
    assert str(cal["method"]) == "REQUEST"
    (store_id,) = aeldreraad.query("SELECT id FROM store_identity")[0]
    uid = f"meeting-1-{store_id}@udsat"
    assert str(event["uid"]) == uid and int(event["sequence"]) == 0
    assert event.decoded("dtstart").isoformat() == "2026-09-01T16:00:00+02:00"
    assert str(event["location"]) == "Rådhuset"
    assert run(*AUG, "send-agenda").stderr.endswith("Ingen at sende til.\n")  # nothing changed

    moving = ok(*AUG, "meeting", "move", "1", "2. september 2026 kl. 16-18")
    assert moving.endswith(
        "Kalenderændringen er sendt til 3 modtagere: Jette Nyboe, Bo Berg og Karen Holm.\n"
    )
    again = run(*AUG, "send-agenda")
    assert again.stdout.startswith("Ændret dagsorden er sendt til 3 modtagere")
    moved = inbox.messages[-1]
    assert moved["Subject"] == "Ændret dagsorden: Ældrerådet, møde 2. september 2026"
    invite = next(p for p in moved.walk() if p.get_content_type() == "text/calendar")
    event = next(iter(Calendar.from_ical(invite.get_content()).walk("VEVENT")))
    assert int(event["sequence"]) == 1 and str(event["uid"]) == uid
    assert aeldreraad.query("SELECT address, sequence, changed FROM agenda_notice ORDER BY id") == [
        (a, 0, 0) for a in ("jette@example.dk", "bo@example.dk", "karen@example.dk")
    ] + [(a, 1, 1) for a in ("jette@example.dk", "bo@example.dk", "karen@example.dk")]


@pytest.mark.sqlite_only
def test_a_dropped_connection_leaves_a_record_of_who_got_the_notice(
    aeldreraad: Store,
    smtp,  # noqa: F811
) -> None:
    inbox = smtp(Inbox(drop_after=1))
    failed = run(*AUG, "send-agenda")
    assert failed.code == 75
    assert "Sendte 1 af 3 indkaldelser" in failed.stderr and "Traceback" not in failed.stderr
    assert aeldreraad.query("SELECT address FROM agenda_notice") == [("jette@example.dk",)]
    inbox.drop_after = None
    rest = run(*AUG, "send-agenda")
    assert rest.stdout == "Indkaldelsen er sendt til 2 modtagere: Bo Berg og Karen Holm.\n"
    assert "Har allerede fået denne dagsorden: Jette Nyboe" in rest.stderr
    assert len(inbox.messages) == 3


def test_the_demo_councils_annual_report_counts_what_the_store_holds(
    isolated_store: Store, tmp_path: Path
) -> None:
    demo = demo_council(isolated_store)
    year = DEMO_TODAY[:4]
    report = json.loads(ok("--today", DEMO_TODAY, "annual-report", year, "--json"))
    held = (
        demo.query(
            "SELECT id FROM meeting WHERE cancelled = 0 AND date >= :s AND "
            "date <= :t ORDER BY date",
            s=f"{year}-01-01",
            t=DEMO_TODAY,
        )
        if demo.is_sqlite
        else demo.query(
            "SELECT id FROM meeting WHERE NOT cancelled AND date >= :s AND "
            "date <= :t ORDER BY date",
            s=f"{year}-01-01",
            t=DEMO_TODAY,
        )
    )
    assert [m["id"] for m in report["meetings"]["held"]] == [m for (m,) in held]
    ids = ", ".join(str(m) for (m,) in held)
    own = f"meeting_id IN ({ids}) AND standing IS NULL"  # standing points are no business
    (items,) = demo.query(f"SELECT COUNT(*) FROM agenda_item WHERE {own}")
    (decided,) = demo.query(
        f"SELECT COUNT(*) FROM agenda_item WHERE {own} AND decision IS NOT NULL "
        "AND (kind IS NULL OR kind = 'beslutning')"
    )
    assert (len(report["items"]), report["decisions"]) == (items[0], decided[0])
    by_status = dict(
        demo.query(
            f"SELECT status, COUNT(*) FROM action WHERE meeting_id IN ({ids}) GROUP BY status"
        )
    )
    assert report["followups"] == {
        "agreed": sum(by_status.values()),
        "done": by_status.get("done", 0),
        "dropped": by_status.get("dropped", 0),
        "open": by_status.get("open", 0) + by_status.get("in_progress", 0),
        "postponed": by_status.get("postponed", 0),
    }
    absences = dict(
        demo.query(
            f"SELECT p.full_name, COUNT(*) FROM attendance a JOIN person p ON p.id = a.person_id "
            f"WHERE a.meeting_id IN ({ids}) AND a.status = 'absent' GROUP BY p.full_name"
        )
    )
    assert absences and all(
        a["absent"] == absences.get(a["name"], 0) and a["present"] + a["absent"] == a["meetings"]
        for a in report["attendance"]
    )
    answered = demo.query(
        "SELECT title FROM hearing WHERE status = 'answered' AND answered_on >= :s",
        s=f"{year}-01-01",
    )
    assert [h["title"] for h in report["hearings"]] == [t for (t,) in answered] != []
    text = ok("--today", DEMO_TODAY, "annual-report", year)
    assert f"holdt Udsatterådet Solbjerg (demo) {len(held)} møder" in text
    assert f"afgav {len(answered)} høringssvar" in text

    out = tmp_path / "årsberetning.docx"
    ok("--today", DEMO_TODAY, "annual-report", year, "--format", "docx", "-o", str(out))
    from docx import Document

    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Fremmøde", "Møder", "Behandlede punkter"]
    assert doc.tables[1].rows[0].cells[0].text == "Medlem"
    assert len(doc.tables[1].rows) == len(report["attendance"]) + 1


def test_a_consultations_history_and_help_are_danish(aeldreraad: Store) -> None:
    ok(*AUG, "hearing", "add", "Budget 2027", "--from", "Udvalget", "--deadline", "16. september")
    before = dump(aeldreraad)
    wrong = run(*AUG, "hearing", "edit", "1", "--status", "besvart")
    assert (wrong.code, wrong.stderr) == (
        2,
        (
            "Fejl: Ukendt status »besvart« for en høring; mente du besvaret? Ellers brug en af: "
            "modtaget, under behandling, besvaret, ikke besvaret.\n"
        ),
    )
    wrong = run(*AUG, "hearing", "edit", "1", "--answer", "meeting-ish")
    assert wrong.stderr == (
        "Fejl: »meeting-ish«: en høring besvares på et møde (møde) eller af formanden (formand).\n"
    )
    assert dump(aeldreraad) == before
    ok(*AUG, "hearing", "edit", "1", "--status", "under behandling", "--answer", "formand")
    ok(*AUG, "hearing", "answer", "1", "--text", "Vi anbefaler forslaget.")
    changes = [line for line in ok("log", "--limit", "3").splitlines() if line.startswith("  ")]
    assert changes == [
        "  høring #1: høringssvar – → Vi anbefaler forslaget., besvaret – → 20. august 2026, "
        "status under behandling → besvaret",
        "  høring #1: besvares på et møde → af formanden (formandsbeslutning), status modtaget → "
        "under behandling",
        "  ny høring #1: Budget 2027",
    ]
    assert "--answer møde|formand  Besvares på et møde eller af formanden alene." in ok(
        "hearing", "add", "--help"
    )
    assert "meeting" not in ok("hearing", "edit", "--help")


def test_send_agenda_without_mail_settings_leaves_the_agenda_unissued(
    aeldreraad: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings are read before the agenda is issued: a refusal changes nothing."""
    monkeypatch.setenv("UDSAT_CONFIG", str(tmp_path / "ingen.toml"))
    before = dump(aeldreraad)
    refused = run(*AUG, "send-agenda", "--next-meeting")
    assert refused.code == 78 and refused.stderr.startswith("Fejl: Der er ingen indstillingsfil")
    assert aeldreraad.query("SELECT COUNT(*) FROM meeting WHERE agenda_issued_at IS NOT NULL") == [
        (0,)
    ]
    assert dump(aeldreraad) == before


def test_overlapping_send_agenda_runs_send_each_notice_once(aeldreraad: Store, smtp) -> None:  # noqa: F811
    """A mail server that stalls mid-run and a second run (an overlapping cron): it sends
    nothing and says so; each member gets the notice once, and a run after both sends nobody
    anything."""
    import os
    import subprocess
    import sys
    import threading
    import time

    from tests.conftest import ROOT

    stalled = threading.Event()
    inbox = smtp(Inbox(hold=stalled))

    def udsat(*args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "udsat_cli", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )

    first = udsat(*AUG, "send-agenda")
    while not inbox.messages and first.poll() is None:  # the first run is sending
        time.sleep(0.05)
    second = udsat(*AUG, "send-agenda")
    second_said = second.communicate(timeout=120)  # while the first waits for the server
    stalled.set()
    results = [(first.wait(timeout=120), first.communicate()), (second.returncode, second_said)]
    assert [code for code, _ in results] == [0, 0], results
    assert results[1][1][1].endswith(
        "Indkaldelsen sendes allerede af en anden kørsel; denne sender intet.\n"
    )
    assert sorted(r[0] for r in inbox.recipients) == [
        "bo@example.dk",
        "jette@example.dk",
        "karen@example.dk",
    ]
    assert aeldreraad.query("SELECT COUNT(*) FROM agenda_notice") == [(3,)]
    assert run(*AUG, "send-agenda").stderr.endswith("Ingen at sende til.\n")
    assert len(inbox.messages) == 3
