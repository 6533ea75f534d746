"""A meeting's agenda items, printed (udsat item list, item move)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.items import Deleted
    from udsat_cli.core.minutes import Minutes


def text(record: Minutes) -> Iterator[str]:
    if not record.items:
        yield "Mødet har ingen punkter endnu."
        return
    for item in record.items:
        yield f"{item.number}. {item.title}"
        for b in item.attachments:  # the bilag under their item
            yield f"   Bilag: {b.name}" + (" (lukket)" if b.closed else "")


def deleted_text(gone: Deleted) -> Iterator[str]:
    from udsat_cli import dates

    when = dates.long_date(gone.meeting.date)
    yield f"Slettede punkt {gone.number} »{gone.title}« fra mødet {when}."
    if gone.actions:
        yield "Med det gik opgaverne " + ", ".join(f"#{a}" for a in gone.actions) + "."


ITEMS = view(__name__)
ITEMS_DELETED = view(__name__, "deleted")
