"""udsat event: events the council takes part in."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

event_app = sub_app("Arrangementer, som rådet deltager i.")
app.add_typer(event_app, name="event")


@command(event_app, "add")
def event_add_command(
    ctx: typer.Context,
    when: str = typer.Argument(..., metavar="HVORNÅR", help='Fx "4. april 2019 kl. 17".'),
    title: str = typer.Argument(..., metavar="TITEL", help="Arrangementet."),
    attendee: list[str] | None = typer.Option(
        None,
        "--attendee",
        metavar="NAVN",
        help="Deltager fra rådet (navn, kaldenavn eller fornavn); gentag for flere.",
    ),
) -> None:
    """Notér et arrangement og hvem fra rådet der deltager.

    Eksempel:

    \b
      udsat event add "4. april 2019" "Netværksmøde" --attendee Søren --attendee René
    """
    from udsat_cli.core.events import add_event

    with state(ctx).write() as council:
        event_id = add_event(council, when=when, title=title, attendees=attendee)
    print(f"Tilføjede arrangement #{event_id}.")


@command(event_app, "list")
def event_list_command(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", help="Også tidligere arrangementer."),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis kommende arrangementer.

    Eksempel:

    \b
      udsat event list
    """
    from udsat_cli.core.events import event_list
    from udsat_cli.render.events import EVENTS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = event_list(council, include_past=show_all)
    shown.show(found, EVENTS)
