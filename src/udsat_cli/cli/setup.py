"""Setting up: a council in a new or existing store, and the demo council."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state
from udsat_cli.errors import InputError


@command(app, "init")
def init(ctx: typer.Context) -> None:
    """Opret et råd (og lageret, hvis det ikke findes); navnet gives med --council.

    Eksempel:

    \b
      udsat init --council "Udsatterådet Albertslund"
    """
    from udsat_cli.core.councils import init_council

    st = state(ctx)
    if not st.council:
        raise InputError('Angiv rådets navn: udsat init --council "Rådets navn".')
    with st.write(create=True) as session:
        created = init_council(session, now=st.now, name=st.council)
        name = created.name
    print(f"Oprettede {name} i {st.location}.")


@command(app, "demo")
def demo(
    ctx: typer.Context,
    fmt: str | None = typer.Option(
        None, "--format", metavar="FORMAT", help="text, markdown eller json."
    ),
) -> None:
    """Indlæs demo-rådet og vis dets opfølgning til næste møde.

    Uden --db lægges demoen i et nyt, midlertidigt lager, så dine egne data ikke berøres.

    Eksempel:

    \b
      udsat demo
      udsat --db demo.db demo
    """
    import tempfile
    from pathlib import Path

    from udsat_cli.core.demo import load_demo
    from udsat_cli.store.location import Location

    st = state(ctx)
    output.check_format(fmt)  # before the demo is written, not after
    if not st.explicit_db and "UDSAT_DATABASE_URL" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="udsat-demo-"))
        st = replace(st, location=Location(path=folder / "udsat.db"))
    with st.write(create=True) as session:
        council = load_demo(session, now=st.now)
    print(f"Demo-rådet «{council}» ligger i {st.location}.", file=sys.stderr)
    where = f"--db {st.location}" if st.location.is_sqlite else f'--council "{council}"'
    print(f"Prøv fx: udsat {where} actions", file=sys.stderr)
    from udsat_cli.cli.reports import show_followups

    show_followups(replace(st, council=council), meeting=None, fmt=fmt)
