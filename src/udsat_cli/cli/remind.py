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
    failure half-way leaves a true record and the next run sends the rest."""
    from udsat_cli import config, mail
    from udsat_cli.render.reminders import listing

    settings = config.smtp()
    noted = (lambda people, channel: None) if dry_run else partial(_note, st)
    if without := [p for p in report.owners if not p.email]:
        print("Uden e-mailadresse – giv dem besked på anden vis:")
        print("\n".join(listing(report, without)))
        noted(without, "print")
    messages = [(p, mail.message(p, report, sender=settings.sender))
                for p in report.owners if p.email]  # fmt: skip
    if dry_run:
        for _, msg in messages:
            print(msg.as_string(policy=msg.policy.clone(utf8=True)))
        return
    mail.send_all(settings, messages, sent=lambda person: noted([person], "email"))


@command(app, "remind")
def remind(
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

    shown, st = output.choose(fmt, as_json, formats=("text", "json")), state(ctx)
    with st.read() as council:  # no write lock while reading: cron must never keep writers waiting
        report = reminders(council, days=days, owner=owner, again=again,
                           channel="email" if send else "print")  # fmt: skip
    if send:
        return _send(st, report, dry_run=dry_run) if not report.empty else None
    shown.show(report, "reminders")
    if not dry_run and not report.empty:
        _note(st, report.owners, "print")
