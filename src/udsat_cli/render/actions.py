"""Actions printed: the list (udsat actions) and one action after a change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from udsat_cli.core.actions import LABELS
from udsat_cli.render.common import due_text, join_names, md, table
from udsat_cli.render.followups import STATUS_STYLES, facts, minutes_line
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionList, ActionView

COLUMNS = ["Nr.", "Opgave", "Ansvarlige", "Frist", "Status"]
EMPTY = "Ingen opgaver."


def _row(a: ActionView) -> list[str]:
    return [f"#{a.id}", a.title, join_names(a.owners), due_text(a, empty=""), LABELS[a.status]]


def text(found: ActionList) -> Iterator[str]:
    if not found.actions:
        yield EMPTY
        return
    yield from table(COLUMNS, [_row(a) for a in found.actions])


def markdown(found: ActionList) -> Iterator[str]:
    if not found.actions:
        yield EMPTY
        return
    yield f"| {' | '.join(COLUMNS)} |"
    yield "|" + "---|" * len(COLUMNS)
    for a in found.actions:
        yield "| " + " | ".join(md(cell) for cell in _row(a)) + " |"


def rich(found: ActionList, console: Any) -> None:
    from rich.markup import escape
    from rich.table import Table

    if not found.actions:
        console.print(EMPTY)
        return
    grid = Table(expand=True)
    for column in COLUMNS:
        grid.add_column(column)
    for a in found.actions:
        cells = [escape(c) for c in _row(a)]
        if a.overdue:
            cells[3] = f"[red]{cells[3]}[/]"
        cells[4] = f"[{STATUS_STYLES[a.status]}]{cells[4]}[/]"
        grid.add_row(*cells)
    console.print(grid)


# --- one action, after add-action, update, done, postpone or drop -----------------------------


def one_text(action: ActionView) -> Iterator[str]:
    yield f"#{action.id} {action.title}"
    yield f"  {facts(action)}"
    if action.note:
        yield f"  Seneste note: {action.note}"


def one_markdown(action: ActionView) -> Iterator[str]:
    yield f"- {md(minutes_line(action))}"


ACTIONS = view(__name__)
ACTIONS_ONE = view(__name__, "one")
