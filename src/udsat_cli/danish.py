"""Danish words that depend on a number or a list: »1 opgave«, »2 opgaver«, »A, B og C«. One
place, so every message counts alike."""

from __future__ import annotations

from collections.abc import Iterable


def count(n: int, one: str, many: str) -> str:
    """ "1 opgave", "2 opgaver", "0 opgaver" """
    return f"{n} {one if n == 1 else many}"


def join_names(names: Iterable[str], word: str = "og") -> str:
    """ "A", "A og B", "A, B og C" (or with »eller«) """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]
