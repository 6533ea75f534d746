"""udsat remind: what cron runs. Silent when nothing is due; one e-mail per owner with --send."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import State, state

if TYPE_CHECKING:
    from udsat_cli.core.reminders import OwnerReminder, Reminders


def _record(st: State, owners: list[OwnerReminder], report: Reminders, channel: str) -> None:
    from udsat_cli.core.reminders import record
    from udsat_cli.store.db import write_db

    with write_db(st.location) as db:
        record(db, owners=owners, today=report.today, now=st.now, channel=channel)


def _send(st: State, report: Reminders, *, dry_run: bool) -> None:
    from udsat_cli import config, mail
    from udsat_cli.render.reminders import listing

    settings = config.smtp()
    without = [p for p in report.owners if not p.email]
    if without:  # the secretary gets these on stdout (cron mails it) instead of a failed run
        output.lines(
            ["Uden e-mailadresse – giv dem besked på anden vis:", *listing(report, without)]
        )
        if not dry_run:
            _record(st, without, report, "print")
    messages = [
        (p, mail.message(p, report, sender=settings.sender)) for p in report.owners if p.email
    ]
    if dry_run:
        for _, msg in messages:
            print(msg.as_string(policy=msg.policy.clone(utf8=True)))
        return
    mail.send_all(settings, messages, sent=lambda person: _record(st, [person], report, "email"))


@command(app, "remind")
def remind(
    ctx: typer.Context,
    days: int = typer.Option(
        7, "--days", metavar="N", help="Frister inden for N dage.", min=0, max=3660
    ),
    owner: str | None = typer.Option(None, "--owner", metavar="NAVN", help="Kun denne person."),
    fmt: str = typer.Option("text", "--format", metavar="FORMAT", help="text eller json."),
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
    from udsat_cli.errors import InputError

    if fmt not in ("text", "json"):
        raise InputError(f"Ukendt format «{fmt}»; brug text eller json.")
    st = state(ctx)
    channel = "email" if send else "print"
    with st.read() as db:
        report = reminders(db, council=st.council, today=st.today, days=days, owner=owner,
                           again=again, channel=channel)  # fmt: skip
    if report.empty:
        return
    if send:
        _send(st, report, dry_run=dry_run)
        return
    if fmt == "json":
        from udsat_cli.render import jsonout

        output.json(jsonout.reminders(report))
    else:
        from udsat_cli.render.reminders import listing

        output.lines(listing(report))
    if not dry_run:
        _record(st, report.owners, report, "print")
