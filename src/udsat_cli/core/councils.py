"""Creating a council (and with it, on first use, the store), and its standing-order settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from udsat_cli.core.standing import DEFAULT, StandingList, chosen, dump, standing_list
from udsat_cli.danish import count
from udsat_cli.errors import InputError, UdsatError

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.store.models import Session


def init_council(session: Session, *, now: datetime, name: str) -> str:
    """Add a council to the store; returns its name as stored."""
    from udsat_cli.store.db import Db
    from udsat_cli.store.models import Council

    name = " ".join(name.split())
    if not name:
        raise InputError("Rådets navn må ikke være tomt.")
    db = Db(session.connection(), alchemy=True)
    for (existing,) in db.rows("SELECT name FROM council"):
        if existing.casefold() == name.casefold():
            raise UdsatError(f"Rådet »{existing}« findes allerede i lageret.")
    council = Council(name=name, created_at=now)
    session.add(council)
    session.flush()
    session.info["udsat.council_id"] = council.id  # the change journal files »init« under it
    return name


@dataclass
class CouncilSettings:
    """What the standing order (forretningsorden) fixes: proposals close and the agenda goes out
    so many days before a meeting."""

    council: str
    proposals_days: int | None
    agenda_days: int | None
    quorum: int | None = None
    points: StandingList = field(default=DEFAULT)  # the standing points of the agenda
    group_items: bool = True
    attachment_limit_mb: int = 20  # bilag one notice of meeting may carry, together


def council_settings(council: CouncilContext) -> CouncilSettings:
    from udsat_cli.core.attachments import DEFAULT_LIMIT_MB

    row = council.db.one(
        "SELECT proposals_days, agenda_days, quorum, group_items, attachment_limit_mb "
        "FROM council WHERE id = :c",
        c=council.id,
    )
    days, agenda_days, quorum, grouped, limit = row or (None, None, None, None, None)
    return CouncilSettings(
        council.name,
        days,
        agenda_days,
        quorum,
        standing_list(council),
        grouped is None or bool(grouped),
        limit or DEFAULT_LIMIT_MB,
    )


def set_council(
    council: CouncilContext,
    *,
    proposals_days: int | None = None,
    agenda_days: int | None = None,
    quorum: int | None = None,
    points_before: list[str] | None = None,
    points_after: list[str] | None = None,
    default_points: bool = False,
    group_items: bool | None = None,
    attachment_limit_mb: int | None = None,
) -> CouncilSettings:
    """Change what is given; the standing points apply to meetings planned from now on (and
    to the points an unissued agenda still lacks)."""
    from udsat_cli.store.models import Council

    row = council.writing.get_one(Council, council.id)
    if default_points and (points_before is not None or points_after is not None):
        raise InputError("Angiv enten --reset-points eller de faste punkter, ikke begge.")
    if default_points:
        row.standing_points = None
    elif points_before is not None or points_after is not None:
        row.standing_points = dump(
            chosen(standing_list(council), before=points_before, after=points_after)
        )
    if default_points or points_before is not None or points_after is not None:
        from udsat_cli.core.agenda import restand

        council.writing.add(row)
        council.writing.flush()
        if moved := restand(council):
            meetings = count(moved, "kommende møde", "kommende møder")
            council.notify(f"De nye faste punkter står nu på dagsordenen til {meetings}.")
    if group_items is not None:
        row.group_items = group_items
    if proposals_days is not None:
        row.proposals_days = proposals_days or None  # 0 takes the rule away
    if agenda_days is not None:
        row.agenda_days = agenda_days or None
    if quorum is not None:
        row.quorum = quorum or None
    if attachment_limit_mb is not None:
        row.attachment_limit_mb = attachment_limit_mb or None  # 0: back to the default
    if row.proposals_days and row.agenda_days and row.proposals_days < row.agenda_days:
        raise InputError(
            "Forslag skal være inde, før dagsordenen sendes ud: --proposals-days skal være "
            "mindst lige så stort som --agenda-days."
        )
    council.writing.add(row)
    council.writing.flush()
    return council_settings(council)
