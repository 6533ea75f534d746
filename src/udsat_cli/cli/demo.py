"""udsat demo: the demo council, and its follow-up report."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import State, app, command, state


@contextmanager
def _demo_state(st: State, *, keep: bool) -> Iterator[tuple[State, bool]]:
    """Without --db (or a shared store) the demo goes into a new, temporary store, removed again
    when the report is shown unless ``keep``. Yields the state and whether the store stays."""
    if st.explicit_db or "UDSAT_DATABASE_URL" in os.environ:
        yield st, True
        return
    import shutil
    import tempfile
    from pathlib import Path

    from udsat_cli.store.location import Location

    folder = Path(tempfile.mkdtemp(prefix="udsat-demo-"))
    try:
        yield replace(st, location=Location(path=folder / "udsat.db")), keep
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def _say_where(st: State, name: str, *, kept: bool) -> None:
    if not kept:
        output.say(
            f"Demo-rådet »{name}« lå i et midlertidigt lager, som nu er slettet igen; "
            "brug --keep for at beholde det og prøve kommandoerne på det."
        )
        return
    output.say(f"Demo-rådet »{name}« ligger i {st.location}.")
    where = f"--db {st.location}" if st.location.is_sqlite else f'--council "{name}"'
    output.say(f"Prøv fx: udsat {where} actions")


@command(app, "demo")
def demo_command(
    ctx: typer.Context,
    fmt: str | None = output.format_option(*output.TEXT_FORMATS),
    as_json: bool = output.JSON,
    keep: bool = typer.Option(False, "--keep", help="Behold det midlertidige lager bagefter."),
) -> None:
    """Indlæs demo-rådet og vis dets opfølgning til næste møde.

    Uden --db lægges demoen i et nyt, midlertidigt lager, så dine egne data ikke berøres; det
    slettes igen, når opfølgningen er vist, medmindre du beder om --keep.

    Eksempel:

    \b
      udsat demo
      udsat demo --keep
      udsat --db demo.db demo
    """
    from udsat_cli.core.demo import load_demo
    from udsat_cli.core.followups import followups
    from udsat_cli.render.followups import FOLLOWUPS

    shown = output.choose(fmt, as_json)  # checked before writing
    with _demo_state(state(ctx), keep=keep) as (st, kept):
        with st.store(mode="write", create=True, journal=True) as store:
            name = load_demo(store.session, now=st.now)
        _say_where(st, name, kept=kept)
        with replace(st, council=name).read() as council:
            shown.show(followups(council), FOLLOWUPS)
