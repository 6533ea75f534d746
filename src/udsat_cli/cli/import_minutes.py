"""udsat import: read existing minutes, show what was found, write what the secretary accepts."""

from __future__ import annotations

from pathlib import Path

import typer

from udsat_cli.cli import output
from udsat_cli.cli.app import app, command, state
from udsat_cli.errors import InputError


@command(app, "import")
def import_command(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., metavar="FIL...", help="Referater (.docx, .txt, .md)."),
    yes: bool = typer.Option(False, "--yes", help="Acceptér forslagene uden at spørge."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Vis kun; skriv intet."),
    as_json: bool = typer.Option(False, "--json", help="Udskriv det fundne som JSON; skriv intet."),
    plan: str | None = typer.Option(
        None,
        "--plan",
        metavar="PLAN.json",
        help="Skriv forslaget som en plan, der kan rettes i en editor; skriv intet i lageret.",
    ),
    apply: Path | None = typer.Option(
        None,
        "--apply",
        metavar="PLAN.json",
        help="Skriv referatet som den rettede plan siger.",
    ),
    force: bool = typer.Option(False, "--force", help="Overskriv en eksisterende plan-fil."),
) -> None:
    """Læs eksisterende referater ind: møde, punkter og opgaver, gennemset før de skrives.

    Gennemsynet retter mødet, deltagerne, punkterne (behold, omdøb, fjern, slå sammen), hver
    opgave, hvert emne og arrangement, og tilføjer opgaver, læsningen overså. Det samme kan gøres
    i en fil: --plan skriver forslaget som JSON, --apply skriver den rettede plan.

    Eksempel:

    \b
      udsat import referat-2019-04-01.docx
      udsat import --dry-run --json referat.txt
      udsat import referat.txt --plan plan.json
      udsat import referat.txt --apply plan.json
    """
    from udsat_cli.cli.import_review import review_and_write
    from udsat_cli.importer.extract import extract
    from udsat_cli.render.imports import IMPORTS_EXTRACTIONS

    _refuse_mixed(files, plan, apply, others=as_json or dry_run or yes)
    extractions = [extract(path) for path in files]
    if as_json:
        output.choose(as_json=True).show(extractions, IMPORTS_EXTRACTIONS)
    elif plan or apply:
        _with_plan(state(ctx), extractions[0], plan, apply, force=force)
    else:
        review_and_write(state(ctx), extractions, yes=yes, dry_run=dry_run)


def _refuse_mixed(files: list[Path], plan: str | None, apply: Path | None, *, others: bool) -> None:
    if plan is not None and not plan.strip():
        raise InputError("Angiv filen til planen efter --plan (eller - for skærmen).")
    if (plan or apply) and len(files) != 1:
        raise InputError("--plan og --apply gælder ét referat ad gangen.")
    if plan and apply:
        raise InputError("Angiv enten --plan eller --apply, ikke begge.")
    if (plan or apply) and others:
        raise InputError("--plan og --apply kan ikke bruges sammen med --json, --dry-run og --yes.")


def _with_plan(st, extraction, plan: str | None, apply: Path | None, *, force: bool) -> None:
    if plan:
        _write_plan(st, extraction, plan, force=force)
    elif apply:
        _apply_plan(st, extraction, apply)


def _write_plan(st, extraction, path: str, *, force: bool) -> None:
    from udsat_cli.core.imports import plan_import
    from udsat_cli.render.imports import IMPORTS_PLAN

    with st.read() as council:
        found = plan_import(council, extraction=extraction)
    if found.already:
        print(found.already)
        return
    output.choose(as_json=True, out=None if path == "-" else path, force=force).show(
        found, IMPORTS_PLAN
    )


def _apply_plan(st, extraction, path: Path) -> None:
    import json

    from udsat_cli.core.imports import apply_edited_plan
    from udsat_cli.errors import file_error
    from udsat_cli.limits import MINUTES, read_bytes

    try:
        data = json.loads(read_bytes(path, MINUTES, what="planer").decode("utf-8"))
    except FileNotFoundError:
        raise InputError(f"Filen {path} findes ikke.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name} er ikke en tekstfil i UTF-8.") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path.name} er ikke gyldig JSON (linje {exc.lineno}).") from None
    except OSError as exc:
        raise file_error(exc, path) from None
    with st.write() as council:
        summary = apply_edited_plan(council, extraction=extraction, data=data, name=path.name)
    print(summary)
