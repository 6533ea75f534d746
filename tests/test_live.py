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

from tests.conftest import ROOT, Store, ok

pytest.importorskip("textual")

TODAY = "2019-05-23"
ARTIFACTS = Path(os.environ.get("UDSAT_ARTIFACTS", ROOT / "test-artifacts"))


@pytest.fixture
def meeting_day(isolated_store: Store) -> Store:
    april = ("--today", "2019-04-01")
    ok(*april, "init", "--council", "Udsatterådet Albertslund")
    for args in (("Helge Bo Jensen", "--short", "Helge Bo", "--role", "formand"),
                 ("Jette Nyboe",), ("Allan Høyer",), ("Søren Mogensen",),
                 ("Carina Kofoed", "--role", "sekretær")):  # fmt: skip
        ok(*april, "member", "add", *args)
    ok(*april, "meeting", "add", "1. april 2019 kl. 16-18")
    ok(*april, "meeting", "add", "23. maj 2019 kl. 16-18", "--place", "Mødelokale 129")
    ok(*april, "add-action", "Tage kontakt til AP", "--owner", "Jette", "--due", "næste møde")
    ok(*april, "item", "add", "23. maj 2019", "Bisidderordningen", "--background",
       "Frivilligcenteret har spurgt, om rådet vil stå for ordningen.")  # fmt: skip
    ok(*april, "item", "add", "23. maj 2019", "Socialt frikort")
    return isolated_store


def _app(store: Store, clock: str | None = None):  # noqa: ANN202
    from udsat_cli.state import State
    from udsat_cli.store.location import resolve_location
    from udsat_cli.tui.live import LiveApp

    state = State(location=resolve_location(store.arg), today=date.fromisoformat(TODAY),
                  council="Udsatterådet Albertslund", debug=False, clock=clock)  # fmt: skip
    return LiveApp(state)


def _run(store: Store, script, clock: str | None = None) -> None:  # noqa: ANN001
    async def drive() -> None:
        app = _app(store, clock)
        async with app.run_test(size=(140, 45)) as pilot:
            await pilot.pause()
            await script(app, pilot)
    asyncio.run(drive())


async def _type(pilot, app, selector: str, text: str, *, enter: bool = True) -> None:  # noqa: ANN001
    field = app.query_one(selector)
    field.focus()
    field.value = text
    await pilot.pause()
    if enter:
        await pilot.press("enter")
        await pilot.pause()


def _shot(app, name: str) -> Path:  # noqa: ANN001
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
    if not (chromium and driver):
        return
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-background-networking", "--window-size=1800,1200"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.set_page_load_timeout(120)
    try:
        for svg in shots:
            browser.get(svg.as_uri())
            assert browser.save_screenshot(str(svg.with_suffix(".png")))
    finally:
        browser.quit()


def test_a_meeting_minuted_live_is_in_the_store_and_the_minutes(meeting_day: Store) -> None:
    from textual.widgets import Select, Static, TabbedContent

    shots: list[Path] = []

    async def script(app, pilot) -> None:  # noqa: ANN001
        assert app.query_one(TabbedContent).active == "fremmoede"  # attendance first
        await _type(pilot, app, "#reason-3", "syg")  # Allan: afbud, syg
        app.query_one("#seat-4", Select).value = "absent"  # Søren: afbud
        await pilot.pause()
        assert "2 af 4 medlemmer er til stede" in str(app.query_one("#quorum", Static).render())
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
        assert "søndag d. 1. september 2019" in str(app.query_one("#due-preview", Static).render())
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
    assert sorted(meeting_day.query(
        "SELECT p.full_name, a.status, a.reason FROM attendance a JOIN person p ON "
        "p.id = a.person_id"
    )) == [("Allan Høyer", "absent", "syg"), ("Helge Bo Jensen", "present", None),
           ("Jette Nyboe", "present", None), ("Søren Mogensen", "absent", None)]  # fmt: skip
    actions = json.loads(ok("--today", TODAY, "actions", "--all", "--json"))
    assert [(a["title"], a["owners"], a["due"], a["status"], a["item"]) for a in actions] == [
        ("Tage kontakt til AP", ["Jette Nyboe"], "2019-05-23", "done", None),
        ("Samle viden om frikortet", ["Helge Bo Jensen"], "2019-06-01", "open",
         "Socialt frikort"),
        ("Tage ansvaret for bisidderordningen", ["Søren Mogensen"], "2019-09-01", "open",
         "Bisidderordningen"),
        ("Invitere borgerrådgiveren", ["rådet"], None, "open", "Bisidderordningen"),
    ]  # fmt: skip
    assert actions[0]["note"] == "AP er kontaktet"
    minutes = ok("--today", TODAY, "minutes", "23. maj 2019")
    assert "Afbud:     Allan Høyer (syg), Søren Mogensen" in minutes
    assert "Referent:  Carina Kofoed" in minutes
    assert ("3. Bisidderordningen\n\nSagsfremstilling:\nFrivilligcenteret har spurgt, om rådet "
            "vil stå for ordningen.\n\nBeslutning:\nRådet siger ja til bisidderordningen.\n\n"
            "Opfølgning:\n· Tage ansvaret for bisidderordningen (Søren Mogensen, frist til "
            "efteråret (1. september 2019))\n· Invitere borgerrådgiveren (rådet, frist næste "
            "møde (ikke planlagt))") in minutes
    assert "4. Socialt frikort\n\nBeslutning:\nRådet følger op på frikortet." in minutes
    assert "udsat live – opgave: Invitere borgerrådgiveren" in ok("--today", TODAY, "log")


def test_a_wrong_deadline_is_told_inline_and_nothing_is_written(meeting_day: Store) -> None:
    from textual.widgets import Static

    async def script(app, pilot) -> None:  # noqa: ANN001
        app.action_tab("dagsorden")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Ringe til AP", enter=False)
        await _type(pilot, app, "#action-due", "31. februar", enter=False)
        assert "»31. februar« er ikke en gyldig dato." in str(
            app.query_one("#due-preview", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert "»31. februar« er ikke en gyldig dato." in str(
            app.query_one("#agenda-error", Static).render())
        assert app.query_one("#action-title").value == "Ringe til AP"  # nothing typed is lost
        assert app.screen.id is None or app.screen.id == "_default"  # still the same screen

    _run(meeting_day, script)
    assert meeting_day.query("SELECT COUNT(*) FROM action") == [(1,)]


def test_a_deadline_written_wrong_offers_its_nearest_reading(meeting_day: Store) -> None:
    from textual.widgets import Static

    refused = "Kan ikke læse fristen »næste mode«; mente du »næste møde« (13. juni 2019)?"

    async def script(app, pilot) -> None:  # noqa: ANN001
        app.action_tab("dagsorden")
        await pilot.pause()
        await _type(pilot, app, "#action-title", "Ringe til AP", enter=False)
        await _type(pilot, app, "#action-due", "næste mode", enter=False)
        assert "mente du »næste møde«" in str(app.query_one("#due-preview", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert refused in str(app.query_one("#agenda-error", Static).render())
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

    async def script(app, pilot) -> None:  # noqa: ANN001
        assert app.view.meeting.date == date(2019, 5, 23)

    _run(meeting_day, script, clock="19:30")


def test_too_few_present_warns_of_the_quorum(meeting_day: Store) -> None:
    from textual.widgets import Select, Static

    ok("--today", TODAY, "council", "set", "--quorum", "4")

    async def script(app, pilot) -> None:  # noqa: ANN001
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
        "VALUES (2, :p, 'accepted', '2019-05-20 10:00:00')", p=jette,
    )  # fmt: skip

    async def script(app, pilot) -> None:  # noqa: ANN001
        labels = [str(label.render()) for label in app.query(".row Label")]
        assert "Jette Nyboe · har takket ja" in labels
        app.query_one("#seat-3", Select).value = "absent"
        await pilot.pause()
        assert str(app.query_one("#quorum", Static).render()) == (
            "Rådet er ikke beslutningsdygtigt: 3 af 4 medlemmer er til stede, der skal være "
            "mindst 4. Indkald en suppleant: Lise Holm."
        )

    _run(meeting_day, script)


@pytest.mark.sqlite_only
def test_a_killed_session_loses_nothing_and_reopens_where_it_stopped(meeting_day: Store,
                                                                      tmp_path: Path) -> None:
    """The laptop dies in the middle: the process is killed with SIGKILL after two fields."""
    script = tmp_path / "midt_i_mødet.py"
    script.write_text(textwrap.dedent(f"""
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
    """), encoding="utf-8")
    died = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert died.returncode == -9, died.stderr
    assert meeting_day.query(
        "SELECT decision FROM agenda_item WHERE number = 1 AND meeting_id = 2"
    ) == [
        ("Rådet siger ja.",)
    ]
    assert meeting_day.query("SELECT title FROM action ORDER BY id") == [
        ("Tage kontakt til AP",), ("Tage ansvaret",)
    ]  # fmt: skip

    async def reopened(app, pilot) -> None:  # noqa: ANN001
        from textual.widgets import TabbedContent

        assert app.current == 1  # the first item without a decision
        assert app.query_one("#decision").value == ""
        assert app.query_one(TabbedContent).active == "fremmoede"  # no attendance marked yet

    _run(meeting_day, reopened)
