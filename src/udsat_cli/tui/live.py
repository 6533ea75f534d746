"""udsat live: a full-screen terminal program for minuting a meeting as it happens (Textual).

Three tabs — attendance, the agenda item by item, the last meeting's follow-ups — and a read-back
of the current item. Every field is written when it is submitted, in a transaction of its own,
through the same core functions as the commands (so ``udsat log`` and ``udsat undo`` see each
change): if the laptop dies, everything before the last field is in the store, and opening
``udsat live`` again continues at the first item without a decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import (
    Footer,
    Header,
    Input,
    Label,
    ListItem,
    ListView,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from udsat_cli import dates
from udsat_cli.errors import UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.live import LiveMeeting
    from udsat_cli.state import State

STATUSES = [("åben", "open"), ("i gang", "in_progress"), ("udført", "done"),
            ("udsat", "postponed"), ("bortfaldet", "dropped")]  # fmt: skip
KEYS = """\
Taster i udsat live

  F1 eller ?      denne hjælp
  Tab / Skift+Tab  næste / forrige felt
  Enter            gem feltet (hvert felt gemmes for sig)
  Ctrl+N / Ctrl+P  næste / forrige punkt på dagsordenen
  Ctrl+R           læs punktet op, som det kommer til at stå i referatet
  1 / 2 / 3        Fremmøde / Dagsorden / Opfølgning (uden for et tekstfelt)
  Ctrl+Q           afslut (alt er allerede gemt)

Escape lukker dette vindue."""


# What a member answered to the invitation (udsat inbox), beside the name.
ANSWERS = {"accepted": " · har takket ja", "tentative": " · måske", "declined": " · afbud"}


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


class LiveApp(App[None]):
    TITLE = "udsat live"
    ENABLE_COMMAND_PALETTE = False  # its texts are English, and Ctrl+P is »forrige punkt« here
    CSS = """
    #text-box { width: 80%; height: 80%; border: thick $accent; background: $panel;
                padding: 1 2; margin: 2 4; }
    .row { height: auto; }
    .row Label { width: 30; padding: 1 1 0 0; }
    .row Select { width: 18; }
    .row Input { width: 1fr; }
    #items { width: 34; height: 100%; border-right: solid $accent; }
    #item-body { width: 1fr; padding: 0 1; }
    .error { color: $error; text-style: bold; }
    .warning { color: $warning; text-style: bold; }
    #due-preview { color: $text-muted; height: auto; }
    """
    BINDINGS = [
        Binding("f1", "help", "Hjælp"),
        Binding("question_mark", "help", "Hjælp", show=False),
        Binding("ctrl+n", "item(1)", "Næste punkt"),
        Binding("ctrl+p", "item(-1)", "Forrige punkt"),
        Binding("ctrl+r", "read_back", "Læs op"),
        Binding("1", "tab('fremmoede')", "Fremmøde", show=False),
        Binding("2", "tab('dagsorden')", "Dagsorden", show=False),
        Binding("3", "tab('opfoelgning')", "Opfølgning", show=False),
        Binding("ctrl+q", "quit", "Afslut"),
    ]

    def __init__(self, state: State, *, meeting: str | None = None) -> None:
        super().__init__()
        self.state = state
        self.meeting_ref = meeting
        self.view = self._load()
        if self.view.meeting.date <= state.today and not self.view.roll_taken:
            self._take_roll()
        self.current = self.view.resume_at()

    # --- the store ----------------------------------------------------------------------------

    def _load(self) -> LiveMeeting:
        from udsat_cli.core.live import live_meeting

        with self.state.read() as council:
            found = live_meeting(council, meeting=self.meeting_ref)
        self.meeting_ref = str(found.meeting.id)
        return found

    def _take_roll(self) -> None:
        """The meeting is under way: its attendance is stored from the members of the day."""
        from udsat_cli.core.attendance import take_roll

        with replace(self.state, command="udsat live – fremmøde").write() as council:
            take_roll(council, meeting=self.view.meeting)
        self.view = self._load()

    def write(self, what: str, change: Callable[[Any], Any], *, where: str) -> bool:
        """One change in one transaction, as ``udsat live – WHAT`` in the log. A Danish error
        is shown in ``where`` and nothing is written."""
        error = self.query_one(f"#{where}", Static)
        try:
            with replace(self.state, command=f"udsat live – {what}").write() as council:
                change(council)
        except UdsatError as exc:
            error.update(exc.message)
            return False
        error.update("")
        self.view = self._load()
        return True

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        m = self.view.meeting
        yield Header()
        yield Static(f"{self.view.council} · {dates.meeting_when(m.date, m.start, m.end)}"
                     + (f" · {m.place}" if m.place else ""), id="meeting")  # fmt: skip
        with TabbedContent(initial="dagsorden" if self.view.attendance_taken else "fremmoede"):
            with TabPane("Fremmøde", id="fremmoede"), VerticalScroll():
                yield Static("", id="quorum")
                for seat in self.view.seats:
                    with Horizontal(classes="row"):
                        yield Label(seat.name + ANSWERS.get(seat.answer or "", ""))
                        yield Select([("til stede", "present"), ("afbud", "absent")],
                                     value=seat.status, allow_blank=False,
                                     id=f"seat-{seat.person_id}")  # fmt: skip
                        yield Input(seat.reason or "", placeholder="Begrundelse for afbud",
                                    id=f"reason-{seat.person_id}")  # fmt: skip
                yield Input(placeholder="Gæst: navn, Enter tilføjer", id="guest")
                yield Input(placeholder="Referent: navn, Enter gemmer", id="referent",
                            suggester=SuggestFromList(self.view.owners, case_sensitive=False))
                yield Static("", id="attendance-error", classes="error")
            with TabPane("Dagsorden", id="dagsorden"), Horizontal():
                yield ListView(*(ListItem(Label(self._item_label(i)), id=f"item-{i.number}")
                                 for i in self.view.items), id="items")  # fmt: skip
                with VerticalScroll(id="item-body"):
                    yield Static("", id="item-title")
                    yield Static("", id="background")
                    yield Input(placeholder="Beslutning – Enter gemmer", id="decision")
                    yield Static("", id="item-actions")
                    yield Input(placeholder="Ny opgave: hvad", id="action-title")
                    yield Input(placeholder="Ansvarlig(e): navn, »rådet«, »forvaltningen«",
                                id="action-owner",
                                suggester=SuggestFromList(self.view.owners, case_sensitive=False))
                    yield Input(placeholder="Frist, fx »til næste møde« – Enter tilføjer opgaven",
                                id="action-due")
                    yield Static("", id="due-preview")
                    yield Static("", id="agenda-error", classes="error")
            with TabPane("Opfølgning", id="opfoelgning"), VerticalScroll():
                yield Static("Opfølgning på beslutningspunkter fra sidste møde", id="fu-head")
                for action in self.view.followups:
                    with Horizontal(classes="row"):
                        yield Label(f"#{action.id} {action.title}")
                        yield Select(STATUSES, value=action.status, allow_blank=False,
                                     id=f"fu-status-{action.id}")  # fmt: skip
                        yield Input(placeholder="Note – Enter gemmer", id=f"fu-note-{action.id}")
                if not self.view.followups:
                    yield Static("Ingen opfølgningspunkter fra sidste møde.")
                yield Static("", id="followup-error", classes="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#items", ListView).index = self.current
        self._show_quorum()
        self._show_item()

    def _item_label(self, item: Any) -> str:
        return f"{item.number}. {item.title}" + (" ✓" if item.decision else "")

    def _show_quorum(self) -> None:
        box = self.query_one("#quorum", Static)
        warning = self.view.quorum_warning
        box.set_class(bool(warning), "warning")
        box.update(warning or f"{self.view.present} af {len(self.view.seats)} medlemmer er til "
                   f"stede; rådet er beslutningsdygtigt (mindst {self.view.quorum}).")

    def _item(self) -> Any:
        return self.view.items[self.current] if self.view.items else None

    def _show_item(self) -> None:
        item = self._item()
        if item is None:
            self.query_one("#item-title", Static).update("Mødet har ingen punkter endnu.")
            return
        self.query_one("#item-title", Static).update(f"[b]{item.number}. {item.title}[/b]")
        self.query_one("#background", Static).update(
            f"Sagsfremstilling: {item.background}" if item.background else "")
        self.query_one("#decision", Input).value = item.decision or ""
        self._show_actions()

    def _show_actions(self) -> None:
        from udsat_cli.render.minutes import decided

        item = self._item()
        lines = [f"· {decided(a)}" for a in item.actions] if item else []
        self.query_one("#item-actions", Static).update(
            "Opfølgning:\n" + "\n".join(lines) if lines else "Ingen opgaver under punktet endnu.")
        for label, found in zip(self.query("#items ListItem Label"), self.view.items,
                                strict=False):  # fmt: skip
            label.update(self._item_label(found))

    # --- events -------------------------------------------------------------------------------

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view.id == "items" and event.list_view.index is not None:
            self.current = event.list_view.index
            self._show_item()

    def on_select_changed(self, event: Select.Changed) -> None:
        from udsat_cli.core.actions import update_action
        from udsat_cli.core.attendance import set_attendance

        wid = event.select.id or ""
        if wid.startswith("seat-"):
            seat = next(s for s in self.view.seats if f"seat-{s.person_id}" == wid)
            if event.value == seat.status:
                return
            reason = self.query_one(f"#reason-{seat.person_id}", Input).value.strip()
            entry = f"{seat.name}:{reason}" if reason and event.value == "absent" else seat.name
            marks = {"absent": [entry]} if event.value == "absent" else {"present": [entry]}
            self.write(f"fremmøde: {seat.name}",
                       lambda c: set_attendance(c, ref=self.meeting_ref, **marks),
                       where="attendance-error")  # fmt: skip
            self._show_quorum()
        elif wid.startswith("fu-status-"):
            aid = int(wid.removeprefix("fu-status-"))
            action = next(a for a in self.view.followups if a.id == aid)
            if event.value != action.status:
                self.write(f"status #{aid}",
                           lambda c: update_action(c, action_id=aid, status=str(event.value)),
                           where="followup-error")  # fmt: skip

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "action-due":
            return
        from udsat_cli.core.live import deadline_preview

        preview = self.query_one("#due-preview", Static)
        text = event.value.strip()
        if not text:
            preview.update("")
            return
        try:
            with self.state.read() as council:
                preview.update(deadline_preview(council, text=text))
        except UdsatError as exc:  # shown as it is typed, the field stays as it is
            preview.update(f"[b red]{exc.message}[/]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        handlers = {"decision": self._save_decision, "action-due": self._add_action,
                    "action-title": self._add_action, "action-owner": self._add_action,
                    "guest": self._add_guest, "referent": self._set_referent}  # fmt: skip
        wid = event.input.id or ""
        if wid in handlers:
            handlers[wid](event.input)
        elif wid.startswith("reason-"):
            self._save_reason(event.input)
        elif wid.startswith("fu-note-"):
            self._save_note(event.input)

    def _save_decision(self, field: Input) -> None:
        from udsat_cli.core.items import edit_item

        item = self._item()
        if item is not None and self.write(
            f"beslutning punkt {item.number}",
            lambda c: edit_item(c, ref=self.meeting_ref, number=item.number,
                                decision=field.value),
            where="agenda-error",
        ):  # fmt: skip
            self._show_actions()
            self.query_one("#action-title", Input).focus()

    def _add_action(self, field: Input) -> None:
        import re

        from udsat_cli.core.actions import add_action

        title = self.query_one("#action-title", Input)
        owner = self.query_one("#action-owner", Input)
        due = self.query_one("#action-due", Input)
        item = self._item()
        if field is not due and not (title.value.strip() and due.value.strip()):
            field.screen.focus_next()
            return
        owners = [o for o in re.split(r"\s*(?:,|\bog\b)\s*", owner.value.strip()) if o]
        if self.write(
            f"opgave: {title.value.strip()}",
            lambda c: add_action(c, title=title.value, owners=owners, due=due.value or None,
                                 meeting=self.meeting_ref, item=item.title if item else None),
            where="agenda-error",
        ):  # fmt: skip
            for box in (title, owner, due):
                box.value = ""
            self._show_actions()
            title.focus()

    def _save_reason(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance

        pid = int((field.id or "").removeprefix("reason-"))
        seat = next(s for s in self.view.seats if s.person_id == pid)
        reason = field.value.strip()
        entry = f"{seat.name}:{reason}" if reason else seat.name
        seat.status = "absent"  # a reason is an afbud: the select follows without a second write
        self.query_one(f"#seat-{pid}", Select).value = "absent"
        self.write(f"afbud: {seat.name}",
                   lambda c: set_attendance(c, ref=self.meeting_ref, absent=[entry]),
                   where="attendance-error")  # fmt: skip
        self._show_quorum()

    def _add_guest(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance

        if field.value.strip() and self.write(
            f"gæst: {field.value.strip()}",
            lambda c: set_attendance(c, ref=self.meeting_ref, guests=[field.value]),
            where="attendance-error",
        ):  # fmt: skip
            field.value = ""

    def _set_referent(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance

        if field.value.strip():
            self.write(f"referent: {field.value.strip()}",
                       lambda c: set_attendance(c, ref=self.meeting_ref, referent=field.value),
                       where="attendance-error")  # fmt: skip

    def _save_note(self, field: Input) -> None:
        from udsat_cli.core.actions import update_action

        aid = int((field.id or "").removeprefix("fu-note-"))
        if field.value.strip() and self.write(
            f"note #{aid}", lambda c: update_action(c, action_id=aid, note=field.value),
            where="followup-error",
        ):  # fmt: skip
            field.value = ""

    # --- actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(TextScreen(KEYS, name="hjælp"))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_item(self, step: int) -> None:
        if self.view.items:
            self.current = max(0, min(len(self.view.items) - 1, self.current + step))
            self.query_one("#items", ListView).index = self.current
            self._show_item()

    def action_read_back(self) -> None:
        self.push_screen(TextScreen(read_back(self._item()), name="oplæsning"))


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
