"""udsat calendar: meetings and deadlines for a calendar that subscribes."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "calendar")
def calendar_command(
    ctx: typer.Context,
    owner: str | None = typer.Option(
        None,
        "--owner",
        metavar="NAVN",
        help="Kun denne persons opgaver (navn, kaldenavn eller fornavn).",
    ),
    todo: bool = typer.Option(
        False, "--todo", help="Frister som opgaver (VTODO) frem for heldagsbegivenheder."
    ),
    out: str | None = output.OUT,
    force: bool = output.FORCE,
) -> None:
    """Skriv møder, arrangementer og frister som iCalendar, som en kalender kan abonnere på.

    Eksempel:

    \b
      udsat calendar --owner Søren -o søren.ics
    """
    from udsat_cli.core.calendar import calendar_data
    from udsat_cli.render.calendar import ical

    with state(ctx).read() as council:
        data = calendar_data(council, owner=owner)
    output.emit(ical(data, todo=todo), out, force=force)
