"""Danish for the parts of the help and the usage errors that Typer/Click write themselves."""

from __future__ import annotations

import gettext
import re
import sys
from typing import Any

from typer import _click
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from udsat_cli.errors import UdsatError

HELP_OPTION_TEXT = "Vis denne hjælp og afslut."
USAGE_PREFIX = "Brug: "

# Section titles and option annotations go through gettext in Typer's formatter.
_CATALOG = {
    "Arguments": "Argumenter",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "required": "påkrævet",
    "default: {default}": "standard: {default}",
    "env var: {var}": "miljøvariabel: {var}",
    "Aborted!": "Afbrudt.",
}
_dgettext = gettext.dgettext


def _danish_dgettext(domain: str, message: str) -> str:
    return _CATALOG.get(message) or _dgettext(domain, message)


# gettext.gettext looks dgettext up at call time; Click/Typer are the only users in this process.
gettext.dgettext = _danish_dgettext


class _DanishHelp:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)


class DanishCommand(_DanishHelp, TyperCommand):
    pass


def _usage_message(exc: _click.exceptions.ClickException) -> str:
    exceptions = _click.exceptions
    if isinstance(exc, exceptions.NoSuchOption):
        hint = f"; mente du {' eller '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"Ukendt tilvalg {exc.option_name}{hint}"
    if isinstance(exc, exceptions.MissingParameter):
        param = exc.param
        if param is not None and getattr(param, "param_type_name", "") == "option":
            return f"Tilvalget {param.opts[0]} mangler"
        name = (param.human_readable_name if param is not None else "").upper()
        return f"Argumentet {name} mangler"
    if isinstance(exc, exceptions.BadParameter):
        hint = exc.param.opts[0] if exc.param is not None and exc.param.opts else "en værdi"
        return f"Ugyldig værdi for {hint}"
    message = exc.format_message()
    if m := re.match(r"No such command '(.+)'", message):
        return f"Ukendt kommando »{m[1]}«"
    if m := re.match(r"Got unexpected extra arguments? \((.+)\)", message):
        return f"For mange argumenter ({m[1]}); sæt tekst med mellemrum i anførselstegn"
    if message == "Missing command.":
        return "Der mangler en kommando"
    return message.rstrip(".")


def fail(message: str, code: int) -> None:
    from udsat_cli.store.location import mask_password

    print(f"Fejl: {mask_password(message)}.", file=sys.stderr)
    sys.exit(code)


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
        elif self.default_command and args and args[0] not in self.commands and args[0] not in (
            "--help", "-h"
        ):  # fmt: skip
            args = [self.default_command, *args]  # "udsat minutes 2" is "udsat minutes show 2"
        return super().parse_args(ctx, args)

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
        try:
            result = super().main(argv, prog_name or "udsat", standalone_mode=False, **extra)
        except UdsatError as exc:
            if debug:
                import traceback

                traceback.print_exc()
            fail(exc.message.rstrip("."), exc.exit_code)
        except _click.exceptions.NoArgsIsHelpError as exc:
            print(exc.ctx.get_help() if exc.ctx else "", file=sys.stderr)
            sys.exit(2)
        except _click.exceptions.ClickException as exc:
            fail(f"{_usage_message(exc)}; se »udsat --help«", exc.exit_code)
        except Abort:
            fail("Afbrudt", 1)
        except Exception as exc:  # a bug: say so in one sentence, details with --debug
            if debug:
                raise
            first = (str(exc).strip().splitlines() or [""])[0]
            fail(
                f"Der skete en uventet fejl ({type(exc).__name__}: {first}); "
                "kør igen med --debug for detaljer",
                70,
            )
        if not standalone:
            return result
        sys.exit(result if isinstance(result, int) else 0)
