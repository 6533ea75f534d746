"""What the live screen's parts share: the field saved on Enter, the drop-down chosen from key
by key, the part a tab is, a row, and text shown as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select

if TYPE_CHECKING:
    from udsat_cli.core.live import LiveMeeting
    from udsat_cli.tui.live.app import LiveApp


def plain(text: str | None, style: str = "") -> Text:
    """A text from the store, for the screen: as it is, never read as markup."""
    return Text(text or "", style=style)


def focus_now(widget: Widget) -> None:
    """Focus now, before the next key is looked at (``Widget.focus`` waits a turn)."""
    widget.screen.set_focus(widget)


async def handled_now(widget: Widget, message: Message) -> None:
    """The message handled by the part the widget is in, here and now, not posted: the part
    saves before the app looks at the next key, so what is typed after Enter (or after a
    choice in a drop-down) goes to the field that has the focus then."""
    part = next(node for node in widget.ancestors if isinstance(node, Part))
    message.stop()  # the part's alone: nothing above it saves
    await part._dispatch_message(message)


class LiveInput(Input):
    """A field saved on Enter, right away, by the part it is in (see ``LiveApp.on_event``)."""

    BINDINGS = [Binding("escape", "leave", show=False)]

    async def action_submit(self) -> None:
        await handled_now(self, Input.Submitted(self, self.value))

    def action_leave(self) -> None:
        """Escape: out of the field, so that 1/2/3 switch the tab instead of being typed."""
        self.screen.set_focus(None)


class LiveSelect(Select[str]):
    """A drop-down whose list is opened, moved in and chosen from key by key as the keys come
    (``key_now``, from ``LiveApp.on_event``). Textual's own moves the focus a turn later, so
    what was typed meanwhile (Enter, Tab, the reason) went to the list or the drop-down."""

    async def key_now(self, key: str) -> bool:
        """The key handled here and now (True), or left to Textual (a letter searching the
        list, Tab once the list is closed)."""
        overlay = self._list()
        if not self.expanded:
            if key in ("enter", "space", "down", "up"):  # Select's own keys for the list
                self.action_show_overlay()
                return True
            return False
        if key in ("down", "up"):
            (overlay.action_cursor_down if key == "down" else overlay.action_cursor_up)()
            return True
        chosen = None
        if key == "enter" and overlay.highlighted is not None:
            chosen = cast(str, self._options[overlay.highlighted][1])
        elif key not in ("enter", "escape", "tab", "shift+tab"):
            return False
        self.expanded = False
        focus_now(self)
        if chosen is not None and chosen != self.value:
            with self.prevent(Select.Changed):  # not posted: saved now, below
                self.value = chosen
            await handled_now(self, Select.Changed(self, chosen))
        return key not in ("tab", "shift+tab")  # Tab goes on from the drop-down

    def _list(self) -> OptionList:
        return self.query_one("SelectOverlay", OptionList)

    def _watch_expanded(self, expanded: bool) -> None:
        """Textual's, with the list focused at once: its ``focus()`` waits a turn, and a
        turn later the list may be closed again and the person in the next field."""
        try:
            overlay = self._list()
        except NoMatches:  # removed
            return
        self.set_class(expanded, "-expanded")
        if not expanded:
            return
        focus_now(overlay)
        current = cast(Any, self.query_one("SelectCurrent"))
        if self.value is Select.NULL:
            overlay.highlighted = None
            current.has_value = False
            return
        for index, (_prompt, value) in enumerate(self._options):
            if value == self.value:
                overlay.highlighted = index
                overlay.scroll_to_highlight()
                break
        current.has_value = True


class Row(Horizontal):
    """One line of a list (a seat, a follow-up), knowing the row it shows by its key."""

    def __init__(self, *children: Widget, key: int) -> None:
        super().__init__(*children, classes="row")
        self.key = key


def row_key(widget: Widget) -> int:
    return cast(Row, widget.parent).key


class Part(Widget):
    """A tab's content: composes its fields, handles their events, saves through the app."""

    def __init__(self, *children: Widget, **options: Any) -> None:
        super().__init__(*children, **options)
        # What each text field was last filled with from the store: a field whose text differs
        # is being typed in, and a reload leaves it alone.
        self.filled: dict[str, str] = {}

    @property
    def live(self) -> LiveApp:
        return cast("LiveApp", self.app)

    @property
    def view(self) -> LiveMeeting:
        return self.live.view

    def sync(self, *, force: bool = False) -> None:
        """Show again what was reloaded, leaving alone what is being typed."""

    def unsaved(self) -> list[str]:
        """The fields with text typed and not saved (Enter saves), named as their placeholder
        names them: »Beslutning«, »Ny opgave«, »Note«."""
        import re

        return [
            re.split(r"[:–,]", str(field.placeholder))[0].strip()
            for field in self.query(LiveInput).results(LiveInput)
            if field.value.strip() and field.value != self.filled.get(field.id or "", "")
        ]

    def fill(self, field: Input, text: str, *, force: bool = False) -> None:
        """Put the store's text in a field, unless someone is typing in it."""
        wid = field.id or ""
        if force or field.value == self.filled.get(wid, field.value):
            field.value = text
            self.filled[wid] = text

    def rebuild(
        self,
        container: Widget,
        rows: Callable[[], list[Any]],
        *,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Rows added or gone (a member, an item, a follow-up): the list made anew, after this
        turn, the old widgets gone first (their ids are the new ones')."""

        async def anew() -> None:
            await container.remove_children()
            await container.mount_all(rows())
            if then is not None:
                then()

        self.call_next(anew)
