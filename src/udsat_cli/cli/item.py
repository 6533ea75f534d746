"""udsat item: a meeting's agenda items with their sagsfremstilling and decision."""

from __future__ import annotations

from pathlib import Path

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app
from udsat_cli.cli.inputs import edit_text, read_text
from udsat_cli.errors import InputError

item_app = sub_app("Dagsordenspunkter med sagsfremstilling og beslutning.")
app.add_typer(item_app, name="item")

_REF = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato.")
_NUMBER = typer.Argument(..., metavar="NR", help="Punktets nummer på dagsordenen.")
TEMPLATE = """\
# Skriv under overskrifterne og gem. Linjer, der begynder med #, tæller ikke med.
Sagsfremstilling:
{background}

Beslutning:
{decision}
"""
_KIND = typer.Option(
    None,
    "--kind",
    metavar="TYPE",
    help="beslutning, orientering eller drøftelse (beslutningspunkt … går også).",
)
_BACKGROUND = typer.Option(None, "--background", metavar="TEKST", help="Sagsfremstilling.")
_BACKGROUND_FILE = typer.Option(
    None, "--background-file", metavar="FIL", help="Sagsfremstilling fra en fil (- for stdin)."
)
_DECISION = typer.Option(None, "--decision", metavar="TEKST", help="Beslutning.")
_DECISION_FILE = typer.Option(
    None, "--decision-file", metavar="FIL", help="Beslutning fra en fil (- for stdin)."
)
_EDIT = typer.Option(False, "--edit", help="Skriv sagsfremstilling og beslutning i $EDITOR.")
_REOPEN = typer.Option(False, "--reopen", help="Også når mødets referat er godkendt.")


def _texts(
    background: str | None,
    background_file: str | None,
    decision: str | None,
    decision_file: str | None,
) -> tuple[str | None, str | None]:
    """The texts from the options, or from the files they name (never both)."""
    found = []
    for value, path, option in (
        (background, background_file, "background"),
        (decision, decision_file, "decision"),
    ):
        if value is not None and path is not None:
            raise InputError(f"Angiv enten --{option} eller --{option}-file, ikke begge.")
        found.append(read_text(path) if path is not None else value)
    return found[0], found[1]


def _edit(background: str | None, decision: str | None) -> tuple[str, str]:
    written = edit_text(TEMPLATE.format(background=background or "", decision=decision or ""))
    if written is None:
        raise InputError("Teksten blev ikke gemt; intet er ændret.")
    text = "\n".join(line for line in written.splitlines() if not line.startswith("#"))
    head, _, rest = text.partition("Beslutning:")
    return head.replace("Sagsfremstilling:", "", 1).strip(), rest.strip()


def _edited(st, ref: str, number: int) -> tuple[str, str, tuple, str]:
    """The texts written in the editor, the texts they were written over (another process may
    change them meanwhile: the write then refuses), and a file that keeps what was typed until
    it is stored."""
    import os
    import tempfile
    from datetime import datetime

    from udsat_cli.core.items import item_texts

    with st.read() as council:
        current = item_texts(council, ref=ref, number=number)
    background, decision = _edit(current.background, current.decision)
    folder = Path.cwd() if os.access(Path.cwd(), os.W_OK) else Path(tempfile.gettempdir())
    kept = folder / f"udsat-punkt-{current.meeting_id}-{number}-{datetime.now():%H%M%S}.txt"
    kept.write_text(TEMPLATE.format(background=background, decision=decision), encoding="utf-8")
    return background, decision, (current.background, current.decision), str(kept)


_PUBLIC = typer.Option(
    None,
    "--public-decision",
    metavar="TEKST",
    help="Et lukket punkts beslutning, som den må offentliggøres.",
)


@command(item_app, "add")
def item_add_command(
    ctx: typer.Context,
    ref: str = _REF,
    title: str | None = typer.Argument(
        None, metavar="[TITEL]", help="Punktets titel (med --topic: emnets, hvis den udelades)."
    ),
    kind: str | None = _KIND,
    background: str | None = _BACKGROUND,
    background_file: str | None = _BACKGROUND_FILE,
    decision: str | None = _DECISION,
    decision_file: str | None = _DECISION_FILE,
    edit: bool = _EDIT,
    reopen: bool = _REOPEN,
    closed: bool = typer.Option(
        False, "--closed", help="Lukket punkt: kun titlen (og --public-decision) offentliggøres."
    ),
    public_decision: str | None = _PUBLIC,
    topic: int | None = typer.Option(
        None,
        "--topic",
        metavar="NR",
        min=1,
        max=2**31 - 1,
        help="Tag et punkt fra listen (udsat topic list) op på mødet; det går af listen.",
    ),
) -> None:
    """Tilføj et punkt til et mødes dagsorden, før de faste punkter til sidst.

    Eksempel:

    \b
      udsat item add 1/4-2019 "Fokus på socialt frikort" --background-file frikort.txt
      udsat item add "23. maj 2019" --topic 3
    """
    from udsat_cli.core.items import add_item

    background, decision = _texts(background, background_file, decision, decision_file)
    if edit:
        background, decision = _edit(background, decision)
    with state(ctx).write() as council:
        added = add_item(
            council,
            ref=ref,
            title=title or "",
            kind=kind,
            background=background,
            decision=decision,
            reopen=reopen,
            closed=closed,
            public_decision=public_decision,
            topic=topic,
        )
    print(f"Tilføjede punkt {added.number}: {added.title}.")


@command(item_app, "edit")
def item_edit_command(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = _NUMBER,
    title: str | None = typer.Option(None, "--title", metavar="TITEL", help="Ny titel."),
    kind: str | None = _KIND,
    background: str | None = _BACKGROUND,
    background_file: str | None = _BACKGROUND_FILE,
    decision: str | None = _DECISION,
    decision_file: str | None = _DECISION_FILE,
    edit: bool = _EDIT,
    reopen: bool = _REOPEN,
    closed: bool | None = typer.Option(
        None, "--closed/--open", help="Gør punktet lukket (eller åbent igen)."
    ),
    public_decision: str | None = _PUBLIC,
) -> None:
    """Ret et punkts titel, type, sagsfremstilling eller beslutning.

    Eksempel:

    \b
      udsat item edit "1. april 2019" 2 --decision "Årsberetningen blev godkendt."
      udsat item edit "1. april 2019" 2 --edit
    """
    from udsat_cli.core.items import edit_item

    st, expected, kept = state(ctx), None, None
    background, decision = _texts(background, background_file, decision, decision_file)
    if edit:  # outside the write transaction: the store is not locked while the editor is open
        background, decision, expected, kept = _edited(st, ref, number)
    with st.write() as council:
        edit_item(
            council,
            ref=ref,
            number=number,
            title=title,
            kind=kind,
            background=background,
            decision=decision,
            reopen=reopen,
            expected=expected,
            kept=kept,
            closed=closed,
            public_decision=public_decision,
        )
    _forget(kept)
    print(f"Opdaterede punkt {number}.")


def _forget(kept: str | None) -> None:
    """The typed text is stored: the file that kept it in case of a conflict goes."""
    if kept is not None:
        Path(kept).unlink(missing_ok=True)


@command(item_app, "move")
def item_move_command(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = typer.Argument(..., metavar="NR", help="Nummeret på punktet, der flyttes."),
    to: int = typer.Argument(..., metavar="TIL", help="Dets nye nummer på dagsordenen."),
    reopen: bool = _REOPEN,
) -> None:
    """Flyt et punkt på dagsordenen (»punkt 3 og 4 byttes om«).

    Eksempel:

    \b
      udsat item move "1. april 2019" 3 4
    """
    from udsat_cli.core.items import move_item
    from udsat_cli.core.minutes import minutes
    from udsat_cli.render.items import ITEMS

    with state(ctx).write() as council:
        meeting_id = move_item(council, ref=ref, number=number, to=to, reopen=reopen)
        record = minutes(council, ref=str(meeting_id))
    output.choose().show(record, ITEMS)


@command(item_app, "delete")
def item_delete_command(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = _NUMBER,
    with_actions: bool = typer.Option(
        False, "--with-actions", help="Slet også punktets opgaver (de kan fortrydes med undo)."
    ),
    reopen: bool = _REOPEN,
) -> None:
    """Slet et punkt, der er lagt ind ved en fejl; punkterne efter rykker op.

    Eksempel:

    \b
      udsat item delete "1. april 2019" 4
    """
    from udsat_cli.core.items import delete_item
    from udsat_cli.render.items import ITEMS_DELETED

    with state(ctx).write() as council:
        gone = delete_item(
            council, ref=ref, number=number, with_actions=with_actions, reopen=reopen
        )
    output.choose().show(gone, ITEMS_DELETED)


@command(item_app, "list")
def item_list_command(
    ctx: typer.Context,
    ref: str = _REF,
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis et mødes punkter.

    Eksempel:

    \b
      udsat item list "1. april 2019" --json
    """
    from udsat_cli.core.minutes import minutes
    from udsat_cli.render.items import ITEMS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        record = minutes(council, ref=ref)
    shown.show(record, ITEMS)


def _read_bilag(path: str) -> tuple[str, bytes]:
    """The file's name and bytes, read no further than a bilag may be (the importer's limit)."""
    from udsat_cli.core.attachments import MAX_FILE
    from udsat_cli.errors import file_error
    from udsat_cli.limits import read_bytes

    if path == "-":
        raise InputError("Et bilag skal være en fil med et navn, ikke stdin.")
    if Path(path).exists() and not Path(path).is_file():  # a folder, a device, a pipe
        raise InputError(f"{path} er ikke en almindelig fil; et bilag skal være en fil.")
    try:
        return Path(path).name, read_bytes(path, MAX_FILE, what="bilag")
    except FileNotFoundError:
        raise InputError(f"Filen {path} findes ikke.") from None
    except IsADirectoryError:
        raise InputError(f"{path} er en mappe, ikke en fil.") from None
    except OSError as exc:
        raise file_error(exc, path) from None


@command(item_app, "attach")
def item_attach_command(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = _NUMBER,
    file: str = typer.Argument(..., metavar="FIL", help="PDF, Word, Excel eller et billede."),
    closed: bool = typer.Option(
        False, "--closed", help="Lukket bilag: bliver i lageret, sendes og offentliggøres aldrig."
    ),
    reopen: bool = _REOPEN,
) -> None:
    """Læg et bilag ved et punkt; det står på dagsordenen og i referatet og sendes med
    indkaldelsen (send-agenda) og lægges ved det godkendte referat (publish).

    Eksempel:

    \b
      udsat item attach "23. maj 2019" 3 årsberetning-2018.pdf
      udsat item attach "23. maj 2019" 4 klage.pdf --closed
    """
    from udsat_cli.core.attachments import attach, size_text

    name, data = _read_bilag(file)
    with state(ctx).write() as council:
        added = attach(
            council, ref=ref, number=number, name=name, data=data, closed=closed, reopen=reopen
        )
    lukket = " som lukket bilag" if added.closed else ""
    print(f"Lagde {added.name} ({size_text(added.size)}) ved punkt {added.number}{lukket}.")


@command(item_app, "detach")
def item_detach_command(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = _NUMBER,
    name: str = typer.Argument(..., metavar="BILAG", help="Bilagets filnavn eller nummer."),
    reopen: bool = _REOPEN,
) -> None:
    """Fjern et bilag fra et punkt (det kan fortrydes med udsat undo).

    Eksempel:

    \b
      udsat item detach "23. maj 2019" 3 årsberetning-2018.pdf
    """
    from udsat_cli.core.attachments import detach

    with state(ctx).write() as council:
        gone = detach(council, ref=ref, number=number, name=name, reopen=reopen)
    print(f"Fjernede {gone.name} fra punkt {gone.number}.")
