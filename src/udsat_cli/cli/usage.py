"""Typer and Click in Danish, and the one place where errors become a sentence and an exit code.

Click writes its help layout and its usage errors in English, as plain strings. The help is
translated through gettext where Click asks for it, and usage errors by their kind here, so no
English reaches the person at the keyboard. Every error ends as one Danish sentence on stderr
and an exit code (see errors.py); an unexpected one also says how to see the details.
"""

from __future__ import annotations

import gettext
import re
import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from udsat_cli.danish import join_names

HELP_OPTION_TEXT = "Vis denne hjælp og afslut."
USAGE_PREFIX = "Brug: "
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

# Section titles and option annotations go through gettext in Typer's formatter.
_CATALOG = {
    "Arguments": "Argumenter",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "required": "påkrævet",
    "[required]": "[påkrævet]",
    "default: {default}": "standard: {default}",
    "[default: {}]": "[standard: {}]",
    "env var: {var}": "miljøvariabel: {var}",
    "[env var: {}]": "[miljøvariabel: {}]",
    "Aborted!": "Afbrudt.",
    "Aborted.": "Afbrudt.",
    "Error": "Fejl",
    "(deprecated) ": "(udgår) ",
}
_dgettext = gettext.dgettext


def _danish_dgettext(domain: str, message: str) -> str:
    return _CATALOG.get(message) or _dgettext(domain, message)


# gettext.gettext looks dgettext up at call time; Click/Typer are the only users in this process.
gettext.dgettext = _danish_dgettext


# Parameters that name files and folders keep their bytes: a file named in decomposed form
# (copied from a Mac) is found only by that name.
PATH_METAVARS = {"FIL", "FIL...", "FIL|URL", "STI", "MAPPE", "SKABELON.docx"}


def _names_a_path(param: Any) -> bool:
    return param.metavar in PATH_METAVARS


class _DanishHelp:
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)  # type: ignore[misc]
        from udsat_cli.textform import nfc_value

        # Every text given on the command line or in UDSAT_* variables, in one Unicode form.
        for param in self.params:  # type: ignore[attr-defined]
            if param.name in ctx.params and not _names_a_path(param):
                ctx.params[param.name] = nfc_value(ctx.params[param.name])
        return rest

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [p.strip("{}") for p in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def get_help(self, ctx: Any) -> str:
        text = super().get_help(ctx)  # type: ignore[misc]
        # Click describes a range as »0<=x<=3660«: as Danish as a formula gets, it is »0–3660«.
        return re.sub(r"(-?\d+)<=x<=(-?\d+)", r"\1–\2", re.sub(r"x>=(-?\d+)", r"mindst \1", text))

    def get_short_help_str(self, limit: int = 45) -> str:
        """The whole first sentence in a command list, wrapped, never cut off with »...«."""
        text = (self.short_help or self.help or "").strip()  # type: ignore[attr-defined]
        return " ".join(text.split("\n\n")[0].split())


class DanishCommand(_DanishHelp, TyperCommand):
    pass


# --- usage errors -------------------------------------------------------------------------------


def _option(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is not None and param.opts:
        return param.opts[0] if param.param_type_name == "option" else param.human_readable_name
    return getattr(exc, "option_name", None) or "en værdi"


def _bad_value(exc: Any) -> str:
    """Click's reasons for a refused value (»'x' is not a valid integer.«) in Danish."""
    inner = exc.message
    if m := re.fullmatch(
        r"'?(.*?)'? is not a valid (integer|int range|float|float range|boolean)\..*", inner, re.S
    ):
        kind = {"boolean": "ja eller nej"}.get(m[2], "et helt tal" if "int" in m[2] else "et tal")
        return f"»{m[1]}« er ikke {kind}"
    if m := re.fullmatch(r"(.*?) is not in the range (.*?)\.", inner, re.S):
        low = re.search(r"(-?\d+)<=x", m[2])
        high = re.search(r"x<=(-?\d+)", m[2])
        span = f"{low[1] if low else '…'}–{high[1] if high else '…'}"
        return f"{m[1]} ligger uden for {span}"
    return "værdien kan ikke bruges"


# Click's errors derive from typer.TyperException, and typer.BadParameter is one of them; Typer
# exports no other (its copy of Click is private), so the other kinds are told by the names Click
# documents them by.
ClickError = typer.TyperException


def _kind(exc: BaseException, name: str) -> bool:
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def usage_message(exc: Any) -> str:
    """The sentence for a usage error; a guess at what was meant follows a »;«."""
    if _kind(exc, "NoSuchOption"):
        close = [f"»{p}«" for p in exc.possibilities or []]
        hint = f"; mente du {join_names(close, 'eller')}?" if close else ""
        return f"Ukendt tilvalg »{exc.option_name}«{hint}"
    if _kind(exc, "MissingParameter"):
        param = exc.param
        if param is not None and getattr(param, "param_type_name", "") == "option":
            return f"Tilvalget {param.opts[0]} mangler"
        name = (param.human_readable_name if param is not None else "").upper()
        return f"Argumentet {name} mangler"
    if isinstance(exc, typer.BadParameter):
        return f"Ugyldig værdi for {_option(exc)}: {_bad_value(exc)}"
    message = exc.format_message()
    if m := re.match(r"Option '(.+)' requires (?:an argument|\d+ arguments)", message):
        return f"Tilvalget {m[1]} skal have en værdi"
    if m := re.match(r"Option '(.+)' does not take a value", message):
        return f"Tilvalget {m[1]} tager ingen værdi"
    if m := re.match(r"Got unexpected extra argument\(s\) \((.+)\)", message, re.S):
        return f"For mange argumenter ({m[1]}); sæt tekst med mellemrum i anførselstegn"
    if message.startswith("Missing command"):
        return "Der mangler en kommando"
    if m := re.match(r"Argument '(.+)' takes (\d+) values", message):
        return f"Argumentet {m[1].upper()} skal have {m[2]} værdier"
    return message.rstrip(".")  # udsat's own words (ctx.fail with a Danish sentence)


def _help_of(exc: Any, argv: list[str]) -> str:
    """»udsat meeting add --help«: the help of the command the command line was for. Click
    names it in the error's context; without one (an error before any command was chosen) the
    command line is read, building only the commands it names."""
    if (ctx := getattr(exc, "ctx", None)) is not None:
        return f"{ctx.command_path} --help"
    from udsat_cli.cli import load

    group: Any = None
    path = ["udsat"]
    args = DanishGroup.globals_first(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in DanishGroup.GLOBAL_VALUE_OPTIONS:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        if group is None:
            from typer.main import get_command

            group = get_command(load([arg]) if _known(arg) else load([]))
        commands = getattr(group, "commands", {})
        if arg not in commands:
            break
        path.append(arg)
        group = commands[arg]
        i += 1
    return " ".join([*path, "--help"])


def _known(name: str) -> bool:
    from udsat_cli.cli import COMMAND_MODULES

    return name in COMMAND_MODULES


class DanishGroup(_DanishHelp, TyperGroup):
    """The udsat command group: global options anywhere, one place that turns errors into text."""

    GLOBAL_VALUE_OPTIONS = ("--db", "--today", "--council")
    GLOBAL_FLAGS = ("--debug",)
    default_command: str | None = None  # run when the first word names no subcommand

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Global options are accepted after the subcommand too ("udsat followups --today ...").
        if ctx.parent is None:
            ctx.meta["udsat.argv"] = list(args)  # the change journal names the command
            args = self.globals_first(args)
        elif (
            self.default_command
            and args
            and args[0] not in self.commands
            and args[0] not in ("--help", "-h")
        ):
            args = [self.default_command, *args]  # "udsat minutes 2" is "udsat minutes show 2"
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else None
        if name is not None and not name.startswith("-") and name not in self.commands:
            from difflib import get_close_matches  # only for a mistyped command: 1.5 ms

            close = [f"»{c}«" for c in get_close_matches(name, list(self.commands), n=3)]
            hint = f"; mente du {join_names(close, 'eller')}?" if close else ""
            ctx.fail(f"Ukendt kommando »{name}«{hint}")
        return super().resolve_command(ctx, args)

    @classmethod
    def globals_first(cls, args: list[str]) -> list[str]:
        front: list[str] = []
        rest: list[str] = []
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                rest.extend(args[i:])
                break
            name = arg.split("=", 1)[0]
            if name in cls.GLOBAL_VALUE_OPTIONS and "=" not in arg and i + 1 < len(args):
                front.extend(args[i : i + 2])
                i += 2
                continue
            (front if name in cls.GLOBAL_VALUE_OPTIONS + cls.GLOBAL_FLAGS else rest).append(arg)
            i += 1
        return front + rest

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        debug = "--debug" in argv
        standalone = extra.pop("standalone_mode", True)
        for arg in argv:  # bytes that are not UTF-8 reach Python as lone surrogates
            if any("\ud800" <= ch <= "\udfff" for ch in arg):
                shown = arg.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
                from udsat_cli.cli.boundary import fail

                fail(f"»{shown}« er ikke gyldig UTF-8; tjek terminalens tegnsæt", 2)
        # Control characters and terminal escapes never get further than this (tabs and newlines
        # stay); the store's flush guard does the same for files and imports.
        from udsat_cli.store.values import clean_text

        argv = [clean_text(arg) for arg in argv]
        from udsat_cli.cli.output import utf8_when_redirected

        utf8_when_redirected()
        from udsat_cli.cli.boundary import guarded

        result = guarded(
            lambda: super(DanishGroup, self).main(
                argv, prog_name or "udsat", standalone_mode=False, **extra
            ),
            argv=argv,
            debug=debug,
        )
        if result == 130:  # Typer turns Ctrl-C into Exit(130) before it reaches us
            print("Afbrudt.", file=sys.stderr)
        if not standalone:
            return result
        sys.exit(result if isinstance(result, int) else 0)
