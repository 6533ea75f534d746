"""Danish words that depend on a number or a list: »1 opgave«, »2 opgaver«, »A, B og C«. One
place, so every message counts alike."""

from __future__ import annotations

from collections.abc import Iterable


def count(n: int, one: str, many: str) -> str:
    """ "1 opgave", "2 opgaver", "0 opgaver" """
    return f"{n} {one if n == 1 else many}"


def nearest(text: str, words: Iterable[str]) -> str | None:
    """The word ``text`` is most likely a misspelling of (»udfort« -> »udført«), if any."""
    import difflib

    close = difflib.get_close_matches(
        " ".join(text.split()).casefold(), list(words), n=1, cutoff=0.6
    )
    return close[0] if close else None


def join_names(names: Iterable[str], word: str = "og") -> str:
    """ "A", "A og B", "A, B og C" (or with »eller«)"""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {word} " + names[-1]
