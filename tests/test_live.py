"""udsat live driven by Textual's own headless pilot: attendance, items, actions and follow-ups
go into the store as they are typed, and ``udsat minutes`` prints them afterwards."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, Store, built_once, ok

pytest.importorskip("textual")

TODAY = "2019-05-23"
ARTIFACTS = Path(os.environ.get("UDSAT_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture
def meeting_day(isolated_store: Store) -> Store:
    """A council of five, the meeting of 23 May 2019 with two items and a follow-up from the
    one before (entered once per session, copied into each test's store: built_once)."""
    return built_once("live-meeting-day", isolated_store, _meeting_day)


def _meeting_day() -> None:
    april = ("--today", "2019-04-01")
    ok(*april, "init", "--council", "Udsatterådet Albertslund")
    for args in (
        ("Helge Bo Jensen", "--short", "Helge Bo", "--role", "formand"),
        ("Jette Nyboe",),
        ("Allan Høyer",),
        ("Søren Mogensen",),
        ("Carina Kofoed", "--role", "sekretær"),
    ):
        ok(*april, "member", "add", *args)
    ok(*april, "meeting", "add", "1. april 2019 kl. 16-18")
    ok(*april, "meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Mødelokale 129")
    ok(*april, "add-action", "Tage kontakt til AP", "--owner", "Jette", "--due", "næste møde")
    ok(
        *april,
        "item",
        "add",
        "23. maj 2019",
        "Bisidderordningen",
        "--background",
        "Frivilligcenteret har spurgt, om rådet vil stå for ordningen.",
    )
    ok(*april, "item", "add", "23. maj 2019", "Socialt frikort")


def _app(
    store: Store,
    clock: str | None = None,
    council: str = "Udsatterådet Albertslund",
):
    from udsat_cli.state import State
    from udsat_cli.store.location import resolve_location
    from udsat_cli.tui.live import LiveApp

    state = State(
        location=resolve_location(store.arg),
        today=date.fromisoformat(TODAY),
        council=council,
        debug=False,
        clock=clock,
    )
    app = LiveApp(state)
    # No animations: a key waits for every one to finish (a tab's underline, a list
    # scrolling), and what the tests prove is where the keys and the texts land.
    app.animation_level = "none"
    return app


def _run(
    store: Store,
    script,
    clock: str | None = None,
    council: str = "Udsatterådet Albertslund",
) -> None:
    async def drive() -> None:
        app = _app(store, clock, council)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await script(app, pilot)

    asyncio.run(drive())


async def _type(pilot, app, selector: str, text: str, *, enter: bool = True) -> None:
    """The text put in a field (and Enter pressed in it). No pause before Enter: the focus is
    set through the app's queue, which the key follows; each pause costs a render of the
    screen, and the tests wait for what they check instead."""
    field = app.query_one(selector)
    field.focus()
    field.value = text
    if enter:
        await pilot.press("enter")
        await pilot.pause()


async def _sees(pilot, app, selector: str, text: str) -> None:
    shown = await _shown(pilot, app, selector, text)
    assert text in shown, (selector, shown)


async def _shown(pilot, app, selector: str, text: str, *, within: float = 10.0) -> str:
    """What the widget shows once it shows ``text`` (waited for, never a fixed pause: under
    load the screen answers a keystroke later); the test fails with what it showed instead."""
    from textual.widgets import Static

    waited = 0.0
    while True:
        shown = str(app.query_one(selector, Static).render())
        if text in shown or waited >= within:
            return shown
        await pilot.pause(0.05)
        waited += 0.05


async def _until(pilot, holds, *, within: float = 10.0) -> bool:
    """Whether ``holds()`` came true, waited for as ``_shown`` waits for the screen."""
    waited = 0.0
    while not holds() and waited < within:
        await pilot.pause(0.05)
        waited += 0.05
    return holds()


def _typed_ahead(app, *keys: str) -> None:
    """Keys all at once, as a fast typist's reach the screen while it is still busy: a key's
    name (»enter«, »tab«) or one character (a text is given as ``*"text"``)."""
    from textual import events

    for key in keys:
        if key == " ":
            app.post_message(events.Key("space", " "))
        else:
            app.post_message(events.Key(key, key if len(key) == 1 else None))


def _shot(app, name: str) -> Path:
    """An SVG of the screen, as Textual draws it (turned into PNG afterwards: see _pngs)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    svg = ARTIFACTS / f"live-{name}.svg"
    app.save_screenshot(filename=svg.name, path=str(ARTIFACTS))
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")
    return svg


def _pngs(shots: list[Path]) -> None:
    """Each SVG drawn by one Chromium into a PNG a person can look at, after the app has ended
    (a browser started inside the app's event loop stalls it)."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver and os.environ.get("UDSAT_SLOW")):
        return  # the SVGs are checked; the PNGs for a person are drawn in CI's full run
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1800,1200",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_page_load_timeout(120)
    try:
        for svg in shots:
            browser.get(svg.as_uri())
            assert browser.save_screenshot(str(svg.with_suffix(".png")))
    finally:
        browser.quit()


@pytest.mark.slow  # the whole meeting and five screenshots: CI runs it (UDSAT_SLOW=1)
def test_a_meeting_minuted_live_is_in_the_store_and_the_minutes(meeting_day: Store) -> None:
    """The default run types the same kinds of field into the store in the tests of #26 below
    (a reason, a status and a note, a decision and a follow-up, and the minutes of them)."""
    from textual.widgets import Select, TabbedContent

    shots: list[Path] = []

    async def script(app, pilot) -> None:
        assert app.query_one(TabbedContent).active == "fremmoede"  # attendance first
        await _type(pilot, app, "#reason-3", "syg")  # Allan: afbud, syg
        app.query_one("#seat-4", Select).value = "absent"  # Søren: afbud
        await pilot.pause()
        await _sees(pilot, app, "#quorum", "2 af 4 medlemmer er til stede")
        await _type(pilot, app, "#referent", "Carina")
        shots.append(_shot(app, "fremmoede"))

        app.action_tab("dagsorden")
        await pilot.pause()
        assert app.current == 0  # the meeting opens with its standing points
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        await _type(pilot, app, "#decision", "Rådet siger ja til bisidderordningen.")
        await _type(pilot, app, "#action-title", "Tage ansvaret for bisidderordningen", enter=False)
        await _type(pilot, app, "#action-owner", "Søren", enter=False)
        await _type(pilot, app, "#action-due", "til efteråret", enter=False)
        await _sees(pilot, app, "#due-preview", "søndag d. 1. september 2019")
        await pilot.press("enter")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Invitere borgerrådgiveren", enter=False)
        await _type(pilot, app, "#action-owner", "rådet", enter=False)
        await _type(pilot, app, "#action-due", "næste møde")
        await pilot.press("ctrl+r")
        await pilot.pause()
        shots.append(_shot(app, "oplaesning"))
        await pilot.press("escape")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await _type(pilot, app, "#decision", "Rådet følger op på frikortet.")
        await _type(pilot, app, "#action-title", "Samle viden om frikortet", enter=False)
        await _type(pilot, app, "#action-owner", "Helge", enter=False)
        await _type(pilot, app, "#action-due", "1. juni 2019")
        shots.append(_shot(app, "dagsorden"))

        app.action_tab("opfoelgning")
        await pilot.pause()
        app.query_one("#fu-status-1", Select).value = "done"
        await pilot.pause()
        await _type(pilot, app, "#fu-note-1", "AP er kontaktet")
        shots.append(_shot(app, "opfoelgning"))
        await pilot.press("f1")
        await pilot.pause()
        shots.append(_shot(app, "hjaelp"))

    _run(meeting_day, script)
    _pngs(shots)
    assert sorted(
        meeting_day.query(
            "SELECT p.full_name, a.status, a.reason FROM attendance a JOIN person p ON "
            "p.id = a.person_id"
        )
    ) == [
        ("Allan Høyer", "absent", "syg"),
        ("Helge Bo Jensen", "present", None),
        ("Jette Nyboe", "present", None),
        ("Søren Mogensen", "absent", None),
    ]
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["title"], a["owners"], a["due"], a["status"], a["item"]) for a in actions] == [
        ("Tage kontakt til AP", ["Jette Nyboe"], "2019-05-23", "done", None),
        ("Samle viden om frikortet", ["Helge Bo Jensen"], "2019-06-01", "open", "Socialt frikort"),
        (
            "Tage ansvaret for bisidderordningen",
            ["Søren Mogensen"],
            "2019-09-01",
            "open",
            "Bisidderordningen",
        ),
        ("Invitere borgerrådgiveren", ["rådet"], None, "open", "Bisidderordningen"),
    ]
    assert actions[0]["note"] == "AP er kontaktet"
    minutes = ok("--today", TODAY, "minutes", "23. maj 2019")
    assert "Afbud:     Allan Høyer (syg), Søren Mogensen" in minutes
    assert "Referent:  Carina Kofoed" in minutes
    assert (
        "3. Bisidderordningen\n\nSagsfremstilling:\nFrivilligcenteret har spurgt, om rådet "
        "vil stå for ordningen.\n\nBeslutning:\nRådet siger ja til bisidderordningen.\n\n"
        "Opfølgning:\n· Tage ansvaret for bisidderordningen (Søren Mogensen, frist til "
        "efteråret (1. september 2019))\n· Invitere borgerrådgiveren (rådet, frist næste "
        "møde (ikke planlagt))"
    ) in minutes
    assert "4. Socialt frikort\n\nBeslutning:\nRådet følger op på frikortet." in minutes
    assert "udsat live – opgave: Invitere borgerrådgiveren" in ok("--today", TODAY, "log")


def test_a_wrong_deadline_is_told_inline_and_nothing_is_written(meeting_day: Store) -> None:

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Ringe til AP", enter=False)
        await _type(pilot, app, "#action-due", "31. februar", enter=False)
        await _sees(pilot, app, "#due-preview", "»31. februar« er ikke en gyldig dato.")
        await pilot.press("enter")
        await pilot.pause()
        await _sees(pilot, app, "#agenda-error", "»31. februar« er ikke en gyldig dato.")
        assert app.query_one("#action-title").value == "Ringe til AP"  # nothing typed is lost
        assert app.screen.id is None or app.screen.id == "_default"  # still the same screen

    _run(meeting_day, script)
    assert meeting_day.query("SELECT COUNT(*) FROM action") == [(1,)]


def test_a_deadline_in_words_is_previewed_as_kept_as_text_and_saved_so(meeting_day: Store) -> None:
    from textual.widgets import Static

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Ringe til AP", enter=False)
        await _type(pilot, app, "#action-due", "snarest", enter=False)
        shown = await _shown(pilot, app, "#due-preview", "snarest → gemmes som tekst")
        assert shown == "snarest → gemmes som tekst, uden en dato"
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.query_one("#agenda-error", Static).render()) == ""

    _run(meeting_day, script)
    assert meeting_day.query(
        "SELECT due_kind, due_text FROM action WHERE title = 'Ringe til AP'"
    ) == [("text", "snarest")]


def test_a_deadline_written_wrong_offers_its_nearest_reading(meeting_day: Store) -> None:

    refused = "Kan ikke læse fristen »næste mode«; mente du »næste møde« (13. juni 2019)?"

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Ringe til AP", enter=False)
        await _type(pilot, app, "#action-due", "næste mode", enter=False)
        await _sees(pilot, app, "#due-preview", "mente du »næste møde«")
        await pilot.press("enter")
        await pilot.pause()
        await _sees(pilot, app, "#agenda-error", refused)
        assert app.query_one("#action-due").value == "næste mode"  # left to be put right

    ok("--today", "2019-04-01", "meeting", "add", "13. juni 2019 kl. 16-18")
    _run(meeting_day, script)
    assert meeting_day.query("SELECT COUNT(*) FROM action") == [(1,)]


def test_the_evening_after_the_meeting_the_screen_still_minutes_it(meeting_day: Store) -> None:
    """The next meeting is the following one once today's is over; the live screen stays on
    today's, whose minutes are being finished."""
    ok("--today", "2019-04-01", "meeting", "add", "13. juni 2019 kl. 16-18")
    ok("--today", TODAY, "attendance", "23/5-2019", "--absent", "Allan")  # minutes begun
    report = json.loads(ok("--today", f"{TODAY} 19:30", "followups", "--json"))
    assert report["meeting"]["date"] == "2019-06-13"

    async def script(app, pilot) -> None:
        assert app.view.meeting.date == date(2019, 5, 23)

    _run(meeting_day, script, clock="19:30")


def test_too_few_present_warns_of_the_quorum(meeting_day: Store) -> None:
    from textual.widgets import Select, Static

    ok("--today", TODAY, "council", "set", "--quorum", "4")

    async def script(app, pilot) -> None:
        app.query_one("#seat-2", Select).value = "absent"
        await pilot.pause()
        quorum = app.query_one("#quorum", Static)
        assert str(quorum.render()) == (
            "Rådet er ikke beslutningsdygtigt: 3 af 4 medlemmer er til stede, der skal være "
            "mindst 4."
        )
        assert quorum.has_class("warning")

    _run(meeting_day, script)


def test_answers_to_the_invitation_and_the_suppleant_to_call_in(meeting_day: Store) -> None:
    from textual.widgets import Select, Static

    ok("--today", TODAY, "council", "set", "--quorum", "4")
    ok("--today", "2019-05-01", "member", "add", "Lise Holm", "--role", "suppleant")
    jette = meeting_day.query("SELECT id FROM person WHERE full_name = 'Jette Nyboe'")[0][0]
    meeting_day.query(  # Jette accepted the invitation, as udsat inbox notes it
        "INSERT INTO meeting_reply (meeting_id, person_id, response, at) "
        "VALUES (2, :p, 'accepted', '2019-05-20 10:00:00')",
        p=jette,
    )

    async def script(app, pilot) -> None:
        labels = [str(label.render()) for label in app.query(".row Label")]
        assert "Jette Nyboe · har takket ja" in labels
        app.query_one("#seat-3", Select).value = "absent"
        await pilot.pause()
        assert str(app.query_one("#quorum", Static).render()) == (
            "Rådet er ikke beslutningsdygtigt: 3 af 4 medlemmer er til stede, der skal være "
            "mindst 4. Indkald en suppleant: Lise Holm."
        )

    _run(meeting_day, script)


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
@pytest.mark.sqlite_only
def test_a_killed_session_loses_nothing_and_reopens_where_it_stopped(
    meeting_day: Store, tmp_path: Path
) -> None:
    """The laptop dies in the middle: the process is killed with SIGKILL after two fields."""
    script = tmp_path / "midt_i_mødet.py"
    script.write_text(
        textwrap.dedent(f"""
        import asyncio, os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from datetime import date
        from udsat_cli.state import State
        from udsat_cli.store.location import resolve_location
        from udsat_cli.tui.live import LiveApp

        async def main():
            app = LiveApp(State(location=resolve_location({meeting_day.arg!r}),
                                today=date(2019, 5, 23), council="Udsatterådet Albertslund",
                                debug=False))
            async with app.run_test() as pilot:
                app.action_tab("dagsorden")
                await pilot.pause()
                field = app.query_one("#decision")
                field.focus(); field.value = "Rådet siger ja."
                await pilot.press("enter"); await pilot.pause()
                for name, text in (("#action-title", "Tage ansvaret"), ("#action-owner", "Søren"),
                                   ("#action-due", "næste møde")):
                    box = app.query_one(name); box.focus(); box.value = text
                await pilot.press("enter"); await pilot.pause()
                app.query_one("#action-title").value = "Halvt skrevet, ikke gemt"
                os.kill(os.getpid(), signal.SIGKILL)

        asyncio.run(main())
    """),
        encoding="utf-8",
    )
    died = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert died.returncode == -9, died.stderr
    assert meeting_day.query(
        "SELECT decision FROM agenda_item WHERE number = 1 AND meeting_id = 2"
    ) == [("Rådet siger ja.",)]
    assert meeting_day.query("SELECT title FROM action ORDER BY id") == [
        ("Tage kontakt til AP",),
        ("Tage ansvaret",),
    ]

    async def reopened(app, pilot) -> None:
        from textual.widgets import TabbedContent

        assert app.current == 1  # the first item without a decision
        assert app.query_one("#decision").value == ""
        assert app.query_one(TabbedContent).active == "fremmoede"  # no attendance marked yet

    _run(meeting_day, reopened)


# --- others writing, markup, type-ahead (#29) ---------------------------------------------------


def _two(store: Store, script) -> None:
    """Two screens on one meeting, as two laptops at one table."""

    async def drive() -> None:
        first, second = _app(store), _app(store)
        async with first.run_test(size=(140, 45)) as one, second.run_test(size=(140, 45)) as two:
            await one.pause()
            await two.pause()
            await script(first, one, second, two)

    asyncio.run(drive())


async def _settle(*pilots) -> None:
    """Long enough for every screen to look for what others changed (once a second)."""
    from udsat_cli.tui.live import app as live

    await asyncio.sleep(live.POLL_SECONDS * 1.5)
    for pilot in pilots:
        await pilot.pause()


def _decision(store: Store, number: int = 3) -> str | None:
    return store.query(
        f"SELECT decision FROM agenda_item WHERE meeting_id = 2 AND number = {number}"
    )[0][0]


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_two_screens_on_one_meeting_see_each_other_and_lose_nothing(meeting_day: Store) -> None:
    from textual.widgets import Input

    async def script(first, one, second, two) -> None:
        for app, pilot in ((first, one), (second, two)):
            app.action_tab("dagsorden")
            await pilot.press("ctrl+n", "ctrl+n")
            await pilot.pause()
        await _type(one, first, "#decision", "Rådet siger ja.")
        await _settle(one, two)
        assert second.query_one("#decision", Input).value == "Rådet siger ja."  # reloaded
        # The second types while the first saves again: the second is asked, not overwritten.
        field = second.query_one("#decision", Input)
        field.focus()
        field.value = "Rådet siger nej."
        await _type(one, first, "#decision", "Rådet siger ja, med forbehold.")
        await _settle(one, two)
        assert field.value == "Rådet siger nej."  # what is being typed is left alone
        await two.press("enter")
        await two.pause()
        asked = str(second.screen.query_one("#conflict").render())
        assert "Beslutningen under punkt 3 er ændret af en anden, mens du skrev" in asked
        assert "»udsat live – beslutning punkt 3«" in asked
        assert "Nu står der: Rådet siger ja, med forbehold." in asked
        assert "Du ville gemme: Rådet siger nej." in asked
        assert _decision(meeting_day) == "Rådet siger ja, med forbehold."
        await two.press("n")  # keep the other's
        await two.pause()
        assert field.value == "Rådet siger ja, med forbehold."
        assert _decision(meeting_day) == "Rådet siger ja, med forbehold."
        # Asked again, and this time the second's stands.
        field.value = "Rådet siger nej."
        await _type(one, first, "#decision", "Rådet siger ja igen.")
        await two.press("enter")
        await two.pause()
        await two.press("j")
        await two.pause()
        assert _decision(meeting_day) == "Rådet siger nej."
        await _settle(one, two)
        assert first.query_one("#decision", Input).value == "Rådet siger nej."

    _two(meeting_day, script)
    log = ok("--today", TODAY, "log", "--limit", "5")
    assert log.count("udsat live – beslutning punkt 3") == 4  # every save, none lost


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_a_command_under_an_open_screen_is_not_undone_by_it(
    meeting_day: Store, monkeypatch
) -> None:
    """``udsat done`` while the screen shows the follow-up as open: the screen's next change to
    it is stopped and asked about, not saved over the command's."""
    from textual.widgets import Select, Static

    from udsat_cli.tui.live import app as live

    monkeypatch.setattr(live, "POLL_SECONDS", 3600)  # the screen has not looked yet

    async def script(app, pilot) -> None:
        app.action_tab("opfoelgning")
        await pilot.pause()
        ok("--today", TODAY, "done", "1", "--note", "Klaret fra kommandolinjen")
        app.query_one("#fu-status-1", Select).value = "in_progress"
        await pilot.pause()
        asked = str(app.screen.query_one("#conflict").render())
        assert "Status for opgave #1 er ændret af en anden" in asked
        assert "»udsat --today 2019-05-23 done 1 --note Klaret fra kommandolinjen«" in asked
        assert "Nu står der: udført" in asked and "Du ville gemme: i gang" in asked
        await pilot.press("n")
        await pilot.pause()
        assert app.query_one("#fu-status-1", Select).value == "done"
        ok("--today", TODAY, "item", "edit", "23/5-2019", "3", "--decision", "Fra kommandoen.")
        app.action_tab("dagsorden")
        await pilot.press("ctrl+n", "ctrl+n")
        await _type(pilot, app, "#decision", "Fra skærmen.")
        assert "Beslutningen under punkt 3 er ændret" in str(
            app.screen.query_one("#conflict").render()
        )
        await pilot.press("escape")
        await pilot.pause()
        assert str(app.query_one("#agenda-error", Static).render()) == ""

    _run(meeting_day, script)
    assert meeting_day.query("SELECT status FROM action WHERE id = 1") == [("done",)]
    assert _decision(meeting_day) == "Fra kommandoen."


MARKUP = "[/x] [se bilag] [b]fed[/b] [link=https://x.dk]klik[/link] [red"


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_markup_in_every_field_is_shown_as_text(isolated_store: Store) -> None:
    april = ("--today", "2019-04-01")
    ok(*april, "init", "--council", f"Rådet {MARKUP}")
    ok(*april, "member", "add", f"Jette {MARKUP}", "--short", "Jette")
    ok(*april, "member", "add", "Søren Mogensen")
    ok(*april, "meeting", "add", "1. april 2019 kl. 16-18")
    ok(*april, "meeting", "add", "23. maj 2019 kl. 16-18", "--place", f"Lokale {MARKUP}")
    ok(*april, "add-action", f"Opgave {MARKUP}", "--owner", "Jette", "--due", f"når {MARKUP}")
    ok(
        *april,
        "item",
        "add",
        "23. maj 2019",
        f"Punkt {MARKUP}",
        "--background",
        f"Baggrund {MARKUP}",
        "--decision",
        f"Beslutning {MARKUP}",
    )
    ok(*april, "attendance", "23/5-2019", "--absent", f"Søren:syg {MARKUP}")

    async def script(app, pilot) -> None:
        from textual.widgets import Input, Label, Static

        shown = "\n".join(str(w.render()) for w in app.query(Static))
        labels = "\n".join(str(w.render()) for w in app.query(Label))
        for text in (f"Rådet {MARKUP}", f"Lokale {MARKUP}", f"Jette {MARKUP}", f"Opgave {MARKUP}"):
            assert text in shown + labels, text
        app.action_tab("dagsorden")
        item = next(n for n, i in enumerate(app.view.items) if i.title.startswith("Punkt"))
        app.query_one("#items").index = item
        await pilot.pause()
        assert str(app.query_one("#item-title", Static).render()) == f"{item + 1}. Punkt {MARKUP}"
        assert str(app.query_one("#background", Static).render()) == (
            f"Sagsfremstilling: Baggrund {MARKUP}"
        )
        assert app.query_one("#decision", Input).value == f"Beslutning {MARKUP}"
        await _type(pilot, app, "#action-title", f"Ny {MARKUP}", enter=False)
        await _type(pilot, app, "#action-due", "31. februar [/x]", enter=False)
        await _sees(pilot, app, "#due-preview", "31. februar [/x] → gemmes som tekst")
        await _type(pilot, app, "#action-due", f"når {MARKUP}")
        assert str(app.query_one("#agenda-error", Static).render()) == ""
        await _sees(pilot, app, "#item-actions", f"· Ny {MARKUP} (frist når {MARKUP})")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert f"Beslutning {MARKUP}" in str(app.screen.query_one("#text").render())
        await pilot.press("escape")
        assert "Søren" in labels and f"syg {MARKUP}" in "\n".join(w.value for w in app.query(Input))

    _run(isolated_store, script, council=f"Rådet {MARKUP}")


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_keys_typed_ahead_go_to_the_next_field_not_the_saved_one(
    meeting_day: Store, monkeypatch
) -> None:
    """Enter and what follows it in one batch, and under lag (a save that takes its time):
    the field is saved with what was typed before Enter, the rest lands in the next field."""
    import time

    from textual.widgets import Input

    from udsat_cli.tui.session import LiveLink

    slow = LiveLink.write

    def lagging(self, *args, **kwargs):
        time.sleep(0.3)
        return slow(self, *args, **kwargs)

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        app.query_one("#decision").focus()
        await pilot.pause()
        _typed_ahead(app, *"Ja", "enter", *"Ring til AP", "tab", *"Jette")
        owner = app.query_one("#action-owner", Input)
        await _until(pilot, lambda: owner.value == "Jette")  # the last key handled
        assert _decision(meeting_day) == "Ja"
        assert app.query_one("#decision", Input).value == "Ja"
        assert app.query_one("#action-title", Input).value == "Ring til AP"
        assert app.query_one("#action-owner", Input).value == "Jette"

    monkeypatch.setattr(LiveLink, "write", lagging)
    _run(meeting_day, script)


@pytest.mark.slow  # a proof that takes many seconds: CI runs it (UDSAT_SLOW=1)
def test_the_screen_keeps_one_connection_for_the_meeting(meeting_day: Store) -> None:
    """Every write, reload and look for others' changes on one connection (and so on SQLite's
    statement cache and PostgreSQL's prepared statements), not one per field."""
    from sqlalchemy import event

    connects: list[object] = []

    async def script(app, pilot) -> None:
        event.listen(app.session.store._engine, "connect", lambda *a: connects.append(a))
        app.action_tab("dagsorden")
        await pilot.press("ctrl+n", "ctrl+n")
        for n in range(3):
            await _type(pilot, app, "#decision", f"Beslutning {n}.")
            await _type(pilot, app, "#action-title", f"Opgave {n}", enter=False)
            await _type(pilot, app, "#action-due", "næste møde")
            app.query_one("#decision").focus()
        await _settle(pilot)

    _run(meeting_day, script)
    assert connects == []  # none after the one the screen opened with (it took the roll)
    assert _decision(meeting_day) == "Beslutning 2."
    assert meeting_day.query("SELECT COUNT(*) FROM action") == [(4,)]


# --- keys in the order a person types them (#26) ------------------------------------------------


def test_a_drop_down_changed_and_what_is_typed_at_once_after_it_are_stored(
    meeting_day: Store,
) -> None:
    """Afbud chosen in the drop-down's list, Tab, the reason and Enter, all typed at once; the
    same for a follow-up's status and its note: no key goes to the list or the field left."""

    async def script(app, pilot) -> None:
        app.query_one("#seat-3").focus()  # Allan
        await pilot.pause()
        _typed_ahead(app, "enter", "down", "enter", "tab", *"syg", "enter")
        stored = "SELECT status, reason FROM attendance WHERE person_id = 3"
        await _until(pilot, lambda: meeting_day.query(stored) == [("absent", "syg")])
        app.action_tab("opfoelgning")
        app.query_one("#fu-status-1").focus()
        await pilot.pause()
        _typed_ahead(app, "enter", "down", "down", "enter")  # åben → i gang → udført
        _typed_ahead(app, "tab", *"AP er kontaktet", "enter")
        noted = "SELECT note FROM action_event WHERE note IS NOT NULL"
        await _until(pilot, lambda: meeting_day.query(noted) != [])

    _run(meeting_day, script)
    assert meeting_day.query(
        "SELECT status, reason FROM attendance WHERE person_id = 3 AND meeting_id = 2"
    ) == [("absent", "syg")]
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["title"], a["status"], a["note"]) for a in actions] == [
        ("Tage kontakt til AP", "done", "AP er kontaktet")
    ]


def test_enter_in_the_decision_then_tab_types_into_the_field_tab_leads_to(
    meeting_day: Store,
) -> None:
    """Enter saves the decision and goes on to the new follow-up; Tab from there to its owner:
    every key typed at once lands where the keys before it lead, and the store has it so."""

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.press("ctrl+n", "ctrl+n")
        app.query_one("#decision").focus()
        await pilot.pause()
        _typed_ahead(app, *"Ja", "enter", "tab", *"Jette", "shift+tab", *"Ring til AP")
        _typed_ahead(app, "tab", "tab", *"næste møde", "enter")
        await _until(pilot, lambda: meeting_day.query("SELECT COUNT(*) FROM action") == [(2,)])

    _run(meeting_day, script)
    assert _decision(meeting_day) == "Ja"
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["title"], a["owners"], a["due"], a["item"]) for a in actions] == [
        ("Tage kontakt til AP", ["Jette Nyboe"], "2019-05-23", None),
        ("Ring til AP", ["Jette Nyboe"], None, "Bisidderordningen"),
    ]
    minutes = ok("--today", TODAY, "minutes", "23. maj 2019")
    assert (
        "Beslutning:\nJa\n\nOpfølgning:\n· Ring til AP (Jette Nyboe, frist næste møde (ikke "
        "planlagt))"
    ) in minutes


def test_escape_in_a_field_then_a_digit_switches_the_tab_and_types_nothing(
    meeting_day: Store,
) -> None:
    from textual.widgets import Input, TabbedContent

    async def script(app, pilot) -> None:
        tabs = app.query_one(TabbedContent)
        app.query_one("#guest").focus()
        await pilot.pause()
        _typed_ahead(app, *"Lis", "escape", "2")
        assert await _until(pilot, lambda: tabs.active == "dagsorden")
        app.query_one("#decision").focus()
        await pilot.pause()
        _typed_ahead(app, *"Ja", "escape", "3")
        assert await _until(pilot, lambda: tabs.active == "opfoelgning")
        _typed_ahead(app, "1")
        assert await _until(pilot, lambda: tabs.active == "fremmoede")
        assert app.query_one("#guest", Input).value == "Lis"
        assert app.query_one("#decision", Input).value == "Ja"
        await pilot.press("f1")  # and the help says so
        await pilot.pause()
        help_text = str(app.screen.query_one("#text").render())
        assert (
            "Escape           ud af tekstfeltet, fx for at skifte fane med 1 / 2 / 3" in help_text
        )

    decisions = "SELECT number, decision FROM agenda_item WHERE meeting_id = 2 ORDER BY number"
    before = meeting_day.query(decisions)
    _run(meeting_day, script)
    assert meeting_day.query(decisions) == before  # neither the text nor a digit saved
    assert meeting_day.query("SELECT COUNT(*) FROM meeting_guest") == [(0,)]


def test_a_status_chosen_while_a_note_is_saved_is_not_undone_by_the_reload(
    meeting_day: Store,
) -> None:
    """The status chosen (with the mouse: its Changed on its way) and at once a note typed and
    saved: the reload after the note shows the store's status, which must not count as a
    choice of its own and save the old status back."""

    async def script(app, pilot) -> None:
        app.action_tab("opfoelgning")
        app.query_one("#fu-note-1").focus()
        await pilot.pause()
        app.query_one("#fu-status-1").value = "done"
        _typed_ahead(app, *"Klaret", "enter")
        noted = "SELECT note FROM action_event WHERE note IS NOT NULL"
        await _until(pilot, lambda: meeting_day.query(noted) != [])
        await _until(pilot, lambda: meeting_day.query("SELECT status FROM action") == [("done",)])
        await pilot.pause()  # the reload after the status is shown, and nothing saved by it

    _run(meeting_day, script)
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["status"], a["note"]) for a in actions] == [("done", "Klaret")]


def test_what_is_typed_under_an_item_stays_with_it_and_is_never_saved_under_another(
    meeting_day: Store,
) -> None:
    """A decision and a follow-up half typed under item 3, then Ctrl+N without Enter: item 4
    shows empty fields, Enter there saves nothing of it; Ctrl+P brings the text back, and Enter
    saves it under item 3. Ctrl+Q with text not saved asks first; »n« stays."""
    from textual.widgets import Input

    from udsat_cli.tui.live.screens import LeaveScreen

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        await _sees(pilot, app, "#item-title", "Bisidderordningen")
        for selector, text in (
            ("#decision", "Rådet siger ja"),
            ("#action-title", "Ring til frivilligcenteret"),
            ("#action-owner", "Jette"),
            ("#action-due", "næste møde"),
        ):
            await _type(pilot, app, selector, text, enter=False)
        await pilot.press("ctrl+n")
        await _sees(pilot, app, "#item-title", "Socialt frikort")
        values = [app.query_one(f"#{n}", Input).value for n in ("decision", "action-title")]
        assert values == ["", ""]
        app.query_one("#action-due").focus()
        await pilot.press("enter")  # nothing to add here: no title, no deadline
        assert app.agenda.unsaved() == ["tekst under punkt 3"]
        await _type(pilot, app, "#decision", "Udkast", enter=False)
        assert app.agenda.unsaved() == ["Beslutning", "tekst under punkt 3"]
        await pilot.press("ctrl+q")
        assert await _until(pilot, lambda: isinstance(app.screen, LeaveScreen))
        assert "tekst under punkt 3" in app.screen.text
        await pilot.press("n")
        assert await _until(pilot, lambda: not isinstance(app.screen, LeaveScreen))
        await pilot.press("ctrl+p")
        await _sees(pilot, app, "#item-title", "Bisidderordningen")
        assert app.query_one("#decision", Input).value == "Rådet siger ja"
        assert app.query_one("#action-due", Input).value == "næste møde"
        app.query_one("#decision").focus()
        await pilot.press("enter")
        assert await _until(pilot, lambda: _decision(meeting_day) == "Rådet siger ja")
        app.query_one("#action-due").focus()
        await pilot.press("enter")
        assert await _until(
            pilot, lambda: meeting_day.query("SELECT COUNT(*) FROM action") == [(2,)]
        )

    _run(meeting_day, script)
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["title"], a["item"]) for a in actions][-1] == (
        "Ring til frivilligcenteret",
        "Bisidderordningen",
    )
    assert meeting_day.query(
        "SELECT number, decision FROM agenda_item WHERE decision IS NOT NULL ORDER BY number"
    ) == [(3, "Rådet siger ja")]


def test_tab_from_the_item_list_goes_to_the_decision(meeting_day: Store) -> None:
    """No invisible stop between the list and the fields: what is typed after Tab is saved."""

    async def script(app, pilot) -> None:
        app.action_tab("dagsorden")
        app.query_one("#items").focus()
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is app.query_one("#decision")
        await pilot.press(*"Ja tak", "enter")
        decided = "SELECT decision FROM agenda_item WHERE decision IS NOT NULL"
        assert await _until(pilot, lambda: meeting_day.query(decided) != [])

    _run(meeting_day, script)
    assert meeting_day.query("SELECT decision FROM agenda_item WHERE decision IS NOT NULL") == [
        ("Ja tak",)
    ]


def test_a_note_being_typed_stays_when_another_adds_a_follow_up(meeting_day: Store) -> None:
    """The Opfølgning rows are made anew when another adds a follow-up to the last meeting; the
    note being typed stays in its field, with the cursor, and Enter saves it."""
    from textual.widgets import Input

    note = "SELECT note FROM action_event WHERE action_id = 1 AND note IS NOT NULL"

    async def script(app, pilot) -> None:
        app.action_tab("opfoelgning")
        await pilot.pause()
        await _type(pilot, app, "#fu-note-1", "skriver en note", enter=False)
        april = ("--today", "2019-04-01")
        ok(*april, "add-action", "Ny fra april", "--owner", "Allan", "--meeting", "1/4-2019")
        assert await _until(pilot, lambda: bool(app.query("#fu-note-2")))
        await pilot.pause()
        field = app.query_one("#fu-note-1", Input)
        assert (field.value, app.focused) == ("skriver en note", field)
        await pilot.press("enter")
        assert await _until(pilot, lambda: meeting_day.query(note) != [])

    _run(meeting_day, script)
    assert meeting_day.query(note) == [("skriver en note",)]
