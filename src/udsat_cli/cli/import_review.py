"""Reviewing an import at the terminal: the meeting, the points, each task, topic and event, and
tasks the reading missed; then write what was accepted, or nothing."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from udsat_cli.cli.app import State
from udsat_cli.errors import InputError
from udsat_cli.textform import nfc

if TYPE_CHECKING:
    from udsat_cli.core.imports import ImportPlan
    from udsat_cli.importer.extract import Extraction

YES = ("j", "ja", "y", "yes")


def _ask(question: str, default: str) -> str:
    sys.stdout.write(f"{question} ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise InputError("Ingen svar (stdin er lukket); brug --yes eller --dry-run.")
    return nfc(answer.strip()) or default


def _choice(question: str, default: str, allowed: str) -> str:
    """The first letter of an answer, asked again until it is one of ``allowed``."""
    while True:
        answer = _ask(question, default).casefold()[:1]
        if answer in allowed:
            return answer
        print(f"  Svar med et af bogstaverne {', '.join(allowed)}.")


def review_and_write(st: State, extractions: list[Extraction], *, yes: bool, dry_run: bool) -> None:
    from udsat_cli.core.imports import apply_plan, plan_import
    from udsat_cli.render.imports import plan_lines

    with st.read() as council:
        plans = [plan_import(council, extraction=x) for x in extractions]
    for plan in plans:
        print("\n".join(plan_lines(plan)))
        if plan.already or dry_run:
            continue
        if not yes:
            review(plan)
            if _ask("Skriv dette i lageret? [j/N]", "n").casefold() not in YES:
                print("Intet er skrevet.")
                continue
        with st.write() as council:
            summary = apply_plan(council, plan=plan)
        print(summary)
    if dry_run:
        print("Prøvekørsel: intet er skrevet.")


def review(plan: ImportPlan) -> None:
    _review_meeting(plan)
    _review_points(plan)
    _review_actions(plan)
    _review_notes(plan)
    _add_actions(plan)


def _names(text: str) -> list[str]:
    """Names separated by commas; a comma inside parentheses belongs to the role."""
    return [n.strip() for n in re.split(r",(?![^()]*\))", text) if n.strip()]


def _none(text: str) -> str | None:
    return None if text.strip().casefold() in ("", "ingen", "-") else text.strip()


def _review_meeting(plan: ImportPlan) -> None:
    """The header as read can be corrected before anything is written."""
    from udsat_cli import dates
    from udsat_cli.core.imports import split_guest
    from udsat_cli.render.imports import guest_words

    if _choice("Mødet: [j]a, [r]et? [j]", "j", "jr") != "r":
        return
    shown = dates.long_date(plan.day)
    plan.day = dates.parse_date(_ask(f"  Dato [{shown}]:", shown), today=plan.day)
    plan.start = _clock(_ask(f"  Starter kl. [{plan.start or 'ingen'}]:", plan.start or ""))
    plan.end = _clock(_ask(f"  Slutter kl. [{plan.end or 'ingen'}]:", plan.end or ""))
    plan.place = _none(_ask(f"  Sted [{plan.place or 'ikke angivet'}]:", plan.place or ""))
    shown = ", ".join(plan.participants)
    plan.participants = _names(_ask(f"  Deltagere [{shown}]:", shown))
    shown = ", ".join(guest_words(n, r) for n, r in plan.absent)
    plan.absent = [split_guest(n) for n in _names(_ask(f"  Afbud [{shown}]:", shown))]
    shown = ", ".join(guest_words(n, r) for n, r in plan.guests)
    plan.guests = [split_guest(n) for n in _names(_ask(f"  Gæster [{shown}]:", shown))]
    shown = plan.referent or "ingen"
    plan.referent = _none(_ask(f"  Referent [{shown}]:", plan.referent or ""))


def _clock(text: str) -> str | None:
    text = text.strip()
    if _none(text) is None:
        return None
    m = re.fullmatch(r"(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?", text, re.I)
    if not m or int(m[1]) > 23 or int(m[2] or 0) > 59:
        raise InputError(f"»{text}« er ikke et klokkeslæt; skriv fx 14.00.")
    return f"{int(m[1]):02d}:{int(m[2] or 0):02d}"


def _point(text: str, plan: ImportPlan) -> int | None:
    """A point's number as typed (1, 2, …), or none."""
    if _none(text) is None or text.strip().casefold() == "intet":
        return None
    if not text.strip().isdigit() or not 1 <= int(text) <= len(plan.items):
        raise InputError(f"»{text.strip()}« er ikke et punkts nummer (1 til {len(plan.items)}).")
    return int(text) - 1


def _review_points(plan: ImportPlan) -> None:
    """Keep, rename, drop (a label or a date line read as a point) or merge two into one."""
    from udsat_cli.core.imports import drop_item, merge_items

    if not plan.items or _choice("Punkter: [j]a, [r]et? [j]", "j", "jr") != "r":
        return
    for n, item in enumerate(plan.items):
        if not item.accepted:
            continue
        answer = _choice(
            f"Punkt {n + 1}: »{item.title}«: [j]a, [o]mdøb, [f]jern, [s]lå sammen "
            "med et andet? [j]",
            "j",
            "jofs",
        )
        if answer == "o":
            item.title = " ".join(_ask(f"  Nyt navn [{item.title}]:", item.title).split())
        elif answer == "f":
            drop_item(plan, index=n)
        elif answer == "s":
            target = _point(_ask("  Slå sammen med punkt nummer:", ""), plan)
            if target is None:
                raise InputError("Angiv nummeret på det punkt, de skal slås sammen med.")
            merge_items(plan, source=n, target=target)


def _review_actions(plan: ImportPlan) -> None:
    from udsat_cli.core.imports import no_deadline
    from udsat_cli.render.imports import action_line, due_words

    total = len(plan.actions)
    for n, action in enumerate(plan.actions, start=1):
        print(f"Opgave {n} af {total}: {action_line(plan, action)}")
        default = "j" if action.accepted else "s"  # an unsure proposal is skipped unless taken
        answer = _choice(f"  [j]a, [r]et, [s]pring over? [{default}]", default, "jrs")
        action.accepted = answer != "s"
        if answer != "r":
            continue
        action.title = _ask(f"  Opgave [{action.title}]:", action.title)
        shown = ", ".join(action.owners)
        action.owners = _names(_ask(f"  Ansvarlige, adskilt af komma [{shown}]:", shown))
        action.due = no_deadline(_ask(f"  Frist [{due_words(action.due)}]:", action.due or ""))
        shown = str(action.item + 1) if action.item is not None else "intet"
        action.item = _point(_ask(f"  Punkt (nummer) [{shown}]:", shown), plan)


def _review_notes(plan: ImportPlan) -> None:
    """Topics for a coming meeting and dated events: take, rename or skip."""
    from udsat_cli import dates

    asked = [(f"Emne til et kommende møde: »{t.title}«", t) for t in plan.topics] + [
        (f"Arrangement {dates.long_date(e.day)} »{e.title}«", e) for e in plan.events
    ]
    for question, found in asked:
        answer = _choice(f"{question}: [j]a, [o]mdøb, [s]pring over? [j]", "j", "jos")
        found.accepted = answer != "s"
        if answer == "o":
            found.title = " ".join(_ask(f"  Nyt navn [{found.title}]:", found.title).split())


def _add_actions(plan: ImportPlan) -> None:
    """Tasks the reading missed, added to any point."""
    from udsat_cli.core.imports import add_task, no_deadline

    while _choice("Tilføj en opgave? [j/N]", "n", "jn") == "j":
        title = _ask("  Opgave:", "")
        if not title.strip():
            continue  # nothing typed: nothing added
        owners = _names(_ask("  Ansvarlige, adskilt af komma:", ""))
        due = no_deadline(_ask("  Frist [ingen]:", ""))
        item = _point(_ask("  Punkt (nummer) [intet]:", "intet"), plan) if plan.items else None
        add_task(plan, title=title, owners=owners, due=due, item=item)
