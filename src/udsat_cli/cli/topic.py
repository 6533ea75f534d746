"""udsat topic: points for coming agendas."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app
from udsat_cli.cli.inputs import parse_id

topic_app = sub_app("Punkter til kommende dagsordener.")
app.add_typer(topic_app, name="topic")


@command(topic_app, "add")
def topic_add_command(
    ctx: typer.Context,
    title: str = typer.Argument(..., metavar="TITEL", help="Punktet."),
    when: str | None = typer.Option(
        None,
        "--for",
        metavar="HVORNÅR",
        help='Første møde fra denne dag, fx "efter sommerferien" (standard: næste møde).',
    ),
) -> None:
    """Sæt et punkt på listen til en kommende dagsorden.

    Eksempel:

    \b
      udsat topic add "Besøg af borgerrådgiveren" --for "efter sommerferien"
    """
    from udsat_cli.core.topics import add_topic

    with state(ctx).write() as council:
        topic_id = add_topic(council, title=title, when=when)
    print(f"Tilføjede punkt #{topic_id} til listen.")


@command(topic_app, "list")
def topic_list_command(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", help="Også punkter, der er taget af listen."),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis punkterne til kommende dagsordener og mødet, de kommer på.

    Eksempel:

    \b
      udsat topic list
    """
    from udsat_cli.core.topics import topic_list
    from udsat_cli.render.topics import TOPICS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = topic_list(council, include_dropped=show_all)
    shown.show(found, TOPICS)


@command(topic_app, "drop")
def topic_drop_command(
    ctx: typer.Context,
    topic_id: str = typer.Argument(..., metavar="NR", help="Punktets nummer på listen."),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="Hvorfor."),
) -> None:
    """Tag et punkt af listen.

    Eksempel:

    \b
      udsat topic drop 3 --note "Behandlet på mødet i juni"
    """
    from udsat_cli.core.topics import drop_topic

    with state(ctx).write() as council:
        title = drop_topic(council, topic_id=parse_id(topic_id, what="punktnummer"), note=note)
    print(f"Tog »{title}« af listen.")
