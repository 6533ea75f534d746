"""Word files a Danish office uses as they are: A4, Danish proofing, the council as author, page
numbers in the header, a referat's look (one black sans-serif font, the header fields as a
borderless list, a paragraph per paragraph, real lists), and the municipality's own template
when one is given."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DEMO_TODAY, ROOT, Store, demo_council, ok, run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def demo(isolated_store: Store) -> Store:
    return demo_council(isolated_store)


def _open(path: Path):
    from docx import Document

    return Document(str(path))


@pytest.mark.parametrize(
    "argv",
    [
        ["agenda"],
        ["minutes", "2"],
        ["followups"],
        ["annual-report", DEMO_TODAY[:4]],
    ],
    ids=lambda a: a[0],
)
def test_word_files_are_a4_danish_and_the_councils(demo: Store, tmp_path: Path, argv) -> None:
    out = tmp_path / "dokument.docx"
    ok("--today", DEMO_TODAY, *argv, "--format", "docx", "-o", str(out))
    doc = _open(out)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    languages = {el.get(f"{W}val") for el in doc.styles.element.iter(f"{W}lang")}
    assert languages == {"da-DK"}
    styled = [
        s
        for s in doc.styles.element.findall(f"{W}style")
        if s.get(f"{W}type") in ("paragraph", "character")
    ]
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
    # One sans-serif font, black headings: no theme font (Cambria) and no theme colour is left.
    fonts = list(doc.styles.element.iter(f"{W}rFonts"))
    assert all(not name.endswith(("Theme", "theme")) for f in fonts for name in f.keys())
    assert (
        doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts").get(f"{W}ascii")
        == "Arial"
    )
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        font = doc.styles[name].font
        assert (font.name, font.color.type, font.bold) == ("Arial", None, True), name
    assert doc.styles["Title"].font.size.pt == 18 and doc.styles["Heading 1"].font.size.pt == 14
    # The header fields: a borderless list, labels in a narrow column of their own.
    fields = doc.tables[0]
    assert fields.cell(0, 0).text == "Forum:" and fields.cell(0, 1).text == council
    borders = fields._tbl.tblPr.find(f"{W}tblBorders")
    assert {b.get(f"{W}val") for b in borders} == {"nil"}
    assert fields.columns[0].width * 4 < fields.columns[1].width
    assert [p for p in doc.paragraphs if not p.text.strip()] == []  # no empty paragraphs


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


def test_the_municipalitys_template_is_the_base(
    demo: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx.shared import RGBColor

    template = tmp_path / "kommunen.docx"
    _template(template)
    out = tmp_path / "dagsorden.docx"
    ok(
        "--today",
        DEMO_TODAY,
        "agenda",
        "--format",
        "docx",
        "-o",
        str(out),
        "--template",
        str(template),
    )
    doc = _open(out)
    assert doc.sections[0].header.paragraphs[0].text == "Solbjerg Kommune – Social og Sundhed"
    assert round(doc.sections[0].left_margin.mm) == 30
    assert doc.styles["Heading 1"].font.name == "Garamond"
    assert doc.styles["Heading 1"].font.size.pt == 17
    assert doc.styles["Title"].font.color.rgb == RGBColor(0x17, 0x36, 0x5D)  # the template's blue
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
    result = run(
        "--today",
        DEMO_TODAY,
        "agenda",
        "--format",
        "docx",
        "-o",
        str(tmp_path / "x.docx"),
        "--template",
        str(broken),
    )
    assert result.code == 2
    assert result.stderr == f"Fejl: Skabelonen {broken} kan ikke læses som et Word-dokument.\n"
    assert not (tmp_path / "x.docx").exists()
    wrong = run("--today", DEMO_TODAY, "agenda", "--template", str(broken))
    assert wrong.stderr == "Fejl: --template bruges kun med --format docx.\n"


BACKGROUND = """Socialt frikort er en forsøgsordning, der giver borgere mulighed for
at tjene op til 20.000 kr. om året uden modregning.


Rådet har drøftet, hvordan ordningen gøres kendt:
- opslag i Facebookgrupperne
• en artikel i lokalavisen
  med interview

Forslag til næste skridt:
1. Formanden skriver til udvalget.
2. Sekretariatet laver en pjece.

15. december mødes rådet igen.
Artikler i Albertslund Posten
Information på Facebook"""
DECISION = "Rådet besluttede:\n1. at skrive til udvalget\n2. at lave en pjece"


def _small_meeting(tmp_path: Path) -> Path:
    """The minutes of a meeting with a long background and a decision with a list, and an item
    with a background but no decision, as a Word file."""
    ok(
        "item",
        "add",
        "1/4-2019",
        "Socialt frikort",
        "--background",
        BACKGROUND,
        "--decision",
        DECISION,
    )
    ok("item", "add", "1/4-2019", "Eventuelt", "--background", "Intet nyt.")
    out = tmp_path / "referat.docx"
    ok("minutes", "1/4-2019", "--format", "docx", "-o", str(out))
    return out


def _body(doc, heading: str) -> list[tuple[str, str]]:
    """(style, text) of the paragraphs under an item's heading, up to the next heading."""
    found, inside = [], False
    for paragraph in doc.paragraphs:
        style = paragraph.style.name
        if style.startswith("Heading"):
            inside = paragraph.text == heading
        elif inside:
            bold = all(run.bold for run in paragraph.runs)
            found.append(("bold" if bold else style, paragraph.text))
    return found


def test_text_becomes_word_paragraphs_and_lists(council: Store, tmp_path: Path) -> None:
    doc = _open(_small_meeting(tmp_path))
    assert _body(doc, "1. Socialt frikort") == [
        ("bold", "Sagsfremstilling:"),
        (
            "Normal",
            "Socialt frikort er en forsøgsordning, der giver borgere mulighed for at "
            "tjene op til 20.000 kr. om året uden modregning.",
        ),
        ("Normal", "Rådet har drøftet, hvordan ordningen gøres kendt:"),
        ("List Bullet", "opslag i Facebookgrupperne"),
        ("List Bullet", "en artikel i lokalavisen med interview"),
        ("Normal", "Forslag til næste skridt:"),
        ("List Number", "Formanden skriver til udvalget."),
        ("List Number", "Sekretariatet laver en pjece."),
        ("Normal", "15. december mødes rådet igen."),  # a date, not a list
        ("Normal", "Artikler i Albertslund Posten"),  # a line per paragraph, as imported
        ("Normal", "Information på Facebook"),
        ("bold", "Beslutning:"),
        ("Normal", "Rådet besluttede:"),
        ("List Number", "at skrive til udvalget"),
        ("List Number", "at lave en pjece"),
    ]
    # No label without text under it: the item without a decision has no »Beslutning:«.
    assert _body(doc, "2. Eventuelt") == [("bold", "Sagsfremstilling:"), ("Normal", "Intet nyt.")]
    assert [p for p in doc.paragraphs if not p.text.strip()] == []
    # Each numbered list counts from its own first number, not on from the one before it.
    numbering = doc.part.numbering_part.element
    lists = []
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "List Number":
            num = numbering.num_having_numId(paragraph._p.pPr.numPr.numId.val)
            start = num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val")
            lists.append((num.numId, start))
    assert len({num for num, _ in lists}) == 2 and {start for _, start in lists} == {"1"}


def _tools() -> str:
    """LibreOffice (UDSAT_SOFFICE: .ci/run installs it) and poppler's pdftotext and pdftoppm."""
    soffice = os.environ.get("UDSAT_SOFFICE") or shutil.which("soffice")
    if soffice and shutil.which("pdftotext") and shutil.which("pdftoppm"):
        return soffice
    if os.environ.get("CI"):
        pytest.fail("CI has LibreOffice and poppler-utils (.ci/run installs them)")
    pytest.skip("no LibreOffice: apt-get install libreoffice-writer-nogui poppler-utils")


@pytest.mark.sqlite_only  # the page does not depend on the store; LibreOffice takes seconds
def test_the_minutes_as_libreoffice_lays_them_out(council: Store, tmp_path: Path) -> None:
    soffice = _tools()
    source = _small_meeting(tmp_path)
    profile = (tmp_path / "libreoffice").as_uri()  # its own profile: runs side by side
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "referat.pdf"
    first = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [" ".join(line.split()) for line in first.splitlines() if line.strip()]
    assert lines[:4] == [
        "Udsatterådet Albertslund · Side 1 af 1",
        "Referat",
        "Forum: Udsatterådet Albertslund",
        "Tid: mandag d. 1. april 2019 kl. 16.00–18.00",
    ], first  # one line each
    for line in (
        "1. Socialt frikort",
        "2. Eventuelt",
        "Sagsfremstilling:",
        "Intet nyt.",
        "1. Formanden skriver til udvalget.",
        "1. at skrive til udvalget",
    ):
        assert line in lines, (line, first)
    assert lines.count("Beslutning:") == 1  # item 2 has no decision and no label for one
    assert lines.index("Beslutning:") < lines.index("2. Eventuelt")
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    names = {line.split()[0].partition("+")[2] for line in fonts}
    assert names and not {n for n in names if re.search("Serif|Times|Cambria|Caladea", n)}
    shots = Path(os.environ.get("UDSAT_ARTIFACTS", ROOT / "test-artifacts"))
    shots.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(shots / "referat-side-1"),
        ],
        check=True,
        timeout=60,
    )
    assert (shots / "referat-side-1.png").stat().st_size > 10_000


@pytest.mark.no_store
@pytest.mark.parametrize("template", [False, True], ids=["plain", "template"])
def test_paragraphs_made_directly_are_what_python_docx_makes(tmp_path: Path, template) -> None:
    """render.word.paragraph and .heading build the XML themselves (python-docx is slow at it);
    for every kind of text and style they give exactly what add_paragraph/add_heading give."""
    from docx import Document
    from lxml import etree

    from udsat_cli.limits import WordFile
    from udsat_cli.render import word

    base = None
    if template:
        path = tmp_path / "skabelon.docx"
        Document().save(str(path))
        base = WordFile(str(path), path.read_bytes())
    texts = [
        "Tage kontakt til AP",
        "  mellemrum før og efter ",
        "æøå – »citat«",
        "",
        "a\tb",
        "to\nlinjer",
    ]
    styles = [None, "List Bullet", "Normal", "Title", "Heading 2"]

    def made(direct: bool) -> list[bytes]:
        doc = word.document("Titel", [("Forum", "Rådet")], forum="Rådet", template=base)
        for text in texts:
            for style in styles:
                if direct:
                    word.paragraph(doc, text, style)
                else:
                    doc.add_paragraph(text, style)
            if direct:
                word.heading(doc, text or "x", 3)
            else:
                doc.add_heading(text or "x", 3)
        return [etree.tostring(p) for p in doc.element.body]

    direct, through_docx = made(True), made(False)
    assert len(direct) > len(texts) * len(styles)
    assert direct == through_docx
