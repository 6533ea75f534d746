"""The udsat command line: thin commands over ``core``, printed by ``render``."""

from udsat_cli.cli import (  # noqa: F401  (each module registers its commands)
    actions,
    datecmd,
    meetings,
    people,
    reports,
    seasons,
    setup,
)
from udsat_cli.cli.app import app


def main() -> None:
    app()
