"""udsat attendance: who came to a meeting, who sent apologies, guests and the referent."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "attendance")
def attendance_command(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
    absent: list[str] | None = typer.Option(
        None,
        "--absent",
        metavar="NAVN[:GRUND]",
        help="Meldt afbud (navn, kaldenavn eller fornavn, evt. :grund); gentag.",
    ),
    guest: list[str] | None = typer.Option(
        None, "--guest", metavar="NAVN", help="Gæst (en person i rådet eller et navn som skrevet)."
    ),
    present: list[str] | None = typer.Option(
        None,
        "--present",
        metavar="NAVN",
        help="Til stede uden at være medlem, fx en suppleant (navn, kaldenavn eller fornavn).",
    ),
    referent: str | None = typer.Option(
        None, "--referent", metavar="NAVN", help="Referenten (navn, kaldenavn eller fornavn)."
    ),
    remove: list[str] | None = typer.Option(
        None, "--remove", metavar="NAVN", help="Fjern en persons afbud, gæstestatus eller fremmøde."
    ),
    replace: bool = typer.Option(False, "--replace", help="Erstat alt, der er registreret."),
    reopen: bool = typer.Option(False, "--reopen", help="Også når referatet er godkendt."),
) -> None:
    """Registrér afbud, gæster og referent (lægges til det, der står); de øvrige medlemmer er med.

    Eksempel:

    \b
      udsat attendance 1/4-2019 --absent "Jannie Hansen:syg" --guest Lisbeth --referent Carina
      udsat attendance 1/4-2019 --guest "Lene Holm (forvaltningen)" --remove Ulla
    """
    from udsat_cli.core.attendance import set_attendance
    from udsat_cli.core.minutes import minutes
    from udsat_cli.render.minutes import MINUTES_HEADER

    with state(ctx).write() as council:
        meeting_id = set_attendance(
            council,
            ref=ref,
            absent=absent,
            guests=guest,
            present=present,
            referent=referent,
            remove=remove,
            replace=replace,
            reopen=reopen,
        )
        record = minutes(council, ref=str(meeting_id))
    output.choose().show(record, MINUTES_HEADER)
