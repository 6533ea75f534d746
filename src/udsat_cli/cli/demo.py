"""udsat demo: the demo council, and its follow-up report."""

from __future__ import annotations

import os
from dataclasses import replace

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import State, app, command, state


def _demo_state(st: State) -> State:
    """Without --db (or a shared store) the demo goes into a new, temporary store."""
    if st.explicit_db or "UDSAT_DATABASE_URL" in os.environ:
        return st
    import tempfile
    from pathlib import Path

    from udsat_cli.store.location import Location

    folder = Path(tempfile.mkdtemp(prefix="udsat-demo-"))
    return replace(st, location=Location(path=folder / "udsat.db"))


@command(app, "demo")
def demo(
    ctx: typer.Context,
    fmt: str | None = output.format_option(*output.TEXT_FORMATS),
    as_json: bool = output.JSON,
) -> None:
    """Indlæs demo-rådet og vis dets opfølgning til næste møde.

    Uden --db lægges demoen i et nyt, midlertidigt lager, så dine egne data ikke berøres.

    Eksempel:

    \b
      udsat demo
      udsat --db demo.db demo
    """
    from udsat_cli.core.demo import load_demo
    from udsat_cli.core.followups import followups

    shown, st = output.choose(fmt, as_json), _demo_state(state(ctx))  # checked before writing
    with st.store(mode="write", create=True, journal=True) as store:
        name = load_demo(store.session, now=st.now)
    output.say(f"Demo-rådet »{name}« ligger i {st.location}.")
    where = f"--db {st.location}" if st.location.is_sqlite else f'--council "{name}"'
    output.say(f"Prøv fx: udsat {where} actions")
    with replace(st, council=name).read() as council:
        shown.show(followups(council), "followups")
