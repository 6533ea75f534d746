"""Shell completion for bash, zsh and fish: ``udsat completion SHELL`` prints (or installs) the
script, and the script asks ``udsat __complete N WORD... CURRENT`` what fits where the cursor is:
a command, an option, a format, a file, or a member's name or a meeting's date from the store.

``__complete`` is answered before Typer builds anything (see cli.main): it loads only the module
of the command being typed and reads the store on the lean path, so a Tab costs no more than a
read command."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command
from udsat_cli.errors import InputError

SHELLS = ("bash", "zsh", "fish")
FILES = "::files"  # tells the script to complete file names itself
_FILE_METAVARS = {"FIL", "FIL...", "FIL|URL", "STI", "MAPPE", "SKABELON.docx"}
_NAME_METAVARS = {"NAVN", "NAVN[:GRUND]"}
_MEETING_METAVARS = {"MØDE", "[MØDE]"}
_FORMATS = re.compile(r"\b(text|markdown|json|docx|csv)\b")


@command(app, "completion")
def completion_command(
    shell: str = typer.Argument(..., metavar="SKAL", help="bash, zsh eller fish."),
    install: bool = typer.Option(
        False, "--install", help="Læg scriptet, hvor skallen finder det, i stedet for at vise det."
    ),
) -> None:
    """Vis (eller installér) udsats fuldførelse med Tab for bash, zsh eller fish.

    Tab fuldfører kommandoer, tilvalg, formater, filer, personernes navne og mødernes datoer.

    Eksempel:

    \b
      udsat completion bash --install
      udsat completion zsh > ~/.zfunc/_udsat
      udsat completion fish > ~/.config/fish/completions/udsat.fish
    """
    text = script(shell)
    if not install:
        sys.stdout.write(text)
        return
    target = install_path(shell.strip().lower())
    target.parent.mkdir(parents=True, exist_ok=True)
    output.write_file(str(target), text.encode(), force=True)
    output.say(f"Skrev {target}. {_AFTER_INSTALL[shell.strip().lower()]}")


_AFTER_INSTALL = {
    "bash": "Åbn en ny terminal (det kræver pakken bash-completion).",
    "zsh": "Tilføj »fpath=(~/.zfunc $fpath)« før »compinit« i ~/.zshrc, og åbn en ny terminal.",
    "fish": "Åbn en ny terminal.",
}


def script(shell: str) -> str:
    from udsat_cli.datafiles import load_text

    name = shell.strip().lower()
    if name not in SHELLS:
        raise InputError(f"Ukendt skal »{shell}«; brug en af: {', '.join(SHELLS)}.")
    return load_text(f"completion/udsat.{name}")


def install_path(shell: str) -> Path:
    """Where each shell looks for a user's completions without being told."""
    home = Path.home()
    if shell == "bash":
        data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
        return data / "bash-completion" / "completions" / "udsat"
    if shell == "fish":
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        return config / "fish" / "completions" / "udsat.fish"
    return home / ".zfunc" / "_udsat"


# --- answering the script ------------------------------------------------------------------------


def complete_words(args: list[str]) -> None:
    """``N WORD... [CURRENT]``: the N words before the cursor and the word being typed (none
    when the cursor stands after a space). Prints one candidate a line, a tab before its
    description; never fails (a Tab that finds nothing finds nothing)."""
    from udsat_cli.textform import nfc

    try:
        count = int(args[0])
        before = [nfc(w) for w in args[1 : 1 + count]]
        current = nfc(args[1 + count]) if len(args) > 1 + count else ""
        found = candidates(before, current)
    except Exception:
        if os.environ.get("UDSAT_DEBUG_COMPLETION"):
            raise
        return
    sys.stdout.write(
        "".join(f"{word}\t{about}\n" if about else f"{word}\n" for word, about in found)
    )


def candidates(before: list[str], current: str) -> list[tuple[str, str]]:
    from typer.main import get_command

    from udsat_cli.cli import COMMAND_MODULES, command_name, load
    from udsat_cli.cli.usage import DanishGroup

    first = command_name(before)
    root = get_command(load([first]) if first in COMMAND_MODULES else load())
    node: Any = root
    settings: dict[str, str] = {}
    positional = 0
    i = 0
    while i < len(before):
        word = before[i]
        option = _option(node, word.split("=", 1)[0]) if word.startswith("-") else None
        if option is None and word in DanishGroup.GLOBAL_VALUE_OPTIONS:
            option = _option(root, word)
        if option is not None and _takes_value(option) and "=" not in word:
            if i + 1 == len(before):  # the cursor is on its value
                return _values(option, current, settings)
            if word in DanishGroup.GLOBAL_VALUE_OPTIONS:
                settings[word] = before[i + 1]
            i += 2
            continue
        if not word.startswith("-"):
            if hasattr(node, "commands") and word in node.commands:
                node, positional = node.commands[word], 0
            else:
                positional += 1
        i += 1
    if current.startswith("-"):
        return _matching(_options(node, root), current)
    if hasattr(node, "commands"):
        commands = [(name, _short(cmd)) for name, cmd in node.commands.items() if not cmd.hidden]
        default = getattr(node, "default_command", None)  # »udsat minutes MØDE«
        if default in node.commands and positional == 0:
            argument = _argument(node.commands[default], 0)
            commands += _values(argument, current, settings) if argument is not None else []
        return _matching(sorted(commands), current)
    argument = _argument(node, positional)
    return _values(argument, current, settings) if argument is not None else []


def _option(node: Any, name: str) -> Any:
    for param in node.params:
        if param.param_type_name == "option" and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _takes_value(option: Any) -> bool:
    return not getattr(option, "is_flag", False) and not getattr(option, "count", False)


def _options(node: Any, root: Any) -> list[tuple[str, str]]:
    params = [p for p in node.params if p.param_type_name == "option" and not p.hidden]
    if node is not root:
        params += [p for p in root.params if p.param_type_name == "option" and not p.hidden]
    found = {
        name: _first_sentence(p.help) for p in params for name in p.opts if name.startswith("--")
    }
    found["--help"] = "Vis hjælpen."
    return sorted(found.items())


def _argument(node: Any, position: int) -> Any:
    arguments = [p for p in node.params if p.param_type_name == "argument"]
    for argument in arguments:
        if argument.nargs == -1 or position < argument.nargs:
            return argument
        position -= argument.nargs
    return None


def _values(param: Any, current: str, settings: dict[str, str]) -> list[tuple[str, str]]:
    metavar = param.metavar or ""
    if metavar in _FILE_METAVARS:
        return [(FILES, "")]
    if metavar == "[KOMMANDO]...":  # udsat help KOMMANDO
        from udsat_cli.cli import COMMAND_MODULES

        return _matching([(name, "") for name in sorted(COMMAND_MODULES)], current)
    if metavar == "FORMAT":
        return _matching(
            [(f, "") for f in dict.fromkeys(_FORMATS.findall(param.help or ""))], current
        )
    if metavar in _NAME_METAVARS and param.name != "council":
        words = _from_store(settings)
        return _matching([(n, "" if n == full else full) for n, full in words.names], current)
    if metavar in _MEETING_METAVARS:
        words = _from_store(settings)
        return _matching(words.meetings, current)
    return []


def _from_store(settings: dict[str, str]) -> Any:
    """The council's names and meetings, read as a read command reads them (no migration)."""
    from datetime import date, datetime

    from udsat_cli.cli.app import State
    from udsat_cli.core.completion import completion_words
    from udsat_cli.core.context import council_context
    from udsat_cli.store.location import resolve_location

    state = State(
        location=resolve_location(settings.get("--db") or os.environ.get("UDSAT_DB")),
        today=date.today(),
        council=settings.get("--council") or os.environ.get("UDSAT_COUNCIL"),
        debug=False,
    )
    with state.store(mode="read", migrate=False) as handle:
        council = council_context(
            handle.db, name=state.council, today=state.today, now=datetime.now().astimezone()
        )
        return completion_words(council)


def _matching(found: list[tuple[str, str]], current: str) -> list[tuple[str, str]]:
    typed = current.lstrip("\"'").casefold()
    return [(word, about) for word, about in found if word.casefold().startswith(typed)]


def _short(cmd: Any) -> str:
    return _first_sentence(cmd.get_short_help_str())


def _first_sentence(text: str | None) -> str:
    first = " ".join((text or "").split()).split(". ")[0]
    return first.rstrip(".")
