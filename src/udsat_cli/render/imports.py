"""An import plan as the secretary reviews it: dates the Danish way, unsure proposals marked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.common import header
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.imports import ImportPlan, PlannedAction

ROLE_WORDS = {
    "medlem": "som medlem",
    "gæst": "som gæst",
    "sekretær": "som sekretær",
    "ekstern": "uden for rådet",
}


def due_words(due: str | None) -> str:
    """A planned deadline as a person reads it: »15. april 2024«, or the words as written."""
    if not due:
        return "ingen"
    try:
        return dates.long_date(date.fromisoformat(due))
    except ValueError:
        return due


def guest_words(name: str, role: str | None) -> str:
    return f"{name} ({role})" if role else name


def point_words(plan: ImportPlan, index: int | None) -> str:
    """ "2. Tilgængelighed" for a task's point, following a merge; "intet" for none."""
    from udsat_cli.core.imports import item_title

    title = item_title(plan, index)
    if title is None:
        return "intet"
    kept = [i for i in plan.items if i.accepted]
    number = next(n for n, i in enumerate(kept, start=1) if i.title == title)
    return f"{number}. {title}"


def plan_lines(plan: ImportPlan) -> Iterator[str]:
    yield f"Referat: {plan.file}"
    if plan.already:
        yield plan.already
        return
    rows = [
        ("Forum", plan.council),
        (
            "Tid",
            dates.meeting_when(plan.day, plan.start, plan.end)
            + ("" if plan.meeting_exists else " (nyt møde)"),
        ),
        ("Sted", plan.place or "ikke angivet"),
        ("Deltagere", ", ".join(plan.participants) or "ingen fundet"),
        ("Afbud", ", ".join(f"{n} ({r})" if r else n for n, r in plan.absent) or "ingen"),
        ("Gæster", ", ".join(guest_words(n, r) for n, r in plan.guests) or "ingen"),
        ("Referent", plan.referent or "ikke angivet"),
    ]
    yield from header(rows)
    if plan.new_people:
        yield ""
        yield "Nye personer (ansvarlige for opgaver oprettes kun, hvis opgaven tages med):"
        for person in plan.new_people:
            yield f"  · {person.name} {ROLE_WORDS[person.role]}"
    yield ""
    yield "Punkter:"
    if not plan.items:
        yield "  ingen fundet"
    yield from _points(plan)
    yield ""
    yield "Opgaver:"
    if not plan.actions:
        yield "  ingen fundet"
    for n, action in enumerate(plan.actions, start=1):
        yield f"  {n}. {action.title}" + ("" if action.accepted else " (springes over)")
        owners = ", ".join(action.owners) or "ingen"
        yield (
            f"     Ansvarlig: {owners} · Frist: {due_words(action.due)}"
            f" · Punkt: {point_words(plan, action.item)}"
        )
        unsure = " (usikker)" if action.unsure else ""
        yield f"     Sikkerhed: {_share(action.confidence)}{unsure} – {action.reason}"
        yield f"     Kilde: »{action.source}«"
    if plan.topics:
        yield ""
        yield "Emner til et kommende møde:"
        for topic in plan.topics:
            yield f"  · {topic.title}" + (f" ({topic.when})" if topic.when else "")
            yield f"     Kilde: »{topic.source}«"
    if plan.events:
        yield ""
        yield "Arrangementer:"
        for event in plan.events:
            yield f"  · {dates.long_date(event.day)}: {event.title}"
            yield f"     Kilde: »{event.source}«"


def _points(plan: ImportPlan) -> Iterator[str]:
    for n, item in enumerate(plan.items, start=1):
        if item.accepted:
            yield f"  {n}. {item.title}"
        elif item.merged_into is not None:
            yield f"  {n}. {item.title} (lagt sammen med punkt {item.merged_into + 1})"
        else:
            yield f"  {n}. {item.title} (ikke et punkt)"


def _share(confidence: float) -> str:
    return f"{confidence:.2f}".replace(".", ",")


def action_line(plan: ImportPlan, action: PlannedAction) -> str:
    """One action on one line, for the review's question about it."""
    owners = ", ".join(action.owners) or "ingen ansvarlig"
    due = f" · frist {due_words(action.due)}" if action.due else ""
    where = f" · punkt {point_words(plan, action.item)}" if action.item is not None else ""
    sure = f"sikkerhed {_share(action.confidence)}" + (", usikker" if action.unsure else "")
    return f"{action.title} – {owners}{due}{where} ({sure})"


IMPORTS_EXTRACTIONS = view(__name__, "extractions")
IMPORTS_PLAN = view(__name__, "plan")
