"""udsat council: the council's own settings (its standing order)."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

council_app = sub_app("Rådets egne indstillinger (forretningsordenen).")
app.add_typer(council_app, name="council")


@command(council_app, "set")
def council_set_command(
    ctx: typer.Context,
    proposals_days: int | None = typer.Option(
        None,
        "--proposals-days",
        metavar="N",
        min=0,
        max=90,
        help="Forslag til dagsordenen skal være inde N dage før mødet (0 fjerner fristen).",
    ),
    agenda_days: int | None = typer.Option(
        None,
        "--agenda-days",
        metavar="N",
        min=0,
        max=90,
        help="Dagsordenen sendes ud N dage før mødet (0 fjerner fristen).",
    ),
    quorum: int | None = typer.Option(
        None,
        "--quorum",
        metavar="N",
        min=0,
        max=200,
        help="Så mange medlemmer skal være til stede (standard: halvdelen; 0 fjerner det).",
    ),
    points_before: list[str] | None = typer.Option(
        None,
        "--points-before",
        metavar="TITEL",
        help='Faste punkter før mødets egne (gentag; "" for ingen).',
    ),
    points_after: list[str] | None = typer.Option(
        None,
        "--points-after",
        metavar="TITEL",
        help='Faste punkter efter mødets egne (gentag; "" for ingen).',
    ),
    default_points: bool = typer.Option(
        False, "--reset-points", help="Tilbage til udsats faste punkter."
    ),
    group_items: bool | None = typer.Option(
        None,
        "--group-items/--no-group-items",
        help="Punkterne under én overskrift pr. type (standard) eller i rækkefølge med typen.",
    ),
    attachment_limit: int | None = typer.Option(
        None,
        "--attachment-limit",
        metavar="MB",
        min=0,
        max=100,
        help="Så mange MB bilag må én indkaldelse højst have med (standard 20; 0 nulstiller).",
    ),
) -> None:
    """Sæt forretningsordenens frister, de faste punkter på dagsordenen og hvordan punkterne
    grupperes; udsat remind minder sekretæren om fristerne.

    Eksempel:

    \b
      udsat council set --proposals-days 12 --agenda-days 8
      udsat council set --points-before "Godkendelse af dagsorden" --points-after Eventuelt
    """
    from udsat_cli.core.councils import set_council
    from udsat_cli.render.councils import COUNCILS_SETTINGS

    with state(ctx).write() as council:
        found = set_council(
            council,
            proposals_days=proposals_days,
            agenda_days=agenda_days,
            quorum=quorum,
            points_before=points_before,
            points_after=points_after,
            default_points=default_points,
            group_items=group_items,
            attachment_limit_mb=attachment_limit,
        )
    output.choose().show(found, COUNCILS_SETTINGS)


@command(council_app, "show")
def council_show_command(
    ctx: typer.Context,
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis rådets indstillinger.

    Eksempel:

    \b
      udsat council show
    """
    from udsat_cli.core.councils import council_settings
    from udsat_cli.render.councils import COUNCILS_SETTINGS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = council_settings(council)
    shown.show(found, COUNCILS_SETTINGS)
