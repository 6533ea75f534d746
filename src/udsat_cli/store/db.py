"""The SQL interface every query in ``core`` runs through.

Queries are portable SQL with ``:name`` parameters. A read runs them straight on the driver (the
stdlib's sqlite3, or psycopg on PostgreSQL), so read commands never import SQLAlchemy (hundreds of
milliseconds at start-up); inside a write session the same SQL text runs through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

Row = tuple[Any, ...]
BUSY_TIMEOUT_S = 30


class Db:
    """Runs SQL text; rows come back as plain tuples."""

    def __init__(self, connection: Any, *, alchemy: bool) -> None:
        self._connection = connection
        self._alchemy = alchemy

    @property
    def dialect(self) -> str:
        return self._connection.dialect.name if self._alchemy else "sqlite"

    def rows(self, sql: str, **params: Any) -> Iterator[Row]:
        if self._alchemy:
            from sqlalchemy import text

            yield from (tuple(r) for r in self._connection.execute(text(sql), params))
        else:
            yield from self._connection.execute(
                sql, {k: _sqlite_value(v) for k, v in params.items()}
            )

    def records(self, sql: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        if self._alchemy:
            from sqlalchemy import text

            result = self._connection.execute(text(sql), params)
            keys = list(result.keys())
            yield from (dict(zip(keys, row, strict=True)) for row in result)
        else:
            cursor = self._connection.execute(sql, {k: _sqlite_value(v) for k, v in params.items()})
            keys = [d[0] for d in cursor.description]
            yield from (dict(zip(keys, row, strict=True)) for row in cursor)

    def one(self, sql: str, **params: Any) -> Row | None:
        return next(self.rows(sql, **params), None)

    def scalar(self, sql: str, **params: Any) -> Any:
        row = self.one(sql, **params)
        return row[0] if row else None

    def all(self, sql: str, **params: Any) -> list[Row]:
        return list(self.rows(sql, **params))

    def execute(self, sql: str, **params: Any) -> None:
        """A statement that returns no rows (INSERT, UPDATE, DELETE)."""
        if self._alchemy:
            from sqlalchemy import text

            self._connection.execute(text(sql), params)
        else:
            self._connection.execute(sql, {k: _sqlite_value(v) for k, v in params.items()})


def _sqlite_value(value: Any) -> Any:
    # Stored the way SQLAlchemy stores them on SQLite, so both paths compare alike.
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # stored as UTC without an offset, as SQLModel stores it
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def in_list(prefix: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    """Placeholders for ``IN (...)``: ("(:p0, :p1)", {"p0": .., "p1": ..})."""
    names = [f"{prefix}{i}" for i in range(len(values))]
    return "(" + ", ".join(f":{n}" for n in names) + ")", dict(zip(names, values, strict=True))


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def required_date(value: Any) -> date:
    """``as_date`` of a value that is never NULL (a NOT NULL column, a key always written)."""
    found = as_date(value)
    if found is None:
        raise ValueError("a date was expected, not NULL")
    return found


def required_datetime(value: Any) -> datetime:
    """``as_datetime`` of a value that is never NULL."""
    found = as_datetime(value)
    if found is None:
        raise ValueError("a moment was expected, not NULL")
    return found


class PsycopgDb(Db):
    """The same SQL on a bare psycopg connection: ``:name`` becomes ``%(name)s``."""

    def __init__(self, connection: Any) -> None:
        super().__init__(connection, alchemy=False)

    @property
    def dialect(self) -> str:
        return "postgresql"

    def rows(self, sql: str, **params: Any) -> Iterator[Row]:
        yield from self._connection.execute(pyformat(sql), params)

    def records(self, sql: str, **params: Any) -> Iterator[dict[str, Any]]:
        cursor = self._connection.execute(pyformat(sql), params)
        keys = [d.name for d in cursor.description]
        yield from (dict(zip(keys, row, strict=True)) for row in cursor)

    def execute(self, sql: str, **params: Any) -> None:
        self._connection.execute(pyformat(sql), params)


_PYFORMAT: dict[str, str] = {}


def pyformat(sql: str) -> str:
    """``:name`` -> ``%(name)s`` (a ``::type`` cast is left alone) and ``%`` -> ``%%``."""
    found = _PYFORMAT.get(sql)
    if found is None:
        import re

        escaped = sql.replace("%", "%%")
        found = _PYFORMAT[sql] = re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", r"%(\1)s", escaped)
    return found
