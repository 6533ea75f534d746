"""Turning an extraction into a plan the secretary reviews, and writing the accepted plan.

Names in the minutes are matched to the council's people (full name, short name, a first name
unique among the meeting's participants or in the council, or a near spelling: "Helgo Bo" is
"Helge Bo"). Unknown people are proposed, never created silently: participants as members,
guests as guests, the referent as secretary, other owners as outsiders. The same minutes
imported twice are recognised by their content; a meeting already in the store is matched by
its date.

The plan is what the review corrects, at the terminal or as JSON (``plan_json`` and
``plan_from_json``): the meeting's fields, who came, the points (kept, renamed, dropped or merged),
each task, topic and event (taken, corrected or skipped), and tasks the reader missed. Proposals
the reader is unsure of (``LOW_CONFIDENCE``) are skipped unless the secretary takes them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli import dates
from udsat_cli.errors import InputError, UdsatError
from udsat_cli.importer.fields import is_body
from udsat_cli.store.db import as_date, required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.importer.extract import Extraction

LOW_CONFIDENCE = 0.7  # below this a proposal is shown as unsure and skipped unless taken
ADDED = "tilføjet ved gennemsynet"  # the source of a task the secretary added


@dataclass
class NewPerson:
    name: str
    role: str


@dataclass
class PlannedItem:
    title: str
    kind: str | None = None
    background: str | None = None
    decision: str | None = None
    accepted: bool = True
    merged_into: int | None = None  # the index of the point this one was merged into


@dataclass
class PlannedAction:
    title: str
    owners: list[str]
    due: str | None  # an ISO date, or the deadline's words
    item: int | None  # index into the plan's items
    source: str
    accepted: bool = True
    confidence: float = 1.0
    reason: str = ""

    @property
    def unsure(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


@dataclass
class PlannedTopic:
    title: str
    when: str | None
    item: int | None
    source: str
    accepted: bool = True


@dataclass
class PlannedEvent:
    title: str
    day: date
    item: int | None
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
    absent: list[tuple[str, str | None]]  # (name, reason)
    guests: list[tuple[str, str | None]]  # (name, role): »Karen Holm«, »Ældreforvaltningen«
    referent: str | None
    new_people: list[NewPerson] = field(default_factory=list)
    items: list[PlannedItem] = field(default_factory=list)
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

    def find(self, name: str) -> str | None:
        """The council's person this name is, without proposing anybody new."""
        key = " ".join(name.split()).casefold()
        hits = [
            full
            for full, short in self.people
            if full.casefold() == key or (short or "").casefold() == key
        ]
        return hits[0] if len(hits) == 1 else None

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
    title = re.sub(r"\b(og|samt)\s+([a-zæøå]+)\b", _infinitive_after, title)
    return title[:1].upper() + title[1:]


def _infinitive_after(m: re.Match[str]) -> str:
    """ "… og sender det til medlemmerne": the second verb of a task in the infinitive too."""
    from udsat_cli.importer.lexicon import infinitive_of_present

    return f"{m[1]} {infinitive_of_present(m[2]) or m[2]}"


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
        file=extraction.name,
        digest=extraction.digest,
        council=council.name,
        day=m.date,
        start=m.start,
        end=m.end,
        place=m.place,
        meeting_exists=council.plan.on(m.date) is not None,
        participants=attendees,
        absent=[(names.resolve(n, "medlem"), m.reasons.get(n)) for n in m.absent],
        guests=[_guest(names, n, m.guest_roles.get(n)) for n in m.guests],
        referent=referent,
    )
    if held is not None:
        plan.already = (
            f"{extraction.name} er allerede importeret "
            f"(mødet {dates.long_date(required_date(held))}); intet at gøre."
        )
        return plan
    plan.items = [
        PlannedItem(i.title, i.kind, "\n".join(i.background) or None, "\n".join(i.decision) or None)
        for i in extraction.items
    ]
    index: dict[str | None, int] = {}  # a title's first point (None: no point)
    for n, i in enumerate(extraction.items):
        index.setdefault(i.title, n)
    from udsat_cli.core.owners import body

    for proposal, item in extraction.actions:
        owners = []
        for owner in proposal.owners:
            # The council itself and units are owners as written, not new people.
            as_body = body(council, owner) or (body(council, "rådet") if is_body(owner) else None)
            owners.append(as_body.label if as_body else names.resolve(owner, "ekstern"))
        due = proposal.deadline.isoformat() if proposal.deadline else proposal.deadline_text
        what = proposal.what
        if proposal.deadline_text and what.endswith(proposal.deadline_text):
            what = what[: -len(proposal.deadline_text)].rstrip(" ,") or what  # shown apart
        plan.actions.append(
            PlannedAction(
                task_title(what),
                list(dict.fromkeys(owners)),
                due,
                index.get(item),
                proposal.source,
                accepted=proposal.confidence >= LOW_CONFIDENCE,
                confidence=proposal.confidence,
                reason=proposal.reason,
            )
        )
    plan.topics = [
        PlannedTopic(t.title, t.when_text, index.get(item), t.source)
        for t, item in extraction.topics
    ]
    plan.events = [
        PlannedEvent(e.title, e.day, index.get(item), e.source) for e, item in extraction.events
    ]
    plan.new_people = list(names.new.values())
    return plan


def _guest(names: _Names, name: str, role: str | None) -> tuple[str, str | None]:
    """A guest named with a role (»Karen Holm (Ældreforvaltningen)«) who is not one of the
    council's people is the meeting's guest, not a new person; one without is proposed as one."""
    if role:
        return names.find(name) or " ".join(name.split()), role
    return names.resolve(name, "gæst"), None


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
    for n, role in plan.guests:
        if role and not names.find(n):
            resolved[n] = f"{n} ({role})"  # the meeting's own guest, as »Navn (rolle)«
        else:
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
        c=council.id,
        d=plan.digest,
    )
    if held is not None:  # imported by another run since this one read it (under the lock now)
        raise UdsatError(
            f"{plan.file} er allerede importeret (mødet {dates.long_date(required_date(held))}); "
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
            held,
            ref=ref,
            absent=absent or None,
            guests=[resolved[n] for n, _ in plan.guests] or None,
            referent=resolved.get(plan.referent) if plan.referent else None,
        )
    kept = [i for i in plan.items if i.accepted]
    for item in kept:
        ensure_item(
            held,
            meeting_id=meeting.id,
            title=item.title,
            kind=item.kind,
            background=item.background,
            decision=item.decision,
            append=True,
        )
    existing = [
        (t, o or "")
        for t, o in council.db.rows(
            "SELECT a.title, p.full_name FROM action a LEFT JOIN action_owner ao "
            "ON ao.action_id = a.id LEFT JOIN person p ON p.id = ao.person_id "
            "WHERE a.meeting_id = :m",
            m=meeting.id,
        )
    ]
    accepted = [a for a in plan.actions if a.accepted]
    new = [a for a in accepted if not _already_entered(a, existing, resolved)]
    for action in new:
        owners = [resolved.get(o, o) for o in action.owners]
        add_action(
            held,
            title=action.title,
            owners=owners,
            due=action.due,
            meeting=ref,
            item=item_title(plan, action.item),
            details=action.source,
        )
    topics = _add_topics(held, plan)
    events = _add_events(held, plan)
    council.writing.add(
        ImportLog(
            council_id=council.id,
            digest=plan.digest,
            meeting_id=meeting.id,
            file_name=plan.file[:300],
            at=council.now,
        )
    )
    council.writing.flush()
    summary = import_summary(plan.day, len(kept), len(new), len(names.new))
    from udsat_cli.danish import count

    extra = []
    if len(accepted) > len(new):
        extra.append(f"{count(len(accepted) - len(new), 'opgave', 'opgaver')} fandtes allerede")
    if topics:
        extra.append(f"{count(topics, 'emne', 'emner')} til et kommende møde")
    if events:
        extra.append(f"{count(events, 'arrangement', 'arrangementer')}")
    return summary + (f" Desuden: {'; '.join(extra)}." if extra else "")


def _already_entered(
    action: PlannedAction, existing: list[tuple[str, str]], resolved: dict[str, str]
) -> bool:
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
    wa = set(re.findall(r"\w{4,}", a))
    wb = set(re.findall(r"\w{4,}", b))
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _add_topics(held: CouncilContext, plan: ImportPlan) -> int:
    from udsat_cli.core.topics import add_topic

    taken = {
        t.casefold()
        for (t,) in held.db.rows("SELECT title FROM topic WHERE council_id = :c", c=held.id)
    }
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

    taken = {
        (t.casefold(), as_date(d))
        for t, d in held.db.rows("SELECT title, date FROM event WHERE council_id = :c", c=held.id)
    }
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


# --- the review's corrections ------------------------------------------------------------------


def item_title(plan: ImportPlan, index: int | None) -> str | None:
    """The title a task, topic or event of point ``index`` is filed under: the point it was
    merged into, or none when the point was dropped."""
    seen = set()
    while index is not None and 0 <= index < len(plan.items) and index not in seen:
        seen.add(index)
        item = plan.items[index]
        if item.accepted:
            return item.title
        index = item.merged_into
    return None


def _proposals(plan: ImportPlan) -> list[PlannedAction | PlannedTopic | PlannedEvent]:
    """What the plan proposes under its points: tasks, topics and events."""
    return [*plan.actions, *plan.topics, *plan.events]


def merge_items(plan: ImportPlan, *, source: int, target: int) -> None:
    """Point ``source`` becomes part of point ``target``: its text and its tasks move there."""
    if source == target or not plan.items[target].accepted:
        raise InputError("Et punkt kan kun slås sammen med et andet punkt, der er med.")
    into, moved = plan.items[target], plan.items[source]
    into.background = "\n".join(t for t in (into.background, moved.background) if t) or None
    into.decision = "\n".join(t for t in (into.decision, moved.decision) if t) or None
    moved.accepted, moved.merged_into = False, target
    for found in _proposals(plan):
        if found.item == source:
            found.item = target


def drop_item(plan: ImportPlan, *, index: int) -> None:
    """A point that is no point (a label, a date line): its tasks stay, filed under no point."""
    plan.items[index].accepted = False
    plan.items[index].merged_into = None
    for found in _proposals(plan):
        if found.item == index:
            found.item = None


def add_task(
    plan: ImportPlan, *, title: str, owners: list[str], due: str | None, item: int | None
) -> PlannedAction:
    """A task the reading missed, added by the secretary."""
    title = " ".join(title.split())
    if not title:
        raise InputError("Opgavens titel må ikke være tom.")
    action = PlannedAction(title, owners, due, item, ADDED, confidence=1.0, reason=ADDED)
    plan.actions.append(action)
    return action


def no_deadline(text: str | None) -> str | None:
    """The deadline as typed; "ingen", "-" or nothing is no deadline."""
    text = " ".join((text or "").split())
    return None if text.casefold() in ("", "ingen", "-", "ingen frist", "nej") else text


def split_guest(text: str) -> tuple[str, str | None]:
    """ "Karen Holm (Ældre- og Handicapforvaltningen)" -> ("Karen Holm", "Ældre- og …")."""

    m = re.fullmatch(r"\s*(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*", text)
    if m:
        return m["name"], m["role"].strip()
    m = re.fullmatch(r"\s*(?P<name>[^,]+?)\s*,\s*(?P<role>.+?)\s*", text)
    if m and len(m["name"].split()) >= 2:
        return m["name"], m["role"]
    return " ".join(text.split()), None


# --- the plan as JSON, edited elsewhere and read back -------------------------------------------

_PLAN_KEYS = {"file", "digest", "meeting", "items", "actions", "topics", "events"}


class _Plan:
    """Reads one edited plan, refusing what does not fit with one sentence naming the place."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.numbers: dict[int, int] | None = None  # a point's number in the plan -> its index

    def fail(self, where: str, what: str) -> InputError:
        return InputError(f"{self.name}: {where} {what}.")

    def obj(self, value: object, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "skal være et objekt")
        return value

    def items(self, value: object, where: str) -> list:
        if not isinstance(value, list):
            raise self.fail(where, "skal være en liste")
        return value

    def text(self, value: object, where: str, *, empty: bool = False) -> str | None:
        if value is None and empty:
            return None
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(where, "skal være en tekst" + ("" if empty else ", der ikke er tom"))
        return " ".join(value.split()) or None

    def flag(self, value: object, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(where, "skal være true eller false")
        return value

    def names(self, value: object, where: str) -> list[str]:
        entries = self.items(value, where)
        return [str(self.text(n, f"{where}[{i + 1}]")) for i, n in enumerate(entries)]

    def point(self, value: object, where: str, count: int) -> int | None:
        """A point named by its number in the plan (its "number"), as an index into the points."""
        if value is None:
            return None
        numbers = self.numbers
        if numbers is None:
            numbers = {n: n - 1 for n in range(1, count + 1)}
        if isinstance(value, bool) or not isinstance(value, int) or value not in numbers:
            shown = ", ".join(str(n) for n in sorted(numbers)) or "ingen"
            raise self.fail(where, f"skal være et af punkternes numre ({shown}) eller null")
        return numbers[value]

    def day(self, value: object, where: str, today: date) -> date:
        text = self.text(value, where)
        try:
            return dates.parse_date(str(text), today=today)
        except UdsatError:
            raise self.fail(where, f"»{text}« er ikke en dato") from None

    def clock(self, value: object, where: str) -> str | None:
        text = self.text(value, where, empty=True)
        if text is None:
            return None
        m = re.fullmatch(r"(\d{1,2})[.:](\d{2})", text)
        if not m or int(m[1]) > 23 or int(m[2]) > 59:
            raise self.fail(where, f"»{text}« er ikke et klokkeslæt som 14:00")
        return f"{int(m[1]):02d}:{m[2]}"


def plan_from_json(plan: ImportPlan, *, data: object, name: str) -> ImportPlan:
    """The plan as the secretary edited it (``name`` is the file it came from), checked
    completely before anything is written: every part of it may be corrected."""
    r = _Plan(name)
    data = r.obj(data, "planen")
    unknown = sorted(set(data) - _PLAN_KEYS)
    if unknown:
        raise r.fail("planen", f"har et felt, udsat ikke kender: »{unknown[0]}«")
    if data.get("digest") not in (None, plan.digest):
        raise InputError(
            f"{name} er lavet ud fra et andet referat end {plan.file}; lav en ny plan med --plan."
        )
    meeting = r.obj(data.get("meeting", {}), "»meeting«")
    if "date" in meeting:
        plan.day = r.day(meeting["date"], "»meeting.date«", plan.day)
    for key in ("start", "end"):
        if key in meeting:
            setattr(plan, key, r.clock(meeting[key], f"»meeting.{key}«"))
    if "place" in meeting:
        plan.place = r.text(meeting["place"], "»meeting.place«", empty=True)
    if "referent" in meeting:
        plan.referent = r.text(meeting["referent"], "»meeting.referent«", empty=True)
    if "participants" in meeting:
        plan.participants = r.names(meeting["participants"], "»meeting.participants«")
    for key, extra in (("absent", "reason"), ("guests", "role")):
        if key in meeting:
            entries = r.items(meeting[key], f"»meeting.{key}«")
            where = f"»meeting.{key}"
            setattr(
                plan,
                key,
                [_person(r, e, f"{where}[{i + 1}]«", extra) for i, e in enumerate(entries)],
            )
    if "items" in data:
        _items_from(r, plan, r.items(data["items"], "»items«"))
    count = len(plan.items)
    if "actions" in data:
        plan.actions = [
            _action_from(r, plan, r.obj(a, f"»actions[{i + 1}]«"), i, count)
            for i, a in enumerate(r.items(data["actions"], "»actions«"))
        ]
    proposed: list[tuple[str, Sequence[PlannedTopic | PlannedEvent]]] = [
        ("topics", plan.topics),
        ("events", plan.events),
    ]
    for key, found in proposed:
        if key not in data:
            continue
        entries = r.items(data[key], f"»{key}«")
        if len(entries) != len(found):
            raise r.fail(f"»{key}«", f"skal have de {len(found)} forslag, planen blev lavet med")
        for i, (entry, proposal) in enumerate(zip(entries, found, strict=True)):
            where = f"»{key}[{i + 1}]"
            entry = r.obj(entry, where + "«")
            proposal.accepted = r.flag(entry.get("take", True), where + ".take«")
            proposal.title = str(r.text(entry.get("title", proposal.title), where + ".title«"))
            if "item" in entry:
                proposal.item = r.point(entry["item"], where + ".item«", count)
            if isinstance(proposal, PlannedTopic) and "when" in entry:  # the topics
                proposal.when = r.text(entry["when"], where + ".when«", empty=True)
            if isinstance(proposal, PlannedEvent) and "date" in entry:  # the events
                proposal.day = r.day(entry["date"], where + ".date«", plan.day)
    return plan


def _person(r: _Plan, value: object, where: str, extra: str) -> tuple[str, str | None]:
    if isinstance(value, str):
        return split_guest(value) if extra == "role" else (str(r.text(value, where)), None)
    value = r.obj(value, where)
    return str(r.text(value.get("name"), where[:-1] + ".name«")), r.text(
        value.get(extra), where[:-1] + f".{extra}«", empty=True
    )


def _items_from(r: _Plan, plan: ImportPlan, entries: list) -> None:
    """The points as edited: each keeps the number it had (a task names its point by it), so a
    point deleted from the list shifts no other; a new point takes the next free number."""
    items: list[PlannedItem] = []
    merges: list[tuple[Any, str]] = []  # (merge_into as given, where)
    numbers: dict[int, int] = {}  # a point's number -> its index
    for i, entry in enumerate(entries):
        where = f"»items[{i + 1}]"
        entry = r.obj(entry, where + "«")
        number = entry.get("number")
        if number is None:
            number = max([len(plan.items), *numbers]) + 1
        if isinstance(number, bool) or not isinstance(number, int) or number in numbers:
            raise r.fail(where + ".number«", "skal være et nummer, intet andet punkt har")
        numbers[number] = i
        old = plan.items[number - 1] if 1 <= number <= len(plan.items) else PlannedItem("")
        items.append(
            PlannedItem(
                str(r.text(entry.get("title", old.title or None), where + ".title«")),
                r.text(entry.get("kind", old.kind), where + ".kind«", empty=True),
                r.text(entry.get("background", old.background), where + ".background«", empty=True),
                r.text(entry.get("decision", old.decision), where + ".decision«", empty=True),
                r.flag(entry.get("keep", True), where + ".keep«"),
            )
        )
        merges.append((entry.get("merge_into"), where))
    for found in _proposals(plan):  # the proposals' points, renumbered
        found.item = None if found.item is None else numbers.get(found.item + 1)
    plan.items, r.numbers = items, numbers
    targets = [r.point(into, where + ".merge_into«", len(items)) for into, where in merges]
    for i, target in enumerate(targets):
        if target is None:
            continue
        if target == i or not items[target].accepted or targets[target] is not None:
            raise r.fail(merges[i][1] + ".merge_into«", "skal pege på et andet punkt, der er med")
        merge_items(plan, source=i, target=target)


def _action_from(r: _Plan, plan: ImportPlan, entry: dict, i: int, count: int) -> PlannedAction:
    where = f"»actions[{i + 1}]"
    owners = r.names(entry.get("owners", []), where + ".owners«")
    deadline = r.text(entry.get("deadline"), where + ".deadline«", empty=True)
    action = PlannedAction(
        str(r.text(entry.get("title"), where + ".title«")),
        owners,
        no_deadline(deadline),
        r.point(entry.get("item"), where + ".item«", count),
        r.text(entry.get("source"), where + ".source«", empty=True) or ADDED,
        accepted=r.flag(entry.get("take", True), where + ".take«"),
    )
    confidence = entry.get("confidence", 1.0)
    if isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
        action.confidence = float(confidence)
    action.reason = r.text(entry.get("reason"), where + ".reason«", empty=True) or ADDED
    if action.item is not None and item_title(plan, action.item) is None:
        raise r.fail(where + ".item«", "peger på et punkt, der ikke er med")
    return action


def apply_edited_plan(
    council: CouncilContext, *, extraction: Extraction, data: object, name: str
) -> str:
    """``udsat import FILE --apply PLAN``: the plan read from FILE, corrected as PLAN says,
    written in the caller's transaction; a plan that does not fit writes nothing."""
    plan = plan_import(council, extraction=extraction)
    if plan.already:
        raise UdsatError(plan.already.replace("intet at gøre", "intet er skrevet"))
    return apply_plan(council, plan=plan_from_json(plan, data=data, name=name))
