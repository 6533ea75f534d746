"""Reading what a command is given beyond its options: numbers, long texts from files or stdin,
and texts written in the person's own editor."""

from __future__ import annotations

from udsat_cli.errors import InputError, NotFoundError, UdsatError
from udsat_cli.textform import nfc

MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger numbers name nothing


def parse_id(text: str, *, what: str = "opgavenummer") -> int:
    cleaned = text.strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise InputError(f"»{text}« er ikke et {what}; skriv fx 12.")
    if int(cleaned) > MAX_ID:  # no store counts that far, and SQLite cannot even compare it
        raise NotFoundError(f"Nummer {cleaned} findes ikke.")
    return int(cleaned)


def read_text(path: str, *, limit: int | None = None, what: str = "tekster") -> str:
    """A long text from a file, or from stdin when the path is "-", up to a limit."""
    from udsat_cli import limits

    return nfc(limits.read_text(path, limit or limits.TEXT, what=what))


def edit_text(template: str) -> str | None:
    """Let the user write in $VISUAL / $EDITOR; None when the text was left as it was."""
    import os
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    from udsat_cli import limits

    windows = os.name == "nt"
    fallback = "notepad" if windows else "nano"
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or fallback
    try:
        # Windows paths keep their backslashes (C:\Program Files\...): no POSIX quoting there.
        command = shlex.split(editor, posix=not windows)
    except ValueError:  # »vim -c 'set tw=72« : a quote without its mate
        raise UdsatError(
            f"Editoren »{editor}« kan ikke startes: et anførselstegn mangler sin "
            "mage; ret $VISUAL eller $EDITOR."
        ) from None
    if not command:
        raise UdsatError("$VISUAL eller $EDITOR er tom; sæt den til en editor, fx nano.")
    fd, name = tempfile.mkstemp(prefix="udsat-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(template)
        try:
            finished = subprocess.run([*command, str(path)])
        except OSError:
            raise UdsatError(f"Kan ikke starte editoren »{editor}«; sæt $EDITOR.") from None
        if finished.returncode != 0:
            raise UdsatError(f"Editoren »{editor}« sluttede med fejl; intet er ændret.")
        written = limits.read_text(path, limits.TEXT).replace("\r\n", "\n")
        return None if written == template else nfc(written)
    finally:
        path.unlink(missing_ok=True)


def read_json(path: str) -> object:
    import json

    from udsat_cli.limits import EXPORT

    try:
        return json.loads(read_text(path, limit=EXPORT, what="eksportfiler"))
    except (json.JSONDecodeError, RecursionError):
        raise InputError(f"{path} er ikke gyldig JSON.") from None
