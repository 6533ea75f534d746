"""udsat undo: take back your own last command that wrote, or another's by its number."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import State, app, command, state
from udsat_cli.cli.inputs import parse_id

if TYPE_CHECKING:
    from udsat_cli.core.changes import ChangeLog


@command(app, "undo")
def undo_command(
    ctx: typer.Context,
    number: str | None = typer.Argument(
        None, metavar="[NR]", help="Kommandoens nummer i udsat log (også en andens)."
    ),
    yes: bool = typer.Option(False, "--yes", help="Fortryd en andens kommando uden at spørge."),
) -> None:
    """Fortryd din seneste kommando, der skrev i lageret (kan gentages).

    En andens kommando fortrydes kun med dens nummer fra udsat log, og først når du har set,
    hvad den ændrede. Hvem du er, er UDSAT_USER, ellers din bruger på maskinen.

    Eksempel:

    \b
      udsat undo
      udsat undo 42
    """
    from udsat_cli.render.changes import CHANGES_UNDONE

    st = state(ctx)
    wanted = parse_id(number, what="kommandonummer") if number is not None else None
    output.choose().show(_undo(st, wanted, yes=yes), CHANGES_UNDONE)


def _undo(st: State, number: int | None, *, yes: bool) -> ChangeLog:
    """Your own latest command, or command ``number``: another's only with --yes, or when you
    answer yes on a terminal after seeing what it changed."""
    from udsat_cli.core.changes import NotYours, undo
    from udsat_cli.errors import UdsatError
    from udsat_cli.render.changes import CHANGES_FOREIGN
    from udsat_cli.store.journal import author

    me = author()
    try:
        with st.store(mode="write") as store:
            return undo(
                store.session, council=st.council, now=st.now, author=me, number=number, others=yes
            )
    except NotYours as theirs:  # shown first; then asked, on a terminal
        output.choose().show(theirs.found, CHANGES_FOREIGN)
        if not sys.stdin.isatty():
            raise UdsatError(theirs.message) from None
        if not _asked(
            f"Fortryd kommando #{number}, lavet af {theirs.found.sets[0].author}? [j/N] "
        ):
            raise UdsatError("Intet er fortrudt.") from None
    with st.store(mode="write") as store:
        return undo(
            store.session, council=st.council, now=st.now, author=me, number=number, others=True
        )


def _asked(question: str) -> bool:
    print(question, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("j", "ja", "y", "yes")
