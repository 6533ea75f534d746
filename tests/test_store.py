from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import Store, dump, ok, run
from udsat_cli.store import migrations
from udsat_cli.store.engine import make_engine
from udsat_cli.store.location import Location
from udsat_cli.store.migrate import apply_migrations
from udsat_cli.store.tables import metadata


@pytest.mark.sqlite_only
def test_store_file_is_private(isolated_store: Store) -> None:
    ok("init", "--council", "Ældrerådet")
    assert isolated_store.path is not None
    assert stat.S_IMODE(isolated_store.path.stat().st_mode) == 0o600


@pytest.mark.sqlite_only
def test_store_location_from_platform_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("UDSAT_DB")
    ok("init", "--council", "Ældrerådet")
    assert (tmp_path / "data-home" / "udsat" / "udsat.db").exists()


@pytest.mark.sqlite_only
def test_database_url_names_a_sqlite_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("UDSAT_DB")
    monkeypatch.setenv("UDSAT_DATABASE_URL", f"sqlite:///{tmp_path / 'delt.db'}")
    ok("init", "--council", "Ældrerådet")
    assert (tmp_path / "delt.db").exists()


def _schema(engine: sa.Engine) -> dict:
    inspector = sa.inspect(engine)
    schema = {}
    for table in inspector.get_table_names():
        if table in ("udsat_migrations", "sqlite_sequence", "search_doc") or table.startswith(
            "search_index"
        ):
            continue  # bookkeeping, and the full-text index that triggers keep (not a model)
        schema[table] = {
            "columns": {
                c["name"]: (
                    type(c["type"]).__name__
                    if not isinstance(c["type"], sa.String)
                    else f"String({c['type'].length})",
                    c["nullable"],
                )
                for c in inspector.get_columns(table)
            },
            "pk": sorted(inspector.get_pk_constraint(table)["constrained_columns"]),
            "fks": sorted(
                (tuple(f["constrained_columns"]), f["referred_table"])
                for f in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(tuple(i["column_names"]) for i in inspector.get_indexes(table)),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
            ),
        }
    return schema


def _location(store: Store) -> Location:
    return Location(path=store.path) if store.path else Location(url=store.url)


def test_migrations_from_empty_match_the_models(new_store) -> None:
    migrated = make_engine(_location(new_store("migrated")))
    with migrated.begin() as conn:
        assert apply_migrations(conn) == list(migrations.NAMES)
    modelled = make_engine(_location(new_store("models")))
    metadata.create_all(modelled)  # only to compare, never on a user's store
    assert _schema(migrated) == _schema(modelled)
    migrated.dispose()
    modelled.dispose()


def test_migrations_rerun_apply_nothing(new_store) -> None:
    engine = make_engine(_location(new_store("s")))
    with engine.begin() as conn:
        apply_migrations(conn)
    with engine.begin() as conn:
        assert apply_migrations(conn) == []
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM udsat_migrations").scalar() == len(
            migrations.NAMES
        )


def test_commands_need_a_store(isolated_store: Store) -> None:
    result = run("actions")
    assert result.code == 4
    assert result.stderr.startswith("Fejl: Der er intet udsat-lager i")
    assert not isolated_store.exists()


def test_failed_first_init_leaves_no_store(isolated_store: Store) -> None:
    result = run("init", "--council", "   ")
    assert result.code == 2
    assert result.stderr == "Fejl: Rådets navn må ikke være tomt.\n"
    assert not isolated_store.exists()


@pytest.mark.sqlite_only
def test_a_file_that_is_not_a_store(isolated_store: Store) -> None:
    assert isolated_store.path is not None
    isolated_store.path.write_text("ikke en database " * 100)
    before = isolated_store.path.read_bytes()
    result = run("actions")
    assert result.code == 4
    assert "ikke et udsat-lager" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert isolated_store.path.read_bytes() == before


def test_second_council_needs_council_option(council: Store) -> None:
    ok("init", "--council", "Ældrerådet Albertslund")
    before = dump(council)
    result = run("member", "add", "Kim Larsen")
    assert result.code == 2
    assert result.stderr == (
        "Fejl: Lageret har flere råd (Udsatterådet Albertslund, Ældrerådet Albertslund); "
        "vælg et med --council.\n"
    )
    assert dump(council) == before
    ok("member", "add", "Kim Larsen", "--council", "Ældrerådet Albertslund")
    assert "Kim Larsen" in ok("--council", "Ældrerådet Albertslund", "member", "list")
    assert "Kim Larsen" not in ok("--council", "Udsatterådet Albertslund", "member", "list")


@pytest.mark.no_store
def test_an_unreachable_server_is_named_without_its_password() -> None:
    url = "postgresql+psycopg://anna:hemmelig-42@127.0.0.1:1/raad"
    for args in (("actions",), ("init", "--council", "Rådet"), ("migrate", "--status")):
        result = run("--db", url, *args)
        assert result.code == 4 and result.stdout == "", args
        assert result.stderr.startswith(
            "Fejl: Kan ikke åbne lageret postgresql+psycopg://anna:***@127.0.0.1:1/raad: "
        )
        assert "hemmelig-42" not in result.stderr and result.stderr.count("\n") == 1
    unknown = run("--db", "mysql+nosuchdriver://anna:hemmelig-42@host/raad", "actions")
    assert unknown.stderr == (
        "Fejl: udsat kender ikke databasetypen i mysql+nosuchdriver://anna:***@host/raad.\n"
    )


@pytest.mark.no_store
@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql://anna:hemmelig@host/db", "postgresql://anna:***@host/db"),
        (
            "postgresql://anna@host/db?password=hemmelig&x=1",
            "postgresql://anna@host/db?password=***&x=1",
        ),
        ("host=h password='hem mel ig' user=a", "host=h password=*** user=a"),
        ("postgresql://host/db", "postgresql://host/db"),
    ],
)
def test_mask_password(text: str, masked: str) -> None:
    from udsat_cli.store.location import mask_password

    assert mask_password(text) == masked
