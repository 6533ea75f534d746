"""The one error family udsat raises on purpose.

Every message is a single Danish sentence meant for the person at the keyboard; the CLI prints it
on stderr and exits with ``exit_code``. Anything else that escapes is a bug and is reported as one.
"""


class UdsatError(Exception):
    exit_code = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class InputError(UdsatError):
    """Something the user typed cannot be understood (a date, a status, an option value)."""

    exit_code = 2


class NotFoundError(UdsatError):
    """A referenced council, person, meeting or action does not exist."""

    exit_code = 3


class AmbiguousError(UdsatError):
    """A name or reference matches more than one thing."""

    exit_code = 2


class StoreError(UdsatError):
    """The store cannot be opened, is missing or is of an unknown version."""

    exit_code = 4


# Why a file could not be read or written, in Danish (os.strerror is English).
_FILE_REASONS = {
    "ENOENT": "findes ikke",
    "EACCES": "du har ikke adgang til den",
    "EPERM": "den må ikke ændres",
    "EISDIR": "det er en mappe",
    "ENOTDIR": "en del af stien er ikke en mappe",
    "ENAMETOOLONG": "navnet er for langt",
    "ENOSPC": "der er ikke plads på disken",
    "EDQUOT": "din diskkvote er brugt op",
    "EROFS": "drevet er skrivebeskyttet",
    "EFBIG": "den må ikke blive større (filgrænse)",
    "ELOOP": "stien går i ring (symbolske links)",
    "EEXIST": "den findes allerede",
    "ETXTBSY": "den er i brug",
    "EIO": "I/O-fejl",
}


def file_error(exc: OSError, path: object = None) -> InputError:
    """The Danish sentence for a file udsat could not read or write (not the store itself)."""
    import errno

    name = path if path is not None else exc.filename
    why = _FILE_REASONS.get(errno.errorcode.get(exc.errno or 0, ""), "den kan ikke bruges")
    return InputError(f"Filen {name} kan ikke bruges: {why}.")


_STORAGE = {"ENOSPC", "EDQUOT", "EIO", "EFBIG", "EROFS"}


def output_error(exc: OSError, path: object = None) -> UdsatError:
    """A file udsat writes (a document, the site, a copy) that could not be written: a full disk,
    a quota or a read-only drive is a fault of the storage (exit 4, as for the store); anything
    else is a path that cannot be used (exit 2). Every writer cleans up first, so nothing is
    half-written."""
    import errno

    name = path if path is not None else exc.filename
    code = errno.errorcode.get(exc.errno or 0, "")
    if code in _STORAGE:
        return UdsatError(
            f"Kan ikke skrive {name}: {_FILE_REASONS[code]}; intet er skrevet.", exit_code=4
        )
    return file_error(exc, name)
