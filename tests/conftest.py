from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from udsat_cli.cli import app

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# CI must not turn red on a new random example; exploring stays on for local runs.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(autouse=True)
def isolated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test can touch real data: every store and data dir points into tmp_path."""
    db = tmp_path / "udsat.db"
    monkeypatch.setenv("UDSAT_DB", str(db))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    for name in ("UDSAT_DATABASE_URL", "UDSAT_COUNCIL", "UDSAT_TODAY"):
        monkeypatch.delenv(name, raising=False)
    return db


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run(*args: str, input: str | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), prog_name="udsat", input=input)
    return Run(result.exit_code, result.stdout, result.stderr)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def dump(db: Path) -> list[str]:
    """Every row of the store, to prove a refused command changed nothing."""
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


@pytest.fixture
def council(isolated_store: Path) -> Path:
    """The Albertslund council of ../shared/referater with its 1 April 2019 meeting."""
    ok("init", "--council", "Udsatterådet Albertslund")
    for args in (
        ("Helge Bo Jensen", "--short", "Helge Bo", "--role", "formand"),
        ("Jette Nyboe", "--role", "næstformand"),
        ("Allan Høyer",),
        ("René Meyrowitsch",),
        ("Søren Mogensen",),
        ("Nina Gustavsen",),
        ("Carina Kofoed", "--role", "sekretær"),
        ("Albertslund Posten", "--role", "ekstern"),
    ):
        ok("member", "add", *args)
    ok("meeting", "add", "4. marts 2019 kl. 16.00-18.00")
    ok("meeting", "add", "1. april 2019 kl. 16.00-18.00", "--place", "Mødelokale 129, Blok A")
    return isolated_store
