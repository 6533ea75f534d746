"""udsat inbox: afbud, answers to the invitations and owners' replies to reminders, read back
from the council's mailbox (what cron runs next to remind)."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import app, command, state


@command(app, "inbox")
def inbox_command(
    ctx: typer.Context,
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Vis, hvad der ville blive noteret; skriv og flyt intet."
    ),
) -> None:
    """Læs svar fra rådets postkasse ([imap] i indstillingerne) og notér dem (til cron).

    Afvist eller accepteret invitation: afbud med begrundelse eller tilsagn på mødet. Et svar
    på indkaldelsen med afbud noteres som afbud. En ansvarligs svar på en påmindelse (»udført«,
    »i gang«, »udsat til …«) giver opgaven status og note. Det noterede flyttes til
    udsat/behandlet; det, udsat ikke forstår, bliver liggende ulæst og nævnes én gang. Uden
    noget nyt skrives intet.

    Eksempel:

    \b
      udsat inbox --dry-run
      udsat inbox
    """
    from dataclasses import replace

    from udsat_cli import config
    from udsat_cli.cli import output
    from udsat_cli.mailbox import read_inbox
    from udsat_cli.render.inbox import INBOX

    st = state(ctx)
    run = read_inbox(
        config.imap(),
        read=st.read,
        dry_run=dry_run,
        write=lambda what: replace(st, command=what).write(),
    )
    output.choose().show(run, INBOX)
