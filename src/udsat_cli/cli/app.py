"""The Typer application, the global options every command shares, and what they decide: the
store, today and the council (``State``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING

import typer

from udsat_cli import __version__
from udsat_cli.cli.usage import HELP_OPTIONS, DanishCommand, DanishGroup
from udsat_cli.store.location import Location

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.store.access import Handle

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
        cls=group or DanishGroup, help=help_text, rich_markup_mode=None, no_args_is_help=True,
        options_metavar="[TILVALG]", subcommand_metavar="KOMMANDO [ARG]...", add_completion=False,
        context_settings=HELP_OPTIONS,
    )  # fmt: skip


app = sub_app(HELP)


def command(app_: typer.Typer, name: str) -> typer.models.CommandFunctionType:  # type: ignore[name-defined]
    return app_.command(
        name, cls=DanishCommand, options_metavar="[TILVALG]", context_settings=HELP_OPTIONS
    )


@dataclass(frozen=True)
class State:
    location: Location
    today: date
    council: str | None
    debug: bool
    explicit_db: bool = False
    command: str = "udsat"
    clock: str | None = None  # the time --today gave (»2019-04-01 19:30«), as HH:MM

    @property
    def now(self) -> datetime:
        """The moment a change is recorded and a run is as of: today's date (which --today may
        move), at this time, or at the time --today gave."""
        moment = time.fromisoformat(self.clock) if self.clock else datetime.now().time()
        return datetime.combine(self.today, moment).astimezone()

    @contextmanager
    def store(
        self, *, mode: str = "read", create: bool = False, migrate: bool = True,
        journal: bool = False,
    ) -> Iterator[Handle]:  # fmt: skip
        """The store itself, for the commands that work on no council (init, restore, migrate)."""
        from udsat_cli.store.access import open_store

        command = self.command if journal else None
        with open_store(self.location, mode=mode, create=create, command=command,
                        migrate=migrate) as handle:  # fmt: skip
            yield handle

    @contextmanager
    def _council(self, mode: str, *, journal: bool = True) -> Iterator[CouncilContext]:
        from udsat_cli.core.context import council_context

        with self.store(mode=mode, journal=journal and mode == "write") as handle:
            council = council_context(handle.db, name=self.council, today=self.today,
                                      now=self.now, session=handle.session)  # fmt: skip
            if handle.session is not None:  # the change journal files the command under it
                handle.session.info["udsat.council_id"] = council.id
            yield council
        for notice in council.notices:  # after the commit: only what really happened
            print(notice, file=sys.stderr)

    @contextmanager
    def read(self) -> Iterator[CouncilContext]:
        """The council in one read-only snapshot."""
        with self._council("read") as council:
            yield council

    @contextmanager
    def write(self, *, journal: bool = True) -> Iterator[CouncilContext]:
        """The council in one write transaction; the change journal sees every row it touches."""
        with self._council("write", journal=journal) as council:
            yield council

    @contextmanager
    def read_if_any(self) -> Iterator[CouncilContext | None]:
        """The council, or None where there is no store or no one council to read."""
        from contextlib import ExitStack

        from udsat_cli.core.context import CouncilNotChosen
        from udsat_cli.store.access import MissingStore

        with ExitStack() as stack:
            try:
                council = stack.enter_context(self.read())
            except MissingStore:
                council = None
            except CouncilNotChosen:
                if self.council:
                    raise
                council = None
            yield council

    @contextmanager
    def record(self) -> Iterator[CouncilContext]:
        """The council for bookkeeping outside the change journal (the reminder log)."""
        with self._council("record") as council:
            yield council


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
        None, "--today", envvar="UDSAT_TODAY", metavar="DATO",
        help="Dagen der regnes fra (til genkørsler og prøver), evt. med klokkeslæt: "
        '"2019-04-01 19:30".',
    ),
    council: str | None = typer.Option(
        None, "--council", envvar="UDSAT_COUNCIL", metavar="NAVN",
        help="Rådet (kan udelades, når lageret kun har ét).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Vis hele forløbet ved fejl."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Vis udgaven og afslut."
    ),
) -> None:  # fmt: skip
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
