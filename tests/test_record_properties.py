"""An approved referat never changes: whatever a council does afterwards — members come and go
(any dates), meetings are added, moved and cancelled, follow-ups are done, postponed or dropped,
seasons and topics and consultations change, later meetings get minutes of their own, and
commands try to change the approved meeting without --reopen — its minutes in text, Markdown and
JSON, its approved Word file, its public page and its lines in the annual report stay as they were
at approval. A correction with --reopen shows, and the earlier version stays kept."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tests.conftest import Store, built_once, ok, run

HELD = "1/4-2019"
SEEN = ("--today", "2020-06-30")  # the day the record is read on
NAMES = ["Hanne Kirk", "Kim Larsen", "Ulla Bektas", "Jette Nyboe", "Søren Mogensen", "Allan"]
ROLES = ["medlem", "suppleant", "formand", "gæst", "ekstern"]
DAYS = st.dates(date(2018, 6, 1), date(2020, 6, 1))
LATER = st.dates(date(2019, 4, 3), date(2020, 6, 1))

APRIL_1 = re.compile(r"(?<!\d)1\. april 2019")


def _day(day: date) -> str:
    return f"{day.day}/{day.month}-{day.year}"


def _build() -> None:
    march = ("--today", "2019-03-01")
    ok(*march, "init", "--council", "Udsatterådet Albertslund")
    for args in (
        ("Helge Bo Jensen", "--short", "Helge Bo", "--role", "formand"),
        ("Jette Nyboe",),
        ("Søren Mogensen",),
        ("Allan Høyer",),
        ("Carina Kofoed", "--role", "sekretær"),
    ):
        ok(*march, "member", "add", *args)
    ok(
        *march,
        "meeting",
        "plan",
        "4. marts 2019 kl. 16-18",
        "1. april 2019 kl. 16-18",
        "23. maj 2019 kl. 16-18",
        "20. juni 2019 kl. 16-18",
    )
    ok(*march, "topic", "add", "Besøg af borgerrådgiver", "--for", "1. april 2019")
    ok(
        *march,
        "item",
        "add",
        HELD,
        "Fokus på socialt frikort",
        "--kind",
        "beslutning",
        "--background",
        "Et socialt frikort giver borgere mulighed for at tjene op til 20.000 kr.",
    )
    ok(*march, "item", "add", HELD, "En personsag", "--closed", "--kind", "beslutning")
    ok(
        *march,
        "hearing",
        "add",
        "Budget 2020",
        "--from",
        "Socialudvalget",
        "--deadline",
        "20. maj 2019",
    )
    ok(*march, "agenda", "--meeting", HELD, "--issue")
    april = ("--today", "2019-04-01")
    ok(
        *april,
        "attendance",
        HELD,
        "--absent",
        "Søren:syg",
        "--referent",
        "Carina",
        "--guest",
        "Lene Holm (forvaltningen)",
    )
    ok(*april, "minutes", "note", HELD, "Velkommen til Lene Holm.")
    ok(*april, "item", "edit", HELD, "3", "--decision", "Rådet skriver til SUS. Helge tager det.")
    ok(
        *april,
        "item",
        "edit",
        HELD,
        "4",
        "--decision",
        "Rådet indstiller NN til eksklusion.",
        "--public-decision",
        "Rådet drøftede en personsag.",
    )
    ok(
        *april,
        "add-action",
        "Skrive til SUS",
        "--owner",
        "Helge Bo",
        "--due",
        "næste møde",
        "--item",
        "3",
    )
    ok(
        *april,
        "add-action",
        "Invitere borgerrådgiveren",
        "--owner",
        "rådet",
        "--due",
        "om to møder",
        "--item",
        "5",
    )
    ok(*april, "event", "add", "10. april 2019", "Netværksmøde", "--attendee", "Jette")
    ok("--today", "2019-04-02", "minutes", "approve", HELD)


class Record(RuleBasedStateMachine):
    store: Store
    tmp: Path

    def __init__(self) -> None:
        super().__init__()
        self.version = 1

    @initialize()
    def approved(self) -> None:
        if not self.store.is_sqlite:  # a store of its own for each sequence
            self.store.drop()
            self.store.create()
        built_once("record_properties", self.store, _build)
        self.expected = self.printed()

    def printed(self) -> dict[str, object]:
        """Everything the approved referat is printed as, read on one fixed day."""
        found: dict[str, object] = {
            form: ok(*SEEN, "minutes", HELD, "--format", form)
            for form in ("text", "markdown", "json")
        }
        word = Path(tempfile.mkdtemp(dir=self.tmp)) / "referat.docx"
        ok(*SEEN, "minutes", HELD, "--approved", "-o", str(word))
        found["docx"] = word.read_bytes()
        site = Path(tempfile.mkdtemp(dir=self.tmp)) / "side"
        ok(*SEEN, "publish", str(site))
        found["page"] = (site / "referat-2019-04-01.html").read_bytes()
        report = ok(*SEEN, "annual-report", "2019")
        # the approved meeting's lines: »1. april 2019«, not »11. april 2019«
        found["annual"] = [line for line in report.splitlines() if APRIL_1.search(line)]
        return found

    @rule(
        name=st.sampled_from(NAMES),
        role=st.sampled_from(ROLES),
        start=st.none() | DAYS,
        today=LATER,
    )
    def member_add(self, name: str, role: str, start: date | None, today: date) -> None:
        since = ["--from", _day(start)] if start else []
        run("--today", today.isoformat(), "member", "add", name, "--role", role, *since)

    @rule(name=st.sampled_from(NAMES), day=DAYS)
    def member_leave(self, name: str, day: date) -> None:
        run("--today", "2020-06-01", "member", "leave", name, "--date", _day(day))

    @rule(name=st.sampled_from(NAMES), role=st.sampled_from(ROLES), start=DAYS)
    def member_edit(self, name: str, role: str, start: date) -> None:
        run("member", "edit", name, "--role", role, "--from", _day(start))

    @rule(day=DAYS, today=LATER)
    def meeting_add(self, day: date, today: date) -> None:
        run("--today", today.isoformat(), "meeting", "add", f"{_day(day)} kl. 16-18")

    @rule(ref=st.integers(1, 8), day=DAYS, today=LATER)
    def meeting_move(self, ref: int, day: date, today: date) -> None:
        run("--today", today.isoformat(), "meeting", "move", str(ref), _day(day))

    @rule(ref=st.integers(1, 8), today=LATER)
    def meeting_cancel(self, ref: int, today: date) -> None:
        run("--today", today.isoformat(), "meeting", "cancel", str(ref))

    @rule(
        action=st.integers(1, 4),
        today=LATER,
        what=st.sampled_from(["done", "drop", "postpone", "update"]),
    )
    def action_changes(self, action: int, today: date, what: str) -> None:
        when = ("--today", today.isoformat())
        extra = {
            "drop": ["--note", "Ikke aktuelt"],
            "postpone": ["--to", "til efteråret"],
            "update": ["--due", "1. september 2019", "--title", "Ny titel", "--owner", "Jette"],
            "done": [],
        }[what]
        run(*when, what, str(action), *extra)

    @rule(today=LATER, title=st.sampled_from(["Kontakte AP", "Trykke pjecer"]))
    def add_action(self, today: date, title: str) -> None:
        run(
            "--today",
            today.isoformat(),
            "add-action",
            title,
            "--owner",
            "Jette",
            "--due",
            "næste møde",
        )

    @rule(start=st.dates(date(2019, 1, 1), date(2019, 12, 31)))
    def season_set(self, start: date) -> None:
        end = start + timedelta(days=40)
        run("season", "set", "sommerferien", f"{start.day}/{start.month}", f"{end.day}/{end.month}")

    @rule(today=LATER)
    def topic_and_hearing(self, today: date) -> None:
        when = ("--today", today.isoformat())
        run(*when, "topic", "add", "Forretningsorden", "--for", "næste møde")
        run(*when, "hearing", "answer", "1", "--text", "Rådet bakker op.")
        run(*when, "hearing", "add", "Trafikplan", "--from", "Teknik", "--deadline", "1. juni 2020")

    @rule(ref=st.sampled_from(["23/5-2019", "20/6-2019", "5"]), today=LATER)
    def other_minutes(self, ref: str, today: date) -> None:
        when = ("--today", today.isoformat())
        run(*when, "attendance", ref, "--absent", "Jette")
        run(*when, "item", "add", ref, "Nyt punkt", "--decision", "Vedtaget.")
        run(*when, "minutes", "approve", ref)

    @rule(
        what=st.sampled_from(
            [
                ("item", "add", HELD, "Nyt punkt"),
                ("item", "edit", HELD, "3", "--decision", "Andet."),
                ("item", "delete", HELD, "1"),
                ("item", "move", HELD, "3", "4"),
                ("attendance", HELD, "--absent", "Jette"),
                ("minutes", "note", HELD, "Hej."),
                ("add-action", "X", "--owner", "Jette", "--meeting", HELD),
                ("meeting", "cancel", HELD),
                ("meeting", "move", HELD, "3/4-2019"),
                ("agenda", "--meeting", HELD, "--issue"),
            ]
        )
    )
    def touch_the_approved_meeting(self, what: tuple[str, ...]) -> None:
        result = run("--today", "2019-06-01", *what)
        assert result.code != 0, (what, result.stdout)

    @precondition(lambda self: self.version < 3)
    @rule()
    def reopen_and_correct(self) -> None:
        before = self.expected
        corrected = run(
            "--today",
            "2019-06-01",
            "item",
            "edit",
            HELD,
            "3",
            "--decision",
            f"Rettet i udgave {self.version + 1}.",
            "--reopen",
        )
        assert corrected.code == 0, corrected.stderr
        assert f"Rettet i udgave {self.version + 1}." in ok(*SEEN, "minutes", HELD)
        assert ok(*SEEN, "minutes", HELD, "--version", str(self.version)) == before["text"]
        assert "åbnet igen" in ok(*SEEN, "log", "--limit", "1")  # the earlier version is kept
        ok("--today", "2019-06-02", "minutes", "approve", HELD)
        self.version += 1
        kept = json.loads(ok(*SEEN, "minutes", HELD, "--json"))
        assert kept["version"] == self.version
        self.expected = self.printed()

    @invariant()
    def unchanged(self) -> None:
        if hasattr(self, "expected"):
            assert ok(*SEEN, "minutes", HELD) == self.expected["text"]

    def teardown(self) -> None:
        if hasattr(self, "expected"):
            now = self.printed()
            for form, printed in self.expected.items():
                assert now[form] == printed, form


def _check(store: Store, tmp_path: Path, *, examples: int, steps: int) -> None:
    from hypothesis.stateful import run_state_machine_as_test

    Record.store, Record.tmp = store, tmp_path
    run_state_machine_as_test(
        Record,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )


def test_an_approved_referat_never_changes(isolated_store: Store, tmp_path: Path) -> None:
    _check(isolated_store, tmp_path, examples=4, steps=6)


@pytest.mark.slow
def test_an_approved_referat_never_changes_over_many_sequences(
    isolated_store: Store, tmp_path: Path
) -> None:
    _check(isolated_store, tmp_path, examples=30, steps=15)
