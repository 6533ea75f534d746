"""udsat init: a council in a new or existing store."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import app, command, state
from udsat_cli.errors import InputError


@command(app, "init")
def init_command(ctx: typer.Context) -> None:
    """Opret et råd (og lageret, hvis det ikke findes); navnet gives med --council.

    Eksempel:

    \b
      udsat init --council "Udsatterådet Albertslund"
    """
    from udsat_cli.core.councils import init_council

    st = state(ctx)
    if not st.council:
        raise InputError('Angiv rådets navn: udsat init --council "Rådets navn".')
    with st.store(mode="write", create=True, journal=True) as store:
        name = init_council(store.session, now=st.now, name=st.council)
    print(f"Oprettede {name} i {st.location}.")
