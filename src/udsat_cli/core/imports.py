"""Turning an extraction into a plan the secretary reviews, and writing the accepted plan.

Names in the minutes are matched to the council's people (full name, short name, a first name
unique among the meeting's participants or in the council, or a near spelling: "Helgo Bo" is
"Helge Bo"). Unknown people are proposed, never created silently: participants as members,
guests as guests, the referent as secretary, other owners as outsiders. The same minutes
imported twice are recognised by their content; a meeting already in the store is matched by
its date.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.errors import InputError, UdsatError
from udsat_cli.importer.fields import is_body
from udsat_cli.store.db import as_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.importer.extract import Extraction

@dataclass
class NewPerson:
    name: str
    role: str


@dataclass
class PlannedAction:
    title: str
    owners: list[str]
    due: str | None
    item: str | None
    source: str
    accepted: bool = True
    confidence: float = 1.0
    reason: str = ""


@dataclass
class PlannedTopic:
    title: str
    when: str | None
    item: str | None
    source: str
    accepted: bool = True


@dataclass
class PlannedEvent:
    title: str
    day: date
    item: str | None
    source: str
    accepted: bool = True


@dataclass
class ImportPlan:
    file: str
    digest: str
    council: str
    day: date
    start: str | None
    end: str | None
    place: str | None
    meeting_exists: bool
    participants: list[str]
    absent: list[tuple[str, str | None]]
    guests: list[str]
    referent: str | None
    new_people: list[NewPerson] = field(default_factory=list)
    items: list[tuple[str, str | None, str | None, str | None]] = field(default_factory=list)
    actions: list[PlannedAction] = field(default_factory=list)
    topics: list[PlannedTopic] = field(default_factory=list)
    events: list[PlannedEvent] = field(default_factory=list)
    already: str | None = None


class _Names:
    """Resolves names as written in the minutes to the council's people, proposing new ones."""

    def __init__(self, council: CouncilContext, attendees: list[str]) -> None:
        self.people = [
            (full, short)
            for full, short in council.db.rows(
                "SELECT full_name, short_name FROM person WHERE council_id = :c", c=council.id
            )
        ]
        self.attendees = attendees
        self.new: dict[str, NewPerson] = {}

    def _known(self) -> list[tuple[str, str | None]]:
        return self.people + [(p.name, None) for p in self.new.values()]

    def resolve(self, name: str, role: str) -> str:
        key = " ".join(name.split()).casefold()
        known = self._known()
        for test in (
            lambda full, short: full.casefold() == key,
            lambda full, short: bool(short) and short.casefold() == key,
        ):
            hits = [full for full, short in known if test(full, short)]
            if len(hits) == 1:
                return hits[0]
        prefix = [full for full, _ in known if full.casefold().startswith(key + " ")]
        among = [full for full in prefix if full in self.attendees] or prefix
        if len(among) == 1:
            return among[0]
        close = [full for full, short in known if _near(key, full, short)]
        if len(close) == 1:
            return close[0]
        if len(among) > 1:
            raise InputError(f"»{name}« i referatet kan være {' eller '.join(among)}; ret det.")
        self.new.setdefault(key, NewPerson(" ".join(name.split()), role))
        return self.new[key].name


def _near(key: str, full: str, short: str | None) -> bool:
    """A misspelt name in the minutes: "Helgo Bo" for "Helge Bo"."""
    words = full.casefold().split()
    forms = {" ".join(words[:1]), " ".join(words[:2]), (short or "").casefold()} - {""}
    return any(difflib.SequenceMatcher(None, key, form).ratio() >= 0.85 for form in forms)


def task_title(what: str) -> str:
    """ "vil gerne lægge et udkast …" -> "Lægge et udkast …"; "tager kontakt" -> "Tage kontakt"."""
    import re

    what = re.sub(
        r"^(?:vil|skal|må|påtager\s+sig\s+at|lover\s+at|har\s+lovet\s+at|tilbyder\s+at)"
        r"(?:\s+(?:også|gerne|evt\.|eventuelt|derefter|så|nu|selv|først|videre))*\s+",
        "",
        what,
    )
    first, _, rest = what.partition(" ")
    tail = first[len(first.rstrip(",.;:")) :]
    first = first.rstrip(",.;:")
    irregular = {"gør": "gøre", "går": "gå", "ser": "se", "får": "få", "tager": "tage"}
    if first in irregular:
        first = irregular[first]
    elif first.endswith("er") and len(first) > 4:
        first = first[:-1]
    title = f"{first}{tail} {rest}".strip()
    return title[:1].upper() + title[1:]


def plan_import(council: CouncilContext, *, extraction: Extraction) -> ImportPlan:
    db = council.db
    m = extraction.meeting
    if m.date is None:
        raise InputError(
            f"Kan ikke finde mødets dato i {extraction.name}; "
            "tilføj en linje som »Dato: 1. april 2019«."
        )
    held = db.scalar(
        "SELECT m.date FROM import_log i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE i.council_id = :c AND i.digest = :d",
        c=council.id,
        d=extraction.digest,
    )
    names = _Names(council, [])
    # The referent first: present at the table, but as the secretary, not as a new member.
    referent = names.resolve(m.referent, "sekretær") if m.referent else None
    attendees = [names.resolve(n, "medlem") for n in m.participants]
    names.attendees = attendees
    plan = ImportPlan(
        file=extraction.name, digest=extraction.digest, council=council.name, day=m.date,
        start=m.start, end=m.end, place=m.place,
        meeting_exists=council.plan.on(m.date) is not None,
        participants=attendees,
        absent=[(names.resolve(n, "medlem"), m.reasons.get(n)) for n in m.absent],
        guests=[names.resolve(n, "gæst") for n in m.guests],
        referent=referent,
    )  # fmt: skip
    if held is not None:
        plan.already = (
            f"{extraction.name} er allerede importeret (mødet {dates.long_date(as_date(held))}); "
            "intet at gøre."
        )
        return plan
    plan.items = [(i.title, i.kind, "\n".join(i.background) or None, "\n".join(i.decision) or None)
                  for i in extraction.items]  # fmt: skip
    from udsat_cli.core.owners import body

    for proposal, item in extraction.actions:
        owners = []
        for owner in proposal.owners:
            # The council itself and units are owners as written, not new people.
            as_body = body(council, owner) or (body(council, "rådet") if is_body(owner) else None)
            owners.append(as_body.label if as_body else names.resolve(owner, "ekstern"))
        due = proposal.deadline.isoformat() if proposal.deadline else proposal.deadline_text
        plan.actions.append(
            PlannedAction(
                task_title(proposal.what), list(dict.fromkeys(owners)), due, item,
                proposal.source, confidence=proposal.confidence, reason=proposal.reason,
            )
        )  # fmt: skip
    plan.topics = [PlannedTopic(t.title, t.when_text, item, t.source)
                   for t, item in extraction.topics]  # fmt: skip
    plan.events = [PlannedEvent(e.title, e.day, item, e.source) for e, item in extraction.events]
    plan.new_people = list(names.new.values())
    return plan


def _people_for(council: CouncilContext, plan: ImportPlan) -> tuple[_Names, dict[str, str]]:
    """Resolve what the plan holds now (after the review's corrections) to the council's people.
    Only names the accepted plan uses are proposed as new people: an owner of a skipped action
    is not created."""
    from udsat_cli.core.owners import body

    names = _Names(council, [])
    resolved: dict[str, str] = {}
    if plan.referent:
        resolved[plan.referent] = names.resolve(plan.referent, "sekretær")
    names.attendees = [names.resolve(n, "medlem") for n in plan.participants]
    resolved.update(zip(plan.participants, names.attendees, strict=True))
    for n, _ in plan.absent:
        resolved[n] = names.resolve(n, "medlem")
    for n in plan.guests:
        resolved[n] = names.resolve(n, "gæst")
    for action in plan.actions:
        if action.accepted:
            for owner in action.owners:
                if not (body(council, owner) or is_body(owner)):
                    resolved[owner] = names.resolve(owner, "ekstern")
    return names, resolved


def apply_plan(council: CouncilContext, *, plan: ImportPlan) -> str:
    """Write the accepted parts of a plan in the caller's transaction; return a summary."""
    from udsat_cli.core.actions import add_action
    from udsat_cli.core.attendance import set_attendance
    from udsat_cli.core.items import ensure_item
    from udsat_cli.core.meetings import add_meeting
    from udsat_cli.core.members import add_member
    from udsat_cli.store.models import ImportLog

    held = council.db.scalar(
        "SELECT m.date FROM import_log i JOIN meeting m ON m.id = i.meeting_id "
        "WHERE i.council_id = :c AND i.digest = :d",
        c=council.id, d=plan.digest,
    )  # fmt: skip
    if held is not None:  # imported by another run since this one read it (under the lock now)
        raise UdsatError(
            f"{plan.file} er allerede importeret (mødet {dates.long_date(as_date(held))}); "
            "intet er skrevet."
        )
    names, resolved = _people_for(council, plan)
    for person in names.new.values():
        add_member(council, full_name=person.name, role=person.role)
    when = plan.day.isoformat() + (
        f" kl. {plan.start}" + (f"-{plan.end}" if plan.end else "") if plan.start else ""
    )
    meeting = council.plan.on(plan.day) or add_meeting(council, when=when, place=plan.place)
    # What the meeting decided is recorded as of the meeting's day.
    held_at = datetime.combine(plan.day, council.now.time(), council.now.tzinfo)
    held = council.as_of(held_at)
    ref = str(meeting.id)
    if plan.absent or plan.guests or plan.referent:
        absent = [resolved[n] + (f":{r}" if r else "") for n, r in plan.absent]
        set_attendance(
            held, ref=ref, absent=absent or None,
            guests=[resolved[n] for n in plan.guests] or None,
            referent=resolved.get(plan.referent) if plan.referent else None,
        )  # fmt: skip
    for title, kind, background, decision in plan.items:
        ensure_item(held, meeting_id=meeting.id, title=title, kind=kind,
                    background=background, decision=decision, append=True)  # fmt: skip
    existing = [
        (t, o or "")
        for t, o in council.db.rows(
            "SELECT a.title, p.full_name FROM action a LEFT JOIN action_owner ao "
            "ON ao.action_id = a.id LEFT JOIN person p ON p.id = ao.person_id "
            "WHERE a.meeting_id = :m", m=meeting.id,
        )
    ]  # fmt: skip
    accepted = [a for a in plan.actions if a.accepted]
    new = [a for a in accepted if not _already_entered(a, existing, resolved)]
    for action in new:
        owners = [resolved.get(o, o) for o in action.owners]
        add_action(held, title=action.title, owners=owners, due=action.due, meeting=ref,
                   item=action.item, details=action.source)  # fmt: skip
    topics = _add_topics(held, plan)
    events = _add_events(held, plan)
    council.writing.add(ImportLog(council_id=council.id, digest=plan.digest,
                                  meeting_id=meeting.id, file_name=plan.file[:300],
                                  at=council.now))  # fmt: skip
    council.writing.flush()
    summary = import_summary(plan.day, len(plan.items), len(new), len(names.new))
    from udsat_cli.danish import count

    extra = []
    if len(accepted) > len(new):
        extra.append(f"{count(len(accepted) - len(new), 'opgave', 'opgaver')} fandtes allerede")
    if topics:
        extra.append(f"{count(topics, 'emne', 'emner')} til et kommende møde")
    if events:
        extra.append(f"{count(events, 'arrangement', 'arrangementer')}")
    return summary + (f" Desuden: {'; '.join(extra)}." if extra else "")


def _already_entered(action: PlannedAction, existing: list[tuple[str, str]],
                     resolved: dict[str, str]) -> bool:  # fmt: skip
    """An action entered by hand before the minutes were imported: a similar title, and the
    same owner where both have one."""
    owners = {resolved.get(o, o).casefold() for o in action.owners}
    title = action.title.casefold()
    for other, owner in existing:
        similar = difflib.SequenceMatcher(None, title, other.casefold()).ratio() >= 0.6 or (
            _shared_words(title, other.casefold()) >= 0.5
        )
        if similar and (not owner or not owners or owner.casefold() in owners):
            return True
    return False


def _shared_words(a: str, b: str) -> float:
    import re

    wa = set(re.findall(r"\w{4,}", a))
    wb = set(re.findall(r"\w{4,}", b))
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _add_topics(held: CouncilContext, plan: ImportPlan) -> int:
    from udsat_cli.core.topics import add_topic

    taken = {t.casefold() for (t,) in held.db.rows(
        "SELECT title FROM topic WHERE council_id = :c", c=held.id)}  # fmt: skip
    added = 0
    for topic in plan.topics:
        if topic.accepted and topic.title.casefold() not in taken:
            try:
                add_topic(held, title=topic.title, when=topic.when)
            except InputError:  # a vague "til efteråret" the calendar cannot place
                add_topic(held, title=topic.title)
            taken.add(topic.title.casefold())
            added += 1
    return added


def _add_events(held: CouncilContext, plan: ImportPlan) -> int:
    from udsat_cli.core.events import add_event

    taken = {(t.casefold(), as_date(d)) for t, d in held.db.rows(
        "SELECT title, date FROM event WHERE council_id = :c", c=held.id)}  # fmt: skip
    added = 0
    for event in plan.events:
        if event.accepted and (event.title.casefold(), event.day) not in taken:
            add_event(held, when=event.day.isoformat(), title=event.title)
            added += 1
    return added


def import_summary(day: date, items: int, actions: int, people: int) -> str:
    from udsat_cli.danish import count

    return (
        f"Importerede mødet {dates.long_date(day)}: {count(items, 'punkt', 'punkter')}, "
        f"{count(actions, 'opgave', 'opgaver')}, {count(people, 'ny person', 'nye personer')}."
    )
