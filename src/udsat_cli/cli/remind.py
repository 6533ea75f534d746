"""udsat remind: what cron runs. Silent when nothing is due; one e-mail per owner with --send."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import State, app, command, state

if TYPE_CHECKING:
    from udsat_cli.core.reminders import OwnerReminder, Reminders


def _note(st: State, people: list[OwnerReminder], channel: str) -> None:
    """Record who was reminded of what, in a short transaction of its own (the reminder log)."""
    from udsat_cli.core.reminders import record

    with st.record() as council:
        record(council, owners=people, channel=channel)


def _send(st: State, report: Reminders, *, dry_run: bool) -> None:
    """One e-mail per owner with an address; the others are printed for the secretary (cron
    mails stdout to her). Each mail is recorded as soon as the server has accepted it, so a
    failure half-way leaves a true record and the next run sends the rest (udsat_cli.sending)."""
    from udsat_cli import config
    from udsat_cli.cli import sent
    from udsat_cli.render.reminders import listing
    from udsat_cli.sending import send_reminders

    config.smtp()  # the settings checked before anything is printed or noted
    noted = (lambda people, channel: None) if dry_run else partial(_note, st)
    if without := [p for p in report.owners if not p.email]:
        print("Uden e-mailadresse – giv dem besked på anden vis:")
        print("\n".join(listing(report, without)))
        noted(without, "print")
    outcome = send_reminders(st, report, dry_run=dry_run)
    for text in outcome.shown:
        print(text)
    sent.refusals(outcome, again="udsat remind --send")


def _send_once(st: State, *, days: int, owner: str | None, again: bool, dry_run: bool) -> None:
    """One sending run at a time per council: a second run while one is sending (a slow mail
    server, an overlapping cron) sends nothing and says so."""
    from udsat_cli.core.reminders import reminders
    from udsat_cli.store.access import run_lock

    with st.read() as council:
        name = f"remind-{council.id}"
    with run_lock(st.location, name) as mine:
        if not mine:
            output.say("Påmindelserne sendes allerede af en anden kørsel; denne sender intet.")
            return
        with st.read() as council:  # read after taking the lock: what the other run recorded
            report = reminders(council, days=days, owner=owner, again=again, channel="email")
        if not report.empty:
            _send(st, report, dry_run=dry_run)
    _calendar(st, dry_run=dry_run)


def _calendar(st: State, *, dry_run: bool) -> None:
    """What the members' calendars still lack (a move or a cancellation that did not go out at
    the time) goes with the reminders."""
    from udsat_cli.cli import sent
    from udsat_cli.sending import send_calendar_changes

    sent.changes(send_calendar_changes(st, dry_run=dry_run), again="udsat remind --send")


@command(app, "remind")
def remind_command(
    ctx: typer.Context,
    days: int = typer.Option(
        7, "--days", metavar="N", help="Frister inden for N dage.", min=0, max=3660
    ),
    owner: str | None = typer.Option(
        None, "--owner", metavar="NAVN", help="Kun denne person (navn, kaldenavn eller fornavn)."
    ),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
    send: bool = typer.Option(False, "--send", help="Send én e-mail pr. ansvarlig."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Vis kun; send og notér intet."),
    again: bool = typer.Option(False, "--again", help="Også det, der allerede er påmindet i dag."),
) -> None:
    """Påmind de ansvarlige om overskredne og snart forfaldne opgaver (til cron).

    Uden noget at påminde skrives intet, og koden er 0. Det, der er påmindet, noteres, så
    samme opgave ikke påmindes samme person to gange samme dag.

    Eksempel:

    \b
      udsat remind --days 7 --send
    """
    from udsat_cli.core.reminders import reminders
    from udsat_cli.render.reminders import REMINDERS

    shown, st = output.choose(fmt, as_json, formats=("text", "json")), state(ctx)
    if send:
        return _send_once(st, days=days, owner=owner, again=again, dry_run=dry_run)
    with st.read() as council:  # no write lock while reading: cron must never keep writers waiting
        report = reminders(council, days=days, owner=owner, again=again, channel="print")
    shown.show(report, REMINDERS)
    if not dry_run and not report.empty:
        _note(st, report.owners, "print")
