"""udsat date: show how a phrase is read."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state


@command(app, "date")
def date_command(
    ctx: typer.Context,
    phrase: list[str] = typer.Argument(..., metavar="UDTRYK", help='Fx "næste fredag".'),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis hvordan udsat læser en dato eller en frist.

    Eksempel:

    \b
      udsat date "senest fredag d. 31. maj 2019"
      udsat date næste møde
    """
    from udsat_cli.core.deadlines import explain
    from udsat_cli.render.deadlines import DEADLINES

    shown, st = output.choose(fmt, as_json, formats=("text", "json")), state(ctx)
    with st.read_if_any() as council:  # meetings and seasons, where there is a council
        found = explain(council, today=st.today, text=" ".join(phrase))
    shown.show(found, DEADLINES)
