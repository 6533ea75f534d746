"""Files udsat ships in its package (``udsat_cli/data``): the seasons, the demo council and the
Danish word lists. They are read through importlib.resources, so they are found wherever the
package is: a checkout, a venv, ``pip install --user`` or ``--target``, a zipapp or a frozen
program. Each file is read once per run."""

from __future__ import annotations

import json
from functools import cache
from typing import Any


@cache
def _text(name: str) -> str:
    from importlib.resources import files

    resource = files("udsat_cli").joinpath("data", *name.split("/"))
    try:
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"udsat's data file {name} is missing from {resource}") from None


def load_text(name: str) -> str:
    return _text(name)


def load_json(name: str) -> Any:
    """A shipped JSON file, parsed anew each call (the caller may change what it gets)."""
    return json.loads(_text(name))


def load_lines(name: str) -> list[str]:
    """The lines of a shipped word list, without its ``#`` header and blank lines."""
    return [line for line in _text(name).splitlines() if line and not line.startswith("#")]
