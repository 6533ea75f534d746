"""The council's public pages as files: HTML from Jinja2 templates shipped in ``udsat_cli/site``
(a folder of the same names overrides any of them), an Atom feed and a stylesheet."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from udsat_cli import dates
from udsat_cli.render.minutes import decided, reported_line

if TYPE_CHECKING:
    from udsat_cli.core.publish import Site


def _paragraphs(text: str) -> Markup:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    return Markup("\n").join(
        Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in b.splitlines()))
        for b in blocks
    )


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _feed_id(forum: str, base_url: str | None) -> str:
    """The site's address when given; else a UUID made from the council's name, the same at
    every publication (a feed reader knows its entries by these)."""
    if base_url:
        return base_url.rstrip("/")
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_URL, f"udsat:{forum}").urn


def pages(site: Site, *, templates: Path | None = None, base_url: str | None = None) -> dict[
    str, bytes
]:
    """File name -> content for the whole site."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    loaders = [FileSystemLoader(str(templates))] if templates else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("udsat_cli", "site")]),
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )  # fmt: skip
    env.globals.update(
        council=site.council, today=site.today, long_date=dates.long_date,
        clock=lambda m: dates.clock(m.start, m.end),
        meeting_when=lambda m: dates.meeting_when(m.date, m.start, m.end),
        paragraphs=_paragraphs, decided=decided, reported=reported_line, stamp=_stamp,
    )  # fmt: skip

    def render(name: str, **values: object) -> bytes:
        return env.get_template(name).render(**values).encode("utf-8")

    found = {
        "index.html": render("index.html", page="index", coming=site.coming, held=site.held),
        "medlemmer.html": render("medlemmer.html", page="members", members=site.members),
        "hoeringssvar.html": render("hoeringssvar.html", page="hearings", hearings=site.hearings),
        "style.css": env.loader.get_source(env, "style.css")[0].encode("utf-8"),
    }
    for minutes in site.minutes:
        found[minutes.page] = render("referat.html", page="minutes", m=minutes)
    found.update(site.files)  # the public bilag, as they were attached
    newest = max((m.approved for m in site.minutes), default=None)
    feed_id = _feed_id(site.council, base_url)
    def entry_id(page: str) -> str:
        if base_url:
            return f"{feed_id}/{page}"
        import uuid

        return uuid.uuid5(uuid.NAMESPACE_URL, f"udsat:{site.council}/{page}").urn

    found["feed.xml"] = render(
        "feed.xml", minutes=site.minutes, feed_id=feed_id, entry_id=entry_id,
        base_url=(base_url.rstrip("/") + "/") if base_url else None,
        updated=_stamp(newest) if newest else f"{site.today.isoformat()}T00:00:00Z",
    )  # fmt: skip
    return found
