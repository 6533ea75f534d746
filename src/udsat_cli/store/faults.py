"""What went wrong with the store, as one Danish sentence: a full disk, a read-only file, a damaged
store, a server that does not answer. Both drivers end up here, so both say the same."""

from __future__ import annotations

import errno

from udsat_cli.errors import StoreError
from udsat_cli.store.location import Location

# (fragment of the driver's message, what to tell the person); the first that matches wins.
_SQLITE = (
    ("database or disk is full", "Der er ikke plads på disken til lageret {loc}; intet er ændret"),
    ("readonly database", "Lageret {loc} er skrivebeskyttet; intet er ændret"),
    ("read-only file system", "Lageret {loc} ligger på et skrivebeskyttet drev; intet er ændret"),
    ("disk i/o error", "Lageret {loc} kunne ikke læses eller skrives (I/O-fejl); intet er ændret"),
    (
        "unable to open database",
        "Kan ikke åbne lageret {loc}: mappen findes ikke, eller du har ikke adgang til den",
    ),
    ("database is locked", "Lageret {loc} er optaget af en anden kommando; prøv igen om lidt"),
    ("file is too large", "Lageret {loc} må ikke blive større (filgrænse); intet er ændret"),
)
_DAMAGED = ("file is not a database", "malformed", "not a database", "file is encrypted")
_OS = {
    errno.ENOSPC: "Der er ikke plads på disken til {loc}; intet er ændret",
    errno.EROFS: "{loc} ligger på et skrivebeskyttet drev; intet er ændret",
    errno.EACCES: "Du har ikke adgang til {loc}",
    errno.EPERM: "{loc} må ikke ændres (filen er låst for ændringer); intet er ændret",
    errno.EFBIG: "{loc} må ikke blive større (filgrænse); intet er ændret",
    errno.EIO: "{loc} kunne ikke læses eller skrives (I/O-fejl); intet er ændret",
    errno.EDQUOT: "Din diskkvote er brugt op, så {loc} kan ikke skrives; intet er ændret",
}


def _reason(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    return " ".join(str(inner).split())


def store_fault(location: Location, exc: BaseException) -> StoreError | None:
    """The sentence for a driver or OS error about the store; None when it is not such an error
    (a bug, or a constraint the command should have checked)."""
    if isinstance(exc, OSError) and exc.errno in _OS:
        return StoreError(_OS[exc.errno].format(loc=location))
    reason = _reason(exc)
    lowered = reason.lower()
    if location.is_sqlite:
        if any(word in lowered for word in _DAMAGED):
            return location.damaged()
        if _read_only(location) and (
            "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered
        ):
            return StoreError(
                f"Lageret {location} kan kun læses (et skrivebeskyttet drev, en låst fil eller en "
                "mappe uden skriveadgang); intet er ændret"
            )
        for fragment, sentence in _SQLITE:
            if fragment in lowered:
                return StoreError(sentence.format(loc=location))
        return None
    if _sqlstate(exc) == "42501":  # insufficient_privilege: a role without the rights
        return StoreError(
            f"Databaserollen har ikke lov til det, kommandoen skal, i lageret {location}; bed "
            "databasens administrator give rollen ret til at læse og skrive udsats tabeller "
            "(GRANT) og til at oprette tabeller i skemaet"
        )
    if _is_connection_error(exc):
        return StoreError(f"Kan ikke åbne lageret {location}: {reason.rstrip('.')}")
    return None


def _read_only(location: Location) -> bool:
    import os

    path = location.path
    return (
        path is not None
        and path.exists()
        and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK))
    )


def _sqlstate(exc: BaseException) -> str | None:
    inner = getattr(exc, "orig", None) or exc
    return getattr(inner, "sqlstate", None) or getattr(inner, "pgcode", None)


def _is_connection_error(exc: BaseException) -> bool:
    inner = getattr(exc, "orig", None) or exc
    name = type(inner).__name__
    return name == "OperationalError" or "connection" in str(inner).lower()[:200]
