"""The Typer application and the global options every command shares; what they decide (the
store, today and the council) is a ``State`` (udsat_cli.state), which the live screen uses too."""

from __future__ import annotations

from datetime import date

import typer

from udsat_cli import __version__
from udsat_cli.cli.usage import HELP_OPTIONS, DanishCommand, DanishGroup
from udsat_cli.state import State

HELP = """Hold styr på rådets beslutninger, og på hvem der gør hvad til hvornår.

Eksempel:

\b
  udsat init --council "Udsatterådet Albertslund"
  udsat followups --next-meeting
"""


def sub_app(help_text: str, *, default: str | None = None) -> typer.Typer:
    """A group of commands; ``default`` runs when the first word is not one of them."""
    group = type("DefaultGroup", (DanishGroup,), {"default_command": default}) if default else None
    return typer.Typer(
        cls=group or DanishGroup,
        help=help_text,
        rich_markup_mode=None,
        no_args_is_help=True,
        options_metavar="[TILVALG]",
        subcommand_metavar="KOMMANDO [ARG]...",
        add_completion=False,
        context_settings=HELP_OPTIONS,
    )


app = sub_app(HELP)


def command(app_: typer.Typer, name: str) -> typer.models.CommandFunctionType:  # type: ignore[name-defined]
    return app_.command(
        name, cls=DanishCommand, options_metavar="[TILVALG]", context_settings=HELP_OPTIONS
    )


def state(ctx: typer.Context) -> State:
    return ctx.find_root().obj


def _version(value: bool) -> None:
    if value:
        print(f"udsat {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None, "--db", envvar="UDSAT_DB", metavar="STI", help="Lagerets fil (eller en database-URL)."
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        envvar="UDSAT_TODAY",
        metavar="DATO",
        help="Dagen der regnes fra (til genkørsler og prøver), evt. med klokkeslæt: "
        '"2019-04-01 19:30".',
    ),
    council: str | None = typer.Option(
        None,
        "--council",
        envvar="UDSAT_COUNCIL",
        metavar="NAVN",
        help="Rådet (kan udelades, når lageret kun har ét).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Vis hele forløbet ved fejl."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis udgaven og afslut."
    ),
) -> None:
    from udsat_cli import dates
    from udsat_cli.store.location import mask_password, resolve_location

    real_today = date.today()
    day, clock = dates.parse_moment(today, today=real_today) if today else (real_today, None)
    ctx.obj = State(
        location=resolve_location(db),
        today=day,
        council=council,
        debug=debug,
        explicit_db=bool(db),
        command=" ".join(mask_password(a) for a in ["udsat", *ctx.meta.get("udsat.argv", [])]),
        clock=clock,
    )
