"""An import plan as the secretary reviews it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.common import header

if TYPE_CHECKING:
    from udsat_cli.core.imports import ImportPlan, PlannedAction

ROLE_WORDS = {"medlem": "som medlem", "gæst": "som gæst", "sekretær": "som sekretær",
              "ekstern": "uden for rådet"}  # fmt: skip


def plan_lines(plan: ImportPlan) -> Iterator[str]:
    yield f"Referat: {plan.file}"
    if plan.already:
        yield plan.already
        return
    rows = [
        ("Forum", plan.council),
        ("Tid", dates.meeting_when(plan.day, plan.start, plan.end)
         + ("" if plan.meeting_exists else " (nyt møde)")),
        ("Sted", plan.place or "ikke angivet"),
        ("Deltagere", ", ".join(plan.participants) or "ingen fundet"),
        ("Afbud", ", ".join(f"{n} ({r})" if r else n for n, r in plan.absent) or "ingen"),
        ("Gæster", ", ".join(plan.guests) or "ingen"),
        ("Referent", plan.referent or "ikke angivet"),
    ]  # fmt: skip
    yield from header(rows)
    if plan.new_people:
        yield ""
        yield "Nye personer (ansvarlige for opgaver oprettes kun, hvis opgaven tages med):"
        for person in plan.new_people:
            yield f"  · {person.name} {ROLE_WORDS[person.role]}"
    yield ""
    yield "Punkter:"
    yield from (f"  {n}. {title}" for n, (title, *_rest) in enumerate(plan.items, start=1))
    yield ""
    yield "Opgaver:"
    if not plan.actions:
        yield "  ingen fundet"
    for n, action in enumerate(plan.actions, start=1):
        yield f"  {n}. {action.title}"
        owners = ", ".join(action.owners) or "ingen"
        yield f"     Ansvarlig: {owners}" + (f" · Frist: {action.due}" if action.due else "")
        yield f"     Sikkerhed: {_share(action.confidence)} – {action.reason}"
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


def _share(confidence: float) -> str:
    return f"{confidence:.2f}".replace(".", ",")


def action_line(action: PlannedAction) -> str:
    """One action on one line, for the review's question about it."""
    owners = ", ".join(action.owners) or "ingen ansvarlig"
    due = f" · frist {action.due}" if action.due else ""
    where = f" · punkt: {action.item}" if action.item else ""
    return f"{action.title} – {owners}{due}{where} (sikkerhed {_share(action.confidence)})"
