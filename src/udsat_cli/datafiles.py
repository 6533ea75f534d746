"""Files udsat ships in data/: beside the sources in a checkout, in share/udsat once installed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "data",
    Path(sys.prefix) / "share" / "udsat",
)


def _path(name: str) -> Path:
    for folder in _CANDIDATES:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"udsat's data file {name} is missing from {_CANDIDATES}")


def load_json(name: str) -> Any:
    return json.loads(_path(name).read_text(encoding="utf-8"))


def load_lines(name: str) -> list[str]:
    """The lines of a shipped word list, without its ``#`` header and blank lines."""
    text = _path(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
