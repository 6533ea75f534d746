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


def load_json(name: str) -> Any:
    for folder in _CANDIDATES:
        if (folder / name).is_file():
            return json.loads((folder / name).read_text(encoding="utf-8"))
    raise FileNotFoundError(f"udsat's data file {name} is missing from {_CANDIDATES}")
