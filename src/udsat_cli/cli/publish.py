"""udsat publish: the council's public pages, as a folder to copy to the municipality's website."""

from __future__ import annotations

from pathlib import Path

import typer

from udsat_cli.cli.app import app, command, state


@command(app, "publish")
def publish_command(
    ctx: typer.Context,
    folder: str = typer.Argument(
        ..., metavar="MAPPE", help="Hvor siden skrives: en mappe alene til siden."
    ),
    templates: Path | None = typer.Option(
        None,
        "--templates",
        metavar="MAPPE",
        help="Egne skabeloner (index.html, referat.html …) frem for de medfølgende.",
    ),
    base_url: str | None = typer.Option(
        None, "--url", metavar="ADRESSE", help="Sidens offentlige adresse (til nyhedsfeedet)."
    ),
) -> None:
    """Skriv rådets offentlige sider: mødeplan, godkendte referater, medlemmer og høringssvar.

    Kun godkendte referater kommer med; lukkede punkter vises med titel og den beslutning, der
    må offentliggøres; e-mailadresser og noter aldrig.

    Eksempel:

    \b
      udsat publish side/ --url https://www.kommune.dk/udsatteraadet
    """
    from udsat_cli.core.publish import public_url, site
    from udsat_cli.core.site_folder import site_folder, write_site
    from udsat_cli.render.publish import pages
    from udsat_cli.render.publish_report import summary

    base_url, target = public_url(base_url), site_folder(folder)
    with state(ctx).read() as council:
        data = site(council)
    result = write_site(target, pages(data, templates=templates, base_url=base_url))
    print(summary(result, data))
