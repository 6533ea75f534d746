"""Reminders as people read them: a listing for the secretary, and one e-mail per owner."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.agenda import event_line
from udsat_cli.render.common import due_text, meeting_line

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.reminders import OwnerReminder, Reminders


def _action(action: ActionView) -> Iterator[str]:
    origin = f" · fra mødet {dates.long_date(action.meeting)}" if action.meeting else ""
    yield f"· #{action.id} {action.title}"
    yield f"  Frist: {due_text(action)}{origin}"


def owner_lines(person: OwnerReminder, report: Reminders) -> Iterator[str]:
    groups = [("Overskredet:", person.overdue), (f"Inden for {report.days} dage:", person.due_soon)]
    if report.meeting:
        heading = f"Til opfølgning på mødet {dates.long_date(report.meeting.date)}:"
        groups.append((heading, person.for_meeting))
    first = True
    for heading, actions in groups:
        if actions:
            if not first:
                yield ""
            first = False
            yield heading
            for action in actions:
                yield from _action(action)
    if person.events:
        yield ""
        yield "Arrangementer, du deltager i:"
        yield from (f"· {event_line(e)}" for e in person.events)


def text(report: Reminders) -> Iterator[str]:
    """Nothing at all when nothing is due: cron mails any output."""
    if not report.empty:
        yield from listing(report)


def listing(report: Reminders, owners: list[OwnerReminder] | None = None) -> Iterator[str]:
    """For stdout: every owner's reminders under their name (cron mails this to the secretary)."""
    first = True
    for person in report.owners if owners is None else owners:
        if not first:
            yield ""
        first = False
        contact = f" <{person.email}>" if person.email else " (ingen e-mailadresse)"
        yield f"{person.name}{contact}"
        yield from (f"  {line}" if line else "" for line in owner_lines(person, report))
    if report.meeting and (owners is None or owners):
        yield ""
        yield f"Næste møde: {meeting_line(report.meeting)}"


def subject(person: OwnerReminder, report: Reminders) -> str:
    count = len(person.actions)
    what = "opgave" if count == 1 else "opgaver"
    if person.overdue:
        return f"{report.council}: {count} {what}, heraf {len(person.overdue)} overskredet"
    return f"{report.council}: {count} {what} med frist inden for {report.days} dage"


def email_body(person: OwnerReminder, report: Reminders) -> str:
    lines = [
        f"Kære {person.name}",
        "",
        f"Her er en påmindelse om dine opgaver fra {report.council}.",
        "",
        *owner_lines(person, report),
    ]
    if report.meeting:
        lines += ["", f"Næste møde: {meeting_line(report.meeting)}"]
    lines += [
        "",
        "Giv gerne referenten besked, når en opgave er klaret, så den kan lukkes.",
        "",
        "Venlig hilsen",
        f"{report.council} (sendt af udsat)",
        "",
    ]
    return "\n".join(lines)
