"""What the live screen's parts share: the field saved on Enter, a part, a row, plain text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input

if TYPE_CHECKING:
    from udsat_cli.core.live import LiveMeeting
    from udsat_cli.tui.live.app import LiveApp


def plain(text: str | None, style: str = "") -> Text:
    """A text from the store, for the screen: as it is, never read as markup."""
    return Text(text or "", style=style)


def focus_now(widget: Widget) -> None:
    """Focus now, before the next key is looked at (``Widget.focus`` waits a turn)."""
    widget.screen.set_focus(widget)


class LiveInput(Input):
    """A field saved on Enter, right away, by the part it is in (see ``LiveApp.on_event``)."""

    BINDINGS = [Binding("escape", "leave", show=False)]

    async def action_submit(self) -> None:
        part = next((node for node in self.ancestors if isinstance(node, Part)), None)
        if part is None:  # pragma: no cover - every field is in a part
            await super().action_submit()
            return
        # Handled here and now, not posted: the part saves before the app looks at the next
        # key, so what is typed after Enter goes to the field that has the focus then.
        message = Input.Submitted(self, self.value)
        message.stop()  # the part's alone: nothing above it saves
        await part._dispatch_message(message)

    def action_leave(self) -> None:
        """Escape: out of the field, so that 1/2/3 switch the tab instead of being typed."""
        self.screen.set_focus(None)


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
