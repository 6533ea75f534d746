"""Recording a held meeting: attendance and agenda items with background and decision."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command, sub_app
from udsat_cli.cli.state import state
from udsat_cli.errors import InputError

item_app = sub_app("Dagsordenspunkter med sagsfremstilling og beslutning.")
app.add_typer(item_app, name="item")

_REF = typer.Argument(..., metavar="MØDE", help="Mødets nummer eller dato.")
TEMPLATE = """\
# Skriv under overskrifterne og gem. Linjer, der begynder med #, tæller ikke med.
Sagsfremstilling:
{background}

Beslutning:
{decision}
"""


@command(app, "attendance")
def attendance(
    ctx: typer.Context,
    ref: str = _REF,
    absent: list[str] | None = typer.Option(
        None, "--absent", metavar="NAVN[:GRUND]", help="Meldt afbud; gentag for flere."
    ),
    guest: list[str] | None = typer.Option(None, "--guest", metavar="NAVN", help="Gæst."),
    present: list[str] | None = typer.Option(
        None, "--present", metavar="NAVN", help="Til stede uden at være medlem (fx suppleant)."
    ),
    referent: str | None = typer.Option(None, "--referent", metavar="NAVN", help="Referenten."),
) -> None:
    """Registrér afbud, gæster og referent; de øvrige medlemmer regnes som deltagere.

    Eksempel:

    \b
      udsat attendance 1/4-2019 --absent "Jannie Hansen:syg" --guest Lisbeth --referent Carina
    """
    from udsat_cli.core.attendance import set_attendance
    from udsat_cli.core.documents import minutes
    from udsat_cli.render.documents import header, minutes_header

    st = state(ctx)
    with st.write() as session:
        meeting_id = set_attendance(
            session, now=st.now, council=st.council, ref=ref, absent=absent, guests=guest,
            present=present, referent=referent,
        )  # fmt: skip
    with st.read() as db:
        record = minutes(db, council=st.council, today=st.today, ref=str(meeting_id))
    output.lines(header(minutes_header(record)))


def _long(value: str | None, path: str | None, option: str) -> str | None:
    if value is not None and path is not None:
        raise InputError(f"Angiv enten --{option} eller --{option}-file, ikke begge.")
    return output.read_text(path) if path is not None else value


def _edit(background: str | None, decision: str | None) -> tuple[str | None, str | None]:
    written = output.edit_text(
        TEMPLATE.format(background=background or "", decision=decision or "")
    )
    if written is None:
        raise InputError("Teksten blev ikke gemt; intet er ændret.")
    lines = [line for line in written.splitlines() if not line.startswith("#")]
    text = "\n".join(lines)
    head, _, rest = text.partition("Beslutning:")
    return head.replace("Sagsfremstilling:", "", 1).strip(), rest.strip()


_KIND = typer.Option(
    None, "--kind", metavar="TYPE", help="beslutning, orientering eller drøftelse."
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


@command(item_app, "add")
def item_add(
    ctx: typer.Context,
    ref: str = _REF,
    title: str = typer.Argument(..., metavar="TITEL", help="Punktets titel."),
    kind: str | None = _KIND,
    background: str | None = _BACKGROUND,
    background_file: str | None = _BACKGROUND_FILE,
    decision: str | None = _DECISION,
    decision_file: str | None = _DECISION_FILE,
    edit: bool = _EDIT,
) -> None:
    """Tilføj et punkt til et mødes dagsorden.

    Eksempel:

    \b
      udsat item add 1/4-2019 "Fokus på socialt frikort" --background-file frikort.txt
    """
    from udsat_cli.core.items import add_item

    st = state(ctx)
    background = _long(background, background_file, "background")
    decision = _long(decision, decision_file, "decision")
    if edit:
        background, decision = _edit(background, decision)
    with st.write() as session:
        _, number = add_item(
            session, now=st.now, council=st.council, ref=ref, title=title, kind=kind,
            background=background, decision=decision,
        )  # fmt: skip
    print(f"Tilføjede punkt {number}: {' '.join(title.split())}.")


@command(item_app, "edit")
def item_edit(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = typer.Argument(..., metavar="NR", help="Punktets nummer."),
    title: str | None = typer.Option(None, "--title", metavar="TITEL", help="Ny titel."),
    kind: str | None = _KIND,
    background: str | None = _BACKGROUND,
    background_file: str | None = _BACKGROUND_FILE,
    decision: str | None = _DECISION,
    decision_file: str | None = _DECISION_FILE,
    edit: bool = _EDIT,
) -> None:
    """Ret et punkts titel, type, sagsfremstilling eller beslutning.

    Eksempel:

    \b
      udsat item edit "1. april 2019" 2 --decision "Årsberetningen blev godkendt."
      udsat item edit "1. april 2019" 2 --edit
    """
    from udsat_cli.core.items import edit_item

    st = state(ctx)
    background = _long(background, background_file, "background")
    decision = _long(decision, decision_file, "decision")
    if edit:  # outside the write transaction: the store is not locked while the editor is open
        from udsat_cli.core.listing import item_texts

        with st.read() as db:
            current = item_texts(db, council=st.council, ref=ref, number=number, today=st.today)
        background, decision = _edit(*current)
    with st.write() as session:
        edit_item(
            session, now=st.now, council=st.council, ref=ref, number=number, title=title,
            kind=kind, background=background, decision=decision,
        )  # fmt: skip
    print(f"Opdaterede punkt {number}.")


@command(item_app, "move")
def item_move(
    ctx: typer.Context,
    ref: str = _REF,
    number: int = typer.Argument(..., metavar="NR", help="Punktet, der flyttes."),
    to: int = typer.Argument(..., metavar="TIL", help="Dets nye plads."),
) -> None:
    """Flyt et punkt på dagsordenen (»punkt 3 og 4 byttes om«).

    Eksempel:

    \b
      udsat item move "1. april 2019" 3 4
    """
    from udsat_cli.core.documents import minutes
    from udsat_cli.core.items import move_item

    st = state(ctx)
    with st.write() as session:
        meeting_id = move_item(
            session, now=st.now, council=st.council, ref=ref, number=number, to=to
        )
    with st.read() as db:
        record = minutes(db, council=st.council, today=st.today, ref=str(meeting_id))
    output.lines(f"{item.number}. {item.title}" for item in record.items)


@command(item_app, "list")
def item_list(
    ctx: typer.Context,
    ref: str = _REF,
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis et mødes punkter.

    Eksempel:

    \b
      udsat item list "1. april 2019" --json
    """
    from udsat_cli.core.documents import minutes

    st = state(ctx)
    with st.read() as db:
        record = minutes(db, council=st.council, today=st.today, ref=ref)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.item(i) for i in record.items])
    elif not record.items:
        print("Mødet har ingen punkter endnu.")
    else:
        output.lines(f"{item.number}. {item.title}" for item in record.items)
