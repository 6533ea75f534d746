"""PostgreSQL stores for the benchmark, run as a child process so bench/run.py stays small.

    python bench/postgres.py prepare URL SIZE SQLITE_STORE   prints the URL of the size's database
    python bench/postgres.py copy URL SIZE                   prints the URL of a fresh write copy
    python bench/postgres.py open-ids URL COUNT              prints open action ids of council 1
    python bench/postgres.py version URL                     prints the server's version

One database per size (``udsat_bench_<size>_v<generator>``), made once with the project's own
migrations and filled with COPY from the generated SQLite store, so both backends hold the very
same rows; writes go to a copy made with CREATE DATABASE … TEMPLATE. The role needs CREATEDB.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from generate import GENERATOR_VERSION  # noqa: E402


def with_database(url: str, name: str) -> str:
    """The same server and role, another database."""
    return re.sub(r"^([^/]*//[^/?]*)(/[^?]*)?", lambda m: f"{m[1]}/{name}", url, count=1)


def _admin(url: str):
    import psycopg

    from udsat_cli.store.location import Location
    from udsat_cli.store.postgres import libpq_target

    uri, extra = libpq_target(Location(url=url))
    return psycopg.connect(uri, autocommit=True, **extra)


def _exists(admin, name: str) -> bool:
    return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()


def prepare(url: str, size: int, sqlite_store: Path) -> str:
    name = f"udsat_bench_{size}_v{GENERATOR_VERSION}"
    target = with_database(url, name)
    with _admin(url) as admin:
        if _exists(admin, name):
            return target
        partial = f"{name}_partial"
        admin.execute(f'DROP DATABASE IF EXISTS "{partial}"')
        admin.execute(f'CREATE DATABASE "{partial}"')
    _fill(with_database(url, partial), sqlite_store)
    with _admin(url) as admin:
        admin.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
    return target


_INDEXED = ("agenda_item", "action", "action_event")  # the tables the search triggers watch


def _fill(url: str, sqlite_store: Path) -> None:
    from udsat_cli.core.export import TABLES
    from udsat_cli.store.access import open_store
    from udsat_cli.store.location import Location
    from udsat_cli.store.migrations import _PG_BACKFILL

    with open_store(Location(url=url), mode="write", create=True):
        pass  # the schema, by the project's migrations
    source = sqlite3.connect(f"file:{sqlite_store}?mode=ro", uri=True)
    with _admin(url) as conn:
        # The search index is built once at the end, as m019 builds it, rather than by its
        # triggers row by row (a million actions: ~5 min instead of ~18).
        for table in _INDEXED:
            conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        for table, key, _ in TABLES:
            wanted = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            types = dict(
                conn.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_name = %s AND is_generated = 'NEVER'",
                    (table,),
                ).fetchall()
            )
            columns = [c for c in wanted if c in types]
            booleans = {i for i, c in enumerate(columns) if types[c] == "boolean"}
            cols = ", ".join(columns)
            with conn.cursor().copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {cols} FROM {table}"):
                    if booleans:
                        row = [
                            bool(v) if i in booleans and v is not None else v
                            for i, v in enumerate(row)
                        ]
                    copy.write_row(row)
            if key == ("id",):
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"coalesce((SELECT MAX(id) FROM {table}), 1))"
                )
        for rows in _PG_BACKFILL:
            conn.execute(
                "INSERT INTO search_doc (id, kind, ref_id, body, terms) SELECT id, kind, ref_id, "
                f"body, udsat_keyed(council, body) FROM ({rows}) AS d (id, kind, ref_id, body, "
                "council)"
            )
        for table in _INDEXED:
            conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        conn.execute("VACUUM ANALYZE")


def copy(url: str, size: int) -> str:
    source = f"udsat_bench_{size}_v{GENERATOR_VERSION}"
    name = f"udsat_bench_{size}_write"
    with _admin(url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    return with_database(url, name)


def open_ids(url: str, count: int) -> list[int]:
    with _admin(url) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM action WHERE council_id = 1 AND status = 'open' "
                "ORDER BY id DESC LIMIT %s",
                (count,),
            )
        ]


def main() -> None:
    verb, url, *rest = sys.argv[1:]
    if verb == "prepare":
        print(prepare(url, int(rest[0]), Path(rest[1])))
    elif verb == "copy":
        print(copy(url, int(rest[0])))
    elif verb == "open-ids":
        print(" ".join(map(str, open_ids(url, int(rest[0])))))
    elif verb == "version":
        with _admin(url) as conn:
            print(conn.execute("SHOW server_version").fetchone()[0].split()[0])


if __name__ == "__main__":
    main()
