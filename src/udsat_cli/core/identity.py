"""The names udsat gives things outside the store: calendar UIDs, which must be unique across
installations. Each store has a random id, made once (migration m016); a UID is that id with the
kind and number of the thing, so two councils' stores never name the same event, and the
invitation, its updates and the calendar feed name one meeting alike."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from udsat_cli.store.db import Db

_UID = re.compile(r"(meeting|action|event)-(\d{1,10})-([0-9a-f]{32})@udsat")
_OLD = re.compile(r"meeting-(\d{1,10})@council-(\d{1,10})\.udsat")  # invitations before m016


def store_id(db: Db) -> str:
    found = db.scalar("SELECT id FROM store_identity ORDER BY created_at LIMIT 1")
    assert found, "every migrated store has its id (m016)"
    return str(found)


def uid(store: str, kind: str, number: int) -> str:
    return f"{kind}-{number}-{store}@udsat"


def meeting_of_uid(text: str, *, store: str, council_id: int) -> int | None:
    """The meeting a UID of this store names (also one sent before UIDs carried the store's id,
    while it names this council); None for anything else."""
    text = text.strip()
    if (m := _UID.fullmatch(text)) and m[1] == "meeting" and m[3] == store:
        return int(m[2])
    if (m := _OLD.fullmatch(text)) and int(m[2]) == council_id:
        return int(m[1])
    return None
