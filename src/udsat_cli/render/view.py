"""A view: the forms one report can be printed in, found once, when its render module is
imported (``MEETINGS_DETAIL = view(__name__, "detail")`` at the end of render/meetings.py).

A command shows a report with the view itself (``shown.show(found, MEETINGS_DETAIL)``), so grep
leads from a renderer to its callers, and a view whose forms are missing fails at import, not
when someone first asks for it. The JSON form is ``render.jsonout``'s function of the same name
(``meetings_detail``): the contract lives in one module.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class View:
    name: str  # "meetings.detail"
    text: Callable[..., Any] | None
    markdown: Callable[..., Any] | None
    rich: Callable[..., Any] | None
    docx: Callable[..., Any] | None
    json: Callable[..., Any] | None


def view(module: str, form: str = "") -> View:
    """The view ``form`` (none: the module's main one) of the render module named ``module``:
    its functions ``<form>_text``, ``<form>_markdown``, ``<form>_rich`` and ``<form>_docx``."""
    from udsat_cli.render import jsonout

    found = sys.modules[module]
    prefix = f"{form}_" if form else ""
    name = module.rsplit(".", 1)[1] + (f".{form}" if form else "")
    forms = {k: getattr(found, f"{prefix}{k}", None) for k in ("text", "markdown", "rich", "docx")}
    as_json = getattr(jsonout, name.replace(".", "_"), None)
    if not any(forms.values()) and as_json is None:
        raise AttributeError(f"{module} has no form of the view {name!r}")
    return View(name=name, json=as_json, **forms)
