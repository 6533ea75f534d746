"""Write man/udsat.1, the manual page, from the help udsat prints: python scripts/make_manpage.py

Every command's --help, as it reads at 80 columns, under one heading per command, so `man udsat`
says what `udsat KOMMANDO --help` says. tests/test_platforms.py fails when the page is not what
this script makes from the code as it is (run the script and commit the page). The wheel installs
the page in share/man/man1, where man finds it for pip install --user and for a venv's prefix.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "man" / "udsat.1"
WIDTH = 78


def _escape(line: str) -> str:
    """A line of text as troff reads it literally."""
    line = line.replace("\\", "\\e").replace("-", "\\-")
    return f"\\&{line}" if line.startswith((".", "'")) else line


def _help(command: Any, path: list[str], parent: Any) -> tuple[Any, str]:
    ctx = command.make_context(
        path[-1],
        [],
        parent=parent,
        resilient_parsing=True,
        terminal_width=WIDTH,
        max_content_width=WIDTH,
    )
    return ctx, ctx.get_help()


def _commands(group: Any, path: list[str], parent: Any) -> list[tuple[str, str]]:
    found = []
    for name in sorted(group.commands):
        command = group.commands[name]
        if command.hidden:
            continue
        ctx, text = _help(command, [*path, name], parent)
        if hasattr(command, "commands"):
            found.extend(_commands(command, [*path, name], ctx))
        else:
            found.append((" ".join([*path, name]), text))
    return found


def manpage() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from typer.main import get_command

    from udsat_cli import __version__
    from udsat_cli.cli import load

    root = get_command(load())
    ctx, overview = _help(root, ["udsat"], None)
    lines = [
        ".\\\" Made by scripts/make_manpage.py from udsat's help; do not edit by hand.",
        f'.TH UDSAT 1 "" "udsat {__version__}" "Brugerkommandoer"',
        ".SH NAVN",
        "udsat \\- opfølgning på beslutninger i kommunale råd",
        ".SH OVERSIGT",
        ".nf",
        *map(_escape, overview.splitlines()),
        ".fi",
        ".SH KOMMANDOER",
    ]
    for name, text in _commands(root, ["udsat"], ctx):
        lines += [f".SS {_escape(name)}", ".nf", *map(_escape, text.splitlines()), ".fi"]
    lines += [
        ".SH MILJØ",
        ".TP",
        ".B UDSAT_DB",
        "Lagerets fil (som \\-\\-db).",
        ".TP",
        ".B UDSAT_DATABASE_URL",
        "Et delt PostgreSQL\\-lager.",
        ".TP",
        ".B UDSAT_COUNCIL",
        "Rådet (som \\-\\-council).",
        ".TP",
        ".B UDSAT_TODAY",
        "Dagen der regnes fra (som \\-\\-today).",
        ".SH SE OGSÅ",
        "udsat help KOMMANDO, udsat completion SKAL",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    PAGE.parent.mkdir(exist_ok=True)
    PAGE.write_text(manpage(), encoding="utf-8")
    print(f"Skrev {PAGE.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
