"""The Typer application and the global options every command shares."""

from __future__ import annotations

from datetime import date

import typer

from udsat_cli import __version__
from udsat_cli.cli.danish import DanishCommand, DanishGroup
from udsat_cli.cli.state import State

HELP = """Hold styr på rådets beslutninger, og på hvem der gør hvad til hvornår.

Eksempel:

\b
  udsat init --council "Udsatterådet Albertslund"
  udsat followups --next-meeting
"""


def sub_app(help_text: str) -> typer.Typer:
    return typer.Typer(
        cls=DanishGroup, help=help_text, rich_markup_mode=None, no_args_is_help=True,
        options_metavar="[TILVALG]", subcommand_metavar="KOMMANDO [ARG]...", add_completion=False,
    )  # fmt: skip


app = sub_app(HELP)


def command(app_: typer.Typer, name: str) -> typer.models.CommandFunctionType:  # type: ignore[name-defined]
    return app_.command(name, cls=DanishCommand, options_metavar="[TILVALG]")


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
        help="Dagen der regnes fra (til genkørsler og prøver).",
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
    ctx.obj = State(
        location=resolve_location(db),
        today=dates.parse_date(today, today=real_today) if today else real_today,
        council=council,
        debug=debug,
        explicit_db=bool(db),
        command=mask_password(" ".join(["udsat", *ctx.meta.get("udsat.argv", [])])),
    )
