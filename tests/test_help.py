from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import demo_council, ok, run
from udsat_cli import __version__
from udsat_cli.cli import load

app = load()

pytestmark = pytest.mark.no_store


@pytest.fixture
def demo_store(isolated_store):
    return demo_council(isolated_store)


def _commands(group=None, prefix=()):
    from typer.main import get_command

    group = group or get_command(app)
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name)


COMMANDS = sorted(_commands())


ALL_COMMANDS = {
    "actions",
    "add-action",
    "agenda",
    "annual-report",
    "attendance",
    "backup",
    "calendar",
    "completion",
    "council set",
    "council show",
    "date",
    "demo",
    "done",
    "drop",
    "event add",
    "event list",
    "export",
    "followups",
    "hearing add",
    "hearing answer",
    "hearing edit",
    "hearing list",
    "help",
    "import",
    "inbox",
    "init",
    "item add",
    "item attach",
    "item delete",
    "item detach",
    "live",
    "item edit",
    "item list",
    "item move",
    "log",
    "meeting add",
    "meeting cancel",
    "meeting list",
    "meeting move",
    "meeting plan",
    "meeting show",
    "member add",
    "member edit",
    "member leave",
    "member list",
    "migrate",
    "minutes approve",
    "minutes note",
    "minutes reopen",
    "minutes show",
    "postpone",
    "publish",
    "remind",
    "restore",
    "search",
    "season list",
    "season set",
    "send-agenda",
    "topic add",
    "topic drop",
    "topic list",
    "undo",
    "update",
}


def summary(cmd: tuple[str, ...]) -> str:
    """A command's one-line help, as --help prints it."""
    return " ".join(ok(*cmd, "--help").split("\n\n")[1].split())


def test_the_command_list_is_complete() -> None:
    assert {" ".join(c) for c in COMMANDS} == ALL_COMMANDS


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_command_has_danish_help_with_an_example(cmd) -> None:
    text = ok(*cmd, "--help")
    assert text.startswith(f"Brug: udsat {' '.join(cmd)} [TILVALG]")
    summary = text.split("\n\n")[1].strip()
    assert summary.endswith(".") and summary[0].isupper()
    assert "Eksempel:" in text
    example = text.split("Eksempel:")[1].strip().splitlines()[0].strip()
    assert example.startswith(f"udsat {' '.join(cmd)}") or example.startswith("udsat --")
    assert "Vis denne hjælp og afslut." in text
    assert "Show this message" not in text


def test_version() -> None:
    assert ok("--version") == f"udsat {__version__}\n"


def test_bare_group_shows_help() -> None:
    result = run("member")
    assert result.code == 2
    assert "Brug: udsat member" in result.stderr + result.stdout


READS = [
    ["--help"],
    ["followups", "--next-meeting"],
    ["actions", "--owner", "Helle"],
    ["remind"],
    ["remind", "--format", "json"],
    ["meeting", "list"],
    ["meeting", "show", "2"],
    ["member", "list"],
    ["agenda"],
    ["minutes", "2"],
    ["search", "frikort"],
    ["log"],
    ["date", "næste", "møde"],
    ["topic", "list"],
    ["event", "list"],
    ["season", "list"],
    ["item", "list", "2"],
    ["export"],
    ["calendar"],
    ["hearing", "list"],
    ["council", "show"],
    ["annual-report", "2026"],
]


@pytest.mark.parametrize("argv", READS, ids=" ".join)
def test_read_commands_do_not_import_sqlalchemy(demo_store, argv: list[str]) -> None:
    """A read on SQLite runs on the stdlib driver: SQLAlchemy and SQLModel cost ~300 ms."""
    code = (
        "import sys\n"
        "from udsat_cli.cli import main\n"
        f"sys.argv = ['udsat', '--today', '2026-11-22', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'rich') if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "HEAVY:"


def test_each_command_lives_in_the_module_main_imports_for_it() -> None:
    """main() imports only the module of the command it runs; the map must be true."""
    code = (
        "import importlib, json\n"
        "from udsat_cli.cli import COMMAND_MODULES\n"
        "from udsat_cli.cli.app import app\n"
        "found = {}\n"
        "for module in sorted(set(COMMAND_MODULES.values())):\n"
        "    before = {c.name for c in app.registered_commands} | "
        "{g.name for g in app.registered_groups}\n"
        "    importlib.import_module('udsat_cli.cli.' + module)\n"
        "    after = {c.name for c in app.registered_commands} | "
        "{g.name for g in app.registered_groups}\n"
        "    found.update({name: module for name in after - before})\n"
        "print(json.dumps(found))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    from udsat_cli.cli import COMMAND_MODULES

    assert json.loads(out.stdout) == COMMAND_MODULES


def test_a_command_run_imports_only_its_own_module(isolated_store) -> None:
    code = (
        "import sys\n"
        "from udsat_cli.cli import main\n"
        "sys.argv = ['udsat', '--today', '2019-05-20', 'date', 'næste', 'fredag']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "mine = sorted(m for m in sys.modules if m.startswith('udsat_cli.cli.'))\n"
        "print('LOADED:' + ','.join(mine))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout.splitlines()[-1].removeprefix("LOADED:").split(",")
    assert "udsat_cli.cli.date" in loaded
    assert not {"udsat_cli.cli.actions", "udsat_cli.cli.init", "udsat_cli.cli.member"} & set(loaded)
