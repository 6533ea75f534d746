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
@output.report_options(*output.DOC_FORMATS)
def minutes_show_command(
    ctx: typer.Context,
    ref: str = _REF,
    approved: bool = typer.Option(
        False, "--approved", help="Kun det godkendte referat (Word: præcis den godkendte fil)."
    ),
    version: int | None = typer.Option(
        None,
        "--version",
        metavar="N",
        min=1,
        max=10_000,
        help="En tidligere godkendt udgave (se udsat log).",
    ),
    *,
    shown: output.Output,
) -> None:
    """Skriv referatet af et afholdt møde (»udsat minutes MØDE« er det samme).

    Et godkendt referat skrives, som det blev godkendt; som Word er det den samme fil.

    Eksempel:

    \b
      udsat minutes show "1. april 2019" --format docx -o referat-2019-04-01.docx
      udsat minutes show "1. april 2019" --approved -o referat.docx
    """
    from dataclasses import replace

    from udsat_cli.core.minutes import minutes_document
    from udsat_cli.render.minutes import MINUTES

    if approved and shown.out and shown.fmt is None:  # the kept file, as it was approved
        shown = replace(shown, fmt="docx")
    with state(ctx).read() as council:
        record, kept = minutes_document(
            council,
            ref=ref,
            version=version,
            approved=approved,
            word=shown.fmt == "docx" and not shown.template,
        )
    shown.show(record, MINUTES) if kept is None else shown.emit(kept)


@command(minutes_app, "approve")
def minutes_approve_command(
    ctx: typer.Context, ref: str = _REF, template: str | None = output.TEMPLATE
) -> None:
    """Godkend et mødes referat: det gemmes, som det er nu (også som Word-fil), og ændres
    derefter kun med --reopen, som gemmer den godkendte udgave.

    Eksempel:

    \b
      udsat minutes approve "1. april 2019"
    """
    from udsat_cli import dates
    from udsat_cli.approval import approve
    from udsat_cli.config import document_template

    word_template = document_template(template)  # read before the write begins
    with state(ctx).write() as council:
        done = approve(council, ref=ref, template=word_template)
    version = f" (udgave {done.version})" if done.version > 1 else ""
    print(f"Referatet af mødet {dates.long_date(done.meeting.date)} er godkendt{version}.")


@command(minutes_app, "note")
def minutes_note_command(
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


@command(minutes_app, "reopen")
def minutes_reopen_command(ctx: typer.Context, ref: str = _REF) -> None:
    """Åbn et godkendt referat igen for at rette det; den godkendte udgave gemmes.

    Eksempel:

    \b
      udsat minutes reopen "1. april 2019"
    """
    from udsat_cli import dates
    from udsat_cli.core.minutes import reopen

    with state(ctx).write() as council:
        meeting = reopen(council, ref=ref)
    print(f"Referatet af mødet {dates.long_date(meeting.date)} er åbnet igen.")
