"""udsat export, restore and calendar: the data in the formats other tools read."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state
from udsat_cli.errors import InputError

_OUT = typer.Option(None, "-o", "--output", metavar="FIL", help="Skriv til en fil.")
_FORCE = typer.Option(False, "--force", help="Overskriv en eksisterende fil.")


@command(app, "export")
def export_command(
    ctx: typer.Context,
    fmt: str = typer.Option("json", "--format", metavar="FORMAT", help="json, csv eller markdown."),
    out: str | None = _OUT,
    everything: bool = typer.Option(False, "--all", help="Hele lageret, alle råd (kun json)."),
    separator: str = typer.Option(
        ",", "--separator", metavar="TEGN", help='CSV-skilletegn, fx ";".'
    ),
    force: bool = _FORCE,
) -> None:
    """Eksportér rådets data som JSON, CSV (til Excel) eller Markdown.

    Eksempel:

    \b
      udsat export --format csv --separator ";" -o opgaver.csv
      udsat export --all -o udsat-eksport.json
    """
    from udsat_cli.core import exchange

    st = state(ctx)
    if fmt not in ("json", "csv", "markdown"):
        raise InputError(f"Ukendt format «{fmt}»; brug en af: json, csv, markdown.")
    if everything and fmt != "json":
        raise InputError("--all kan kun bruges med --format json.")
    if len(separator) != 1:
        raise InputError("--separator skal være ét tegn, fx «;».")
    with st.read() as db:
        if fmt == "json":
            from udsat_cli.render.jsonout import dumps

            data = (
                dumps(exchange.export_data(db, council=st.council, everything=everything)) + "\n"
            ).encode()
        elif fmt == "csv":
            from udsat_cli.render.tables import csv_bytes

            rows = exchange.actions_table(db, council=st.council, today=st.today)
            data = csv_bytes(exchange.CSV_COLUMNS, rows, separator)
        else:
            from udsat_cli.render.documents import council_markdown

            data = (
                "\n".join(council_markdown(db, council=st.council, today=st.today)) + "\n"
            ).encode()
    output.emit(data, out, force=force)


@command(app, "restore")
def restore_command(
    ctx: typer.Context,
    path: str = typer.Argument(..., metavar="FIL", help="En eksport fra udsat export."),
) -> None:
    """Læs en JSON-eksport ind i et tomt lager.

    Eksempel:

    \b
      udsat --db nyt.db restore udsat-eksport.json
    """
    import json

    from udsat_cli.core.exchange import restore_data
    from udsat_cli.store.engine import session_db

    try:
        data = json.loads(output.read_text(path))
    except json.JSONDecodeError:
        raise InputError(f"{path} er ikke gyldig JSON.") from None
    st = state(ctx)
    with st.write(create=True) as session:
        counts = restore_data(session_db(session), data)
    print(f"Læste {counts.get('council', 0)} råd, {counts.get('meeting', 0)} møder og "
          f"{counts.get('action', 0)} opgaver ind.")  # fmt: skip


@command(app, "calendar")
def calendar_command(
    ctx: typer.Context,
    owner: str | None = typer.Option(
        None, "--owner", metavar="NAVN", help="Kun denne persons opgaver."
    ),
    out: str | None = _OUT,
    force: bool = _FORCE,
) -> None:
    """Skriv møder og frister som iCalendar, som en kalender kan abonnere på.

    Eksempel:

    \b
      udsat calendar --owner Søren -o søren.ics
    """
    from udsat_cli.core.calendar import calendar_data
    from udsat_cli.render.ical import ical_bytes

    st = state(ctx)
    with st.read() as db:
        data = calendar_data(db, council=st.council, today=st.today, owner=owner)
    output.emit(ical_bytes(data), out, force=force)
