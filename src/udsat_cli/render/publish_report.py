"""What ``udsat publish`` says it did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from udsat_cli.danish import count, join_names

if TYPE_CHECKING:
    from udsat_cli.core.publish import Site
    from udsat_cli.core.site_folder import Published


def summary(result: Published, site: Site) -> str:
    parts = [
        count(len(result.new), "ny fil", "nye filer"),
        count(len(result.changed), "ændret", "ændrede"),
        f"{len(result.unchanged)} uændrede",
    ]
    if result.removed:
        parts.append(f"{len(result.removed)} fjernet")
    referater = count(len(site.minutes), "godkendt referat", "godkendte referater")
    return f"Skrev siden i {result.folder} ({referater}): {join_names(parts)}."
