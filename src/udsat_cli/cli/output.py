"""Writing results: lines to stdout, JSON for scripts, Rich only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from udsat_cli.errors import InputError, NotFoundError

FORMATS = ("text", "markdown", "json")


def lines(rows: Iterable[str]) -> None:
    write = sys.stdout.write
    for row in rows:
        write(row + "\n")


def json(data: Any) -> None:
    from udsat_cli.render.jsonout import dumps

    sys.stdout.write(dumps(data) + "\n")


def check_format(value: str | None) -> str | None:
    if value is not None and value not in FORMATS:
        raise InputError(f"Ukendt format «{value}»; brug en af: {', '.join(FORMATS)}.")
    return value


def on_terminal() -> bool:
    return sys.stdout.isatty()


def parse_id(text: str) -> int:
    from udsat_cli.core.lookup import MAX_ID

    cleaned = text.strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise InputError(f"«{text}» er ikke et opgavenummer; skriv fx 12.")
    if int(cleaned) > MAX_ID:  # no store counts that far, and SQLite cannot even compare it
        raise NotFoundError(f"Nummer {cleaned} findes ikke.")
    return int(cleaned)


def write_file(path: str, data: bytes, *, force: bool) -> None:
    """Write atomically (a temp file beside it, then rename); never overwrite without --force."""
    import os
    import tempfile
    from pathlib import Path

    target = Path(path)
    if target.exists() and not force:
        raise InputError(f"Filen {target} findes allerede; brug --force for at overskrive den.")
    if not target.parent.is_dir():
        raise InputError(f"Mappen {target.parent} findes ikke.")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_text(path: str) -> str:
    """A long text from a file, or from stdin when the path is "-"."""
    if path == "-":
        return sys.stdin.read()
    from pathlib import Path

    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"Filen {path} findes ikke.") from None
    except UnicodeDecodeError:
        raise InputError(f"Filen {path} er ikke tekst i UTF-8.") from None
    except OSError as exc:
        raise InputError(f"Filen {path} kan ikke læses ({exc.strerror}).") from None


def edit_text(template: str) -> str | None:
    """Let the user write in $VISUAL / $EDITOR; None when the text was left as it was."""
    import os
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "nano"
    fd, name = tempfile.mkstemp(prefix="udsat-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(template)
        try:
            finished = subprocess.run([*shlex.split(editor), str(path)])
        except OSError:
            raise InputError(f"Kan ikke starte editoren «{editor}»; sæt $EDITOR.") from None
        if finished.returncode != 0:
            raise InputError(f"Editoren «{editor}» sluttede med fejl; intet er ændret.")
        written = path.read_text(encoding="utf-8")
        return None if written == template else written
    finally:
        path.unlink(missing_ok=True)


def emit(data: bytes, out: str | None, *, force: bool) -> None:
    """A document or export: to stdout as it is, or atomically to a file (see write_file)."""
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
        return
    write_file(out, data, force=force)
    print(f"Skrev {out}.", file=sys.stderr)
