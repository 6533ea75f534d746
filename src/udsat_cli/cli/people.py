"""udsat member: the people of the council, and outsiders who take on tasks."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command, sub_app
from udsat_cli.cli.state import state

member_app = sub_app("Medlemmer og andre personer, der kan stå som ansvarlige.")
app.add_typer(member_app, name="member")


@command(member_app, "add")
def member_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., metavar="NAVN", help="Fulde navn."),
    short: str | None = typer.Option(
        None, "--short", metavar="NAVN", help="Navnet som det skrives i referater."
    ),
    role: str = typer.Option(
        "medlem",
        "--role",
        metavar="ROLLE",
        help="formand, næstformand, medlem, suppleant, sekretær, gæst eller ekstern.",
    ),
    email: str | None = typer.Option(None, "--email", metavar="ADRESSE", help="E-mailadresse."),
) -> None:
    """Tilføj en person til rådet.

    Eksempel:

    \b
      udsat member add "Helge Bo Jensen" --short "Helge Bo" --role formand
    """
    from udsat_cli.core.members import add_member

    st = state(ctx)
    with st.write() as session:
        added = add_member(
            session, now=st.now, council=st.council, full_name=name, short_name=short,
            role=role, email=email,
        )  # fmt: skip
    print(f"Tilføjede {added.full_name} ({added.role}).")


@command(member_app, "list")
def member_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Udskriv som JSON."),
) -> None:
    """Vis rådets personer.

    Eksempel:

    \b
      udsat member list --json
    """
    from udsat_cli.core.listing import members

    with state(ctx).read() as db:
        found = members(db, council=state(ctx).council)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.member(m) for m in found])
    else:
        from udsat_cli.render import text

        output.lines(text.members(found))
