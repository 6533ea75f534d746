"""udsat minutes: the minutes (referat) of a held meeting, its opening note and its approval."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

minutes_app = sub_app(
    "Referatet af et møde: vis det (standard), godkend det, giv det en indledning.", default="show"
)
app.add_typer(minutes_app, name="minutes")
_REF = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato.")


@command(minutes_app, "show")
def minutes_show(
    ctx: typer.Context,
    ref: str = _REF,
    fmt: str | None = output.format_option(*output.DOC_FORMATS),
    as_json: bool = output.JSON,
    out: str | None = output.OUT,
    force: bool = output.FORCE,
    template: str | None = output.TEMPLATE,
) -> None:
    """Skriv referatet af et afholdt møde (»udsat minutes MØDE« er det samme).

    Eksempel:

    \b
      udsat minutes show "1. april 2019" --format docx -o referat-2019-04-01.docx
    """
    from udsat_cli.core.minutes import minutes

    shown = output.choose(fmt, as_json, out, force, formats=output.DOC_FORMATS,
                          template=template)  # fmt: skip
    with state(ctx).read() as council:
        record = minutes(council, ref=ref)
    shown.show(record, "minutes")


@command(minutes_app, "approve")
def minutes_approve(ctx: typer.Context, ref: str = _REF) -> None:
    """Godkend et mødes referat; derefter ændres det kun med --reopen.

    Eksempel:

    \b
      udsat minutes approve "1. april 2019"
    """
    from udsat_cli import dates
    from udsat_cli.core.minutes import approve_minutes

    with state(ctx).write() as council:
        meeting = approve_minutes(council, ref=ref)
    print(f"Referatet af mødet {dates.long_date(meeting.date)} er godkendt.")


@command(minutes_app, "note")
def minutes_note(
    ctx: typer.Context,
    ref: str = _REF,
    text: str = typer.Argument(..., metavar="TEKST", help='Fx "Velkommen til Lisbeth".'),
    reopen: bool = typer.Option(False, "--reopen", help="Også når referatet er godkendt."),
) -> None:
    """Skriv referatets indledning (tom tekst fjerner den).

    Eksempel:

    \b
      udsat minutes note "1. april 2019" "Velkommen til Lisbeth Andersen."
    """
    from udsat_cli import dates
    from udsat_cli.core.minutes import set_opening_note

    with state(ctx).write() as council:
        meeting = set_opening_note(council, ref=ref, text=text, reopen=reopen)
    print(f"Referatet af mødet {dates.long_date(meeting.date)} har fået sin indledning.")
