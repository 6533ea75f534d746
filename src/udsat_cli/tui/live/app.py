"""The live screen's App: the tabs, the keys, the one save path to the store, and the poll that
shows what others changed (the tabs' fields are in attendance, agenda and followups)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane

from udsat_cli import dates
from udsat_cli.errors import UdsatError
from udsat_cli.tui.live.agenda import Agenda
from udsat_cli.tui.live.attendance import Attendance
from udsat_cli.tui.live.fields import LiveInput, LiveSelect, Part, plain
from udsat_cli.tui.live.followups import Followups
from udsat_cli.tui.live.screens import KEYS, ConflictScreen, LeaveScreen, TextScreen, read_back

if TYPE_CHECKING:
    from udsat_cli.core.live import Expect, LiveConflict, LiveMeeting
    from udsat_cli.state import State

POLL_SECONDS = 1.0  # how often the screen looks for what others changed
EVERY_PART = {"seats", "items", "followups"}


# The view's parts (what core.live reloads) and the tab that shows each.
PARTS: dict[str, type[Part]] = {"seats": Attendance, "items": Agenda, "followups": Followups}


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
        self.asking = False  # a conflict's question is on its way to the screen

    @property
    def view(self) -> LiveMeeting:
        return self.session.view

    @property
    def agenda(self) -> Agenda:
        return self.query_one(Agenda)

    @property
    def current(self) -> int:
        """The place of the agenda item shown."""
        return self.agenda.current

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
            with TabPane("Fremmøde", id="fremmoede"):
                yield Attendance()
            with TabPane("Dagsorden", id="dagsorden"):
                yield Agenda(current=self.view.resume_at())
            with TabPane("Opfølgning", id="opfoelgning"):
                yield Followups()
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self._poll)

    def on_unmount(self) -> None:
        self.session.close()

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
        where: Static,
        parts: set[str],
        expect: tuple[Expect, ...] = (),
        mine: str = "",
        done: Callable[[], None] | None = None,
    ) -> bool:
        """One change in one transaction, as ``udsat live – WHAT`` in the log; then the parts of
        the view it touches read again. A Danish error is shown in ``where`` and nothing is
        written; a row another changed since (``expect``) is shown, and the person asked."""
        from udsat_cli.core.live import LiveConflict

        try:
            self.session.write(what, change, expect=expect)
        except LiveConflict as conflict:
            where.update("")
            found = conflict

            def answer(overwrite: bool | None) -> None:
                self.asking = False
                if overwrite:  # against what is there now: a third change is still caught
                    again = tuple(e if e != found.expect else _now(found) for e in expect)
                    self.save(
                        what, change, where=where, parts=parts, expect=again, mine=mine, done=done
                    )
                else:
                    self.session.reload(parts | EVERY_PART)
                    self.refresh_view(EVERY_PART, force=True)

            self.asking = True
            self.push_screen(ConflictScreen(found, mine=mine, view=self.view), answer)
            return False
        except UdsatError as exc:
            where.update(plain(exc.message))
            return False
        where.update("")
        self.session.reload(parts)
        if done is not None:  # before the view is shown again: the saved text is no longer typed
            done()
        self.refresh_view(parts)
        return True

    def _poll(self) -> None:
        if isinstance(self.screen, ModalScreen):
            return  # a question is open: its answer reloads
        try:
            parts = self.session.poll()
        except UdsatError as exc:  # the server went away for a moment: said, and tried again
            self.agenda.error.update(plain(exc.message))
            return
        self.refresh_view(parts)

    def refresh_view(self, parts: set[str], *, force: bool = False) -> None:
        """Show again what was reloaded, leaving alone what is being typed."""
        for part, widget in PARTS.items():
            if part in parts:
                self.query_one(widget).sync(force=force)

    # --- keys, in order -----------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """Keys are handled here, one by one, in the order typed, wherever they go: a field is
        saved on its Enter, a drop-down's list opened or chosen from, the focus moved on Tab,
        before the next key is looked at. (Textual would hand each key to the focused widget's
        queue, and the save or the move of the focus to another, in any order under lag: what
        was typed after Enter or Tab could land in the field or list left behind.)"""
        if not isinstance(event, events.Key) or event.is_forwarded or not self._screen_stack:
            await super().on_event(event)
            return
        if self.asking and not isinstance(self.screen, ConflictScreen):
            self.bell()  # typed before the question was up: not into a field, not an answer
            return
        if isinstance(self.screen, ModalScreen) or not await self._key_now(event):
            await super().on_event(event)

    async def _key_now(self, event: events.Key) -> bool:
        """A key on the main screen handled at once (True), or left to Textual."""
        focused = self.focused
        if isinstance(focused, LiveInput):
            # Textual's own binding lookup (focused widget up to the app), run here and now.
            if await self._check_bindings(event.key, priority=True):
                return True
            binding = next(iter(focused._bindings.key_to_bindings.get(event.key, ())), None)
            if binding is not None:
                await self.run_action(binding.action, focused)
                return True
            if event.is_printable and event.character is not None:
                selection = focused.selection
                if selection.is_empty:
                    focused.insert_text_at_cursor(event.character)
                else:
                    focused.replace(event.character, *selection)
                return True
            return await self._check_bindings(event.key)
        drop_down = focused if isinstance(focused, LiveSelect) else None
        if focused is not None and isinstance(focused.parent, LiveSelect):
            drop_down = focused.parent  # its list is open
        if drop_down is not None and await drop_down.key_now(event.key):
            return True
        if event.key in ("tab", "shift+tab") and not isinstance(self.focused, OptionList):
            # From a drop-down or the item list too (the list of a drop-down keeps its own).
            if event.key == "tab":
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return True
        return False

    # --- actions ------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Ctrl+Q: everything saved is in the store; text typed and not saved is named first."""
        parts = [self.query_one(widget) for widget in PARTS.values()]
        unsaved = [name for part in parts for name in part.unsaved()]
        if not unsaved:
            self.exit()
            return
        self.push_screen(LeaveScreen(unsaved), lambda leave: self.exit() if leave else None)

    def action_help(self) -> None:
        self.push_screen(TextScreen(KEYS, name="hjælp"))

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_item(self, step: int) -> None:
        self.agenda.step(step)

    def action_read_back(self) -> None:
        self.push_screen(TextScreen(read_back(self.agenda.item()), name="oplæsning"))


def _now(conflict: LiveConflict) -> Expect:
    """The row as it is now: what »save mine anyway« checks against."""
    return replace(conflict.expect, values=tuple(conflict.now.items()))
