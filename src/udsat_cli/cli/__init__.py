"""The udsat command line: thin commands over ``core``, printed by ``render``."""

from udsat_cli.cli import actions, meetings, people, reports, setup  # noqa: F401  (registers)
from udsat_cli.cli.app import app


def main() -> None:
    app()
