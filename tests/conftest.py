from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.main import get_command
from typer.testing import CliRunner

from udsat_cli.cli import load
from udsat_cli.store.db import _sqlite_value
from udsat_cli.store.location import mask_password

app = load()

# CliRunner.invoke builds the whole Click command tree again for every run (~0.4 s with fifty
# commands, most of the suite's time); the tree of one app does not change, so it is built once
# here and run inside the runner's isolation (see run).
COMMAND = get_command(app)

ROOT = Path(__file__).resolve().parents[1]
# A worktree elsewhere names the shared folder with UDSAT_SHARED.
SHARED = Path(os.environ.get("UDSAT_SHARED") or ROOT.parent / "shared")
REFERATER = SHARED / "referater"
NO_SHARED = (
    "real minutes skipped: they need the folder ../shared/referater (real referater with their "
    "expected readings) beside this clone; CI has it, and everything else runs without it"
)
# For tests that read the real minutes of ../shared/referater, which a plain clone lacks.
needs_shared = pytest.mark.skipif(not REFERATER.is_dir(), reason=NO_SHARED)
SLOW = "slow tests (proofs, fuzzing) deselected: UDSAT_SLOW=1 runs them (.ci/run does)"

# The suite runs once per backend: SQLite always, PostgreSQL when this names a server (CI does).
POSTGRES_URL = os.environ.get("UDSAT_TEST_POSTGRES_URL")
NO_POSTGRES = (
    "PostgreSQL run skipped: set UDSAT_TEST_POSTGRES_URL=postgresql+psycopg://user:pw@host/db "
    "(.ci/run starts a server and does)"
)

# CI must not turn red on a new random example; exploring stays on for local runs.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses a store runs on both backends, unless marked otherwise."""
    node = metafunc.definition
    if "backend" not in metafunc.fixturenames:
        return
    if node.get_closest_marker("sqlite_only") or node.get_closest_marker("no_store"):
        return
    if node.get_closest_marker("postgres_only"):
        metafunc.parametrize("backend", ["postgresql"], indirect=True)
        return
    metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The proofs and the fuzzing take minutes: CI runs them, a plain ``pytest`` does not."""
    if os.environ.get("UDSAT_SLOW") or config.option.markexpr:
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
        config.stash[_DESELECTED] = len(slow)


_DESELECTED = pytest.StashKey[int]()


def pytest_sessionfinish(session: pytest.Session) -> None:
    if hasattr(session.config, "workeroutput"):  # an xdist worker tells the controller
        session.config.workeroutput["udsat_slow"] = session.config.stash.get(_DESELECTED, 0)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    found = getattr(node, "workeroutput", {}).get("udsat_slow", 0)
    node.config.stash[_DESELECTED] = max(node.config.stash.get(_DESELECTED, 0), found)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """One line per reason a part of the suite did not run, instead of a line per test."""
    skipped = [str(r.longrepr) for r in terminalreporter.stats.get("skipped", [])]
    for reason in (NO_POSTGRES, NO_SHARED):
        if count := sum(reason in text for text in skipped):
            terminalreporter.write_line(f"{count} tests skipped: {reason}", yellow=True)
    if count := config.stash.get(_DESELECTED, 0):
        terminalreporter.write_line(f"{count} {SLOW}", yellow=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    name = getattr(request, "param", "sqlite")
    if name == "postgresql" and not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    return name


_admin_engine: Any = None


def _admin() -> Any:
    global _admin_engine
    if _admin_engine is None:
        import sqlalchemy as sa

        _admin_engine = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    return _admin_engine


@dataclass
class Store:
    """A test's store: a SQLite file, or a fresh schema on the PostgreSQL test server."""

    path: Path | None = None
    schema: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def url(self) -> str:
        assert POSTGRES_URL and self.schema
        sep = "&" if "?" in POSTGRES_URL else "?"
        return f"{POSTGRES_URL}{sep}options=-csearch_path%3D{self.schema}"

    @property
    def arg(self) -> str:
        """What --db takes to name this store."""
        return str(self.path) if self.path else self.url

    def __str__(self) -> str:
        return str(self.path) if self.path else mask_password(self.url)

    def query(self, sql: str, **params: Any) -> list[tuple]:
        if self.path is not None:
            from udsat_cli.store.fulltext import register

            with sqlite3.connect(self.path) as conn:
                register(conn)  # the search index's triggers call it
                return conn.execute(sql, params).fetchall()
        import sqlalchemy as sa

        with _admin().begin() as conn:
            conn.exec_driver_sql(f"SET search_path TO {self.schema}")
            result = conn.execute(sa.text(sql), params)
            rows = result.fetchall() if result.returns_rows else []
            conn.exec_driver_sql("SET search_path TO DEFAULT")
        # Values as SQLite gives them back, so one assertion serves both backends.
        return [tuple(_sqlite_value(v) for v in row) for row in rows]

    def tables(self) -> list[str]:
        if self.path is not None:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        else:
            sql = f"SELECT tablename FROM pg_tables WHERE schemaname = '{self.schema}' ORDER BY 1"
        return [name for (name,) in self.query(sql)]

    def exists(self) -> bool:
        if self.path is not None:
            return self.path.exists()
        return "udsat_migrations" in self.tables()

    def dump(self) -> list[Any]:
        """Every row of the store, to prove a refused command changed nothing."""
        if self.path is not None:
            with sqlite3.connect(self.path) as conn:
                return list(conn.iterdump())
        # PostgreSQL: every row of every table (identity counters are not rolled back by design).
        return [
            (table, sorted(map(repr, self.query(f'SELECT * FROM "{table}"'))))
            for table in self.tables()
        ]

    def create(self) -> None:
        with _admin().connect() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {self.schema}")

    def drop(self) -> None:
        if self.schema:
            with _admin().connect() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")


@pytest.fixture
def new_store(backend: str, tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """More stores of the test's backend: new_store("kopi").arg goes to --db."""
    made: list[Store] = []

    def make(name: str) -> Store:
        if backend == "sqlite":
            return Store(path=tmp_path / f"{name}.db")
        store = Store(schema=f"t_{uuid.uuid4().hex[:16]}")
        store.create()
        made.append(store)
        return store

    yield make
    for store in made:
        store.drop()


@pytest.fixture(autouse=True)
def isolated_store(
    new_store: Callable[[str], Store], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """No test can touch real data: every store and data dir points into tmp_path (or into a
    schema of its own on the PostgreSQL test server)."""
    store = new_store("udsat")
    for name in (
        "UDSAT_DB",
        "UDSAT_DATABASE_URL",
        "UDSAT_COUNCIL",
        "UDSAT_TODAY",
        "PGPASSFILE",
        "UDSAT_USER",
    ):
        monkeypatch.delenv(name, raising=False)
    if store.is_sqlite:
        monkeypatch.setenv("UDSAT_DB", str(store.path))
    else:
        monkeypatch.setenv("UDSAT_DATABASE_URL", store.url)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    return store


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run(*args: str, input: str | None = None, charset: str = "utf-8") -> Run:
    """udsat with these arguments, in this process: its exit code, stdout and stderr as text
    (stdout and stderr encode as ``charset``, as a redirected stream on Windows would)."""
    raw = run_bytes(*args, input=input, charset=charset)

    def text(data: bytes) -> str:
        return data.decode(charset, "replace").replace("\r\n", "\n")

    return Run(raw.code, text(raw.stdout), text(raw.stderr))


@dataclass
class RunBytes:
    code: int
    stdout: bytes
    stderr: bytes


def run_bytes(*args: str, input: str | None = None, charset: str = "utf-8") -> RunBytes:
    """udsat as ``run`` does it, with stdout and stderr as the bytes written."""
    with CliRunner(charset=charset).isolation(input=input) as (stdout, stderr, _):
        code = 0
        try:
            COMMAND.main(args=list(args), prog_name="udsat")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        return RunBytes(code, stdout.getvalue(), stderr.getvalue())


def ok(*args: str) -> str:
    result = run(*args)
    assert result.code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def dump(store: Store) -> list[Any]:
    return store.dump()


_TEMPLATES: dict[str, Path] = {}


def built_once(name: str, store: Store, build: Callable[[], None]) -> Store:
    """Run ``build`` (udsat commands on the test's store) once per session and copy the result
    into each test's store: on SQLite the commands run once, into a template file that starts
    as a copy of the store as the test has it. PostgreSQL (CI only) builds every time."""
    if store.path is None:
        build()
        return store
    template = _TEMPLATES.get(name)
    if template is None:
        template = Path(tempfile.mkdtemp(prefix=f"udsat-{name}-")) / "udsat.db"
        if store.path.exists():
            shutil.copyfile(store.path, template)
        with pytest.MonkeyPatch.context() as env:
            env.setenv("UDSAT_DB", str(template))
            build()
        with sqlite3.connect(template) as conn:  # everything into the file, nothing in a WAL
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _TEMPLATES[name] = template
    shutil.copyfile(template, store.path)
    os.chmod(store.path, 0o600)
    return store


@pytest.fixture
def council(isolated_store: Store) -> Store:
    """The Albertslund council of ../shared/referater with its 1 April 2019 meeting."""
    return built_once("council", isolated_store, _albertslund_council)


def _albertslund_council() -> None:
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


DEMO_TODAY = "2026-11-22"


def demo_council(store: Store) -> Store:
    """The demo council of data/demo.json, as udsat demo enters it on DEMO_TODAY."""
    return built_once("demo", store, lambda: ok("--today", DEMO_TODAY, "demo"))


@pytest.fixture
def albertslund(isolated_store: Store) -> Store:
    """The Albertslund meeting of 1 April 2019 from ../shared/referater (tests/albertslund.py)."""
    if not REFERATER.is_dir():
        pytest.skip(NO_SHARED)
    from tests import albertslund

    return built_once("albertslund", isolated_store, albertslund.build)
