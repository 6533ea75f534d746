"""udsat member: the people of the council, and outsiders who take on tasks."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app

member_app = sub_app("Medlemmer og andre personer, der kan stå som ansvarlige.")
app.add_typer(member_app, name="member")
_ROLES = "formand, næstformand, medlem, suppleant, sekretær, gæst eller ekstern"


@command(member_app, "add")
def member_add_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAVN", help="Fulde navn."),
    short: str | None = typer.Option(
        None, "--short", metavar="NAVN", help="Navnet som det skrives i referater."
    ),
    role: str = typer.Option("medlem", "--role", metavar="ROLLE", help=f"{_ROLES}."),
    email: str | None = typer.Option(None, "--email", metavar="ADRESSE", help="E-mailadresse."),
    member_from: str | None = typer.Option(
        None, "--from", metavar="DATO", help="Medlem fra denne dag (standard: ukendt)."
    ),
) -> None:
    """Tilføj en person til rådet.

    Eksempel:

    \b
      udsat member add "Helge Bo Jensen" --short "Helge Bo" --role formand
    """
    from udsat_cli.core.members import add_member

    with state(ctx).write() as council:
        added = add_member(
            council,
            full_name=name,
            short_name=short,
            role=role,
            email=email,
            member_from=member_from,
        )
    print(f"Tilføjede {added.full_name} ({added.role}).")


@command(member_app, "list")
def member_list_command(
    ctx: typer.Context,
    on: str | None = typer.Option(
        None, "--on", metavar="DATO", help="Kun dem, der var medlemmer den dag."
    ),
    show_all: bool = typer.Option(False, "--all", help="Også dem, der er trådt ud."),
    fmt: str | None = output.format_option(*output.TEXT_FORMATS),
    as_json: bool = output.JSON,
) -> None:
    """Vis rådets personer.

    Eksempel:

    \b
      udsat member list --on "1. april 2019"
    """
    from udsat_cli import dates
    from udsat_cli.core.members import member_list
    from udsat_cli.render.members import MEMBERS

    shown, st = output.choose(fmt, as_json), state(ctx)
    day = dates.parse_date(on, today=st.today) if on else None
    with st.read() as council:
        found = member_list(council, on=day, include_left=show_all)
    shown.show(found, MEMBERS)


@command(member_app, "edit")
def member_edit_command(
    ctx: typer.Context,
    name: str = typer.Argument(
        ..., metavar="NAVN", help="Personen (navn, kaldenavn eller fornavn)."
    ),
    new_name: str | None = typer.Option(None, "--name", metavar="NAVN", help="Nyt fulde navn."),
    short: str | None = typer.Option(None, "--short", metavar="NAVN", help="Nyt kaldenavn."),
    role: str | None = typer.Option(None, "--role", metavar="ROLLE", help=f"Ny rolle: {_ROLES}."),
    email: str | None = typer.Option(
        None, "--email", metavar="ADRESSE", help='Ny e-mailadresse ("" fjerner den).'
    ),
    member_from: str | None = typer.Option(None, "--from", metavar="DATO", help="Medlem fra."),
) -> None:
    """Ret en persons navn, kaldenavn, rolle, e-mail eller startdato.

    Eksempel:

    \b
      udsat member edit "Lisbeth Andersen" --role medlem --from "1. maj 2019"
    """
    from udsat_cli.core.members import edit_member

    with state(ctx).write() as council:
        changed = edit_member(
            council,
            name=name,
            full_name=new_name,
            short_name=short,
            role=role,
            email=email,
            member_from=member_from,
        )
    print(f"Opdaterede {changed.full_name} ({changed.role}).")


@command(member_app, "leave")
def member_leave_command(
    ctx: typer.Context,
    name: str = typer.Argument(
        ..., metavar="NAVN", help="Personen, der træder ud (navn, kaldenavn eller fornavn)."
    ),
    on: str | None = typer.Option(
        None, "--date", metavar="DATO", help="Sidste dag (standard: i dag)."
    ),
) -> None:
    """Registrér at en person er trådt ud af rådet (historikken bevares).

    Eksempel:

    \b
      udsat member leave Kirsten --date "1. april 2019"
    """
    from udsat_cli import dates
    from udsat_cli.core.members import leave_member

    with state(ctx).write() as council:
        left = leave_member(council, name=name, on=on)
    assert left.member_to is not None
    print(f"{left.full_name} er trådt ud af rådet pr. {dates.long_date(left.member_to)}.")
