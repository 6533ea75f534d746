"""Bilag: kept with their item in the store, named on the agenda and in the minutes, sent with the
notice (a closed one never), refused whole when over the council's limit before anything is sent,
and published beside the approved referat (a closed one never)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Store, dump, ok, run
from tests.test_mail import AUG, make_council, to
from tests.test_remind import Inbox, smtp  # noqa: F401  (the loopback SMTP server fixture)

PDF = b"%PDF-1.4\n% Aarsberetning 2025\n" + b"0" * 2000 + b"\n%%EOF\n"
CLOSED_PDF = b"%PDF-1.4\n% Klage fra en borger, fortrolig\n%%EOF\n"


def xlsx() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>")):
            archive.writestr(zipfile.ZipInfo(name, (2026, 8, 1, 12, 0, 0)), text)
    return data.getvalue()


@pytest.fixture
def with_bilag(isolated_store: Store, tmp_path: Path) -> Store:
    make_council()
    ok(*AUG, "item", "add", "1. september 2026", "Årsberetning", "--background", "Se bilaget.")
    ok(*AUG, "item", "add", "1. september 2026", "Klage over bostøtten")
    files = {"årsberetning 2025.pdf": PDF, "regnskab.xlsx": xlsx(), "klage.pdf": CLOSED_PDF}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    said = ok(
        *AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "årsberetning 2025.pdf")
    )
    assert said == "Lagde årsberetning 2025.pdf (2 kB) ved punkt 3.\n"
    ok(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "regnskab.xlsx"))
    closed = ok(
        *AUG, "item", "attach", "1. september 2026", "4", str(tmp_path / "klage.pdf"), "--closed"
    )
    assert closed == "Lagde klage.pdf (1 kB) ved punkt 4 som lukket bilag.\n"
    return isolated_store


def test_bilag_are_listed_on_the_agenda_and_in_the_minutes(with_bilag: Store) -> None:
    listed = ok(*AUG, "item", "list", "1. september 2026")
    assert (
        "3. Årsberetning\n   Bilag: årsberetning 2025.pdf\n   Bilag: regnskab.xlsx\n"
        "4. Klage over bostøtten\n   Bilag: klage.pdf (lukket)\n"
    ) in listed
    agenda = ok(*AUG, "agenda", "--meeting", "1. september 2026")
    assert "   Bilag:\n   · årsberetning 2025.pdf\n   · regnskab.xlsx\n" in agenda
    assert "   · klage.pdf (lukket)" in agenda
    minutes = ok("--today", "2026-09-02", "minutes", "1. september 2026")
    assert "Bilag:\nårsberetning 2025.pdf\nregnskab.xlsx" in minutes
    stored = with_bilag.query("SELECT name, size, closed FROM attachment ORDER BY id")
    assert stored == [
        ("årsberetning 2025.pdf", len(PDF), 0),
        ("regnskab.xlsx", len(xlsx()), 0),
        ("klage.pdf", len(CLOSED_PDF), 1),
    ]


def test_send_agenda_attaches_the_public_bilag_and_never_a_closed_one(
    with_bilag: Store,
    smtp,  # noqa: F811
) -> None:
    inbox = smtp(Inbox())
    sent = run(*AUG, "send-agenda")
    assert sent.code == 0, sent.stderr
    bo = next(m for m in inbox.messages if to(m) == "bo@example.dk")
    files = {p.get_filename(): p for p in bo.iter_attachments()}
    assert list(files) == [
        "dagsorden-2026-09-01.docx",
        "årsberetning 2025.pdf",
        "regnskab.xlsx",
        "invitation.ics",
    ]
    assert files["årsberetning 2025.pdf"].get_content() == PDF
    assert files["årsberetning 2025.pdf"].get_content_type() == "application/pdf"
    assert files["regnskab.xlsx"].get_content() == xlsx()
    for message in inbox.messages:
        assert b"Klage fra en borger" not in message.as_bytes()
        assert "klage.pdf" not in {p.get_filename() for p in message.iter_attachments()}
    body = bo.get_body(("plain",)).get_content()
    assert "er vedhæftet som Word-dokument sammen med bilagene" in body


def test_bilag_over_the_limit_are_refused_before_anything_is_sent(
    with_bilag: Store,
    tmp_path,
    smtp,  # noqa: F811
) -> None:
    inbox = smtp(Inbox())
    big = b"%PDF-1.4\n" + bytes(700 * 1024)
    (tmp_path / "bilag-stort.pdf").write_bytes(big)
    ok(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "bilag-stort.pdf"))
    assert "Bilag med indkaldelsen:         højst 20 MB i alt" in ok("council", "show")
    ok("council", "set", "--attachment-limit", "1")
    (tmp_path / "bilag-mellem.pdf").write_bytes(big[: 400 * 1024])
    ok(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "bilag-mellem.pdf"))
    before = dump(with_bilag)
    refused = run(*AUG, "send-agenda")
    assert refused.code == 1
    assert refused.stderr == (
        "Fejl: Bilagene fylder 1,1 MB, mere end de 1 MB, rådet sender med én indkaldelse; de "
        "største er bilag-stort.pdf (700 kB), bilag-mellem.pdf (400 kB), årsberetning 2025.pdf "
        "(2 kB). Intet er sendt. Gør filerne mindre, fjern et bilag (udsat item detach), eller "
        "hæv grænsen med udsat council set --attachment-limit.\n"
    )
    assert inbox.messages == [] and dump(with_bilag) == before  # not even issued
    assert ok(*AUG, "item", "detach", "1. september 2026", "3", "bilag-stort.pdf") == (
        "Fjernede bilag-stort.pdf fra punkt 3.\n"
    )
    assert run(*AUG, "send-agenda").code == 0 and len(inbox.messages) == 3


def test_the_site_carries_the_public_bilag_beside_the_approved_referat(
    with_bilag: Store, tmp_path
) -> None:
    held = ("--today", "2026-09-02")
    ok(*held, "minutes", "approve", "1. september 2026")
    site = tmp_path / "side"
    ok(*held, "publish", str(site))
    names = sorted(p.name for p in site.iterdir())
    assert "referat-2026-09-01-bilag-1-aarsberetning-2025.pdf" in names
    assert "referat-2026-09-01-bilag-2-regnskab.xlsx" in names
    assert (site / "referat-2026-09-01-bilag-1-aarsberetning-2025.pdf").read_bytes() == PDF
    page = (site / "referat-2026-09-01.html").read_text(encoding="utf-8")
    assert (
        '<li><a href="referat-2026-09-01-bilag-1-aarsberetning-2025.pdf">årsberetning '
        "2025.pdf</a></li>"
    ) in page
    for path in site.iterdir():  # the closed bilag is nowhere: not by name, not by content
        data = path.read_bytes()
        assert b"klage.pdf" not in data and b"Klage fra en borger" not in data, path.name
    assert not [n for n in names if "klage" in n]


def test_what_cannot_be_a_bilag_is_refused_and_an_attach_undone(
    with_bilag: Store, tmp_path: Path
) -> None:
    (tmp_path / "virus.exe").write_bytes(b"MZ")
    (tmp_path / "falsk.pdf").write_bytes(b"<html>ikke en pdf</html>")
    before = dump(with_bilag)
    exe = run(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "virus.exe"))
    assert (exe.code, exe.stderr) == (
        2,
        "Fejl: virus.exe kan ikke være bilag; udsat tager PDF, "
        "Word (.docx, .doc), Excel (.xlsx, .xls) eller billeder "
        "(.png, .jpg, .gif).\n",
    )
    fake = run(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "falsk.pdf"))
    assert fake.stderr == "Fejl: falsk.pdf er ikke en PDF-fil, som navnet siger.\n"
    again = run(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "regnskab.xlsx"))
    assert again.code == 1 and "har allerede et bilag, der hedder regnskab.xlsx" in again.stderr
    gone = run(*AUG, "item", "detach", "1. september 2026", "3", "budget.pdf")
    assert gone.stderr == (
        "Fejl: Punkt 3 har intet bilag »budget.pdf«; dets bilag er: "
        "årsberetning 2025.pdf, regnskab.xlsx.\n"
    )
    missing = run(*AUG, "item", "attach", "1. september 2026", "3", str(tmp_path / "ingen.pdf"))
    assert missing.stderr == f"Fejl: Filen {tmp_path / 'ingen.pdf'} findes ikke.\n"
    assert dump(with_bilag) == before
    ok(*AUG, "item", "detach", "1. september 2026", "3", "1")
    assert [n for (n,) in with_bilag.query("SELECT name FROM attachment")] == [
        "regnskab.xlsx",
        "klage.pdf",
    ]
    assert "bilag" in ok(*AUG, "undo")
    assert len(with_bilag.query("SELECT name FROM attachment")) == 3


def test_an_item_deleted_takes_its_bilag_and_undo_brings_them_back(with_bilag: Store) -> None:
    deleted = run(*AUG, "item", "delete", "1. september 2026", "3")
    assert deleted.code == 0, deleted.stderr
    assert "Punktets bilag gik med: årsberetning 2025.pdf, regnskab.xlsx." in deleted.stderr
    assert [n for (n,) in with_bilag.query("SELECT name FROM attachment")] == ["klage.pdf"]
    ok(*AUG, "undo")
    assert len(with_bilag.query("SELECT name FROM attachment")) == 3
    assert "   Bilag: regnskab.xlsx" in ok(*AUG, "item", "list", "1. september 2026")
