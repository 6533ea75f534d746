"""udsat season: the council's dates for "sommerferien", "efteråret" and the like."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

season_app = sub_app("Rådets sæsoner og ferier, som frister kan henvise til.")
app.add_typer(season_app, name="season")
_FORMAT = output.format_option("text", "json")


@command(season_app, "list")
def season_list_command(
    ctx: typer.Context, fmt: str | None = _FORMAT, as_json: bool = output.JSON
) -> None:
    """Vis sæsonerne, som rådet bruger dem.

    Eksempel:

    \b
      udsat season list
    """
    from udsat_cli.core.seasons import season_list
    from udsat_cli.render.seasons import SEASONS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = season_list(council)
    shown.show(found, SEASONS)


@command(season_app, "set")
def season_set_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAVN", help='Fx "sommerferien".'),
    start: str = typer.Argument(..., metavar="FRA", help='Første dag, fx "26. juni".'),
    end: str = typer.Argument(..., metavar="TIL", help='Sidste dag, fx "9. august".'),
    new: bool = typer.Option(False, "--new", help="En sæson, udsat ikke kender i forvejen."),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Sæt rådets egne datoer for en sæson eller ferie.

    Eksempel:

    \b
      udsat season set sommerferien "26. juni" "9. august"
    """
    from udsat_cli.core.seasons import set_season
    from udsat_cli.render.seasons import SEASONS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).write() as council:
        found = set_season(council, name=name, start=start, end=end, new=new)
    shown.show(found, SEASONS)
