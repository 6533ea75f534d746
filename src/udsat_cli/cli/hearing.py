"""udsat hearing: consultations (høringer) the council is asked to answer by a deadline."""

from __future__ import annotations

from pathlib import Path

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state, sub_app
from udsat_cli.cli.inputs import parse_id

hearing_app = sub_app("Høringer: kommunens spørgsmål til rådet og rådets høringssvar.")
app.add_typer(hearing_app, name="hearing")


@command(hearing_app, "add")
def hearing_add_command(
    ctx: typer.Context,
    title: str = typer.Argument(..., metavar="TITEL", help="Høringens emne."),
    sender: str = typer.Option(..., "--from", metavar="AFSENDER", help="Hvem høringen er fra."),
    deadline: str = typer.Option(
        ..., "--deadline", metavar="FRIST", help='Høringsfristen, fx "16. september kl. 9".'
    ),
    received: str | None = typer.Option(
        None, "--received", metavar="DATO", help="Modtaget (standard: i dag)."
    ),
    material: str | None = typer.Option(
        None, "--material", metavar="FIL|URL", help="Høringsmaterialet: en fil eller en adresse."
    ),
    answer_by: str = typer.Option(
        "møde",
        "--answer",
        metavar="møde|formand",
        help="Besvares på et møde eller af formanden alene.",
    ),
    item: str | None = typer.Option(
        None, "--item", metavar="MØDE", help="Sæt høringen på dagsordenen for dette møde."
    ),
    also_to: list[str] = typer.Option(
        [], "--also-to", metavar="RÅD", help="Samme høring til et andet råd i lageret (gentag)."
    ),
) -> None:
    """Notér en høring med afsender og frist; advarer, hvis intet møde ligger før fristen.

    Eksempel:

    \b
      udsat hearing add "Budget 2027" --from "Sundheds- og Socialudvalget" --deadline "16. september kl. 9"
    """  # noqa: E501
    from udsat_cli.core.hearings import add_hearing

    with state(ctx).write() as council:
        hearing_id = add_hearing(
            council,
            title=title,
            sender=sender,
            deadline=deadline,
            received=received,
            material=material,
            answer_by=answer_by,
            item_meeting=item,
            also_to=tuple(also_to),
        )
    print(f"Tilføjede høring #{hearing_id}.")


@command(hearing_app, "answer")
def hearing_answer_command(
    ctx: typer.Context,
    hearing_id: str = typer.Argument(..., metavar="NR", help="Høringens nummer."),
    file: Path | None = typer.Option(
        None, "--file", metavar="FIL", help="Høringssvaret som Word-fil (.docx) eller tekst."
    ),
    text: str | None = typer.Option(None, "--text", metavar="TEKST", help="Høringssvaret."),
    on: str | None = typer.Option(None, "--date", metavar="DATO", help="Sendt (standard: i dag)."),
) -> None:
    """Notér rådets høringssvar: teksten og dagen, det blev sendt.

    Eksempel:

    \b
      udsat hearing answer 3 --file høringssvar-budget.docx
    """
    from udsat_cli.core.hearings import answer_hearing, read_answer

    number = parse_id(hearing_id)
    if file is not None:  # read before the write begins: no lock is held while a file is read
        text = read_answer(file)
    with state(ctx).write() as council:
        title = answer_hearing(council, hearing_id=number, text=text, on=on)
    print(f"Høring #{hearing_id} er besvaret: {title}")


@command(hearing_app, "edit")
def hearing_edit_command(
    ctx: typer.Context,
    hearing_id: str = typer.Argument(..., metavar="NR", help="Høringens nummer."),
    status: str | None = typer.Option(
        None,
        "--status",
        metavar="STATUS",
        help="modtaget, under behandling, besvaret eller ikke besvaret.",
    ),
    answer_by: str | None = typer.Option(
        None,
        "--answer",
        metavar="møde|formand",
        help="Hvem der besvarer den: rådet på et møde eller formanden alene.",
    ),
    deadline: str | None = typer.Option(None, "--deadline", metavar="FRIST", help="Ny frist."),
) -> None:
    """Ret en hørings status, frist, eller hvem der besvarer den.

    Eksempel:

    \b
      udsat hearing edit 3 --status "ikke besvaret"
    """
    from udsat_cli.core.hearings import edit_hearing

    with state(ctx).write() as council:
        title = edit_hearing(
            council,
            hearing_id=parse_id(hearing_id),
            status=status,
            answer_by=answer_by,
            deadline=deadline,
        )
    print(f"Rettede høring #{hearing_id}: {title}")


@command(hearing_app, "list")
def hearing_list_command(
    ctx: typer.Context,
    open_only: bool = typer.Option(False, "--open", help="Kun dem, der ikke er besvaret."),
    fmt: str | None = output.format_option("text", "json"),
    as_json: bool = output.JSON,
) -> None:
    """Vis rådets høringer med frister og status, den nærmeste frist først.

    Eksempel:

    \b
      udsat hearing list --open
    """
    from udsat_cli.core.hearings import hearing_list
    from udsat_cli.render.hearings import HEARINGS

    shown = output.choose(fmt, as_json, formats=("text", "json"))
    with state(ctx).read() as council:
        found = hearing_list(council, open_only=open_only)
    shown.show(found, HEARINGS)
