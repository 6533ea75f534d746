"""udsat live: minute the meeting in a full-screen terminal program."""

from __future__ import annotations

import typer

from udsat_cli.cli.app import State, app, command, state


@command(app, "live")
def live_command(
    ctx: typer.Context,
    meeting: str | None = typer.Argument(
        None, metavar="[MØDE]", help="Mødets nummer eller dato (standard: dagens eller næste)."
    ),
) -> None:
    """Tag referat under mødet: fremmøde, punkterne én for én, opgaver og opfølgning.

    Hvert felt gemmes, når det er udfyldt; `udsat minutes` skriver referatet bagefter.

    Eksempel:

    \b
      udsat live
    """
    _run(state(ctx), meeting)


def _run(st: State, meeting: str | None) -> None:
    import sys

    from udsat_cli.errors import InputError, UdsatError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError("udsat live er et fuldskærmsprogram og skal køres i en terminal.")
    from udsat_cli.tui.live import LiveApp

    app = LiveApp(st, meeting=meeting)
    app.run()
    if app.return_code:  # the program stopped on a fault of its own (Textual showed it)
        raise UdsatError(
            "udsat live stoppede med en uventet fejl; alt, der blev gemt, før den "
            "skete, er i lageret, og udsat live fortsætter, hvor du slap",
            exit_code=70,
        )
