"""The council's people, printed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.render.common import md, table
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.members import MemberList

EMPTY = "Ingen personer endnu."


def _rows(found: MemberList) -> tuple[list[str], list[list[str]]]:
    columns = ["Navn", "Kaldes", "Rolle", "E-mail"]
    left = any(m.member_to for m in found.members)
    rows = [[m.full_name, m.short_name or "", m.role, m.email or ""] for m in found.members]
    if left:
        columns.append("Trådt ud")
        for row, m in zip(rows, found.members, strict=True):
            row.append(dates.long_date(m.member_to) if m.member_to else "")
    return columns, rows


def text(found: MemberList) -> Iterator[str]:
    if not found.members:
        yield EMPTY
        return
    yield from table(*_rows(found))


def markdown(found: MemberList) -> Iterator[str]:
    if not found.members:
        yield EMPTY
        return
    columns, rows = _rows(found)
    yield "| " + " | ".join(columns) + " |"
    yield "|" + "---|" * len(columns)
    yield from ("| " + " | ".join(md(c) for c in row) + " |" for row in rows)


MEMBERS = view(__name__)
