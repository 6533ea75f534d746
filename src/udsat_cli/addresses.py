"""E-mail addresses, checked strictly: one address, nothing a mail header could be bent with.

A member's address is only the address (»jette@kommune.dk«); a sender in the settings may have a
name (»Udsatterådet <udsat@kommune.dk>«). Names are never parsed out of an address, and mail
headers are always built from the parts (see mail.py), so »Eve <eve@x>, Bo« is no recipient list.
"""

from __future__ import annotations

import re

_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"  # letters, digits, hyphens; æøå in a domain too
ADDRESS = re.compile(rf"{_LOCAL}@{_LABEL}(?:\.{_LABEL})+")
_NAMED = re.compile(r'\s*"?([^"<>,;\x00-\x1f]*?)"?\s*<([^<>]+)>\s*')
MAX = 254


def is_address(text: str) -> bool:
    return len(text) <= MAX and ADDRESS.fullmatch(text) is not None


def named_address(text: str) -> tuple[str, str] | None:
    """(name, address) for »Navn <adresse>« or a bare address; None for anything else."""
    if is_address(text.strip()):
        return "", text.strip()
    if (m := _NAMED.fullmatch(text)) and is_address(m[2].strip()):
        return m[1].strip(), m[2].strip()
    return None


def ascii_address(address: str) -> str:
    """The address with its domain in punycode (IDNA), as the DNS and every mail server know it:
    »jens@kø.dk« is »jens@xn--k-5ga.dk«; an address already ASCII unchanged."""
    local, _, domain = address.rpartition("@")
    if domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:  # not a name the DNS can hold: the server refuses it, and it is said
        return address


def same_address(one: str, other: str) -> bool:
    """Whether two spellings name one mailbox: case aside, æøå or punycode in the domain."""
    return ascii_address(one.strip()).casefold() == ascii_address(other.strip()).casefold()
