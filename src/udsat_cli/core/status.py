"""Action statuses: stable codes in the store and JSON, Danish words for people."""

from __future__ import annotations

from udsat_cli.errors import InputError

LABELS = {
    "open": "åben",
    "in_progress": "i gang",
    "done": "udført",
    "postponed": "udsat",
    "dropped": "bortfaldet",
}
OPEN = ("open", "in_progress")
ACTIVE = ("open", "in_progress", "postponed")
CLOSED = ("done", "dropped")


def parse_status(text: str) -> str:
    """Accept the code or the Danish word: "i gang", "in_progress", "Udført" ..."""
    key = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    for code, label in LABELS.items():
        if key in (label, code.replace("_", " ")) or key.replace(" ", "") == label.replace(" ", ""):
            return code
    choices = ", ".join(LABELS.values())
    raise InputError(f"Ukendt status «{text}»; brug en af: {choices}.")
