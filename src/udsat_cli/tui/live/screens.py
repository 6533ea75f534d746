"""The live screen's windows on top: the help or a read-back to read, and a conflict's question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from udsat_cli import dates

if TYPE_CHECKING:
    from udsat_cli.core.live import LiveConflict, LiveMeeting

KEYS = """\
Taster i udsat live

  F1 eller ?      denne hjælp
  Tab / Skift+Tab  næste / forrige felt
  Enter            gem feltet (hvert felt gemmes for sig)
  Ctrl+N / Ctrl+P  næste / forrige punkt på dagsordenen
  Ctrl+R           læs punktet op, som det kommer til at stå i referatet
  1 / 2 / 3        Fremmøde / Dagsorden / Opfølgning (uden for et tekstfelt)
  Escape           ud af tekstfeltet, fx for at skifte fane med 1 / 2 / 3
  Ctrl+Q           afslut (hvert felt er gemt med sit Enter; står der tekst, som
                   ikke er gemt, spørger skærmen først)

Skriver en anden i samme møde (en anden skærm, en kommando), vises det her inden for et
sekund. Har en anden ændret det, du gemmer, siden du så det, spørger skærmen, før den gemmer.

Escape lukker dette vindue."""


class TextScreen(ModalScreen[None]):
    """Help or a read-back: text to read, closed with Escape or Enter."""

    BINDINGS = [Binding("escape,enter,q", "dismiss", "Luk")]

    def __init__(self, text: str, *, name: str) -> None:
        super().__init__(name=name)
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="text-box"):
            yield Static(self.text, id="text", markup=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()


class Question(ModalScreen[bool]):
    """Text and a question answered j or n; ``BINDINGS`` name the two answers."""

    box = ""  # the id of the text, for the tests

    def __init__(self, text: str, *, name: str) -> None:
        super().__init__(name=name)
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="text-box"):
            yield Static(self.text, id=self.box, markup=False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ConflictScreen(Question):
    """Another changed what is being saved: their change, and whether to save over it."""

    box = "conflict"
    BINDINGS = [
        Binding("j,y", "answer(True)", "Gem min"),
        Binding("n,escape", "answer(False)", "Behold den anden"),
    ]

    def __init__(self, conflict: LiveConflict, *, mine: str, view: LiveMeeting) -> None:
        super().__init__(conflict_text(conflict, mine=mine, view=view), name="konflikt")


class LeaveScreen(Question):
    """Ctrl+Q with text typed and not saved: which fields, and whether to leave anyway."""

    box = "leave"
    BINDINGS = [
        Binding("j,y", "answer(True)", "Afslut"),
        Binding("n,escape", "answer(False)", "Bliv"),
    ]

    def __init__(self, fields: list[str]) -> None:
        super().__init__(
            f"Der står tekst, som ikke er gemt: {', '.join(dict.fromkeys(fields))}.\n"
            "Enter i feltet gemmer den.\n\n"
            "Afslut alligevel, uden at gemme den? (j / n)",
            name="afslut",
        )


def conflict_text(conflict: LiveConflict, *, mine: str, view: LiveMeeting) -> str:
    """Who changed it, with which command and when, what stands now and what was to be saved."""
    by = conflict.by
    lines = [conflict.message, ""]
    if by is not None:
        who = f"{by.author}, " if by.author else ""
        local = by.at.astimezone() if by.at.tzinfo else by.at
        undone = " – og siden fortrudt" if by.undone else ""
        lines.append(
            f"Ændret med »{by.command}« ({who}{dates.long_date(local.date())} "
            f"kl. {local:%H.%M}){undone}."
        )
    lines += [
        f"Nu står der: {_shown(conflict.expect.table, conflict.now, view)}",
        f"Du ville gemme: {mine or '(intet)'}",
        "",
        "Gem din udgave alligevel?  j = ja, gem min   n = nej, behold den anden",
    ]
    return "\n".join(lines)


def _shown(table: str, values: dict[str, Any], view: LiveMeeting) -> str:
    from udsat_cli.tui.live.followups import STATUS_LABELS

    if table == "agenda_item":
        return values.get("decision") or "(ingen beslutning)"
    if table == "attendance":
        if values.get("status") == "absent":
            reason = values.get("reason")
            return "afbud" + (f" ({reason})" if reason else "")
        return "til stede" if values.get("status") else "(intet noteret)"
    if table == "action":
        return STATUS_LABELS.get(values.get("status") or "", "?")
    if table == "meeting":
        names = {s.person_id: s.name for s in view.seats}
        return names.get(values.get("referent_id"), "(ingen referent)")
    return ", ".join(f"{v}" for v in values.values())


def read_back(item: Any) -> str:
    """The item as it will stand in the referat."""
    from udsat_cli.render.minutes import decided, decision_label

    if item is None:
        return "Mødet har ingen punkter endnu."
    lines = [f"{item.number}. {item.title}"]
    if item.background:
        lines += ["", "Sagsfremstilling:", item.background]
    lines += ["", f"{decision_label(item)}:", item.decision or "(ingen endnu)"]
    if item.actions:
        lines += ["", "Opfølgning:", *(f"· {decided(a)}" for a in item.actions)]
    return "\n".join(lines)
