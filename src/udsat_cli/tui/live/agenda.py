"""The Dagsorden tab: the items, and for the one chosen its decision and new follow-ups (with
what the deadline will be read as, while it is typed), and its read-back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, ListItem, ListView, Static

from udsat_cli.errors import UdsatError
from udsat_cli.tui.live.fields import LiveInput, Part, focus_now, plain

if TYPE_CHECKING:
    from udsat_cli.core.live import Expect


DRAFT = ("decision", "action-title", "action-owner", "action-due")  # typed under one item


class ItemBody(VerticalScroll):
    can_focus = False  # Tab goes from the list to the decision, not to this scrolling box


class Agenda(Horizontal, Part):
    def __init__(self, *, current: int) -> None:
        super().__init__()
        self.current = current  # the item shown, by place and (below) by id
        self.current_id = self._item_id(current)
        self.decision_base: Expect | None = None  # the decision as the field was filled with it
        # What was typed under an item and not saved when another was chosen, by item id: it
        # is shown again when the item comes back, and never saved under another item.
        self.drafts: dict[int, dict[str, str]] = {}

    def compose(self) -> ComposeResult:
        yield ListView(*self._entries(), id="items")
        with ItemBody(id="item-body"):
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

    def _entries(self) -> list[ListItem]:
        return [
            ListItem(Label(self._label(i), markup=False), id=f"item-{i.id}")
            for i in self.view.items
        ]

    def on_mount(self) -> None:
        self.query_one("#items", ListView).index = self.current
        self._show_item(force=True)

    @property
    def error(self) -> Static:
        return self.query_one("#agenda-error", Static)

    def item(self) -> Any:
        return self.view.items[self.current] if self.view.items else None

    def _label(self, item: Any) -> str:
        return f"{item.number}. {item.title}" + (" ✓" if item.decision else "")

    def _item_id(self, index: int) -> int | None:
        items = self.view.items
        return items[index].id if 0 <= index < len(items) else None

    def step(self, step: int) -> None:
        """Ctrl+N / Ctrl+P: the next or the previous item."""
        if self.view.items:
            self._switch(max(0, min(len(self.view.items) - 1, self.current + step)))
            self.query_one("#items", ListView).index = self.current

    def _switch(self, index: int) -> None:
        """Show the item at ``index``; what is typed under this one and not saved stays with it."""
        fields = {name: self.query_one(f"#{name}", Input) for name in DRAFT}
        if self.current_id is not None:
            typed = {n: f.value for n, f in fields.items() if f.value != self.filled.get(n, "")}
            self.drafts.pop(self.current_id, None)
            if typed:
                self.drafts[self.current_id] = typed
        self.current = index
        self.current_id = self._item_id(index)
        self._show_item(force=True)
        draft = self.drafts.pop(self.current_id, {}) if self.current_id is not None else {}
        for name, field in fields.items():
            if name in draft or name != "decision":
                field.value = draft.get(name, "")
        self.error.update("")

    def unsaved(self) -> list[str]:
        numbers = {i.id: i.number for i in self.view.items}
        kept = [f"tekst under punkt {numbers.get(i, '?')}" for i in self.drafts]
        return super().unsaved() + kept

    # --- showing ------------------------------------------------------------------------------

    def sync(self, *, force: bool = False) -> None:
        listing = self.query_one("#items", ListView)
        ids = [i.id for i in self.view.items]
        self.current = (  # the same item, wherever it moved; else the same place
            ids.index(self.current_id)
            if self.current_id in ids
            else min(self.current, max(len(ids) - 1, 0))
        )
        self.current_id = self._item_id(self.current)
        if [c.id for c in listing.children] != [f"item-{i}" for i in ids]:
            self.rebuild(
                listing, self._entries, then=lambda: setattr(listing, "index", self.current)
            )
        self._show_item(force=force)

    def _show_item(self, *, force: bool = False) -> None:
        from udsat_cli.core.live import Expect

        item = self.item()
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
            self.fill(decision, item.decision or "", force=True)
            self.decision_base = base
        elif dict(self.decision_base.values)["decision"] == item.decision:
            self.decision_base = base  # moved, not decided by another: still no conflict
        self._show_actions()

    def _show_actions(self) -> None:
        from udsat_cli.render.minutes import decided

        item = self.item()
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
                label.update(plain(self._label(found)))

    # --- events -------------------------------------------------------------------------------

    @on(ListView.Highlighted, "#items")
    def _chosen(self, event: ListView.Highlighted) -> None:
        index = event.list_view.index
        if index is not None and index != self.current:
            self._switch(index)

    @on(Input.Changed, "#action-due")
    def _preview(self, event: Input.Changed) -> None:
        """What the deadline will be read as, while it is typed: a date, or kept as text."""
        from udsat_cli.core.live import deadline_preview

        preview = self.query_one("#due-preview", Static)
        text = event.value.strip()
        if not text:
            preview.update("")
            return
        try:
            with self.live.session.reading() as council:
                preview.update(plain(deadline_preview(council, text=text)))
        except UdsatError as exc:  # shown as it is typed, the field stays as it is
            preview.update(plain(exc.message, "bold red"))

    @on(Input.Submitted, "#decision")
    def _save_decision(self, event: Input.Submitted) -> None:
        from udsat_cli.core.items import edit_item

        field = event.input
        item, base, text = self.item(), self.decision_base, field.value
        if item is None or base is None:
            return

        def saved() -> None:
            self.filled["decision"] = field.value
            focus_now(self.query_one("#action-title", Input))

        self.live.save(
            f"beslutning punkt {item.number}",
            lambda c: edit_item(c, ref=self.live.meeting_ref, number=item.number, decision=text),
            where=self.error,
            parts={"items"},
            expect=(base,),
            mine=text,
            done=saved,
        )

    @on(Input.Submitted, "#action-title, #action-owner, #action-due")
    def _add_action(self, event: Input.Submitted) -> None:
        """Enter in the deadline adds the follow-up; before it, Enter goes on to the next field
        until there is a title and a deadline."""
        import re

        from udsat_cli.core.actions import add_action

        title = self.query_one("#action-title", Input)
        owner = self.query_one("#action-owner", Input)
        due = self.query_one("#action-due", Input)
        field, item = event.input, self.item()
        if field is not due and not (title.value.strip() and due.value.strip()):
            field.screen.focus_next()
            return
        what, who, when = title.value, owner.value, due.value
        owners = [o for o in re.split(r"\s*(?:,|\bog\b)\s*", who.strip()) if o]

        def saved() -> None:
            for box in (title, owner, due):
                box.value = ""
            focus_now(title)

        self.live.save(
            f"opgave: {what.strip()}",
            lambda c: add_action(
                c,
                title=what,
                owners=owners,
                due=when or None,
                meeting=self.live.meeting_ref,
                item=item.title if item else None,
            ),
            where=self.error,
            parts={"items"},
            done=saved,
        )
