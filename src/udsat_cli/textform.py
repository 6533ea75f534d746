"""One Unicode form for all text: NFC, the composed form.

A name pasted from a Mac, a PDF or Word may arrive decomposed (»Åse« as A and a combining ring).
It looks the same but compares differently: it would not be found as an owner or by search, a
second »Åse Berg« could join the first, and tables would misalign. So every text is composed at
the door it comes in by (the command line, files, imports, restore, and every row written), and
the rows of older stores by migration m018. Names are then compared as before: without regard to
case, with regard to accents."""

from __future__ import annotations

import unicodedata
from typing import Any


def nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def nfc_value(value: Any) -> Any:
    """A str in NFC; a list or tuple of them (a repeated option) likewise; anything else as is."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list | tuple) and any(isinstance(v, str) for v in value):
        return type(value)(nfc(v) if isinstance(v, str) else v for v in value)
    return value
