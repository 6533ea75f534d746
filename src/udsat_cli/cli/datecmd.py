"""udsat date: show how a phrase is read."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import state


@command(app, "date")
def date_command(
    ctx: typer.Context,
    phrase: list[str] = typer.Argument(..., metavar="UDTRYK", help='Fx "næste fredag".'),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis hvordan udsat læser en dato eller en frist.

    Eksempel:

    \b
      udsat date "senest fredag d. 31. maj 2019"
      udsat date næste møde
    """
    from udsat_cli.core.datephrase import explain

    st = state(ctx)
    text = " ".join(phrase)
    if st.store_exists():
        with st.read() as db:
            found = explain(db, council=st.council, today=st.today, text=text)
    else:
        found = explain(None, council=st.council, today=st.today, text=text)
    if as_json:
        from udsat_cli.render import jsonout

        output.json(jsonout.explanation(found))
    else:
        from udsat_cli.render import text as plain

        print(plain.explanation(found))
