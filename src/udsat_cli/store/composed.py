"""Every text a session writes in NFC (see udsat_cli.textform): whatever door a text came in by
(the live meeting screen, a file, an import), the store holds it composed."""

from __future__ import annotations

from typing import Any

from udsat_cli.store.values import JOURNAL
from udsat_cli.textform import nfc


def compose_before_flush(session: Any) -> None:
    """Register before values.guard, so the lengths it checks are those that are stored."""
    from sqlalchemy import event, inspect

    @event.listens_for(session, "before_flush")
    def _compose(session: Any, _context: Any, _instances: Any) -> None:
        for obj in list(session.new) + list(session.dirty):
            if obj.__tablename__ in JOURNAL:  # written from rows already composed
                continue
            for attr in inspect(obj).mapper.column_attrs:
                value = getattr(obj, attr.key)
                if isinstance(value, str) and (composed := nfc(value)) != value:
                    setattr(obj, attr.key, composed)
