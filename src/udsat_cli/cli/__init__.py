"""The udsat command line: thin commands over ``core``, printed by ``render``.

Each command module registers its commands on ``app.app`` when imported. A run imports only the
module of the command it runs (start-up is part of the product); ``load()`` gives the whole app.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# The module that defines each top-level command.
COMMAND_MODULES = {
    "add-action": "actions",
    "actions": "actions",
    "update": "actions",
    "done": "actions",
    "postpone": "actions",
    "publish": "publish",
    "drop": "actions",
    "agenda": "agenda",
    "annual-report": "annual_report",
    "attendance": "attendance",
    "backup": "backup",
    "calendar": "calendar",
    "council": "council",
    "completion": "completion",
    "date": "date",
    "demo": "demo",
    "event": "event",
    "export": "export",
    "followups": "followups",
    "hearing": "hearing",
    "help": "help",
    "import": "import_minutes",
    "inbox": "inbox",
    "init": "init",
    "item": "item",
    "live": "live",
    "log": "log",
    "meeting": "meeting",
    "member": "member",
    "migrate": "migrate",
    "minutes": "minutes",
    "remind": "remind",
    "restore": "restore",
    "search": "search",
    "season": "season",
    "send-agenda": "send_agenda",
    "topic": "topic",
    "undo": "undo",
}


def load(commands: list[str] | None = None) -> Any:
    """The Typer app with the given commands registered (all of them when None)."""
    if commands is None:
        wanted = set(COMMAND_MODULES.values())
    else:
        wanted = {COMMAND_MODULES[c] for c in commands}
    for module in sorted(wanted):
        importlib.import_module(f"udsat_cli.cli.{module}")
    from udsat_cli.cli.app import app

    return app


def command_name(args: list[str]) -> str | None:
    """The subcommand a command line asks for, skipping the global options and their values."""
    from udsat_cli.cli.usage import DanishGroup

    args = DanishGroup.globals_first(args)
    i = 0
    while i < len(args):
        if args[i] in DanishGroup.GLOBAL_VALUE_OPTIONS:
            i += 2
        elif args[i].startswith("-"):
            i += 1
        else:
            return args[i]
    return None


def main() -> None:
    try:
        args = sys.argv[1:]
        if args[:1] == ["__complete"]:  # a Tab in the shell (cli/completion.py)
            from udsat_cli.cli.completion import complete_words

            complete_words(args[1:])
            return
        name = command_name(args)
        if name in COMMAND_MODULES:
            load([name])()
        elif name is None and "--version" in args and "--help" not in args:
            load([])()  # the version needs no command at all
        else:
            load()()
    except KeyboardInterrupt:  # Ctrl-C before a command got going (while Python imports)
        print("Afbrudt.", file=sys.stderr)
        sys.exit(130)
