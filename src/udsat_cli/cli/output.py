"""One way to print: the shared --format/--json/-o/--force options, and ``Output.show``, which
renders a core result with its view and writes it to stdout or, atomically, to a file.

A view names a render module and, after a dot, a form in it: ``"followups"`` prints with
``render.followups.text`` / ``markdown`` / ``rich`` / ``docx`` and ``render.jsonout.followups``;
``"meetings.detail"`` with ``render.meetings.detail_text`` ... and ``jsonout.meetings_detail``.
Rich is used only when nobody asked for a format and stdout is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from udsat_cli.errors import InputError

if TYPE_CHECKING:
    from udsat_cli.render.view import View

TEXT_FORMATS = ("text", "markdown", "json")
DOC_FORMATS = ("text", "markdown", "json", "docx")
_NAMES = {"text": "text", "markdown": "markdown", "json": "json", "docx": "docx (Word)"}
STDOUT = "-"  # -o - writes to stdout


def format_option(*formats: str) -> Any:
    shown = ", ".join(_NAMES[f] for f in formats[:-1]) + f" eller {_NAMES[formats[-1]]}"
    return typer.Option(None, "--format", metavar="FORMAT", help=f"{shown}.")


JSON = typer.Option(False, "--json", help="Udskriv som JSON (det samme som --format json).")
OUT = typer.Option(
    None, "-o", "--output", metavar="FIL", help="Skriv til en fil (»-« er standard-output)."
)
FORCE = typer.Option(False, "--force", help="Overskriv en eksisterende fil.")
TEMPLATE = typer.Option(
    None,
    "--template",
    metavar="SKABELON.docx",
    help="Kommunens Word-skabelon som grundlag (ellers [documents] template i indstillingerne).",
)


def report_options(*formats: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The options of a command that prints a report — --format (one of ``formats``), --json,
    -o, --force and --template — added to its own, and handed to it as one ``shown`` (an
    Output, checked by ``choose``), so the block is written once."""
    import functools
    import inspect

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        keyword = inspect.Parameter.KEYWORD_ONLY
        added = [
            inspect.Parameter(
                "fmt", keyword, default=format_option(*formats), annotation=str | None
            ),
            inspect.Parameter("as_json", keyword, default=JSON, annotation=bool),
            inspect.Parameter("out", keyword, default=OUT, annotation=str | None),
            inspect.Parameter("force", keyword, default=FORCE, annotation=bool),
            inspect.Parameter("template", keyword, default=TEMPLATE, annotation=str | None),
        ]
        own = inspect.signature(command)
        kept = [p for p in own.parameters.values() if p.name != "shown"]

        @functools.wraps(command)
        def with_output(
            *args: Any,
            fmt: str | None = None,
            as_json: bool = False,
            out: str | None = None,
            force: bool = False,
            template: str | None = None,
            **kwargs: Any,
        ) -> None:
            shown = choose(fmt, as_json, out, force, formats=formats, template=template)
            command(*args, shown=shown, **kwargs)

        with_output.__signature__ = own.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
        with_output.__annotations__ = {
            **{k: v for k, v in command.__annotations__.items() if k != "shown"},
            **{p.name: p.annotation for p in added},
        }
        return with_output

    return decorate


@dataclass(frozen=True)
class Output:
    fmt: str | None  # None: Rich on a terminal, plain text elsewhere
    out: str | None = None
    force: bool = False
    template: str | None = None  # a Word template, for docx

    @property
    def is_json(self) -> bool:
        return self.fmt == "json"

    def show(self, data: Any, view: View, *, note: str | None = None) -> None:
        """Print ``data`` with ``view`` (a render module's view, see render/view.py); ``note`` is a
        line before it in text forms (»Tilføjede opgave #3.«), never in JSON."""
        if self.fmt == "json":
            from udsat_cli.render import jsonout

            if view.json is None:
                raise InputError("Det her kan ikke skrives som JSON; udelad --json.")
            self._write((jsonout.dumps(view.json(data)) + "\n").encode())
        elif self.fmt == "docx":
            from udsat_cli.config import document_template

            if view.docx is None:
                raise InputError("Det her kan ikke skrives som Word; vælg --format text.")
            self._write(view.docx(data, template=document_template(self.template)))
        elif self.fmt is None and self.out is None and view.rich and sys.stdout.isatty():
            from rich.console import Console

            console = Console()
            if note:
                console.print(note, markup=False, highlight=False)
            view.rich(data, console)
        else:
            form = view.markdown if self.fmt == "markdown" and view.markdown else view.text
            if form is None:
                raise InputError("Det her kan kun skrives som JSON; brug --json.")
            lines: Iterable[str] = form(data)
            if note:
                lines = [note, *lines]
            if self.out is None:
                write = sys.stdout.write
                for line in lines:
                    write(line + "\n")
            else:
                self._write(("\n".join(lines) + "\n").encode())

    def emit(self, data: bytes) -> None:
        """Bytes made elsewhere (a kept Word file), where this output goes."""
        self._write(data)

    def _write(self, data: bytes) -> None:
        emit(data, self.out, force=self.force)


def choose(
    fmt: str | None = None,
    as_json: bool = False,
    out: str | None = None,
    force: bool = False,
    *,
    formats: tuple[str, ...] = TEXT_FORMATS,
    template: str | None = None,
) -> Output:
    """The output a command's options ask for, checked before the command does anything."""
    if as_json:
        if fmt not in (None, "json"):
            raise InputError("Angiv enten --json eller --format, ikke begge.")
        fmt = "json"
    if fmt is not None:
        fmt = fmt.strip().lower()
        if fmt not in formats:
            raise InputError(f"Ukendt format »{fmt}«; brug en af: {', '.join(formats)}.")
    if fmt == "docx" and (out is None or (out == STDOUT and sys.stdout.isatty())):
        raise InputError("Et Word-dokument skal skrives til en fil; angiv -o FIL.docx.")
    if template is not None and fmt != "docx":
        raise InputError("--template bruges kun med --format docx.")
    return Output(fmt, out, force, template)


def say(line: str) -> None:
    """A line for the person at the keyboard that is not a result: on stderr."""
    print(line, file=sys.stderr)


def write_file(path: str, data: bytes, *, force: bool, private: bool = False) -> None:
    """Write atomically (a temp file beside it, then rename); never overwrite without --force,
    and never replace anything but a regular file. The file is as readable as the umask says (a
    calendar for the web server, minutes on a shared drive), or by its owner only if ``private``
    (what holds the whole store). A full disk or a read-only drive is one sentence (exit 4),
    with nothing left behind."""
    from udsat_cli.errors import output_error

    try:
        _write_file(path, data, force=force, private=private)
    except OSError as exc:
        raise output_error(exc, path) from None


def _write_file(path: str, data: bytes, *, force: bool, private: bool) -> None:
    import os
    import secrets
    from pathlib import Path

    target = Path(path)
    if target.exists() or target.is_symlink():
        if not force:
            raise InputError(f"Filen {target} findes allerede; brug --force for at overskrive den.")
        if target.is_dir():
            raise InputError(f"{target} er en mappe; angiv en fil.")
        if target.is_symlink() or not target.is_file():
            with open(target, "wb") as handle:  # a device or a link: write through it
                handle.write(data)
            return
    if not target.parent.is_dir():
        raise InputError(f"Mappen {target.parent} findes ikke.")
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600 if private else 0o666)  # the umask applies to 0o666
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it takes the old file's place
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def emit(data: bytes, out: str | None, *, force: bool, private: bool = False) -> None:
    """A document or export: to stdout as it is, or atomically to a file (see write_file)."""
    if out is None or out == STDOUT:
        write_stdout(data)
        return
    write_file(out, data, force=force, private=private)
    say(f"Skrev {out}.")


def utf8_when_redirected() -> None:
    """Text into a file or a pipe is UTF-8 on every system: Windows would encode it as cp1252
    when redirected, and fail on a name that has no place there (»Łukasz«). A terminal keeps
    its own encoding, and PYTHONIOENCODING, where set, decides."""
    import os

    stream = sys.stdout
    if "PYTHONIOENCODING" in os.environ or not hasattr(stream, "reconfigure"):
        return
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and not stream.isatty():
        stream.reconfigure(encoding="utf-8")


def write_stdout(data: bytes) -> None:
    """Bytes to stdout as they are: a UTF-8 export stays UTF-8 where stdout would encode text
    otherwise (cp1252 on Windows when redirected), and a Word file stays a Word file."""
    sys.stdout.flush()  # whatever was printed as text comes first
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes (an IDE's console): text is all it takes
        sys.stdout.write(data.decode("utf-8", "replace"))
        sys.stdout.flush()
        return
    try:
        buffer.write(data)
        buffer.flush()
    except OSError as exc:  # a full disk is one sentence, as for text (see udsat_cli.cli)
        from udsat_cli.cli import stdout_fault

        raise stdout_fault(exc) from None
