"""Word files a Danish office uses as they are: A4, Danish proofing, the council as author, page
numbers in the header, and the municipality's own template when one is given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DEMO_TODAY, Store, demo_council, ok, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def demo(isolated_store: Store) -> Store:
    return demo_council(isolated_store)


def _open(path: Path):  # noqa: ANN202
    from docx import Document

    return Document(str(path))


@pytest.mark.parametrize("argv", [
    ["agenda"], ["minutes", "2"], ["followups"], ["annual-report", DEMO_TODAY[:4]],
], ids=lambda a: a[0])  # fmt: skip
def test_word_files_are_a4_danish_and_the_councils(demo: Store, tmp_path: Path, argv) -> None:
    out = tmp_path / "dokument.docx"
    ok("--today", DEMO_TODAY, *argv, "--format", "docx", "-o", str(out))
    doc = _open(out)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    languages = {el.get(f"{W}val") for el in doc.styles.element.iter(f"{W}lang")}
    assert languages == {"da-DK"}
    styled = [s for s in doc.styles.element.findall(f"{W}style")
              if s.get(f"{W}type") in ("paragraph", "character")]  # fmt: skip
    assert all(s.find(f"{W}rPr/{W}lang") is not None for s in styled)
    props = doc.core_properties
    council = "Udsatterådet Solbjerg (demo)"
    assert props.author in (council, "Karina Holm")  # the referent signs the minutes
    assert props.title and props.language == "da-DK" and props.comments == ""
    assert abs(props.created.replace(tzinfo=UTC) - datetime.now(UTC)) < timedelta(minutes=5)
    assert props.modified == props.created
    header = section.header.paragraphs[0]
    assert header.text.startswith(f"{council} · Side ")
    codes = "".join(t.text for t in header._p.iter(f"{W}instrText"))
    assert "PAGE" in codes and "NUMPAGES" in codes
    assert doc.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)


def _template(path: Path) -> None:
    """A municipality's template: its own header, heading font and margins, and a body text that
    must not survive."""
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Solbjerg Kommune – Social og Sundhed"
    doc.sections[0].left_margin = Mm(30)
    heading = doc.styles["Heading 1"]
    heading.font.name = "Garamond"
    heading.font.size = Pt(17)
    doc.add_paragraph("Skabelonens eksempeltekst, der skal væk.")
    doc.save(str(path))


def test_the_municipalitys_template_is_the_base(demo: Store, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    template = tmp_path / "kommunen.docx"
    _template(template)
    out = tmp_path / "dagsorden.docx"
    ok("--today", DEMO_TODAY, "agenda", "--format", "docx", "-o", str(out), "--template",
       str(template))  # fmt: skip
    doc = _open(out)
    assert doc.sections[0].header.paragraphs[0].text == "Solbjerg Kommune – Social og Sundhed"
    assert round(doc.sections[0].left_margin.mm) == 30
    assert doc.styles["Heading 1"].font.name == "Garamond"
    assert doc.styles["Heading 1"].font.size.pt == 17
    texts = [p.text for p in doc.paragraphs]
    assert "Skabelonens eksempeltekst, der skal væk." not in texts
    assert texts[0] == "Dagsorden" and any(p.style.name == "Heading 1" for p in doc.paragraphs)
    languages = {el.get(f"{W}val") for el in doc.styles.element.iter(f"{W}lang")}
    assert languages == {"da-DK"}

    settings = tmp_path / "config.toml"
    settings.write_text(f'[documents]\ntemplate = "{template}"\n', encoding="utf-8")
    again = tmp_path / "referat.docx"
    monkeypatch.setenv("UDSAT_CONFIG", str(settings))
    ok("--today", DEMO_TODAY, "minutes", "2", "--format", "docx", "-o", str(again))
    assert _open(again).sections[0].header.paragraphs[0].text.startswith("Solbjerg Kommune")


def test_a_bad_template_is_one_danish_sentence(demo: Store, tmp_path: Path) -> None:
    broken = tmp_path / "skabelon.docx"
    broken.write_text("ikke word", encoding="utf-8")
    result = run("--today", DEMO_TODAY, "agenda", "--format", "docx", "-o",
                 str(tmp_path / "x.docx"), "--template", str(broken))  # fmt: skip
    assert result.code == 2
    assert result.stderr == f"Fejl: Skabelonen {broken} kan ikke læses som et Word-dokument.\n"
    assert not (tmp_path / "x.docx").exists()
    wrong = run("--today", DEMO_TODAY, "agenda", "--template", str(broken))
    assert wrong.stderr == "Fejl: --template bruges kun med --format docx.\n"
