"""What ``udsat inbox`` did, as the secretary reads it (cron mails it to her): one line per change
noted, then what was not understood and lies unread for her. Nothing at all when there was
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from udsat_cli import dates
from udsat_cli.core.actions import LABELS
from udsat_cli.render.view import view

if TYPE_CHECKING:
    from udsat_cli.core.replies import Reading
    from udsat_cli.mailbox import InboxRun


def _meeting(reading: Reading) -> str:
    assert reading.meeting is not None
    return f"mødet {dates.long_date(reading.meeting.date)}"


def change_lines(reading: Reading) -> Iterator[str]:
    """The change a message makes, without a verb of its own: »Afbud fra Bo Berg …«."""
    if reading.kind == "status":
        for c in reading.changes:
            did = (
                f"er udsat til {c.due}"
                if c.status == "postponed"
                else (f"er {LABELS[c.status]}" if c.status else "har fået en note")
            )
            note = f": »{c.note}«" if c.note else ""
            yield f"Opgave #{c.action_id} »{c.title}« {did} (svar fra {reading.person}){note}"
        return
    why = f": »{reading.comment}«" if reading.comment else ""
    if reading.kind == "afbud":
        yield (
            f"Afbud fra {reading.person} til {_meeting(reading)}, læst af mailen "
            f"»{reading.letter.subject}«{why}; ret det med udsat attendance eller fortryd "
            "med udsat undo"
        )
    elif reading.response == "declined":
        yield f"Afbud fra {reading.person} til {_meeting(reading)}{why} (svar på invitationen)"
    elif reading.response == "accepted":
        yield f"{reading.person} deltager i {_meeting(reading)}{why} (svar på invitationen)"
    else:
        yield (f"{reading.person} deltager måske i {_meeting(reading)}{why} (svar på invitationen)")


def text(run: InboxRun) -> Iterator[str]:
    if run.empty:
        return
    if run.dry_run:
        yield "Prøvekørsel – intet er noteret, og ingen mail er flyttet:"
    for reading in run.applied:
        for line in change_lines(reading):
            yield f"Ville notere: {line}." if run.dry_run else f"{line}."
    for reading in run.refused:
        assert reading.error is not None  # refused: it says why
        for line in change_lines(reading):
            yield f"Ikke noteret: {line} – {reading.error.rstrip('.')}; mailen ligger ulæst."
    if run.unknown:
        yield "Ikke forstået – ligger ulæst til dig:"
        for reading in run.unknown:
            who = reading.letter.sender or "ukendt afsender"
            yield f"· »{reading.letter.subject or '(intet emne)'}« fra {who}: {reading.why}"


INBOX = view(__name__)
