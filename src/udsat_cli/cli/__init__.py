"""The udsat command line: thin commands over ``core``, printed by ``render``.

Each command module registers its commands on ``app.app`` when imported. A run imports only the
module of the command it runs (start-up is part of the product); ``load()`` gives the whole app.
"""

from __future__ import annotations

import sys  # nothing else at the top: Ctrl-C is »Afbrudt.« only from main() on (see there)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a few milliseconds)
if TYPE_CHECKING:
    from typing import Any

    import typer

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


def load(commands: list[str] | None = None) -> typer.Typer:
    """The Typer app with the given commands registered (all of them when None)."""
    if commands is None:
        wanted = set(COMMAND_MODULES.values())
    else:
        wanted = {COMMAND_MODULES[c] for c in commands}
    for module in sorted(wanted):
        __import__(f"udsat_cli.cli.{module}")
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


class _Stdout:
    """stdout whose storage faults (``udsat export > /dev/full``, a full disk under a redirect)
    end the command as one sentence with exit 4, like any file udsat writes; a closed pipe
    (``| head``) is left to the command line's own handling."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise stdout_fault(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise stdout_fault(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def stdout_fault(exc: OSError) -> BaseException:
    import errno
    import os

    if exc.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
        return exc
    from udsat_cli.errors import _FILE_REASONS, UdsatError

    # What is still buffered can never be written: send it nowhere, so that Python's own flush
    # at exit does not fail once more (and print an English traceback).
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno())
    why = _FILE_REASONS[errno.errorcode[exc.errno or 0]]
    return UdsatError(
        f"Kan ikke skrive uddata (standard-output): {why}; det skrevne er ufuldstændigt.",
        exit_code=4,
    )


def main() -> None:
    """The command line. Ctrl-C at any moment from here on is »Afbrudt.« and exit 130 (the
    transaction under way rolls back); once the command is over, Python's own clean-up is not
    interrupted. Before this runs, only Python's start-up can be interrupted."""
    try:
        import signal

        sys.unraisablehook = _unraisable
        if sys.stdout is not None:
            sys.stdout = _Stdout(sys.stdout)  # type: ignore[assignment]
        try:
            _main()
        except SystemExit:
            _flush()
            raise
        _flush()
    except KeyboardInterrupt:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("Afbrudt.", file=sys.stderr)
        sys.exit(130)
    finally:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _unraisable(found: Any) -> None:
    """Ctrl-C that lands in a callback Python runs for itself (a weak reference's, during an
    import), where it is printed and swallowed: raised again, in the command."""
    if isinstance(found.exc_value, KeyboardInterrupt):
        import signal

        def again(_signum: int, _frame: Any) -> None:
            raise KeyboardInterrupt

        # A millisecond on: by then the callback is over (raised here, it would be swallowed).
        signal.signal(signal.SIGALRM, again)
        signal.setitimer(signal.ITIMER_REAL, 0.001)
        return
    sys.__unraisablehook__(found)


def _flush() -> None:
    """What is left in stdout's buffer, written before the exit code is decided."""
    try:
        sys.stdout.flush()
    except Exception as exc:
        from udsat_cli.errors import UdsatError

        if not isinstance(exc, UdsatError):
            return  # a closed pipe: the reader has what it wanted
        print(f"Fejl: {exc.message}", file=sys.stderr)
        sys.exit(exc.exit_code)


def _main() -> None:
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
