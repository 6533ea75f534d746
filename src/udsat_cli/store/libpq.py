"""A read on PostgreSQL through libpq alone: psycopg's ``pq`` layer, not the rest of psycopg.

A read command sends a handful of statements and reads back plain values; for that psycopg's
libpq wrapper (``psycopg.pq``, with its errors) is all it needs. Importing the whole of psycopg
costs about twice as much (its connection classes, adapters for every type, async support, and
two look-ups of its own version in the installed packages' metadata): ~470 million instructions
against ~200 million here, ~80 ms on the benchmark's machine (issue #31).

``psycopg`` is registered as a package whose ``__init__`` has not run yet: importing
``psycopg.pq`` then loads only that part, and the first use of anything else (SQLAlchemy's
dialect, a write in the same process) runs the real ``__init__`` into the same module. Values
travel as text and come back as psycopg gives them (int, bool, str, date, datetime in the
session's time zone, Decimal, float, bytes); errors are psycopg's own exception classes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from udsat_cli.store.db import Db, Row


def _modules() -> tuple[Any, Any]:
    """(psycopg.pq, psycopg.errors), without psycopg's __init__ unless it has run already."""
    import importlib

    if "psycopg" not in sys.modules:
        import importlib.util

        spec = importlib.util.find_spec("psycopg")
        loader = spec.loader if spec is not None else None
        if spec is None or loader is None:
            raise ModuleNotFoundError("No module named 'psycopg'", name="psycopg")
        package = importlib.util.module_from_spec(spec)

        def attribute(name: str) -> Any:
            # A submodule (``from psycopg import errors``) is loaded as one; anything else
            # (``psycopg.connect``) runs the real __init__ into this very module first.
            if not name.startswith("__") and importlib.util.find_spec(f"psycopg.{name}"):
                return importlib.import_module(f"psycopg.{name}")
            package.__dict__.pop("__getattr__", None)
            loader.exec_module(package)
            return getattr(package, name)

        package.__dict__["__getattr__"] = attribute  # PEP 562
        sys.modules["psycopg"] = package
        _skip_binary_version_lookup()
    return importlib.import_module("psycopg.pq"), importlib.import_module("psycopg.errors")


def _skip_binary_version_lookup() -> None:
    """psycopg_binary looks its own version up in the installed packages' metadata when
    imported (importlib.metadata, ~10 % of the driver's import); its folder name has it."""
    if "psycopg_binary" in sys.modules or "psycopg_binary.version" in sys.modules:
        return
    import importlib.util
    import os
    import types

    spec = importlib.util.find_spec("psycopg_binary")
    if spec is None or spec.origin is None:
        return
    site = os.path.dirname(os.path.dirname(spec.origin))
    found = [n for n in os.listdir(site) if n.startswith("psycopg_binary-")]
    if len(found) == 1 and found[0].endswith(".dist-info"):
        version = types.ModuleType("psycopg_binary.version")
        version.__dict__["__version__"] = found[0][len("psycopg_binary-") : -len(".dist-info")]
        sys.modules["psycopg_binary.version"] = version


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class Connection:
    """One libpq connection outside autocommit: the first statement opens the transaction."""

    def __init__(self, uri: str, extra: dict[str, str]) -> None:
        self._pq, self._errors = _modules()
        parsed = self._pq.Conninfo.parse(uri.encode())
        settings = {o.keyword.decode(): o.val.decode() for o in parsed if o.val is not None}
        settings.update(extra)
        # Values come back as text: in UTF-8 and with dates as ISO, whatever the server's habits.
        settings["client_encoding"] = "UTF8"
        settings["options"] = f"{settings.get('options', '')} -c datestyle=ISO".strip()
        conninfo = " ".join(f"{k}={_quote(v)}" for k, v in settings.items())
        self._conn = self._pq.PGconn.connect(conninfo.encode())
        if self._conn.status != self._pq.ConnStatus.OK:
            message = self._pq.error_message(self._conn, encoding="utf-8")
            self._conn.finish()
            raise self._errors.OperationalError(f"connection failed: {message}")
        self._in_transaction = False
        self._zone: Any = False  # the session's time zone, looked up once

    def execute(self, sql: str, params: dict[str, Any]) -> Result:
        if not self._in_transaction:
            self._run("BEGIN", [], [])
            self._in_transaction = True
        text, names = _numbered(sql)
        values, types = zip(*(_dump(params[n]) for n in names), strict=True) if names else ((), ())
        return Result(self._run(text, list(values), list(types)), self)

    def _run(self, sql: str, values: list[bytes | None], types: list[int]) -> Any:
        result = self._conn.exec_params(sql.encode(), values, types or None, result_format=0)
        if result.status not in (self._pq.ExecStatus.COMMAND_OK, self._pq.ExecStatus.TUPLES_OK):
            raise self._errors.error_from_result(result, encoding="utf-8")
        return result

    def _end(self, statement: str) -> None:
        if self._in_transaction:
            self._in_transaction = False
            self._run(statement, [], [])

    def commit(self) -> None:
        self._end("COMMIT")

    def rollback(self) -> None:
        self._end("ROLLBACK")

    def close(self) -> None:
        self._conn.finish()

    def time_zone(self) -> Any:
        """The session's time zone, as psycopg gives timestamps with time zone in it."""
        if self._zone is False:
            from zoneinfo import ZoneInfo

            name = self._conn.parameter_status(b"TimeZone")
            try:
                self._zone = ZoneInfo(name.decode()) if name else None
            except (ValueError, LookupError):
                self._zone = None
        return self._zone


class Description:
    def __init__(self, name: str) -> None:
        self.name = name


class Result:
    """A statement's rows, decoded by their columns' types."""

    def __init__(self, result: Any, connection: Connection) -> None:
        self._result = result
        self._connection = connection
        count = result.nfields
        self.description = [Description(result.fname(i).decode()) for i in range(count)] or None
        self._loaders = [_loader(result.ftype(i), connection) for i in range(count)]

    def __iter__(self) -> Iterator[Row]:
        result, loaders = self._result, self._loaders
        for row in range(result.ntuples):
            yield tuple(
                None if (value := result.get_value(row, i)) is None else load(value)
                for i, load in enumerate(loaders)
            )


_NUMBERED: dict[str, tuple[str, list[str]]] = {}


def _numbered(sql: str) -> tuple[str, list[str]]:
    """``:name`` -> ``$n`` (a ``::type`` cast is left alone), with the names in order."""
    found = _NUMBERED.get(sql)
    if found is None:
        names: list[str] = []

        def number(match: re.Match[str]) -> str:
            if match[1] not in names:
                names.append(match[1])
            return f"${names.index(match[1]) + 1}"

        found = _NUMBERED[sql] = (re.sub(r"(?<![:\w]):([A-Za-z_]\w*)", number, sql), names)
    return found


# PostgreSQL type oids
_BOOL, _BYTEA, _INT8, _INT2, _INT4, _OID, _JSON = 16, 17, 20, 21, 23, 26, 114
_FLOAT4, _FLOAT8, _DATE, _TIMESTAMP, _TIMESTAMPTZ, _NUMERIC, _JSONB = (
    700,
    701,
    1082,
    1114,
    1184,
    1700,
    3802,
)


def _dump(value: Any) -> tuple[bytes | None, int]:
    """A parameter as text with the type psycopg would give it (0: let the server infer)."""
    if value is None:
        return None, 0
    if isinstance(value, bool):
        return (b"t" if value else b"f"), _BOOL
    if isinstance(value, int):
        kind = _INT2 if -(2**15) <= value < 2**15 else _INT4 if -(2**31) <= value < 2**31 else _INT8
        return str(value).encode(), kind
    if isinstance(value, float):
        return repr(value).encode(), _FLOAT8
    if isinstance(value, datetime):
        return value.isoformat().encode(), _TIMESTAMPTZ if value.tzinfo else _TIMESTAMP
    if isinstance(value, date):
        return value.isoformat().encode(), _DATE
    if isinstance(value, bytes | bytearray | memoryview):
        return b"\\x" + bytes(value).hex().encode(), _BYTEA
    return str(value).encode(), 0


def _timestamptz(connection: Connection) -> Any:
    zone = connection.time_zone()

    def load(value: bytes) -> datetime:
        moment = _timestamp(value)
        return moment.astimezone(zone) if zone is not None else moment

    return load


def _timestamp(value: bytes) -> datetime:
    text = value.decode()
    if len(text) > 3 and text[-3] in "+-" and text[-2:].isdigit():  # "+01" -> "+01:00"
        text += ":00"
    return datetime.fromisoformat(text)


def _numeric(value: bytes) -> Any:
    from decimal import Decimal

    return Decimal(value.decode())


def _json(value: bytes) -> Any:
    import json

    return json.loads(value)


def _loader(oid: int, connection: Connection) -> Any:
    if oid in (_INT2, _INT4, _INT8, _OID):
        return int
    if oid == _BOOL:
        return lambda v: v == b"t"
    if oid in (_FLOAT4, _FLOAT8):
        return float
    if oid == _DATE:
        return lambda v: date.fromisoformat(v.decode())
    if oid == _TIMESTAMPTZ:
        return _timestamptz(connection)
    if oid == _TIMESTAMP:
        return _timestamp
    if oid == _NUMERIC:
        return _numeric
    if oid == _BYTEA:
        return lambda v: bytes.fromhex(v[2:].decode())
    if oid in (_JSON, _JSONB):
        return _json
    return lambda v: v.decode()  # text, varchar, name and any other type: as its text


class LibpqDb(Db):
    """The same SQL on a libpq connection: ``:name`` becomes ``$n``."""

    def __init__(self, connection: Connection) -> None:
        super().__init__(connection, alchemy=False)

    @property
    def dialect(self) -> str:
        return "postgresql"

    def rows(self, sql: str, **params: Any) -> Iterator[Row]:
        yield from self._connection.execute(sql, params)

    def records(self, sql: str, **params: Any) -> Iterator[dict[str, Any]]:
        result = self._connection.execute(sql, params)
        keys = [d.name for d in result.description or ()]
        yield from (dict(zip(keys, row, strict=True)) for row in result)

    def execute(self, sql: str, **params: Any) -> None:
        self._connection.execute(sql, params)
