"""Follow-up actions: add, list, update, close, postpone, drop."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command
from udsat_cli.cli.state import State, state

if TYPE_CHECKING:
    from udsat_cli.core.views import ActionView

_JSON = typer.Option(False, "--json", help="Udskriv som JSON.")


def _show(action: ActionView, *, as_json: bool, verb: str) -> None:
    if as_json:
        from udsat_cli.render import jsonout

        output.json(jsonout.action(action))
        return
    from udsat_cli.render import text

    print(f"{verb} opgave #{action.id}.")
    output.lines(text.action_line(action))


def _change(st: State, action_id: str, **changes: object) -> ActionView:
    from udsat_cli.core.actions import update_action

    with st.write() as session:
        return update_action(
            session, now=st.now, council=st.council, action_id=output.parse_id(action_id), **changes
        )


@command(app, "add-action")
def add_action(
    ctx: typer.Context,
    title: str = typer.Argument(..., metavar="OPGAVE", help="Hvad der skal gøres."),
    owner: list[str] = typer.Option(
        ..., "--owner", metavar="NAVN", help="Ansvarlig; gentag for flere."
    ),
    due: str | None = typer.Option(
        None, "--due", metavar="FRIST", help='Fx "23. maj 2019" eller "næste møde".'
    ),
    meeting: str | None = typer.Option(
        None,
        "--meeting",
        metavar="MØDE",
        help="Mødet opgaven kom fra (nummer eller dato); standard: seneste møde.",
    ),
    item: str | None = typer.Option(None, "--item", metavar="PUNKT", help="Dagsordenspunktet."),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="En note."),
    as_json: bool = _JSON,
) -> None:
    """Tilføj en opgave med ansvarlige og frist.

    Eksempel:

    \b
      udsat add-action "Tage kontakt til AP" --owner Jette --due "næste møde"
    """
    from udsat_cli.core.actions import add_action as add

    st = state(ctx)
    with st.write() as session:
        added = add(
            session, now=st.now, council=st.council, title=title, owners=owner, due=due,
            meeting=meeting, item=item, note=note,
        )  # fmt: skip
    _show(added, as_json=as_json, verb="Tilføjede")


@command(app, "actions")
def list_actions(
    ctx: typer.Context,
    owner: str | None = typer.Option(None, "--owner", metavar="NAVN", help="Kun denne persons."),
    status: str | None = typer.Option(
        None,
        "--status",
        metavar="STATUS",
        help="åben, i gang, udført, udsat eller bortfaldet.",
    ),
    show_all: bool = typer.Option(False, "--all", help="Også udførte og bortfaldne."),
    as_json: bool = _JSON,
) -> None:
    """Vis opgaverne, med den nærmeste frist først.

    Eksempel:

    \b
      udsat actions --owner Søren
    """
    from udsat_cli.core import listing
    from udsat_cli.core.status import LABELS, parse_status

    st = state(ctx)
    statuses = (parse_status(status),) if status else tuple(LABELS) if show_all else None
    with st.read() as db:
        found = listing.actions(
            db, council=st.council, today=st.today, owner=owner, statuses=statuses
        )
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.action(a) for a in found])
    else:
        from udsat_cli.render import text

        output.lines(text.actions(found))


@command(app, "update")
def update(
    ctx: typer.Context,
    action_id: str = typer.Argument(..., metavar="NR", help="Opgavens nummer."),
    status: str | None = typer.Option(None, "--status", metavar="STATUS", help="Ny status."),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="En note."),
    due: str | None = typer.Option(None, "--due", metavar="FRIST", help="Ny frist."),
    owner: list[str] | None = typer.Option(
        None, "--owner", metavar="NAVN", help="Nye ansvarlige; gentag for flere."
    ),
    as_json: bool = _JSON,
) -> None:
    """Ret en opgaves status, frist eller ansvarlige, eller skriv en note.

    Eksempel:

    \b
      udsat update 12 --status "i gang" --note "Mail sendt til AP"
    """
    from udsat_cli.core.status import parse_status

    changed = _change(
        state(ctx), action_id, status=parse_status(status) if status else None, note=note,
        due=due, owners=owner or None,
    )  # fmt: skip
    _show(changed, as_json=as_json, verb="Opdaterede")


@command(app, "done")
def done(
    ctx: typer.Context,
    action_id: str = typer.Argument(..., metavar="NR", help="Opgavens nummer."),
    note: str | None = typer.Option(
        None, "--note", metavar="TEKST", help="Hvad der kom ud af det."
    ),
    as_json: bool = _JSON,
) -> None:
    """Markér en opgave som udført.

    Eksempel:

    \b
      udsat done 12 --note "Pjecerne er trykt"
    """
    _show(_change(state(ctx), action_id, status="done", note=note), as_json=as_json,
          verb="Udførte")  # fmt: skip


@command(app, "postpone")
def postpone(
    ctx: typer.Context,
    action_id: str = typer.Argument(..., metavar="NR", help="Opgavens nummer."),
    to: str = typer.Option(..., "--to", metavar="FRIST", help="Hvornår den skal tages op igen."),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="Hvorfor."),
    as_json: bool = _JSON,
) -> None:
    """Udsæt en opgave til en dato eller et møde.

    Eksempel:

    \b
      udsat postpone 12 --to "1. september 2019" --note "Udsat til efteråret"
    """
    changed = _change(state(ctx), action_id, status="postponed", due=to, note=note)
    _show(changed, as_json=as_json, verb="Udsatte")


@command(app, "drop")
def drop(
    ctx: typer.Context,
    action_id: str = typer.Argument(..., metavar="NR", help="Opgavens nummer."),
    note: str = typer.Option(..., "--note", metavar="TEKST", help="Hvorfor den bortfalder."),
    as_json: bool = _JSON,
) -> None:
    """Lad en opgave bortfalde (den slettes ikke).

    Eksempel:

    \b
      udsat drop 12 --note "Rådet arbejder ikke videre med dette"
    """
    if not note.strip():
        from udsat_cli.errors import InputError

        raise InputError("Skriv i --note, hvorfor opgaven bortfalder.")
    _show(_change(state(ctx), action_id, status="dropped", note=note), as_json=as_json,
          verb="Lod bortfalde")  # fmt: skip
