"""udsat undo: take back your own last command that wrote, or another's by its number."""

from __future__ import annotations

import sys

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state
from udsat_cli.cli.inputs import parse_id


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
    from udsat_cli.core.changes import NotYours, undo
    from udsat_cli.errors import UdsatError
    from udsat_cli.store.journal import author

    st, me = state(ctx), author()
    wanted = parse_id(number, what="kommandonummer") if number is not None else None
    try:
        with st.store(mode="write") as store:
            reverted = undo(store.session, council=st.council, now=st.now, author=me,
                            number=wanted, others=yes)  # fmt: skip
    except NotYours as theirs:  # shown first; then asked, on a terminal, or --yes
        output.choose().show(theirs.found, "changes.foreign")
        if not sys.stdin.isatty():
            raise UdsatError(theirs.message) from None
        if not _asked(f"Fortryd kommando #{wanted}, lavet af {theirs.found.sets[0].author}? "
                      "[j/N] "):
            raise UdsatError("Intet er fortrudt.") from None
        with st.store(mode="write") as store:
            reverted = undo(store.session, council=st.council, now=st.now, author=me,
                            number=wanted, others=True)  # fmt: skip
    output.choose().show(reverted, "changes.undone")


def _asked(question: str) -> bool:
    print(question, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("j", "ja", "y", "yes")
