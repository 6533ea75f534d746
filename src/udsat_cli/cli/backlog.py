"""udsat topic and udsat event: points for coming agendas, and events the council attends."""

from __future__ import annotations

import typer

from udsat_cli.cli import output
from udsat_cli.cli.root import app, command, sub_app
from udsat_cli.cli.state import state

topic_app = sub_app("Punkter til kommende dagsordener.")
event_app = sub_app("Arrangementer, som rådet deltager i.")
app.add_typer(topic_app, name="topic")
app.add_typer(event_app, name="event")
_JSON = typer.Option(False, "--json", help="Udskriv som JSON.")


@command(topic_app, "add")
def topic_add(
    ctx: typer.Context,
    title: str = typer.Argument(..., metavar="TITEL", help="Punktet."),
    when: str | None = typer.Option(
        None, "--for", metavar="HVORNÅR", help="Første møde fra denne dag (standard: næste møde)."
    ),
) -> None:
    """Sæt et punkt på listen til en kommende dagsorden.

    Eksempel:

    \b
      udsat topic add "Besøg af borgerrådgiveren" --for "efter sommerferien"
    """
    from udsat_cli.core.topics import add_topic

    st = state(ctx)
    with st.write() as session:
        topic_id = add_topic(session, now=st.now, council=st.council, title=title, when=when)
    print(f"Tilføjede punkt #{topic_id} til listen.")


@command(topic_app, "list")
def topic_list(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", help="Også punkter, der er taget af listen."),
    as_json: bool = _JSON,
) -> None:
    """Vis punkterne til kommende dagsordener og mødet, de kommer på.

    Eksempel:

    \b
      udsat topic list
    """
    from udsat_cli.core import lookup
    from udsat_cli.core.documents import topics

    st = state(ctx)
    with st.read() as db:
        found = topics(db, council=lookup.council(db, name=st.council), include_dropped=show_all)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.topic(t) for t in found])
    else:
        from udsat_cli.render.text import topics as render

        output.lines(render(found))


@command(topic_app, "drop")
def topic_drop(
    ctx: typer.Context,
    topic_id: str = typer.Argument(..., metavar="NR", help="Punktets nummer."),
    note: str | None = typer.Option(None, "--note", metavar="TEKST", help="Hvorfor."),
) -> None:
    """Tag et punkt af listen.

    Eksempel:

    \b
      udsat topic drop 3 --note "Behandlet på mødet i juni"
    """
    from udsat_cli.core.topics import drop_topic

    st = state(ctx)
    with st.write() as session:
        title = drop_topic(session, now=st.now, council=st.council,
                           topic_id=output.parse_id(topic_id), note=note)  # fmt: skip
    print(f"Tog «{title}» af listen.")


@command(event_app, "add")
def event_add(
    ctx: typer.Context,
    when: str = typer.Argument(..., metavar="HVORNÅR", help='Fx "4. april 2019 kl. 17".'),
    title: str = typer.Argument(..., metavar="TITEL", help="Arrangementet."),
    attendee: list[str] | None = typer.Option(
        None, "--attendee", metavar="NAVN", help="Deltager fra rådet; gentag for flere."
    ),
) -> None:
    """Notér et arrangement og hvem fra rådet der deltager.

    Eksempel:

    \b
      udsat event add "4. april 2019" "Netværksmøde" --attendee Søren --attendee René
    """
    from udsat_cli.core.topics import add_event

    st = state(ctx)
    with st.write() as session:
        event_id = add_event(session, now=st.now, council=st.council, when=when, title=title,
                             attendees=attendee)  # fmt: skip
    print(f"Tilføjede arrangement #{event_id}.")


@command(event_app, "list")
def event_list(
    ctx: typer.Context,
    show_all: bool = typer.Option(False, "--all", help="Også tidligere arrangementer."),
    as_json: bool = _JSON,
) -> None:
    """Vis kommende arrangementer.

    Eksempel:

    \b
      udsat event list
    """
    from datetime import date

    from udsat_cli.core import lookup
    from udsat_cli.core.events import events

    st = state(ctx)
    with st.read() as db:
        start = date.min if show_all else st.today
        found = events(db, council=lookup.council(db, name=st.council), start=start)
    if as_json:
        from udsat_cli.render import jsonout

        output.json([jsonout.event(e) for e in found])
    else:
        from udsat_cli.render.documents import event_line

        output.lines([f"#{e.id} {event_line(e)}" for e in found] or ["Ingen arrangementer."])
