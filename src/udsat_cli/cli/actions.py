"""udsat add-action, actions, update, done, postpone and drop: the follow-up actions."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import State, app, command, state
from udsat_cli.cli.inputs import parse_id

_FORMAT = output.format_option(*output.TEXT_FORMATS)
_ID = typer.Argument(..., metavar="NR", help="Opgavens nummer (fx 12).")
_ITEM = typer.Option(
    None,
    "--item",
    metavar="PUNKT",
    help="Mødets dagsordenspunkt: dets nummer eller titel (et nyt punkt kræver --new-item).",
)
_NEW_ITEM = typer.Option(False, "--new-item", help="Tilføj --item som et nyt punkt på mødet.")


def _change(st: State, action_id: str, shown: output.Output, said: str, **changes: object) -> None:
    """``said``: what became of it, »er udført«, for the line »Opgave #12 er udført.«"""
    from udsat_cli.core.actions import update_action
    from udsat_cli.render.actions import ACTIONS_ONE

    with st.write() as council:
        changed = update_action(council, action_id=parse_id(action_id), **changes)
    shown.show(changed, ACTIONS_ONE, note=f"Opgave #{changed.id} {said}.")


@command(app, "add-action")
def add_action_command(
    ctx: typer.Context,
    title: str = typer.Argument(..., metavar="OPGAVE", help="Hvad der skal gøres."),
    owner: list[str] | None = typer.Option(
        None,
        "--owner",
        metavar="NAVN",
        help="Ansvarlig: en person (navn, kaldenavn eller fornavn), »rådet« eller en enhed som "
        "»forvaltningen« eller »Social & Familie«; gentag for flere, udelad når ingen er nævnt.",
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
    item: str | None = _ITEM,
    new_item: bool = _NEW_ITEM,
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="En note."),
    reopen: bool = typer.Option(
        False, "--reopen", help="Også når mødets referat er godkendt (åbner det igen)."
    ),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Tilføj en opgave med ansvarlige og frist.

    Eksempel:

    \b
      udsat add-action "Tage kontakt til AP" --owner Jette --due "næste møde"
    """
    from udsat_cli.core.actions import add_action
    from udsat_cli.render.actions import ACTIONS_ONE

    shown = output.choose(fmt, as_json)
    with state(ctx).write() as council:
        added = add_action(
            council,
            title=title,
            owners=owner or [],
            due=due,
            meeting=meeting,
            item=item,
            new_item=new_item,
            note=note,
            reopen=reopen,
        )
    shown.show(added, ACTIONS_ONE, note=f"Tilføjede opgave #{added.id}.")


@command(app, "actions")
def actions_command(
    ctx: typer.Context,
    owner: str | None = typer.Option(
        None,
        "--owner",
        metavar="NAVN",
        help="Kun denne persons opgaver (navn, kaldenavn eller fornavn).",
    ),
    status: str | None = typer.Option(
        None, "--status", metavar="STATUS", help="åben, i gang, udført, udsat eller bortfaldet."
    ),
    show_all: bool = typer.Option(False, "--all", help="Også udførte og bortfaldne."),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Vis opgaverne, med den nærmeste frist først.

    Eksempel:

    \b
      udsat actions --owner Søren
    """
    from udsat_cli.core.actions import LABELS, list_actions, parse_status
    from udsat_cli.render.actions import ACTIONS

    shown = output.choose(fmt, as_json)
    statuses = (parse_status(status),) if status else tuple(LABELS) if show_all else None
    with state(ctx).read() as council:
        found = list_actions(council, owner=owner, statuses=statuses)
    shown.show(found, ACTIONS)


@command(app, "update")
def update_command(
    ctx: typer.Context,
    action_id: str = _ID,
    status: str | None = typer.Option(
        None,
        "--status",
        metavar="STATUS",
        help="Ny status: åben, i gang, udført, udsat eller bortfaldet.",
    ),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="En note."),
    due: str | None = typer.Option(
        None, "--due", metavar="FRIST", help='Ny frist, fx "næste møde" ("" fjerner den).'
    ),
    owner: list[str] | None = typer.Option(
        None,
        "--owner",
        metavar="NAVN",
        help="Tilføj en ansvarlig (navn, kaldenavn eller fornavn, »rådet« …); gentag.",
    ),
    remove_owner: list[str] | None = typer.Option(
        None, "--remove-owner", metavar="NAVN", help="Fjern en ansvarlig; gentag for flere."
    ),
    title: str | None = typer.Option(None, "--title", metavar="OPGAVE", help="Ret titlen."),
    item: str | None = _ITEM,
    new_item: bool = _NEW_ITEM,
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Ret en opgave: status, frist, ansvarlige, titel eller punkt, eller skriv en note.

    Eksempel:

    \b
      udsat update 12 --status "i gang" --note "Mail sendt til AP"
      udsat update 12 --remove-owner Helge --owner Allan --due "næste møde"
    """
    from udsat_cli.core.actions import parse_status

    _change(
        state(ctx),
        action_id,
        output.choose(fmt, as_json),
        "er rettet",
        status=parse_status(status) if status else None,
        note=note,
        due=due,
        owners=owner or None,
        remove_owners=remove_owner or None,
        title=title,
        item=item,
        new_item=new_item,
    )


@command(app, "done")
def done_command(
    ctx: typer.Context,
    action_id: str = _ID,
    note: str | None = typer.Option(
        None, "--note", metavar="TEKST", help="Hvad der kom ud af det."
    ),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Markér en opgave som udført.

    Eksempel:

    \b
      udsat done 12 --note "Pjecerne er trykt"
    """
    _change(
        state(ctx), action_id, output.choose(fmt, as_json), "er udført", status="done", note=note
    )


@command(app, "postpone")
def postpone_command(
    ctx: typer.Context,
    action_id: str = _ID,
    to: str = typer.Option(
        ..., "--to", metavar="FRIST", help='Hvornår den skal tages op igen, fx "til efteråret".'
    ),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="Hvorfor."),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Udsæt en opgave til en dato eller et møde.

    Eksempel:

    \b
      udsat postpone 12 --to "1. september 2019" --note "Udsat til efteråret"
    """
    _change(
        state(ctx),
        action_id,
        output.choose(fmt, as_json),
        "er udsat",
        status="postponed",
        due=to,
        note=note,
    )


@command(app, "drop")
def drop_command(
    ctx: typer.Context,
    action_id: str = _ID,
    note: str = typer.Option(..., "--note", metavar="TEKST", help="Hvorfor den bortfalder."),
    fmt: str | None = _FORMAT,
    as_json: bool = output.JSON,
) -> None:
    """Lad en opgave bortfalde (den slettes ikke).

    Eksempel:

    \b
      udsat drop 12 --note "Rådet arbejder ikke videre med dette"
    """
    if not note.strip():
        from udsat_cli.errors import InputError

        raise InputError("Skriv i --note, hvorfor opgaven bortfalder.")
    _change(
        state(ctx),
        action_id,
        output.choose(fmt, as_json),
        "er bortfaldet",
        status="dropped",
        note=note,
    )
