"""The council's public pages as files: HTML from Jinja2 templates shipped in ``udsat_cli/site``
(a folder of the same names overrides any of them), an Atom feed and a stylesheet."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from udsat_cli import dates
from udsat_cli.errors import InputError
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


def pages(
    site: Site, *, templates: Path | None = None, base_url: str | None = None
) -> dict[str, bytes]:
    """File name -> content for the whole site. Own templates run in Jinja2's sandbox (no
    attribute that starts with »_«, no call that could reach the rest of Python), and every name
    a template uses must exist: a mistake in one is one Danish sentence, never a half site."""
    from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    if templates is not None and not templates.is_dir():
        raise InputError(f"Skabelonmappen {templates} findes ikke (eller er ikke en mappe).")
    loaders = [FileSystemLoader(str(templates))] if templates else []
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([*loaders, PackageLoader("udsat_cli", "site")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        council=site.council,
        today=site.today,
        long_date=dates.long_date,
        clock=lambda m: dates.clock(m.start, m.end),
        meeting_when=lambda m: dates.meeting_when(m.date, m.start, m.end),
        paragraphs=_paragraphs,
        decided=decided,
        reported=reported_line,
        stamp=_stamp,
    )

    def render(name: str, **values: object) -> bytes:
        try:
            return env.get_template(name).render(**values).encode("utf-8")
        except Exception as exc:
            raise template_error(name, exc) from None

    found = {
        "index.html": render("index.html", page="index", coming=site.coming, held=site.held),
        "medlemmer.html": render("medlemmer.html", page="members", members=site.members),
        "hoeringssvar.html": render("hoeringssvar.html", page="hearings", hearings=site.hearings),
        "style.css": _source(env, "style.css"),
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
        "feed.xml",
        minutes=site.minutes,
        feed_id=feed_id,
        entry_id=entry_id,
        base_url=(base_url.rstrip("/") + "/") if base_url else None,
        updated=_stamp(newest) if newest else f"{site.today.isoformat()}T00:00:00Z",
    )
    return found


def _source(env: Any, name: str) -> bytes:
    try:
        return env.loader.get_source(env, name)[0].encode("utf-8")
    except Exception as exc:
        raise template_error(name, exc) from None


def template_error(name: str, exc: Exception) -> InputError:
    """What is wrong with a template, in one Danish sentence (Jinja2's own are English)."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        where = exc.name or name
        return InputError(
            f"Skabelonen {where} har en fejl i linje {exc.lineno}; ret den, eller "
            "fjern den fra skabelonmappen."
        )
    if isinstance(exc, UndefinedError):
        import re

        found = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", str(exc))
        what = f"»{found[1] or found[2]}«" if found else "et navn"
        return InputError(
            f"Skabelonen {name} bruger {what}, som udsat ikke kender; se de "
            "medfølgende skabeloner for de navne, der findes."
        )
    if isinstance(exc, SecurityError):
        return InputError(
            f"Skabelonen {name} prøver at gøre noget, en skabelon ikke må "
            "(fx at køre kode); udsat bruger den ikke."
        )
    if isinstance(exc, TemplateNotFound):
        return InputError(f"Skabelonen {exc.name or name} findes ikke.")
    if isinstance(exc, UnicodeDecodeError):
        return InputError(f"Skabelonen {name} er ikke tekst i UTF-8.")
    if isinstance(exc, OSError):
        from udsat_cli.errors import file_error

        return file_error(exc, name)
    return InputError(
        f"Skabelonen {name} kan ikke bruges ({type(exc).__name__}: {str(exc)[:120]})."
    )
