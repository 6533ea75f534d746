"""udsat agenda and udsat minutes: the documents a council sends out."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.errors import InputError

DOC_FORMATS = ("text", "markdown", "docx", "json")
_FORMAT = typer.Option(
    "text", "--format", metavar="FORMAT", help="text, markdown, docx eller json."
)
_OUT = typer.Option(None, "-o", "--output", metavar="FIL", help="Skriv til en fil.")
_FORCE = typer.Option(False, "--force", help="Overskriv en eksisterende fil.")


def _emit(fmt: str, out: str | None, force: bool, *, text, markdown, docx, json) -> None:
    if fmt not in DOC_FORMATS:
        raise InputError(f"Ukendt format «{fmt}»; brug en af: {', '.join(DOC_FORMATS)}.")
    if fmt == "docx" and out is None:
        raise InputError("Et Word-dokument skal skrives til en fil; angiv -o FIL.docx.")
    if fmt == "docx":
        data = docx()
    elif fmt == "json":
        from udsat_cli.render.jsonout import dumps

        data = (dumps(json()) + "\n").encode()
    else:
        data = ("\n".join(text() if fmt == "text" else markdown()) + "\n").encode()
    output.emit(data, out, force=force)


@command(app, "agenda")
def agenda(
    ctx: typer.Context,
    next_meeting: bool = typer.Option(False, "--next-meeting", help="Til næste møde (standard)."),
    meeting: str | None = typer.Option(None, "--meeting", metavar="MØDE", help="Et bestemt møde."),
    fmt: str = _FORMAT,
    out: str | None = _OUT,
    force: bool = _FORCE,
) -> None:
    """Skriv dagsordenen til næste møde, med opfølgningen fra sidste møde.

    Eksempel:

    \b
      udsat agenda --next-meeting --format docx -o dagsorden.docx
    """
    from udsat_cli.cli.state import state
    from udsat_cli.core.documents import agenda as build
    from udsat_cli.render import documents, jsonout

    st = state(ctx)
    with st.read() as db:
        record = build(db, council=st.council, today=st.today, ref=meeting)

    def docx() -> bytes:
        from udsat_cli.render import docx as word

        return word.agenda(record)

    _emit(fmt, out, force, text=lambda: documents.agenda_text(record),
          markdown=lambda: documents.agenda_text(record, markdown=True), docx=docx,
          json=lambda: jsonout.agenda(record))  # fmt: skip


@command(app, "minutes")
def minutes(
    ctx: typer.Context,
    ref: str = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato."),
    fmt: str = _FORMAT,
    out: str | None = _OUT,
    force: bool = _FORCE,
) -> None:
    """Skriv referatet af et afholdt møde.

    Eksempel:

    \b
      udsat minutes "1. april 2019" --format docx -o referat-2019-04-01.docx
    """
    from udsat_cli.cli.state import state
    from udsat_cli.core.documents import minutes as build
    from udsat_cli.render import documents, jsonout

    st = state(ctx)
    with st.read() as db:
        record = build(db, council=st.council, today=st.today, ref=ref)

    def docx() -> bytes:
        from udsat_cli.render import docx as word

        return word.minutes(record)

    _emit(fmt, out, force, text=lambda: documents.minutes_text(record),
          markdown=lambda: documents.minutes_text(record, markdown=True), docx=docx,
          json=lambda: jsonout.minutes(record))  # fmt: skip
