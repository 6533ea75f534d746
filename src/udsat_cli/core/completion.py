"""What shell completion offers from the store: the council's people and its meetings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass(frozen=True)
class CompletionWords:
    names: list[tuple[str, str]]  # (a name a person is found by, the person's full name)
    meetings: list[tuple[str, str]]  # (the meeting's date as YYYY-MM-DD, its place or "")


def completion_words(council: CouncilContext) -> CompletionWords:
    names: dict[str, str] = {}
    for full, short in council.db.rows(
        "SELECT full_name, short_name FROM person WHERE council_id = :c ORDER BY full_name",
        c=council.id,
    ):
        names.setdefault(full, full)
        if short:
            names.setdefault(short, full)
    meetings = [
        (str(day)[:10], place or "")
        for day, place in council.db.rows(
            "SELECT date, place FROM meeting WHERE council_id = :c AND NOT cancelled ORDER BY date",
            c=council.id,
        )
    ]
    return CompletionWords(sorted(names.items(), key=lambda pair: pair[0].casefold()), meetings)
