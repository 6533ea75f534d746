"""Small pieces every printed form shares: names joined the Danish way, deadlines, meeting lines,
counts with their plural, and a plain-text table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates

if TYPE_CHECKING:
    from udsat_cli.core.actions import ActionView
    from udsat_cli.core.meetings import MeetingRef


from udsat_cli.danish import count, join_names  # noqa: F401  (what renderers share)


def due_text(action: ActionView, *, empty: str = "ingen") -> str:
    text = action.due_text or empty
    if not action.overdue:
        return text
    return f"{text[:-1]}, overskredet)" if text.endswith(")") else f"{text} (overskredet)"


def meeting_line(m: MeetingRef) -> str:
    return " · ".join(p for p in (dates.meeting_when(m.date, m.start, m.end), m.place) if p)


def owners_label(action: ActionView) -> str:
    return "Ansvarlige" if len(action.owners) > 1 else "Ansvarlig"


def table(headers: list[str], rows: list[list[str]]) -> Iterator[str]:
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    for row in [headers, *rows]:
        yield "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()


def header(rows: list[tuple[str, str]]) -> Iterator[str]:
    """Label: value rows, the values in one column."""
    width = max(len(label) for label, _ in rows) + 1
    for label, value in rows:
        yield f"{label + ':':<{width}} {value}"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|#~"} | {"<": "&lt;", ">": "&gt;"})


def md(text: str | None) -> str:
    """Text from the store, safe inside Markdown: it can add no link, image, HTML or emphasis,
    and a line of it cannot turn into a heading or a list item."""
    import re

    if not text:
        return ""
    escaped = re.sub(r"&(?=#?\w+;)", "&amp;", text).translate(_MD_SPECIAL)
    escaped = re.sub(r"(?m)^(\s*)([-+=])(?=\s)", r"\1\\\2", escaped)
    return re.sub(r"(?m)^(\s*\d+)([.)])(?=\s)", r"\1\\\2", escaped)
