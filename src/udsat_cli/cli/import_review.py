"""Reviewing an import at the terminal: show, then accept, edit or skip each action."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from udsat_cli.cli.app import State
from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.core.imports import ImportPlan
    from udsat_cli.importer.extract import Extraction


def _ask(question: str, default: str) -> str:
    sys.stdout.write(f"{question} ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise InputError("Ingen svar (stdin er lukket); brug --yes eller --dry-run.")
    return answer.strip() or default


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


def _review(plan: ImportPlan) -> None:
    for n, action in enumerate(plan.actions, start=1):
        if not action.accepted:
            continue
        answer = _ask(f"Opgave {n}: [j]a, [r]et, [s]pring over? [j]", "j").lower()
        if answer.startswith("s"):
            action.accepted = False
        elif answer.startswith("r"):
            action.title = _ask(f"  Opgave [{action.title}]:", action.title)
            owners = _ask(f"  Ansvarlige, adskilt af komma [{', '.join(action.owners)}]:",
                          ", ".join(action.owners))  # fmt: skip
            action.owners = [o.strip() for o in owners.split(",") if o.strip()]
            action.due = _ask(f"  Frist [{action.due or 'ingen'}]:", action.due or "") or None
