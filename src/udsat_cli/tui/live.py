"""udsat live: a full-screen terminal program for minuting a meeting as it happens (Textual).

Three tabs — attendance, the agenda item by item, the last meeting's follow-ups — and a read-back
of the current item. Every field is written when it is submitted, in a transaction of its own,
through the same core functions as the commands (so ``udsat log`` and ``udsat undo`` see each
change): if the laptop dies, everything before the last field is in the store, and opening
``udsat live`` again continues at the first item without a decision.

Others may write meanwhile (a second screen on the same meeting, the secretary at the command
line): what they change is read in every second and shown, a field being typed in is left as it
is, and a write to a row another has changed since the screen showed it is not made — the other
change is shown and the person asked (``core.live``). Every text from the store is shown as text,
never as Rich markup (»[/x]« in a title is »[/x]«). Keys are handled strictly in the order typed,
one field at a time: what is typed after Enter goes to the next field, not into the saved one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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
    from udsat_cli.core.live import Expect, LiveConflict, LiveMeeting
    from udsat_cli.state import State

STATUSES = [
    ("åben", "open"),
    ("i gang", "in_progress"),
    ("udført", "done"),
    ("udsat", "postponed"),
    ("bortfaldet", "dropped"),
]
ATTENDANCE = [("til stede", "present"), ("afbud", "absent")]
POLL_SECONDS = 1.0  # how often the screen looks for what others changed
KEYS = """\
Taster i udsat live

  F1 eller ?      denne hjælp
  Tab / Skift+Tab  næste / forrige felt
  Enter            gem feltet (hvert felt gemmes for sig)
  Ctrl+N / Ctrl+P  næste / forrige punkt på dagsordenen
  Ctrl+R           læs punktet op, som det kommer til at stå i referatet
  1 / 2 / 3        Fremmøde / Dagsorden / Opfølgning (uden for et tekstfelt)
  Ctrl+Q           afslut (alt er allerede gemt)

Skriver en anden i samme møde (en anden skærm, en kommando), vises det her inden for et
sekund. Har en anden ændret det, du gemmer, siden du så det, spørger skærmen, før den gemmer.

Escape lukker dette vindue."""


def plain(text: str | None, style: str = "") -> Text:
    """A text from the store, for the screen: as it is, never read as markup."""
    return Text(text or "", style=style)


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


class ConflictScreen(ModalScreen[bool]):
    """Another changed what is being saved: their change, and a question (j / n)."""

    BINDINGS = [
        Binding("j,y", "answer(True)", "Gem min"),
        Binding("n,escape", "answer(False)", "Behold den anden"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__(name="konflikt")
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="text-box"):
            yield Static(self.text, id="conflict", markup=False)

    def action_answer(self, overwrite: bool) -> None:
        self.dismiss(overwrite)


class LiveInput(Input):
    """A field saved on Enter, right away (see ``LiveApp.on_event``)."""

    async def action_submit(self) -> None:
        app = self.app
        if isinstance(app, LiveApp):
            app.submit(self)
        else:  # pragma: no cover - only inside LiveApp
            await super().action_submit()


class LiveApp(App[None]):
    TITLE = "udsat live"
    ENABLE_COMMAND_PALETTE = False  # its texts are English, and Ctrl+P is »forrige punkt« here
    CSS_PATH = "live.tcss"  # beside this module, shipped as package data
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
        from udsat_cli.tui.session import LiveLink

        super().__init__()
        self.session = LiveLink(state, meeting=meeting)
        self.meeting_ref = self.session.meeting_ref
        if self.view.meeting.date <= state.today and not self.view.roll_taken:
            self._take_roll()
        self.current = self.view.resume_at()
        self.current_id = self._item_id(self.current)
        # What each text field was last filled with from the store: a field whose text differs
        # is being typed in, and a reload leaves it alone.
        self.filled: dict[str, str] = {}
        self.decision_base: Expect | None = None
        self.asking = False  # a conflict's question is on its way to the screen

    @property
    def view(self) -> LiveMeeting:
        return self.session.view

    # --- the store ----------------------------------------------------------------------------

    def _take_roll(self) -> None:
        """The meeting is under way: its attendance is stored from the members of the day."""
        from udsat_cli.core.attendance import take_roll

        meeting = self.view.meeting
        self.session.write("fremmøde", lambda c: take_roll(c, meeting=meeting))
        self.session.reload({"seats"})

    def save(
        self,
        what: str,
        change: Callable[[Any], Any],
        *,
        where: str,
        parts: set[str],
        expect: tuple[Expect, ...] = (),
        mine: str = "",
        done: Callable[[], None] | None = None,
    ) -> bool:
        """One change in one transaction, as ``udsat live – WHAT`` in the log; then the parts of
        the view it touches read again. A Danish error is shown in ``where`` and nothing is
        written; a row another changed since (``expect``) is shown, and the person asked."""
        from udsat_cli.core.live import LiveConflict

        error = self.query_one(f"#{where}", Static)
        try:
            self.session.write(what, change, expect=expect)
        except LiveConflict as conflict:
            error.update("")
            found = conflict

            def answer(overwrite: bool | None) -> None:
                self.asking = False
                if overwrite:  # against what is there now: a third change is still caught
                    again = tuple(e if e != found.expect else _now(found) for e in expect)
                    self.save(
                        what, change, where=where, parts=parts, expect=again, mine=mine, done=done
                    )
                else:
                    self.session.reload(parts | {"seats", "items", "followups"})
                    self.refresh_view({"seats", "items", "followups"}, force=True)

            self.asking = True
            self.push_screen(ConflictScreen(self._conflict_text(found, mine)), answer)
            return False
        except UdsatError as exc:
            error.update(plain(exc.message))
            return False
        error.update("")
        self.session.reload(parts)
        if done is not None:  # before the view is shown again: the saved text is no longer typed
            done()
        self.refresh_view(parts)
        return True

    def _conflict_text(self, conflict: LiveConflict, mine: str) -> str:
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
            f"Nu står der: {self._shown(conflict.expect.table, conflict.now)}",
            f"Du ville gemme: {mine or '(intet)'}",
            "",
            "Gem din udgave alligevel?  j = ja, gem min   n = nej, behold den anden",
        ]
        return "\n".join(lines)

    def _shown(self, table: str, values: dict[str, Any]) -> str:
        if table == "agenda_item":
            return values.get("decision") or "(ingen beslutning)"
        if table == "attendance":
            if values.get("status") == "absent":
                reason = values.get("reason")
                return "afbud" + (f" ({reason})" if reason else "")
            return "til stede" if values.get("status") else "(intet noteret)"
        if table == "action":
            return {v: k for k, v in STATUSES}.get(values.get("status"), "?")
        if table == "meeting":
            names = {s.person_id: s.name for s in self.view.seats}
            return names.get(values.get("referent_id"), "(ingen referent)")
        return ", ".join(f"{v}" for v in values.values())

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        m = self.view.meeting
        yield Header()
        yield Static(
            f"{self.view.council} · {dates.meeting_when(m.date, m.start, m.end)}"
            + (f" · {m.place}" if m.place else ""),
            id="meeting",
            markup=False,
        )
        with TabbedContent(initial="dagsorden" if self.view.attendance_taken else "fremmoede"):
            with TabPane("Fremmøde", id="fremmoede"), VerticalScroll():
                yield Static("", id="quorum", markup=False)
                with Vertical(id="seat-rows"):
                    yield from self._seat_rows()
                yield LiveInput(placeholder="Gæst: navn, Enter tilføjer", id="guest")
                yield LiveInput(
                    self.view.referent or "",
                    id="referent",
                    placeholder="Referent: navn, Enter gemmer",
                    suggester=SuggestFromList(self.view.owners, case_sensitive=False),
                )
                yield Static("", id="attendance-error", classes="error", markup=False)
            with TabPane("Dagsorden", id="dagsorden"), Horizontal():
                yield ListView(*self._item_entries(), id="items")
                with VerticalScroll(id="item-body"):
                    yield Static("", id="item-title", markup=False)
                    yield Static("", id="background", markup=False)
                    yield LiveInput(placeholder="Beslutning – Enter gemmer", id="decision")
                    yield Static("", id="item-actions", markup=False)
                    yield LiveInput(placeholder="Ny opgave: hvad", id="action-title")
                    yield LiveInput(
                        placeholder="Ansvarlig(e): navn, »rådet«, »forvaltningen«",
                        id="action-owner",
                        suggester=SuggestFromList(self.view.owners, case_sensitive=False),
                    )
                    yield LiveInput(
                        placeholder="Frist, fx »til næste møde« – Enter tilføjer opgaven",
                        id="action-due",
                    )
                    yield Static("", id="due-preview", markup=False)
                    yield Static("", id="agenda-error", classes="error", markup=False)
            with TabPane("Opfølgning", id="opfoelgning"), VerticalScroll():
                yield Static("Opfølgning på beslutningspunkter fra sidste møde", id="fu-head")
                with Vertical(id="fu-rows"):
                    yield from self._followup_rows()
                yield Static("", id="followup-error", classes="error", markup=False)
        yield Footer()

    def _seat_rows(self) -> list[Horizontal]:
        rows = []
        for seat in self.view.seats:
            self.filled[f"reason-{seat.person_id}"] = seat.reason or ""
            rows.append(
                Horizontal(
                    Label(seat.name + ANSWERS.get(seat.answer or "", ""), markup=False),
                    Select(
                        ATTENDANCE,
                        value=seat.status,
                        allow_blank=False,
                        id=f"seat-{seat.person_id}",
                    ),
                    LiveInput(
                        seat.reason or "",
                        placeholder="Begrundelse for afbud",
                        id=f"reason-{seat.person_id}",
                    ),
                    classes="row",
                )
            )
        return rows

    def _followup_rows(self) -> list[Any]:
        if not self.view.followups:
            return [Static("Ingen opfølgningspunkter fra sidste møde.")]
        return [
            Horizontal(
                Label(f"#{action.id} {action.title}", markup=False),
                Select(
                    STATUSES, value=action.status, allow_blank=False, id=f"fu-status-{action.id}"
                ),
                LiveInput(placeholder="Note – Enter gemmer", id=f"fu-note-{action.id}"),
                classes="row",
            )
            for action in self.view.followups
        ]

    def _item_entries(self) -> list[ListItem]:
        return [
            ListItem(Label(self._item_label(i), markup=False), id=f"item-{i.id}")
            for i in self.view.items
        ]

    def on_mount(self) -> None:
        self.query_one("#items", ListView).index = self.current
        self.filled["referent"] = self.view.referent or ""
        self._show_quorum()
        self._show_item(force=True)
        self.set_interval(POLL_SECONDS, self._poll)

    def on_unmount(self) -> None:
        self.session.close()

    def _item_label(self, item: Any) -> str:
        return f"{item.number}. {item.title}" + (" ✓" if item.decision else "")

    def _item_id(self, index: int) -> int | None:
        items = self.view.items
        return items[index].id if 0 <= index < len(items) else None

    def _show_quorum(self) -> None:
        box = self.query_one("#quorum", Static)
        warning = self.view.quorum_warning
        box.set_class(bool(warning), "warning")
        box.update(
            warning
            or f"{self.view.present} af {len(self.view.seats)} medlemmer er til "
            f"stede; rådet er beslutningsdygtigt (mindst {self.view.quorum})."
        )

    def _item(self) -> Any:
        return self.view.items[self.current] if self.view.items else None

    def _fill(self, field: Input, text: str, *, force: bool = False) -> None:
        """Put the store's text in a field, unless someone is typing in it."""
        wid = field.id or ""
        if force or field.value == self.filled.get(wid, field.value):
            field.value = text
            self.filled[wid] = text

    def _show_item(self, *, force: bool = False) -> None:
        from udsat_cli.core.live import Expect

        item = self._item()
        decision = self.query_one("#decision", Input)
        if item is None:
            self.query_one("#item-title", Static).update("Mødet har ingen punkter endnu.")
            return
        self.query_one("#item-title", Static).update(plain(f"{item.number}. {item.title}", "bold"))
        self.query_one("#background", Static).update(
            plain(f"Sagsfremstilling: {item.background}" if item.background else "")
        )
        base = Expect.row(
            "agenda_item",
            {"id": item.id},
            {"number": item.number, "decision": item.decision},
            f"Beslutningen under punkt {item.number}",
        )
        typing = (
            self.decision_base is not None
            and self.decision_base.key == base.key
            and (decision.value != self.filled.get("decision", decision.value))
        )
        if force or not typing:
            self._fill(decision, item.decision or "", force=True)
            self.decision_base = base
        elif dict(self.decision_base.values)["decision"] == item.decision:
            self.decision_base = base  # moved, not decided by another: still no conflict
        self._show_actions()

    def _show_actions(self) -> None:
        from udsat_cli.render.minutes import decided

        item = self._item()
        lines = [f"· {decided(a)}" for a in item.actions] if item else []
        self.query_one("#item-actions", Static).update(
            plain(
                "Opfølgning:\n" + "\n".join(lines)
                if lines
                else "Ingen opgaver under punktet endnu."
            )
        )
        labels = list(self.query("#items ListItem Label").results(Label))
        if len(labels) == len(self.view.items):
            for label, found in zip(labels, self.view.items, strict=True):
                label.update(plain(self._item_label(found)))

    # --- what others changed ------------------------------------------------------------------

    def _poll(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return  # a question is open: its answer reloads
        try:
            parts = self.session.poll()
        except UdsatError as exc:  # the server went away for a moment: said, and tried again
            self.query_one("#agenda-error", Static).update(plain(exc.message))
            return
        self.refresh_view(parts)

    def refresh_view(self, parts: set[str], *, force: bool = False) -> None:
        """Show again what was reloaded, leaving alone what is being typed."""
        if "seats" in parts:
            self._refresh_seats(force=force)
        if "items" in parts:
            self._refresh_items(force=force)
        if "followups" in parts:
            self._refresh_followups()

    def _refresh_seats(self, *, force: bool) -> None:
        rows = self.query_one("#seat-rows", Vertical)
        shown = [w.id for w in rows.query(Select)]
        if shown != [f"seat-{s.person_id}" for s in self.view.seats]:  # the roll changed
            self.call_next(self._rebuild, rows, self._seat_rows)
        else:
            for seat in self.view.seats:
                select = self.query_one(f"#seat-{seat.person_id}", Select)
                if select.value != seat.status:
                    select.value = seat.status  # the view holds it already: no write follows
                self._fill(
                    self.query_one(f"#reason-{seat.person_id}", Input),
                    seat.reason or "",
                    force=force,
                )
        self._fill(self.query_one("#referent", Input), self.view.referent or "", force=force)
        self._show_quorum()

    def _refresh_items(self, *, force: bool) -> None:
        listing = self.query_one("#items", ListView)
        ids = [i.id for i in self.view.items]
        self.current = (
            ids.index(self.current_id)
            if self.current_id in ids
            else min(self.current, max(len(ids) - 1, 0))
        )
        self.current_id = self._item_id(self.current)
        if [c.id for c in listing.children] != [f"item-{i}" for i in ids]:
            self.call_next(self._rebuild, listing, self._item_entries)
        self._show_item(force=force)

    def _refresh_followups(self) -> None:
        rows = self.query_one("#fu-rows", Vertical)
        shown = [w.id for w in rows.query(Select)]
        if shown != [f"fu-status-{a.id}" for a in self.view.followups]:
            self.call_next(self._rebuild, rows, self._followup_rows)
            return
        for action in self.view.followups:
            select = self.query_one(f"#fu-status-{action.id}", Select)
            if select.value != action.status:
                select.value = action.status

    async def _rebuild(self, container: Any, rows: Callable[[], list[Any]]) -> None:
        """Rows added or gone (a member, an item, a follow-up): the list made anew, the old
        widgets gone first (their ids are the new ones')."""
        await container.remove_children()
        await container.mount_all(rows())
        if isinstance(container, ListView):
            container.index = self.current

    # --- keys, in order -----------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys for a text field are handled here, one by one, in the order typed: a field is
        saved on its Enter before the next key is looked at, so what is typed after Enter goes
        to the field that has the focus then, never into the saved text. (Textual would hand
        each key to the field's own queue and the save to the app's, in any order under lag.)"""
        focused = self.focused if isinstance(event, events.Key) and self._screen_stack else None
        if (
            self.asking
            and isinstance(event, events.Key)
            and not isinstance(self.screen, ConflictScreen)
        ):
            self.bell()  # typed before the question was up: not into a field, not an answer
            return
        if (
            isinstance(event, events.Key)
            and not event.is_forwarded
            and isinstance(focused, LiveInput)
            and focused.screen is self.screen
        ):
            # Textual's own binding lookup (focused widget up to the app), run here and now.
            if await self._check_bindings(event.key, priority=True):
                return
            binding = next(iter(focused._bindings.key_to_bindings.get(event.key, ())), None)
            if binding is not None:
                await self.run_action(binding.action, focused)
                return
            if event.is_printable and event.character is not None:
                selection = focused.selection
                if selection.is_empty:
                    focused.insert_text_at_cursor(event.character)
                else:
                    focused.replace(event.character, *selection)
                return
            if await self._check_bindings(event.key):
                return
        await super().on_event(event)

    def _focus(self, widget: Any) -> None:
        """Focus now, before the next key is looked at (``Widget.focus`` waits a turn)."""
        widget.screen.set_focus(widget)

    def submit(self, field: LiveInput) -> None:
        """Enter in a field: saved now, with exactly what it held."""
        handlers = {
            "decision": self._save_decision,
            "action-due": self._add_action,
            "action-title": self._add_action,
            "action-owner": self._add_action,
            "guest": self._add_guest,
            "referent": self._set_referent,
        }
        wid = field.id or ""
        if wid in handlers:
            handlers[wid](field)
        elif wid.startswith("reason-"):
            self._save_reason(field)
        elif wid.startswith("fu-note-"):
            self._save_note(field)

    # --- events -------------------------------------------------------------------------------

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        if event.list_view.id == "items" and event.list_view.index is not None:
            if event.list_view.index != self.current:
                self.current = event.list_view.index
                self.current_id = self._item_id(self.current)
                self._show_item(force=True)

    def on_select_changed(self, event: Select.Changed) -> None:
        from udsat_cli.core.actions import update_action
        from udsat_cli.core.attendance import set_attendance
        from udsat_cli.core.live import Expect

        wid = event.select.id or ""
        if wid.startswith("seat-"):
            seat = next((s for s in self.view.seats if f"seat-{s.person_id}" == wid), None)
            if seat is None or event.value == seat.status:
                return
            reason = self.query_one(f"#reason-{seat.person_id}", Input).value.strip()
            entry = f"{seat.name}:{reason}" if reason and event.value == "absent" else seat.name
            marks = {"absent": [entry]} if event.value == "absent" else {"present": [entry]}
            self.save(
                f"fremmøde: {seat.name}",
                lambda c: set_attendance(c, ref=self.meeting_ref, **marks),
                where="attendance-error",
                parts={"seats"},
                expect=(self._seat(seat),),
                mine=dict(ATTENDANCE_LABELS).get(str(event.value), ""),
            )
        elif wid.startswith("fu-status-"):
            aid = int(wid.removeprefix("fu-status-"))
            action = next((a for a in self.view.followups if a.id == aid), None)
            if action is not None and event.value != action.status:
                base = Expect.row(
                    "action", {"id": aid}, {"status": action.status}, f"Status for opgave #{aid}"
                )
                self.save(
                    f"status #{aid}",
                    lambda c: update_action(c, action_id=aid, status=str(event.value)),
                    where="followup-error",
                    parts={"followups", "items"},
                    expect=(base,),
                    mine={v: k for k, v in STATUSES}.get(str(event.value), ""),
                )

    def _seat(self, seat: Any) -> Expect:
        from udsat_cli.core.live import Expect

        return Expect.row(
            "attendance",
            {"meeting_id": self.view.meeting.id, "person_id": seat.person_id},
            {"status": seat.stored[0], "reason": seat.stored[1]},
            f"Fremmødet for {seat.name}",
        )

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
            with self.session.reading() as council:
                preview.update(plain(deadline_preview(council, text=text)))
        except UdsatError as exc:  # shown as it is typed, the field stays as it is
            preview.update(plain(exc.message, "bold red"))

    def _save_decision(self, field: Input) -> None:
        from udsat_cli.core.items import edit_item

        item, base, text = self._item(), self.decision_base, field.value
        if item is None or base is None:
            return

        def saved() -> None:
            self.filled["decision"] = field.value
            self._focus(self.query_one("#action-title", Input))

        self.save(
            f"beslutning punkt {item.number}",
            lambda c: edit_item(c, ref=self.meeting_ref, number=item.number, decision=text),
            where="agenda-error",
            parts={"items"},
            expect=(base,),
            mine=text,
            done=saved,
        )

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
        what, who, when = title.value, owner.value, due.value
        owners = [o for o in re.split(r"\s*(?:,|\bog\b)\s*", who.strip()) if o]

        def saved() -> None:
            for box in (title, owner, due):
                box.value = ""
            self._focus(title)

        self.save(
            f"opgave: {what.strip()}",
            lambda c: add_action(
                c,
                title=what,
                owners=owners,
                due=when or None,
                meeting=self.meeting_ref,
                item=item.title if item else None,
            ),
            where="agenda-error",
            parts={"items"},
            done=saved,
        )

    def _save_reason(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance

        pid = int((field.id or "").removeprefix("reason-"))
        seat = next((s for s in self.view.seats if s.person_id == pid), None)
        if seat is None:
            return
        reason = field.value.strip()
        entry = f"{seat.name}:{reason}" if reason else seat.name

        def saved() -> None:
            self.filled[field.id or ""] = field.value

        self.save(
            f"afbud: {seat.name}",
            lambda c: set_attendance(c, ref=self.meeting_ref, absent=[entry]),
            where="attendance-error",
            parts={"seats"},
            expect=(self._seat(seat),),
            mine="afbud" + (f" ({reason})" if reason else ""),
            done=saved,
        )

    def _add_guest(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance

        name = field.value
        if name.strip():
            self.save(
                f"gæst: {name.strip()}",
                lambda c: set_attendance(c, ref=self.meeting_ref, guests=[name]),
                where="attendance-error",
                parts={"seats"},
                done=lambda: setattr(field, "value", ""),
            )

    def _set_referent(self, field: Input) -> None:
        from udsat_cli.core.attendance import set_attendance
        from udsat_cli.core.live import Expect

        name = field.value
        if not name.strip():
            return
        base = Expect.row(
            "meeting",
            {"id": self.view.meeting.id},
            {"referent_id": self.view.referent_id},
            "Referenten",
        )
        self.save(
            f"referent: {name.strip()}",
            lambda c: set_attendance(c, ref=self.meeting_ref, referent=name),
            where="attendance-error",
            parts={"seats"},
            expect=(base,),
            mine=name,
            done=lambda: self.filled.__setitem__("referent", self.view.referent or ""),
        )

    def _save_note(self, field: Input) -> None:
        from udsat_cli.core.actions import update_action

        aid = int((field.id or "").removeprefix("fu-note-"))
        note = field.value
        if note.strip():
            self.save(
                f"note #{aid}",
                lambda c: update_action(c, action_id=aid, note=note),
                where="followup-error",
                parts={"followups", "items"},
                done=lambda: setattr(field, "value", ""),
            )

    # --- actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(TextScreen(KEYS, name="hjælp"))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_item(self, step: int) -> None:
        if self.view.items:
            self.current = max(0, min(len(self.view.items) - 1, self.current + step))
            self.current_id = self._item_id(self.current)
            self.query_one("#items", ListView).index = self.current
            self._show_item(force=True)

    def action_read_back(self) -> None:
        self.push_screen(TextScreen(read_back(self._item()), name="oplæsning"))


ATTENDANCE_LABELS = [(value, label) for label, value in ATTENDANCE]


def _now(conflict: LiveConflict) -> Expect:
    """The row as it is now: what »save mine anyway« checks against."""
    from dataclasses import replace

    return replace(conflict.expect, values=tuple(conflict.now.items()))


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
