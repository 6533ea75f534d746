"""Drive udsat commands in a loop inside one process, for tests/test_proofs.py.

    cli_loop.py add TAG START COUNT   add-action "Opgave TAG-i" for each i
    cli_loop.py mixed START COUNT     add-action with an item and a note, and every third an update
    cli_loop.py remind-until FILE     udsat remind, again and again, until FILE exists

Each command is a whole udsat run as the console script makes it (argument parsing, its own
engine and connection, one transaction), only without paying Python's start-up per command.
Stops at the first command that fails, with its exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from udsat_cli.cli import load

TODAY = ("--today", "2019-04-02")


def udsat(app, *args: str) -> None:
    try:
        app(args=[*TODAY, *args], prog_name="udsat")
    except SystemExit as exc:
        if exc.code:
            sys.exit(exc.code)
    sys.stdout.flush()


def main(mode: str, *rest: str) -> None:
    app = load()
    if mode == "add":
        tag, start, count = rest[0], int(rest[1]), int(rest[2])
        for i in range(start, start + count):
            udsat(app, "add-action", f"Opgave {tag}-{i}", "--owner", "Jette", "--due", "5/4-2019")
    elif mode == "mixed":
        start, count = int(rest[0]), int(rest[1])
        for i in range(start, start + count):
            udsat(
                app,
                "add-action",
                f"Opgave {i}",
                "--owner",
                "Jette",
                "--owner",
                "Søren",
                "--item",
                f"Punkt {i % 7}",
                "--new-item",
                "--note",
                f"Note {i}",
            )
            if i % 3 == 2:  # action i has id i + 1: the one before it is #i
                udsat(app, "update", str(i), "--status", "in_progress", "--note", f"Svar {i}")
    elif mode == "remind-until":
        stop = Path(rest[0])
        while not stop.exists():
            udsat(app, "remind", "--days", "30")
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(*sys.argv[1:])
