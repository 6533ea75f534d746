"""Exports as files: every row as JSON, the actions as CSV for Excel, the whole council as
Markdown (every meeting's minutes)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.actions import LABELS
from udsat_cli.render import minutes
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.export import ActionTable, CouncilRecord, ExportData


def to_bytes(found: ExportData | ActionTable | CouncilRecord, *, separator: str = ",") -> bytes:
    from udsat_cli.core.export import ActionTable, ExportData

    if isinstance(found, ExportData):
        from udsat_cli.render.jsonout import dumps

        return (dumps(found.data) + "\n").encode()
    if isinstance(found, ActionTable):
        return csv_bytes(found, separator=separator)
    return ("\n".join(council_markdown(found)) + "\n").encode()


def csv_bytes(found: ActionTable, *, separator: str) -> bytes:
    """UTF-8 with a byte order mark, so Excel opens it with æ, ø and å intact."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(found.columns)
    for a in found.actions:
        writer.writerow(
            [
                inert(cell)
                for cell in (
                    str(a.id),
                    a.title,
                    ", ".join(a.owners),
                    LABELS[a.status],
                    a.due.isoformat() if a.due else "",
                    a.due_text or "",
                    a.meeting.isoformat() if a.meeting else "",
                    a.item or "",
                    a.note or "",
                )
            ]
        )
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def inert(cell: str) -> str:
    """A cell Excel will not run: one that starts like a formula (=, +, -, @, a tab or a carriage
    return) gets a leading apostrophe, as OWASP's rule on CSV injection says."""
    return f"'{cell}" if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def council_markdown(record: CouncilRecord) -> Iterator[str]:
    from udsat_cli.render.common import md

    yield f"# {md(record.council)}"
    for doc in record.minutes:
        yield ""
        for line in minutes.markdown(doc, level=2):
            if line == f"## {minutes.TITLE}":
                line = f"## {minutes.TITLE} {dates.long_date(doc.meeting.date)}"
            yield line


def restored_text(counts: dict[str, int]) -> Iterator[str]:
    from udsat_cli.danish import count

    yield (
        f"Læste {count(counts.get('council', 0), 'råd', 'råd')}, "
        f"{count(counts.get('meeting', 0), 'møde', 'møder')} og "
        f"{count(counts.get('action', 0), 'opgave', 'opgaver')} ind."
    )


EXPORT_RESTORED = view(__name__, "restored")
