"""Reminders as people read them: a listing for the secretary, and one e-mail per person."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render import hearings
from udsat_cli.render.agenda import event_line
from udsat_cli.render.common import count, due_text, join_names, meeting_line
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.reminders import OwnerReminder, Reminders


def _action(action: ActionView, person: OwnerReminder) -> Iterator[str]:
    origin = f" · fra mødet {dates.long_date(action.meeting)}" if action.meeting else ""
    yield f"· #{action.id} {action.title}"
    yield f"  Frist: {due_text(action)}{origin}"
    if person.name not in action.owners:  # the referent, for the council, a unit or nobody
        owners = join_names(action.owners) or "ingen"
        yield f"  Ansvarlig: {owners} (du får påmindelsen som referent)"


def _groups(person: OwnerReminder, report: Reminders) -> list[tuple[str, list[ActionView]]]:
    groups = [
        ("Overskredet:", person.overdue),
        (f"Frist inden for {report.days} dage:", person.due_soon),
        ("Udsat, skal tages op igen:", person.resumed),
    ]
    if report.meeting:
        heading = f"Til opfølgning på mødet {dates.long_date(report.meeting.date)}:"
        groups.append((heading, person.for_meeting))
    return [(heading, actions) for heading, actions in groups if actions]


def owner_lines(person: OwnerReminder, report: Reminders) -> Iterator[str]:
    for n, (heading, actions) in enumerate(_groups(person, report)):
        if n:
            yield ""
        yield heading
        for action in actions:
            yield from _action(action, person)
    if person.events:
        if person.actions:
            yield ""
        yield "Arrangementer, du deltager i:"
        yield from (f"· {event_line(e)}" for e in person.events)
    if person.hearings:
        if person.actions or person.events:
            yield ""
        yield f"Høringer med frist inden for {count(report.days, 'dag', 'dage')}:"
        for h in person.hearings:
            yield f"· #{h.id} {hearings.line(h)}"
            if note := hearings.warning(h, report.today):
                yield f"  OBS: {note}"
            elif h.answer_by == "meeting" and h.last_meeting_before:
                yield f"  Besvares på mødet {dates.long_date(h.last_meeting_before.date)}"
    if person.duties:
        if person.actions or person.events or person.hearings:
            yield ""
        yield "Forretningsordenens frister:"
        for d in person.duties:
            what = (
                "Forslag til dagsordenen skal være inde"
                if d.kind == "proposals"
                else ("Dagsordenen skal sendes ud")
            )
            yield (f"· {what} {dates.long_date(d.day)} (mødet {dates.long_date(d.meeting.date)})")


def text(report: Reminders) -> Iterator[str]:
    """Nothing at all when nothing is due: cron mails any output."""
    if not report.empty:
        yield from listing(report)


def listing(report: Reminders, owners: list[OwnerReminder] | None = None) -> Iterator[str]:
    """For stdout: every person's reminders under their name (cron mails this to the secretary)."""
    for n, person in enumerate(report.owners if owners is None else owners):
        if n:
            yield ""
        contact = f" <{person.email}>" if person.email else " (ingen e-mailadresse)"
        yield f"{person.name}{contact}"
        yield from (f"  {line}" if line else "" for line in owner_lines(person, report))
    if report.meeting and (owners is None or owners):
        yield ""
        yield f"Næste møde: {meeting_line(report.meeting)}"


def counts(person: OwnerReminder, report: Reminders) -> list[str]:
    """What a reminder holds, counted one kind at a time in Danish: »1 overskreden opgave«."""
    found = []
    if person.overdue:
        found.append(count(len(person.overdue), "overskreden opgave", "overskredne opgaver"))
    if person.due_soon:
        found.append(
            f"{count(len(person.due_soon), 'opgave', 'opgaver')} med frist inden for "
            f"{count(report.days, 'dag', 'dage')}"
        )
    if person.resumed:
        resumed = count(len(person.resumed), "udsat opgave", "udsatte opgaver")
        found.append(f"{resumed} at tage op igen")
    if person.for_meeting and report.meeting:
        found.append(
            f"{count(len(person.for_meeting), 'opgave', 'opgaver')} til mødet "
            f"{dates.long_date(report.meeting.date)}"
        )
    if person.events:
        found.append(count(len(person.events), "arrangement", "arrangementer"))
    if person.hearings:
        found.append(count(len(person.hearings), "høring", "høringer") + " med frist")
    if person.duties:
        found.append(count(len(person.duties), "frist", "frister") + " før et møde")
    return found


def subject(person: OwnerReminder, report: Reminders) -> str:
    return f"{report.council}: {join_names(counts(person, report))}"


def _reply_note(person: OwnerReminder, reference: str) -> list[str]:
    """How to answer by mail: udsat inbox reads the answer back (the reference tells it which
    reminder it answers, so keep it in the reply)."""
    several = len(person.actions) > 1
    which = " Skriv opgavens nummer (fx #12) foran, når det gælder én af flere." if several else ""
    return [
        "Svar gerne på denne mail med »udført«, »i gang« eller »udsat til …« og en kort note,",
        f"så noteres det.{which}",
        "",
        f"Reference: {reference}",
    ]


def email_body(person: OwnerReminder, report: Reminders, *, reference: str = "") -> str:
    lines = [
        f"Kære {person.name}",
        "",
        f"Her er en påmindelse fra {report.council}: {join_names(counts(person, report))}.",
        "",
        *owner_lines(person, report),
    ]
    if report.meeting:
        lines += ["", f"Næste møde: {meeting_line(report.meeting)}"]
    if reference and person.actions:
        lines += ["", *_reply_note(person, reference)]
    else:
        lines += ["", "Giv gerne referenten besked, når en opgave er klaret, så den kan lukkes."]
    lines += [
        "",
        "Venlig hilsen",
        f"{report.council} (sendt af udsat)",
        "",
    ]
    return "\n".join(lines)


REMINDERS = view(__name__)
