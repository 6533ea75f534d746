"""The Fremmøde tab: a seat per member (til stede / afbud and why), guests, the referent, and
whether the council can decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static

from udsat_cli.tui.live.fields import LiveInput, LiveSelect, Part, Row, row_key

if TYPE_CHECKING:
    from udsat_cli.core.live import Expect

ATTENDANCE = [("til stede", "present"), ("afbud", "absent")]
ATTENDANCE_LABELS = {value: label for label, value in ATTENDANCE}
# What a member answered to the invitation (udsat inbox), beside the name.
ANSWERS = {"accepted": " · har takket ja", "tentative": " · måske", "declined": " · afbud"}


class Attendance(VerticalScroll, Part):
    can_focus = False  # Tab goes from field to field, not to the tab's scrolling box

    def compose(self) -> ComposeResult:
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

    def _seat_rows(self) -> list[Row]:
        rows = []
        for seat in self.view.seats:
            self.filled[f"reason-{seat.person_id}"] = seat.reason or ""
            rows.append(
                Row(
                    Label(seat.name + ANSWERS.get(seat.answer or "", ""), markup=False),
                    LiveSelect(
                        ATTENDANCE,
                        value=seat.status,
                        allow_blank=False,
                        id=f"seat-{seat.person_id}",
                        classes="status",
                    ),
                    LiveInput(
                        seat.reason or "",
                        placeholder="Begrundelse for afbud",
                        id=f"reason-{seat.person_id}",
                        classes="reason",
                    ),
                    key=seat.person_id,
                )
            )
        return rows

    def on_mount(self) -> None:
        self.filled["referent"] = self.view.referent or ""
        self._show_quorum()

    @property
    def error(self) -> Static:
        return self.query_one("#attendance-error", Static)

    def _show_quorum(self) -> None:
        box = self.query_one("#quorum", Static)
        warning = self.view.quorum_warning
        box.set_class(bool(warning), "warning")
        box.update(
            warning
            or f"{self.view.present} af {len(self.view.seats)} medlemmer er til "
            f"stede; rådet er beslutningsdygtigt (mindst {self.view.quorum})."
        )

    def sync(self, *, force: bool = False) -> None:
        rows = self.query_one("#seat-rows", Vertical)
        if [r.key for r in rows.query(Row)] != [s.person_id for s in self.view.seats]:
            self.rebuild(rows, self._seat_rows)  # the roll changed
        else:
            for seat in self.view.seats:
                select = self.query_one(f"#seat-{seat.person_id}", Select)
                if select.value != seat.status:
                    with select.prevent(Select.Changed):  # shown from the store, not chosen
                        select.value = seat.status
                self.fill(
                    self.query_one(f"#reason-{seat.person_id}", Input),
                    seat.reason or "",
                    force=force,
                )
        self.fill(self.query_one("#referent", Input), self.view.referent or "", force=force)
        self._show_quorum()

    def _seat(self, person_id: int) -> Any:
        return next((s for s in self.view.seats if s.person_id == person_id), None)

    def _expect(self, seat: Any) -> Expect:
        from udsat_cli.core.live import Expect

        return Expect.row(
            "attendance",
            {"meeting_id": self.view.meeting.id, "person_id": seat.person_id},
            {"status": seat.stored[0], "reason": seat.stored[1]},
            f"Fremmødet for {seat.name}",
        )

    @on(Select.Changed, ".status")
    def _set_status(self, event: Select.Changed) -> None:
        from udsat_cli.core.attendance import set_attendance

        seat = self._seat(row_key(event.select))
        if seat is None or event.value == seat.status:
            return  # shown from the store, not chosen
        reason = self.query_one(f"#reason-{seat.person_id}", Input).value.strip()
        entry = f"{seat.name}:{reason}" if reason and event.value == "absent" else seat.name
        marks = {"absent": [entry]} if event.value == "absent" else {"present": [entry]}
        self.live.save(
            f"fremmøde: {seat.name}",
            lambda c: set_attendance(c, ref=self.live.meeting_ref, **marks),
            where=self.error,
            parts={"seats"},
            expect=(self._expect(seat),),
            mine=ATTENDANCE_LABELS.get(str(event.value), ""),
        )

    @on(Input.Submitted, ".reason")
    def _save_reason(self, event: Input.Submitted) -> None:
        from udsat_cli.core.attendance import set_attendance

        field = event.input
        seat = self._seat(row_key(field))
        if seat is None:
            return
        reason = field.value.strip()
        entry = f"{seat.name}:{reason}" if reason else seat.name

        def saved() -> None:
            self.filled[field.id or ""] = field.value

        self.live.save(
            f"afbud: {seat.name}",
            lambda c: set_attendance(c, ref=self.live.meeting_ref, absent=[entry]),
            where=self.error,
            parts={"seats"},
            expect=(self._expect(seat),),
            mine="afbud" + (f" ({reason})" if reason else ""),
            done=saved,
        )

    @on(Input.Submitted, "#guest")
    def _add_guest(self, event: Input.Submitted) -> None:
        from udsat_cli.core.attendance import set_attendance

        field, name = event.input, event.input.value
        if name.strip():
            self.live.save(
                f"gæst: {name.strip()}",
                lambda c: set_attendance(c, ref=self.live.meeting_ref, guests=[name]),
                where=self.error,
                parts={"seats"},
                done=lambda: setattr(field, "value", ""),
            )

    @on(Input.Submitted, "#referent")
    def _set_referent(self, event: Input.Submitted) -> None:
        from udsat_cli.core.attendance import set_attendance
        from udsat_cli.core.live import Expect

        name = event.input.value
        if not name.strip():
            return
        base = Expect.row(
            "meeting",
            {"id": self.view.meeting.id},
            {"referent_id": self.view.referent_id},
            "Referenten",
        )
        self.live.save(
            f"referent: {name.strip()}",
            lambda c: set_attendance(c, ref=self.live.meeting_ref, referent=name),
            where=self.error,
            parts={"seats"},
            expect=(base,),
            mine=name,
            done=lambda: self.fill(event.input, self.view.referent or "", force=True),
        )
