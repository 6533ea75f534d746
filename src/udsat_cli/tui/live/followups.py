"""The Opfølgning tab: the last meeting's follow-ups, each with its status and a note."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from udsat_cli.tui.live.fields import LiveInput, LiveSelect, Part, Row, row_key

STATUSES = [
    ("åben", "open"),
    ("i gang", "in_progress"),
    ("udført", "done"),
    ("udsat", "postponed"),
    ("bortfaldet", "dropped"),
]
STATUS_LABELS = {value: label for label, value in STATUSES}


class Followups(VerticalScroll, Part):
    can_focus = False  # Tab goes from field to field, not to the tab's scrolling box

    def compose(self) -> ComposeResult:
        yield Static("Opfølgning på beslutningspunkter fra sidste møde", id="fu-head")
        with Vertical(id="fu-rows"):
            yield from self._rows()
        yield Static("", id="followup-error", classes="error", markup=False)

    def _rows(self) -> list[Any]:
        if not self.view.followups:
            return [Static("Ingen opfølgningspunkter fra sidste møde.")]
        return [
            Row(
                Label(f"#{action.id} {action.title}", markup=False),
                LiveSelect(
                    STATUSES,
                    value=action.status,
                    allow_blank=False,
                    id=f"fu-status-{action.id}",
                    classes="status",
                ),
                LiveInput(
                    placeholder="Note – Enter gemmer", id=f"fu-note-{action.id}", classes="note"
                ),
                key=action.id,
            )
            for action in self.view.followups
        ]

    @property
    def error(self) -> Static:
        return self.query_one("#followup-error", Static)

    def sync(self, *, force: bool = False) -> None:
        rows = self.query_one("#fu-rows", Vertical)
        if [r.key for r in rows.query(Row)] != [a.id for a in self.view.followups]:
            # A follow-up added or gone: the rows made anew, with the notes being typed (and
            # the field typed in) as they were.
            notes = list(rows.query(".note").results(Input))
            typed = {f.id: f.value for f in notes if f.value}
            focused = next((f.id for f in notes if f is self.app.focused), None)
            self.rebuild(rows, self._rows, then=lambda: self._retype(typed, focused))
            return
        for action in self.view.followups:
            select = self.query_one(f"#fu-status-{action.id}", Select)
            if select.value != action.status:
                with select.prevent(Select.Changed):  # shown from the store, not chosen
                    select.value = action.status

    def _retype(self, typed: dict[str | None, str], focused: str | None) -> None:
        for field in self.query(".note").results(Input):
            if field.id in typed:
                field.value = typed[field.id]
                if field.id == focused:
                    field.focus()

    @on(Select.Changed, ".status")
    def _set_status(self, event: Select.Changed) -> None:
        from udsat_cli.core.actions import update_action
        from udsat_cli.core.live import Expect

        aid = row_key(event.select)
        action = next((a for a in self.view.followups if a.id == aid), None)
        if action is None or event.value == action.status:
            return  # shown from the store, not chosen
        base = Expect.row(
            "action", {"id": aid}, {"status": action.status}, f"Status for opgave #{aid}"
        )
        self.live.save(
            f"status #{aid}",
            lambda c: update_action(c, action_id=aid, status=str(event.value)),
            where=self.error,
            parts={"followups", "items"},
            expect=(base,),
            mine=STATUS_LABELS.get(str(event.value), ""),
        )

    @on(Input.Submitted, ".note")
    def _save_note(self, event: Input.Submitted) -> None:
        from udsat_cli.core.actions import update_action

        field, note = event.input, event.input.value
        aid = row_key(field)
        if note.strip():
            self.live.save(
                f"note #{aid}",
                lambda c: update_action(c, action_id=aid, note=note),
                where=self.error,
                parts={"followups", "items"},
                done=lambda: setattr(field, "value", ""),
            )
