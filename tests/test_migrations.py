"""Migrations on both backends: a store from the first release, a failing migration, the status."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Store, dump, ok, run
from tests.test_remind import smtp  # noqa: F401  (the loopback SMTP server fixture)
from udsat_cli.store import migrations

FIRST_RELEASE = Path(__file__).parent / "data" / "store-0.1.0.db"  # made by make-store-0.1.0.sh
FIRST_TABLES = (
    "council",
    "person",
    "meeting",
    "agenda_item",
    "action",
    "action_owner",
    "action_event",
)


def _first_release_rows() -> dict[str, tuple[list[str], list[tuple]]]:
    with sqlite3.connect(f"file:{FIRST_RELEASE}?mode=ro", uri=True) as conn:
        found = {}
        for table in FIRST_TABLES:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            found[table] = (columns, conn.execute(f"SELECT * FROM {table}").fetchall())
        return found


def _load_into_postgres(store: Store) -> None:
    """The same store as the first release would have made it on PostgreSQL."""
    import sqlalchemy as sa

    engine = sa.create_engine(store.url)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE udsat_migrations "
            "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
        )
        migrations.m001_initial(conn.exec_driver_sql, "postgresql")
        conn.exec_driver_sql(
            "INSERT INTO udsat_migrations VALUES ('m001_initial', '2026-11-01T10:00:00+00:00')"
        )
        for table, (columns, rows) in _first_release_rows().items():
            for row in rows:
                values = {
                    c: bool(v) if c == "cancelled" else v for c, v in zip(columns, row, strict=True)
                }
                conn.execute(
                    sa.text(
                        f"INSERT INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join(':' + c for c in columns)})"
                    ),
                    values,
                )
            if "id" in columns:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    engine.dispose()


@pytest.fixture
def first_release(isolated_store: Store) -> Store:
    if isolated_store.path is not None:
        shutil.copyfile(FIRST_RELEASE, isolated_store.path)
        os.chmod(isolated_store.path, 0o600)
    else:
        _load_into_postgres(isolated_store)
    return isolated_store


def _first_release_columns(store: Store) -> dict[str, list[tuple]]:
    return {
        table: sorted(store.query(f"SELECT {', '.join(columns)} FROM {table}"), key=repr)
        for table, (columns, _rows) in _first_release_rows().items()
    }


def test_a_store_from_the_first_release_migrates_with_every_row_intact(
    first_release: Store,
) -> None:
    before = _first_release_columns(first_release)
    assert sum(len(rows) for rows in before.values()) == 27
    status = ok("migrate", "--status")
    assert "  anvendt  m001_initial  (" in status
    assert "  mangler  m008_change_journal\n" in status
    total = len(migrations.NAMES)
    assert status.endswith(f"{total - 1} af {total} ændringer mangler; kør: udsat migrate\n")
    # Any command brings the store up to date first.
    report = ok("--today", "2019-04-02", "followups")
    assert "· Tage kontakt til AP [#1]" in report
    assert "Seneste note: Mail sendt til redaktionen" in report
    assert json.loads(ok("migrate", "--status", "--json"))["pending"] == []
    after = _first_release_columns(first_release)
    assert after == before
    # What came after the first release works on the old rows.
    hits = json.loads(ok("search", "bisidderordningen", "--json"))
    assert [(h["kind"], h["id"]) for h in hits] == [("action", 3)]
    assert ok("--today", "2019-04-02", "add-action", "Ny opgave", "--owner", "Jette").startswith(
        "Tilføjede opgave #5.\n"
    )
    ok("undo")
    assert _first_release_columns(first_release) == before


def test_migrate_applies_what_is_pending_once(first_release: Store) -> None:
    out = ok("migrate")
    assert out.startswith(f"Opdaterede lageret {first_release}: m002_council_seasons, ")
    assert ok("migrate") == f"Lageret {first_release} er allerede opdateret.\n"
    status = json.loads(ok("migrate", "--status", "--json"))
    assert [a["name"] for a in status["applied"]] == list(migrations.NAMES)
    assert set(status) == {"applied", "pending"}


def test_migrate_status_needs_a_store(isolated_store: Store) -> None:
    result = run("migrate", "--status")
    assert result.code == 4 and result.stderr.startswith("Fejl: Der er intet udsat-lager i")
    assert not isolated_store.exists()


def _broken(execute, dialect: str) -> None:
    execute("UPDATE council SET name = 'Ødelagt'")
    execute("CREATE TABLE half_done (x INTEGER)")
    raise RuntimeError("kolonnen findes ikke")


def _with_migration(monkeypatch: pytest.MonkeyPatch, fn) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, fn])
    monkeypatch.setattr(migrations, "NAMES", (*migrations.NAMES, fn.__name__))


def test_a_failing_migration_leaves_the_store_as_it_was(council: Store, monkeypatch) -> None:
    before = dump(council)

    def m099_broken(execute, dialect: str) -> None:
        _broken(execute, dialect)

    _with_migration(monkeypatch, m099_broken)
    for args in (("actions",), ("member", "add", "Kim Larsen"), ("migrate",)):
        result = run(*args)
        assert (result.code, result.stdout) == (4, ""), args
        assert result.stderr == (
            "Fejl: Lageret kunne ikke opdateres til denne udgave af udsat "
            "(m099_broken: kolonnen findes ikke); det er ført tilbage, som det var.\n"
        )
        assert dump(council) == before
    total = len(migrations.NAMES)
    status = ok("migrate", "--status")
    assert status.endswith(f"1 af {total} ændringer mangler; kør: udsat migrate\n")
    if council.path is not None:
        assert [p.name for p in council.path.parent.iterdir() if "opdatering" in p.name] == []


@pytest.mark.sqlite_only
def test_a_migration_that_commits_part_way_is_undone_from_the_copy(
    council: Store, monkeypatch
) -> None:
    """SQLite rolls back DDL with the transaction, but a migration that has to commit part-way
    (a table rebuild with foreign keys off) cannot be: the copy taken before it brings it back."""
    before = dump(council)

    def m009_commits(execute, dialect: str) -> None:
        execute("UPDATE council SET name = 'Ødelagt'")
        execute("COMMIT")
        execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("kolonnen findes ikke")

    _with_migration(monkeypatch, m009_commits)
    result = run("actions")
    assert result.code == 4 and "det er ført tilbage, som det var" in result.stderr
    assert dump(council) == before
    with sqlite3.connect(council.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_made_up_council_person_becomes_the_council_as_owner(isolated_store: Store) -> None:
    """Before 0.2 an import made »Hele rådet« a person to own the council's tasks (m009)."""
    import sqlalchemy as sa

    from udsat_cli.store.engine import make_engine
    from udsat_cli.store.location import Location

    store = isolated_store
    location = Location(path=store.path) if store.path else Location(url=store.url)
    if isolated_store.path is not None:
        isolated_store.path.touch(mode=0o600)
    engine = make_engine(location)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE udsat_migrations "
            "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
        )
        for fn in migrations.MIGRATIONS[:8]:
            fn(conn.exec_driver_sql, conn.dialect.name)
            conn.execute(
                sa.text("INSERT INTO udsat_migrations VALUES (:n, '2026-11-25T10:00:00')"),
                {"n": fn.__name__},
            )
        for sql in (
            "INSERT INTO council (id, name, created_at) VALUES (1, 'Udsatterådet', '2019-03-01')",
            "INSERT INTO person (id, council_id, full_name, role, created_at) VALUES "
            "(1, 1, 'Jette Nyboe', 'medlem', '2019-03-01'), "
            "(2, 1, 'Hele rådet', 'ekstern', '2019-03-01')",
            "INSERT INTO meeting (id, council_id, date, created_at, cancelled, revision) VALUES "
            "(1, 1, '2019-04-01', '2019-03-01', FALSE, 0)",
            "INSERT INTO action (id, council_id, title, meeting_id, status, created_at) VALUES "
            "(1, 1, 'Sende det, man har, til Søren', 1, 'open', '2019-04-01'), "
            "(2, 1, 'Kontakte AP', 1, 'open', '2019-04-01')",
            "INSERT INTO action_owner (action_id, person_id, position) VALUES (1, 2, 0), (2, 1, 0)",
            "INSERT INTO action_event (action_id, at, kind, new) VALUES "
            "(1, '2019-04-01', 'created', 'open'), (2, '2019-04-01', 'created', 'open')",
        ):
            conn.exec_driver_sql(sql)
    engine.dispose()
    owners = {a["id"]: a["owners"] for a in json.loads(ok("actions", "--json"))}
    assert owners == {1: ["rådet"], 2: ["Jette Nyboe"]}
    assert [m["name"] for m in json.loads(ok("member", "list", "--all", "--json"))] == [
        "Jette Nyboe"
    ]
    assert "· Sende det, man har, til Søren (rådet)" in ok("minutes", "1/4-2019")


def test_held_meetings_get_their_roll_and_approved_minutes_their_kept_copy(
    isolated_store: Store, tmp_path: Path
) -> None:
    """m015: a store from before the record was kept (0.2): a held meeting's attendance is stored
    as it is computed at migration, and approved minutes are kept as they print then."""
    import sqlalchemy as sa

    from udsat_cli.store.engine import make_engine
    from udsat_cli.store.location import Location

    store = isolated_store
    location = Location(path=store.path) if store.path else Location(url=store.url)
    if store.path is not None:
        store.path.touch(mode=0o600)
    engine = make_engine(location)
    before_m015 = migrations.NAMES.index("m015_meeting_record")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE udsat_migrations "
            "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
        )
        for fn in migrations.MIGRATIONS[:before_m015]:
            fn(conn.exec_driver_sql, conn.dialect.name)
            conn.execute(
                sa.text("INSERT INTO udsat_migrations VALUES (:n, '2026-12-01T10:00:00')"),
                {"n": fn.__name__},
            )
        for sql in (
            "INSERT INTO council (id, name, created_at) VALUES (1, 'Udsatterådet', '2019-03-01')",
            "INSERT INTO person (id, council_id, full_name, role, created_at) VALUES "
            "(1, 1, 'Jette Nyboe', 'medlem', '2019-03-01'), "
            "(2, 1, 'Søren Mogensen', 'medlem', '2019-03-01'), "
            "(3, 1, 'Carina Kofoed', 'sekretær', '2019-03-01')",
            "INSERT INTO meeting (id, council_id, date, created_at, cancelled, revision, "
            "approved_at, referent_id) VALUES "
            "(1, 1, '2019-04-01', '2019-03-01', FALSE, 0, '2019-05-23 10:00:00', 3), "
            "(2, 1, '2019-05-23', '2019-03-01', FALSE, 0, NULL, NULL), "
            "(3, 1, '2099-01-15', '2019-03-01', FALSE, 0, NULL, NULL)",
            "INSERT INTO agenda_item (id, meeting_id, number, title, decision) VALUES "
            "(1, 1, 1, 'Fokus på socialt frikort', 'Rådet skriver til SUS.'), "
            "(2, 3, 1, 'Budget', NULL), (3, 3, 2, 'Eventuelt', NULL), "
            "(4, 3, 3, 'Godkendelse af referat og dagsorden', NULL)",
            "INSERT INTO attendance (meeting_id, person_id, status, reason) VALUES "
            "(1, 2, 'absent', 'syg')",
        ):
            conn.exec_driver_sql(sql)
        if conn.dialect.name == "postgresql":  # explicit ids leave the identities behind
            for table in ("council", "person", "meeting", "agenda_item"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    engine.dispose()
    printed = ok("minutes", "1/4-2019")  # any command migrates first
    assert "Deltagere: Jette Nyboe\nAfbud:     Søren Mogensen (syg)\n" in printed
    assert "Godkendt:  23. maj 2019\n" in printed
    assert store.query("SELECT meeting_id, version FROM minutes_version") == [(1, 1)]
    assert sorted(store.query("SELECT meeting_id, person_id, status FROM attendance")) == [
        (1, 1, "present"),
        (1, 2, "absent"),
        (2, 1, "present"),
        (2, 2, "present"),
    ]
    kept = tmp_path / "referat.docx"
    ok("minutes", "1/4-2019", "--approved", "-o", str(kept))
    assert kept.read_bytes().startswith(b"PK")
    ok("member", "add", "Hanne Kirk", "--from", "1/1-2019")
    assert ok("minutes", "1/4-2019") == printed
    assert ok("item", "list", "3") == (  # a meeting to come: its standing points are items
        "1. Godkendelse af referat og dagsorden\n2. Opfølgning på beslutningspunkter fra sidste "
        "møde\n3. Budget\n4. Økonomi\n5. Kommende arrangementer\n6. Eventuelt\n"
    )


def test_m016_gives_each_store_its_own_id_and_knows_the_notices_sent_before(
    isolated_store: Store,
    new_store,
    smtp,  # noqa: F811
) -> None:
    """m016: a store from 0.2 whose notice went out before invitations were recorded per
    message: it gets a random id of its own, and a move of that meeting still reaches whoever
    had the notice, with the next SEQUENCE and the UID that now carries the store's id."""
    import sqlalchemy as sa
    from icalendar import Calendar

    from tests.test_remind import Inbox
    from udsat_cli.store.engine import make_engine
    from udsat_cli.store.location import Location

    inbox = smtp(Inbox())
    store = isolated_store
    location = Location(path=store.path) if store.path else Location(url=store.url)
    if store.path is not None:
        store.path.touch(mode=0o600)
    engine = make_engine(location)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE udsat_migrations "
            "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
        )
        for fn in migrations.MIGRATIONS[: migrations.NAMES.index("m016_council_mail")]:
            fn(conn.exec_driver_sql, conn.dialect.name)
            conn.execute(
                sa.text("INSERT INTO udsat_migrations VALUES (:n, '2026-08-01T10:00:00')"),
                {"n": fn.__name__},
            )
        for sql in (
            "INSERT INTO council (id, name, created_at) VALUES (1, 'Ældrerådet', '2026-01-01')",
            "INSERT INTO person (id, council_id, full_name, role, email, created_at) VALUES "
            "(1, 1, 'Jette Nyboe', 'formand', 'jette@example.dk', '2026-01-01')",
            "INSERT INTO meeting (id, council_id, date, start_time, end_time, created_at, "
            "cancelled, revision) VALUES (1, 1, '2026-09-01', '16:00', '18:00', '2026-01-01', "
            "FALSE, 0)",
            "INSERT INTO agenda_notice (meeting_id, address, name, sequence, digest, changed, "
            "sent_at) VALUES (1, 'jette@example.dk', 'Jette Nyboe', 0, 'x', FALSE, "
            "'2026-08-10 10:00:00')",
        ):
            conn.exec_driver_sql(sql)
        if conn.dialect.name == "postgresql":
            for table in ("council", "person", "meeting", "agenda_notice"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    engine.dispose()
    moved = ok("--today", "2026-08-20", "meeting", "move", "1", "2. september 2026")
    assert moved.endswith("Kalenderændringen er sendt til 1 modtager: Jette Nyboe.\n")
    ((made,),) = store.query("SELECT id FROM store_identity")
    assert len(made) == 32 and int(made, 16) >= 0
    (update,) = inbox.messages
    part = next(p for p in update.walk() if p.get_content_type() == "text/calendar")
    (event,) = Calendar.from_ical(part.get_content()).walk("VEVENT")
    assert str(event["uid"]) == f"meeting-1-{made}@udsat" and int(event["sequence"]) == 1
    other = new_store("anden")
    ok("--db", other.arg, "init", "--council", "Ældrerådet")
    assert other.query("SELECT id FROM store_identity") != [(made,)]


def test_search_finds_what_was_written_before_the_index_was_kept_by_council(
    isolated_store: Store,
) -> None:
    """m019: a store whose full-text index did not know councils is indexed again, each word
    under its council's key; each council finds its own, and later writes are indexed too."""
    import sqlalchemy as sa

    from udsat_cli.store.engine import make_engine
    from udsat_cli.store.location import Location

    store = isolated_store
    location = Location(path=store.path) if store.path else Location(url=store.url)
    if store.path is not None:
        store.path.touch(mode=0o600)
    engine = make_engine(location)
    before_m019 = migrations.NAMES.index("m019_search_by_council")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE udsat_migrations "
            "(name VARCHAR(100) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)"
        )
        for fn in migrations.MIGRATIONS[:before_m019]:
            fn(conn.exec_driver_sql, conn.dialect.name)
            conn.execute(
                sa.text("INSERT INTO udsat_migrations VALUES (:n, '2026-12-01T10:00:00')"),
                {"n": fn.__name__},
            )
        for sql in (
            "INSERT INTO council (id, name, created_at) VALUES (1, 'Udsatterådet', '2019-03-01'), "
            "(2, 'Ældrerådet', '2019-03-01')",
            "INSERT INTO meeting (id, council_id, date, created_at, cancelled, revision) VALUES "
            "(1, 1, '2019-04-01', '2019-03-01', FALSE, 0), (2, 2, '2019-04-02', '2019-03-01', "
            "FALSE, 0)",
            "INSERT INTO agenda_item (id, meeting_id, number, title, decision) VALUES "
            "(1, 1, 1, 'Fokus på socialt frikort', 'Rådet skriver til SUS.'), "
            "(2, 2, 1, 'Frikort til ældre', NULL)",
            "INSERT INTO action (id, council_id, title, meeting_id, status, created_at) VALUES "
            "(1, 1, 'Skrive om frikortet', 1, 'open', '2019-04-01')",
            "INSERT INTO action_event (id, action_id, at, kind, new, note) VALUES "
            "(1, 1, '2019-04-01', 'created', 'open', 'Frikortet er forsinket')",
        ):
            conn.exec_driver_sql(sql)
        if conn.dialect.name == "postgresql":  # explicit ids leave the identities behind
            for table in ("council", "meeting", "agenda_item", "action", "action_event"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    engine.dispose()

    def found(council: str, *words: str) -> list[tuple[str, int]]:
        hits = json.loads(ok("--council", council, "search", *words, "--json"))
        return sorted((h["kind"], h["id"]) for h in hits)

    assert found("Udsatterådet", "frikort") == [("action", 1), ("item", 1), ("note", 1)]
    assert found("Ældrerådet", "frikort") == [("item", 2)]
    assert found("Ældrerådet", "sus") == []
    ok(
        "--council",
        "Ældrerådet",
        "item",
        "edit",
        "2/4-2019",
        "1",
        "--decision",
        "Rådet skriver til SUS.",
    )
    assert found("Ældrerådet", "sus") == [("item", 2)]
    assert found("Udsatterådet", "sus") == [("item", 1)]
