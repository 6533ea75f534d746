"""udsat season: the council's dates for "sommerferien", "efteråret" and the like."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command, sub_app
from udsat_cli.cli.state import state

season_app = sub_app("Rådets sæsoner og ferier, som frister kan henvise til.")
app.add_typer(season_app, name="season")


def _show(seasons: dict[str, tuple[str, str]], as_json: bool) -> None:
    if as_json:
        output.json([{"name": n, "start": s, "end": e} for n, (s, e) in sorted(seasons.items())])
        return
    from udsat_cli.render.text import seasons as render

    output.lines(render(seasons))


@command(season_app, "list")
def season_list(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON.")
) -> None:
    """Vis sæsonerne, som rådet bruger dem.

    Eksempel:

    \b
      udsat season list
    """
    from udsat_cli.core import lookup
    from udsat_cli.core.seasons import seasons_for

    st = state(ctx)
    with st.read() as db:
        seasons = seasons_for(db, council=lookup.council(db, name=st.council))
    _show(seasons, as_json)


@command(season_app, "set")
def season_set(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAVN", help='Fx "sommerferien".'),
    start: str = typer.Argument(..., metavar="FRA", help='Første dag, fx "26. juni".'),
    end: str = typer.Argument(..., metavar="TIL", help='Sidste dag, fx "9. august".'),
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Sæt rådets egne datoer for en sæson eller ferie.

    Eksempel:

    \b
      udsat season set sommerferien "26. juni" "9. august"
    """
    from udsat_cli.core.season_settings import set_season

    st = state(ctx)
    with st.write() as session:
        seasons = set_season(session, council=st.council, name=name, start=start, end=end)
    _show(seasons, as_json)
