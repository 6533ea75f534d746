"""The error boundary: the one place where what went wrong in a command becomes one Danish
sentence on stderr and an exit code (udsat's own errors carry theirs, see ``udsat_cli.errors``);
a bug is one sentence too, with the details behind --debug."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

from typer.exceptions import Abort

from udsat_cli.errors import UdsatError


def guarded(call: Callable[[], Any], *, argv: list[str], debug: bool) -> Any:
    """Run the command line; whatever it raises ends here."""
    from udsat_cli.cli import usage

    try:
        return call()
    except UdsatError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        fail(exc.message.rstrip("."), exc.exit_code)
    except usage.ClickError as exc:
        if usage._kind(exc, "NoArgsIsHelpError"):  # »udsat member«: the group's help
            ctx = getattr(exc, "ctx", None)
            print(ctx.get_help() if ctx else "", file=sys.stderr)
            sys.exit(2)
        said, _, guess = usage.usage_message(exc).partition("; mente du ")
        help_line = f"se »{usage._help_of(exc, argv)}«"
        fail(
            f"{said}; mente du {guess} S{help_line[1:]}" if guess else f"{said}; {help_line}",
            exc.exit_code,
        )
    except BrokenPipeError:  # »udsat actions | head«: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(141)
    except OSError as exc:  # a file named on the command line, not the store (that has its own)
        if exc.filename is None:
            _bug(exc, debug)
        from udsat_cli.errors import file_error

        fail(file_error(exc).message.rstrip("."), 2)
    except (Abort, KeyboardInterrupt):
        # Ctrl-C: whatever was being written is rolled back with its transaction.
        print("Afbrudt.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        _bug(exc, debug)


def _bug(exc: BaseException, debug: bool) -> NoReturn:
    """A bug: say so in one sentence, the details with --debug."""
    if debug:
        raise exc
    first = (str(exc).strip().splitlines() or [""])[0]
    fail(
        f"Der skete en uventet fejl ({type(exc).__name__}: {first}); "
        "kør igen med --debug for detaljer",
        70,
    )


def fail(message: str, code: int) -> NoReturn:
    """One sentence on stderr, and the exit code. What the person typed is quoted in it, so it
    is shown without control characters or terminal escapes, and without broken UTF-8."""
    from udsat_cli.store.location import mask_password
    from udsat_cli.store.values import shown_text

    shown = shown_text(mask_password(message))
    end = "" if shown.endswith(("?", "!", ".")) else "."
    print(f"Fejl: {shown}{end}", file=sys.stderr)
    sys.exit(code)
