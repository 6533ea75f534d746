"""Reviewing an import at the terminal: show, then accept, edit or skip each action."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from udsat_cli.cli.app import State
from udsat_cli.errors import InputError
from udsat_cli.textform import nfc

if TYPE_CHECKING:
    from udsat_cli.core.imports import ImportPlan
    from udsat_cli.importer.extract import Extraction


def _ask(question: str, default: str) -> str:
    sys.stdout.write(f"{question} ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise InputError("Ingen svar (stdin er lukket); brug --yes eller --dry-run.")
    return nfc(answer.strip()) or default


def review_and_write(st: State, extractions: list[Extraction], *, yes: bool, dry_run: bool) -> None:
    from udsat_cli.core.imports import apply_plan, plan_import
    from udsat_cli.render.imports import plan_lines

    with st.read() as council:
        plans = [plan_import(council, extraction=x) for x in extractions]
    for plan in plans:
        print("\n".join(plan_lines(plan)))
        if plan.already:
            continue
        if dry_run:
            continue
        if not yes:
            _review(plan)
            if _ask("Skriv dette i lageret? [j/N]", "n").lower() not in ("j", "ja", "y", "yes"):
                print("Intet er skrevet.")
                continue
        with st.write() as council:
            summary = apply_plan(council, plan=plan)
        print(summary)
    if dry_run:
        print("Prøvekørsel: intet er skrevet.")


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(",") if n.strip()]


def _review_meeting(plan: ImportPlan) -> None:
    """The header as read can be corrected before anything is written."""
    from udsat_cli import dates

    if _ask("Mødet: [j]a, [r]et? [j]", "j").lower().startswith("r"):
        when = _ask(f"  Dato [{plan.day.isoformat()}]:", plan.day.isoformat())
        plan.day = dates.parse_date(when, today=plan.day)
        plan.place = _ask(f"  Sted [{plan.place or 'ikke angivet'}]:", plan.place or "") or None
        plan.participants = _names(_ask(f"  Deltagere [{', '.join(plan.participants)}]:",
                                        ", ".join(plan.participants)))  # fmt: skip
        shown = ", ".join(n for n, _ in plan.absent)
        reasons = dict(plan.absent)
        plan.absent = [(n, reasons.get(n)) for n in _names(_ask(f"  Afbud [{shown}]:", shown))]
        plan.guests = _names(_ask(f"  Gæster [{', '.join(plan.guests)}]:", ", ".join(plan.guests)))
        shown = plan.referent or "ingen"
        plan.referent = _ask(f"  Referent [{shown}]:", plan.referent or "") or None


def _review(plan: ImportPlan) -> None:
    from udsat_cli.render.imports import action_line

    _review_meeting(plan)
    total = len(plan.actions)
    for n, action in enumerate(plan.actions, start=1):
        if not action.accepted:
            continue
        print(f"Opgave {n} af {total}: {action_line(action)}")
        answer = _ask("  [j]a, [r]et, [s]pring over? [j]", "j").lower()
        if answer.startswith("s"):
            action.accepted = False
        elif answer.startswith("r"):
            action.title = _ask(f"  Opgave [{action.title}]:", action.title)
            owners = _ask(f"  Ansvarlige, adskilt af komma [{', '.join(action.owners)}]:",
                          ", ".join(action.owners))  # fmt: skip
            action.owners = _names(owners)
            action.due = _ask(f"  Frist [{action.due or 'ingen'}]:", action.due or "") or None
    for topic in plan.topics:
        answer = _ask(f"Emne til et kommende møde: »{topic.title}«: [j]a, [s]pring over? [j]", "j")
        topic.accepted = not answer.lower().startswith("s")
    for event in plan.events:
        answer = _ask(f"Arrangement {event.day.isoformat()} »{event.title}«: [j]a, "
                      "[s]pring over? [j]", "j")  # fmt: skip
        event.accepted = not answer.lower().startswith("s")
