"""A shared store on PostgreSQL: how the password is given, and that it is never printed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import Store, ok, run

pytestmark = pytest.mark.postgres_only


def _without_password(store: Store) -> tuple[str, str]:
    """The store's URL with its password taken out, and the password."""
    url = sa.engine.make_url(store.url)
    assert url.password, "the test server's URL names a password"
    bare = url.set(password=None).render_as_string(hide_password=False)
    return bare, str(url.password)


def test_the_password_can_live_in_a_file(isolated_store: Store, tmp_path: Path) -> None:
    bare, password = _without_password(isolated_store)
    secret = tmp_path / "adgangskode"
    secret.write_text(password + "\n")
    url = f"{bare}&password_file={secret}"
    out = ok("--db", url, "init", "--council", "Handicaprådet")
    assert out.startswith("Oprettede Handicaprådet i postgresql") and password not in out
    assert ok("--db", url, "member", "add", "Kim Larsen") == "Tilføjede Kim Larsen (medlem).\n"
    missing = run("--db", f"{bare}&password_file={tmp_path / 'findes-ikke'}", "actions")
    assert (missing.code, missing.stderr) == (
        4,
        f"Fejl: Kan ikke læse adgangskoden i filen {tmp_path / 'findes-ikke'}.\n",
    )


def test_pgpassfile_is_honoured(isolated_store: Store, tmp_path: Path, monkeypatch) -> None:
    bare, password = _without_password(isolated_store)
    url = sa.engine.make_url(bare)
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"{url.host}:{url.port or 5432}:{url.database}:{url.username}:{password}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.setenv("UDSAT_DATABASE_URL", bare)
    ok("init", "--council", "Ældrerådet")
    assert json.loads(ok("migrate", "--status", "--json"))["pending"] == []


def test_the_password_is_never_printed(isolated_store: Store) -> None:
    bare, password = _without_password(isolated_store)
    created = ok("init", "--council", "Udsatterådet")
    assert password not in created and ":***@" in created
    ok("member", "add", "Jette Nyboe")
    ok("--db", isolated_store.url, "add-action", "Kontakte AP", "--owner", "Jette")
    shown = ok("migrate", "--status") + ok("log") + ok("log", "--json") + ok("export")
    assert password not in shown
    assert f"udsat --db {isolated_store}" in ok("log")  # the command, as it was typed, masked
    wrong = sa.engine.make_url(isolated_store.url).set(password="forkert-" + password)
    refused = run("--db", wrong.render_as_string(hide_password=False), "actions")
    assert refused.code == 4 and refused.stdout == ""
    assert refused.stderr.startswith("Fejl: Kan ikke åbne lageret postgresql+psycopg://")
    assert "password authentication failed" in refused.stderr
    assert password not in refused.stderr and refused.stderr.count("\n") == 1


def test_an_empty_database_is_not_a_store_until_init(isolated_store: Store) -> None:
    for args in (("actions",), ("followups",), ("migrate", "--status"), ("undo",)):
        result = run(*args)
        assert result.code == 4, args
        assert result.stderr.startswith(f"Fejl: Der er intet udsat-lager i {isolated_store} endnu")
    assert isolated_store.tables() == []
    assert "intet møde planlagt" in ok("date", "næste", "møde")
    assert isolated_store.tables() == []


PG_READS = [
    ["followups", "--next-meeting"],
    ["actions", "--owner", "Jette"],
    ["remind"],
    ["agenda"],
    ["meeting", "list"],
    ["member", "list"],
    ["log"],
    ["export"],
    ["minutes", "1"],
]


def test_read_commands_run_on_libpq_alone(isolated_store: Store) -> None:
    """A read on PostgreSQL runs on psycopg's libpq layer: SQLAlchemy and SQLModel would cost
    ~300 ms more, the rest of psycopg ~80 ms."""
    ok("init", "--council", "Udsatterådet")
    ok("member", "add", "Jette Nyboe")
    ok("meeting", "add", "1. december 2026 kl. 16-18")
    ok("meeting", "add", "12. januar 2027 kl. 16-18")
    ok("add-action", "Kontakte AP", "--owner", "Jette", "--meeting", "1", "--due", "næste møde")
    for argv in PG_READS:
        code = (
            "import sys\n"
            "from udsat_cli.cli import main\n"
            f"sys.argv = ['udsat', '--today', '2026-12-02', *{argv!r}]\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'psycopg.connection') "
            "if m in sys.modules]\n"
            "print('HEAVY:' + ','.join(heavy), 'psycopg.pq' in sys.modules)\n"
            # and the whole of psycopg is there for whatever needs it next in the process
            "import psycopg\n"
            "assert psycopg.Connection and psycopg.errors.UniqueViolation and psycopg.pq\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert out.returncode == 0, (argv, out.stderr)
        assert out.stdout.splitlines()[-1] == "HEAVY: True", argv
        if argv[0] == "followups":
            assert "Kontakte AP" in out.stdout


def test_search_for_one_council_reads_only_that_councils_index(isolated_store: Store) -> None:
    """On PostgreSQL the council's keyed lexemes are found through the GIN index."""
    from datetime import date, datetime

    from udsat_cli.core.context import council_context
    from udsat_cli.core.search import search
    from udsat_cli.store.access import open_store
    from udsat_cli.store.libpq import LibpqDb
    from udsat_cli.store.location import Location

    for council in ("Udsatterådet", "Ældrerådet"):
        ok("init", "--council", council)
        ok("--council", council, "meeting", "add", "2. april 2019")
        ok("--council", council, "item", "add", "2/4-2019", f"Socialt frikort i {council}")
    ok(
        "--council",
        "Ældrerådet",
        "--today",
        "2019-04-02",
        "add-action",
        "Skrive om frikortet",
        "--note",
        "Frikortene er forsinkede",
    )

    class Recording(LibpqDb):
        def __init__(self, connection) -> None:
            super().__init__(connection)
            self.statements: list[tuple[str, dict]] = []

        def rows(self, sql: str, **params):
            self.statements.append((sql, params))
            yield from super().rows(sql, **params)

    with open_store(Location(url=isolated_store.url)) as handle:
        db = Recording(handle.db._connection)
        ctx = council_context(db, name="Ældrerådet", today=date(2019, 4, 2), now=datetime.now())
        found = search(ctx, text="frikort")
        assert sorted((h.kind, h.text) for h in found.hits) == [
            ("action", "Skrive om »frikortet«"),
            ("item", "Socialt »frikort« i Ældrerådet"),
            ("note", "»Frikortene« er forsinkede"),
        ]
        [(sql, params)] = [(s, p) for s, p in db.statements if "search_doc" in s]
        assert params["k"] == "'c2x\\1'"  # the lexemes under this council's key
        db.execute("SET LOCAL enable_seqscan = off")  # a few rows: show the index can serve it
        plan = "\n".join(row[0] for row in db.rows("EXPLAIN " + sql, **params))
    assert "Bitmap Index Scan on ix_search_doc_terms" in plan, plan
    assert "Seq Scan on search_doc" not in plan, plan
