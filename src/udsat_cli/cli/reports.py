"""udsat followups: the report that opens the next meeting."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import State, state


def show_followups(st: State, *, meeting: str | None, fmt: str | None) -> None:
    from udsat_cli.core.followups import followups

    fmt = output.check_format(fmt)
    with st.read() as db:
        report = followups(db, council=st.council, today=st.today, meeting=meeting)
    if fmt == "json":
        from udsat_cli.render import jsonout

        output.json(jsonout.followups(report))
    elif fmt == "markdown":
        from udsat_cli.render import markdown

        output.lines(markdown.followups(report))
    elif fmt is None and output.on_terminal():
        from udsat_cli.render import terminal

        terminal.followups(report)
    else:
        from udsat_cli.render import text

        output.lines(text.followups(report))


@command(app, "followups")
def followups_command(
    ctx: typer.Context,
    next_meeting: bool = typer.Option(
        False, "--next-meeting", help="Til rådets næste møde (standard)."
    ),
    meeting: str | None = typer.Option(
        None, "--meeting", metavar="MØDE", help="Til et bestemt møde (nummer eller dato)."
    ),
    fmt: str | None = typer.Option(
        None, "--format", metavar="FORMAT", help="text, markdown eller json."
    ),
) -> None:
    """Vis opfølgningen på beslutningspunkter til næste møde.

    Eksempel:

    \b
      udsat followups --next-meeting --format markdown > opfølgning.md
    """
    show_followups(state(ctx), meeting=meeting, fmt=fmt)
