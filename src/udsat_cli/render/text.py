"""Plain text, to read in a terminal or paste into an agenda."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.status import LABELS

if TYPE_CHECKING:
    from udsat_cli.core.datephrase import Explanation
    from udsat_cli.core.documents import TopicView
    from udsat_cli.core.followups import FollowupReport
    from udsat_cli.core.listing import MeetingDetail, Member
    from udsat_cli.core.lookup import MeetingRef
    from udsat_cli.core.search import Hit
    from udsat_cli.core.views import ActionView
    from udsat_cli.store.migrate import MigrationStatus


SECTION_TITLES = {
    "previous_meeting": "Fra sidste møde",
    "open": "Stadig åbne fra tidligere møder",
    "resumed": "Udsatte punkter, der skal tages op igen",
}
REPORT_TITLE = "Opfølgning på beslutningspunkter fra sidste møde"


def join_names(names: Iterable[str]) -> str:
    """ "A", "A og B", "A, B og C" """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def due_text(action: ActionView) -> str:
    text = action.due_text or "ingen"
    if not action.overdue:
        return text
    return f"{text[:-1]}, overskredet)" if text.endswith(")") else f"{text} (overskredet)"


def meeting_line(m: MeetingRef) -> str:
    return " · ".join(p for p in (dates.meeting_when(m.date, m.start, m.end), m.place) if p)


def action_facts(action: ActionView, *, as_decided: bool = False) -> str:
    """Owners, deadline, status (and how often carried). ``as_decided``: only owners and deadline,
    as the minutes record them, without today's status."""
    owners = join_names(action.owners)
    owner_fact = f"{'Ansvarlige' if len(action.owners) > 1 else 'Ansvarlig'}: {owners or 'ingen'}"
    if as_decided:
        return f"{owner_fact} · Frist: {action.due_text or 'ingen'}"
    facts = [owner_fact, f"Frist: {due_text(action)}", f"Status: {LABELS[action.status]}"]
    if action.carried:
        facts.append(f"Overført {action.carried} {'gang' if action.carried == 1 else 'gange'}")
    return " · ".join(facts)


def group_title(action: ActionView) -> str:
    title = action.item or "Uden punkt"
    if action.section != "previous_meeting" and action.meeting:
        title += f" (mødet {dates.long_date(action.meeting)})"
    return title


def grouped(actions: list[ActionView]) -> Iterator[tuple[str, str, list[ActionView]]]:
    """(section, group title, actions) in report order; consecutive actions share a group."""
    key: tuple[str, str] | None = None
    bucket: list[ActionView] = []
    for action in actions:
        this = (action.section or "open", group_title(action))
        if this != key and bucket:
            yield (*key, bucket)  # type: ignore[misc]
            bucket = []
        key = this
        bucket.append(action)
    if bucket and key:
        yield (*key, bucket)


def followups(report: FollowupReport) -> Iterator[str]:
    yield REPORT_TITLE
    yield f"{report.council} · {meeting_line(report.meeting)}"
    if report.previous_meeting:
        yield f"Sidste møde: {dates.weekday_date(report.previous_meeting.date)}"
    yield from followup_body(report)


def followup_body(report: FollowupReport) -> Iterator[str]:
    """The report's sections, each opened by a blank line."""
    if not report.actions:
        yield ""
        yield "Ingen opfølgningspunkter."
        return
    section = None
    for this, title, actions in grouped(report.actions):
        if this != section:
            section = this
            yield ""
            yield SECTION_TITLES[this]
        yield ""
        yield title
        for action in actions:
            yield f"· {action.title} [#{action.id}]"
            yield f"  {action_facts(action)}"
            if action.note:
                yield f"  Seneste note: {action.note}"


def table(headers: list[str], rows: list[list[str]]) -> Iterator[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    for row in [headers, *rows]:
        yield "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()


def actions(found: list[ActionView]) -> Iterator[str]:
    if not found:
        yield "Ingen opgaver."
        return
    rows = [
        [f"#{a.id}", a.title, join_names(a.owners), due_text(a), LABELS[a.status]] for a in found
    ]
    yield from table(["Nr.", "Opgave", "Ansvarlige", "Frist", "Status"], rows)


def action_line(action: ActionView) -> Iterator[str]:
    yield f"#{action.id} {action.title}"
    yield f"  {action_facts(action)}"
    if action.note:
        yield f"  Seneste note: {action.note}"


def members(found: list[Member]) -> Iterator[str]:
    if not found:
        yield "Ingen personer endnu."
        return
    rows = [[m.full_name, m.short_name or "", m.role, m.email or ""] for m in found]
    yield from table(["Navn", "Kaldes", "Rolle", "E-mail"], rows)


def meetings(found: list[MeetingRef]) -> Iterator[str]:
    if not found:
        yield "Ingen møder endnu."
        return
    rows = [
        [str(m.id), dates.weekday_date(m.date), dates.clock(m.start, m.end), m.place or ""]
        for m in found
    ]
    yield from table(["Nr.", "Dato", "Tid", "Sted"], rows)


def meeting_detail(detail: MeetingDetail) -> Iterator[str]:
    yield f"{detail.council} · møde {detail.meeting.id}"
    yield meeting_line(detail.meeting)
    if detail.items:
        yield ""
        yield "Dagsorden"
        yield from (f"{number}. {title}" for number, title in detail.items)
    yield ""
    yield "Opgaver fra mødet"
    if not detail.actions:
        yield "Ingen."
    for action in detail.actions:
        yield from action_line(action)


def explanation(found: Explanation) -> str:
    """fredag d. 31. maj 2019 · næste møde: torsdag d. 23. maj 2019 kl. 16.00"""
    if found.reading.kind == "date":
        assert found.reading.date is not None
        return dates.meeting_when(found.reading.date, found.reading.time, found.reading.end_time)
    if found.meeting is None:
        return f"{found.label}: intet møde planlagt endnu"
    m = found.meeting
    return f"{found.label}: {dates.meeting_when(m.date, m.start, m.end)}"


def seasons(found: dict[str, tuple[str, str]]) -> Iterator[str]:
    def day(md: str) -> str:
        month, d = (int(p) for p in md.split("-"))
        return f"{d}. {dates.MONTHS[month - 1]}"

    rows = [[name, day(start), day(end)] for name, (start, end) in sorted(found.items())]
    yield from table(["Sæson", "Fra", "Til"], rows)


def topics(found: list[TopicView]) -> Iterator[str]:
    if not found:
        yield "Ingen punkter på listen."
        return
    for t in found:
        where = f"mødet {dates.long_date(t.meeting.date)}" if t.meeting else "intet møde planlagt"
        state = " (taget af listen)" if t.dropped else ""
        yield f"#{t.id} {t.title} → {where}{state}"


KIND_WORDS = {"item": "punkt", "action": "opgave", "note": "note til opgave"}


def hits(found: list[Hit]) -> Iterator[str]:
    if not found:
        yield "Intet fundet."
        return
    for h in found:
        where = f"mødet {dates.long_date(h.meeting)}" if h.meeting else "uden møde"
        item = f" · {h.item}" if h.item and h.kind != "item" else ""
        yield f"{where}{item} · {KIND_WORDS[h.kind]} #{h.id}"
        yield f"  {h.text}"


def _applied_when(at: str) -> str:
    from datetime import datetime

    moment = datetime.fromisoformat(at).astimezone()
    return f"{dates.long_date(moment.date())} kl. {moment:%H.%M}"


def migration_status(found: MigrationStatus, *, location: str) -> Iterator[str]:
    yield f"Lager: {location}"
    for name, at in found.applied:
        yield f"  anvendt  {name}  ({_applied_when(at)})"
    for name in found.pending:
        yield f"  mangler  {name}"
    total = len(found.applied) + len(found.pending)
    if found.pending:
        yield f"{len(found.pending)} af {total} ændringer mangler; kør: udsat migrate"
    else:
        yield f"Lageret er opdateret ({total} af {total} ændringer)."


def migrated(names: list[str], *, location: str) -> Iterator[str]:
    if not names:
        yield f"Lageret {location} er allerede opdateret."
    else:
        yield f"Opdaterede lageret {location}: {', '.join(names)}."
