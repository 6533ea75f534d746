"""The annual report (årsberetning) as plain text, Markdown and Word: counts in words a citizen
reads first (»10 møder, 16 høringssvar«), then the lists they stand for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.danish import count, join_names
from udsat_cli.render.common import md, table
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.annual_report import AnnualReport
    from udsat_cli.core.hearings import HearingView
    from udsat_cli.limits import WordFile

KIND_NAMES = {
    "beslutning": ("beslutningspunkt", "beslutningspunkter"),
    "orientering": ("orienteringspunkt", "orienteringspunkter"),
    "drøftelse": ("drøftelsespunkt", "drøftelsespunkter"),
    "andet": ("andet punkt", "andre punkter"),
}


def title(r: AnnualReport) -> str:
    return f"Årsberetning {r.year}"


def summary(r: AnnualReport) -> list[str]:
    """The year in two or three sentences."""
    held = count(len(r.held), "møde", "møder")
    extra = []
    if r.cancelled:
        extra.append(f"{count(len(r.cancelled), 'møde', 'møder')} blev aflyst")
    if r.planned:
        extra.append(f"{count(len(r.planned), 'møde', 'møder')} er endnu ikke holdt")
    aside = f" ({join_names(extra)})" if extra else ""
    first = (
        f"I {r.year} holdt {r.council} {held}{aside}, behandlede "
        f"{count(len(r.items), 'punkt', 'punkter')}, traf "
        f"{count(len(r.decisions), 'beslutning', 'beslutninger')} og afgav "
        f"{count(len(r.hearings), 'høringssvar', 'høringssvar')}."
    )
    f = r.followups
    second = "På årets møder blev ingen opgaver aftalt."
    if f.agreed:
        still = "åben" if f.open == 1 else "åbne"
        second = (
            f"På årets møder blev {count(f.agreed, 'opgave', 'opgaver')} aftalt: "
            f"{f.done} er udført, {f.dropped} er bortfaldet, {f.open} er stadig {still} og "
            f"{f.postponed} er udsat."
        )
    lines = [first, second]
    if r.events:
        lines.append(f"Rådet deltog i {count(len(r.events), 'arrangement', 'arrangementer')}.")
    return lines


def _draft(r: AnnualReport) -> str:
    return (
        f"Udkast til rådets godkendelse, dannet {dates.long_date(r.today)} ud fra rådets "
        "møder, referater, opgaver og høringer."
    )


def _attendance_rows(r: AnnualReport) -> list[list[str]]:
    return [[a.name, a.role, str(a.present), str(a.absent), str(a.meetings)] for a in r.attendance]


ATTENDANCE_HEADERS = ["Medlem", "Rolle", "Til stede", "Afbud", "Møder"]


def first_sentence(text: str | None) -> str:
    """The decision's first sentence: the line a citizen reads in a list of decisions."""
    import re

    words = " ".join((text or "").split())
    found = re.match(r"(.+?[.!?])(?:\s+(?=[A-ZÆØÅ\d»\"])|$)", words)
    return found.group(1) if found else words


def _kinds(r: AnnualReport) -> str:
    parts = [count(n, *KIND_NAMES.get(kind, (kind, kind))) for kind, n in r.items_by_kind().items()]
    return join_names(parts) or "ingen punkter"


def _answered(h: HearingView) -> str:
    assert h.answered_on is not None  # the report takes the ones answered in its year
    by = " af formanden" if h.answer_by == "chair" else ""
    return f"{h.title} (fra {h.sender}), besvaret {dates.long_date(h.answered_on)}{by}"


def _sections(r: AnnualReport) -> Iterator[tuple[str, list[str]]]:
    """(heading, lines) for the lists behind the counts; tables are rendered by each form."""
    marks = {"held": "", "cancelled": " (aflyst)", "planned": " (planlagt)"}
    yield (
        "Møder",
        [f"{dates.meeting_when(m.date, m.start, m.end)}{marks[state]}" for m, state in r.meetings],
    )
    yield (
        "Behandlede punkter",
        [f"{_kinds(r)}."]
        + [f"{dates.long_date(i.meeting)}, punkt {i.number}: {i.title}" for i in r.items],
    )
    yield (
        "Beslutninger",
        [
            f"{dates.long_date(i.meeting)}, punkt {i.number}, {i.title}: "
            f"{first_sentence(i.decision)}"
            for i in r.decisions
        ],
    )
    yield "Høringssvar", [_answered(h) for h in r.hearings]
    yield "Arrangementer", [f"{dates.long_date(e.date)} – {e.title}" for e in r.events]
    changes = [f"Indtrådt: {c.name} ({c.role}), {dates.long_date(c.day)}" for c in r.joined]
    changes += [f"Udtrådt: {c.name} ({c.role}), {dates.long_date(c.day)}" for c in r.left]
    yield "Ændringer i rådet", changes


def text(r: AnnualReport) -> Iterator[str]:
    yield f"{title(r)} – {r.council}"
    yield ""
    yield _draft(r)
    yield ""
    yield from summary(r)
    yield ""
    yield "FREMMØDE"
    yield from (
        table(ATTENDANCE_HEADERS, _attendance_rows(r)) if r.attendance else ["Ingen møder holdt."]
    )
    for heading, lines in _sections(r):
        yield ""
        yield heading.upper()
        yield from (f"· {line}" for line in lines) if lines else ["Ingen."]


def markdown(r: AnnualReport) -> Iterator[str]:
    yield f"# {md(title(r))} – {md(r.council)}"
    yield ""
    yield f"*{md(_draft(r))}*"
    yield ""
    yield " ".join(md(line) for line in summary(r))
    yield ""
    yield "## Fremmøde"
    yield ""
    if r.attendance:
        yield "| " + " | ".join(ATTENDANCE_HEADERS) + " |"
        yield "|---|---|---:|---:|---:|"
        yield from ("| " + " | ".join(md(c) for c in row) + " |" for row in _attendance_rows(r))
    else:
        yield "Ingen møder holdt."
    for heading, lines in _sections(r):
        yield ""
        yield f"## {heading}"
        yield ""
        yield from (f"- {md(line)}" for line in lines) if lines else ["Ingen."]


def docx(r: AnnualReport, *, template: WordFile | None = None) -> bytes:
    from docx.shared import Pt

    from udsat_cli.render import word

    doc = word.document(
        title(r), [("Forum", r.council), ("År", str(r.year))], forum=r.council, template=template
    )
    draft = doc.add_paragraph()
    draft.add_run(_draft(r)).italic = True
    draft.paragraph_format.space_before = Pt(12)  # apart from the header fields above it
    word.paragraph(doc, " ".join(summary(r)))  # one paragraph, as the Markdown has it
    word.heading(doc, "Fremmøde", level=1)
    if r.attendance:
        word.grid(
            doc,
            ATTENDANCE_HEADERS,
            _attendance_rows(r),
            weights=[3, 2, 1.2, 1.2, 1.2],
            right=frozenset({2, 3, 4}),
        )
    else:
        word.paragraph(doc, "Ingen møder holdt.")
    for heading, lines in _sections(r):
        word.heading(doc, heading, level=1)
        if lines:
            word.bullets(doc, lines)
        else:
            word.paragraph(doc, "Ingen.")
    doc.core_properties.subject = f"{title(r)} for {r.council}"
    return word.to_bytes(doc)


ANNUAL_REPORT = view(__name__)
