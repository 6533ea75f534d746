"""The notice of meeting (indkaldelse): who gets the agenda, and whether it changed since the
last time it was sent.

A notice is sent per address and recorded when the mail server has accepted it, outside the
change journal (as reminders are): what went out cannot be undone. A notice counts as »the same«
while the meeting (its time, place and revision, the invitation's SEQUENCE), the agenda's points
(titles and sagsfremstilling) and their bilag are the same; the follow-ups' statuses may move
meanwhile. Its public bilag go with it (core.attachments), over the council's limit not at all.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from udsat_cli.core.agenda import Agenda, agenda, issue_agenda
from udsat_cli.core.attachments import BilagFile

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext


@dataclass
class Recipient:
    person_id: int
    name: str
    email: str | None
    guest: bool = False


@dataclass
class Notice:
    council: str
    agenda: Agenda
    sequence: int  # the meeting's revision: bumped when it moves or is cancelled
    digest: str  # of what the notice says
    uid: str  # the invitation's stable UID
    to_send: list[Recipient]
    already: list[Recipient]  # got this very notice before
    without_email: list[Recipient]
    changed: bool  # an earlier notice of this meeting said something else
    said: str = ""  # the meeting as the invitation says it (core.mailings.said)
    files: list[BilagFile] = field(default_factory=list)  # the public bilag, within the limit
    sent: list[Recipient] = field(default_factory=list)


def plan_notice(
    council: CouncilContext, *, meeting: str | None = None, again: bool = False, issue: bool = False
) -> Notice:
    """The notice of the next meeting (or ``meeting``): its agenda and who still needs it.
    ``issue``: the agenda is issued now, if it was not (send-agenda sends the agenda out)."""
    from udsat_cli.core.attachments import bilag_digest, bilag_to_send
    from udsat_cli.core.identity import store_id, uid
    from udsat_cli.core.mailings import calendar_sequence, said

    found = (issue_agenda if issue else agenda)(council, meeting=meeting)
    target = found.meeting
    files = bilag_to_send(council, meeting_id=target.id)  # over the limit: refused, unsent
    revision = council.db.scalar("SELECT revision FROM meeting WHERE id = :m", m=target.id) or 0
    now = said(target, cancelled=False)
    sequence = calendar_sequence(council, meeting_id=target.id, revision=revision, now_said=now)
    digest = _digest(found, sequence, bilag_digest(council, meeting_id=target.id))
    earlier = council.db.all(
        "SELECT address, sequence, digest FROM agenda_notice WHERE meeting_id = :m",
        m=target.id,
    )
    got = {address.casefold() for address, seq, dig in earlier if dig == digest}
    people = _recipients(council, target.id, target.date)
    with_email = [p for p in people if p.email]
    return Notice(
        council=council.name,
        agenda=found,
        sequence=sequence,
        digest=digest,
        uid=uid(store_id(council.db), "meeting", target.id),
        to_send=[p for p in with_email if again or (p.email or "").casefold() not in got],
        already=[] if again else [p for p in with_email if (p.email or "").casefold() in got],
        without_email=[p for p in people if not p.email],
        changed=any(dig != digest for _, _, dig in earlier),
        said=now,
        files=files,
    )


def _digest(found: Agenda, sequence: int, bilag: str) -> str:
    parts = [str(sequence), repr(tuple(found.meeting))]
    for point in found.points:
        background = point.item.background if point.item else None
        parts.append(f"{point.number}\t{point.title}\t{background or ''}")
    parts += [f"høring\t{h.id}\t{h.title}" for h in found.loose_hearings]
    if bilag:  # a notice without bilag keeps the digest it had before bilag were kept
        parts.append(bilag)
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _recipients(council: CouncilContext, meeting_id: int, day) -> list[Recipient]:
    from udsat_cli.core.members import members_on

    found = [Recipient(m.id, m.full_name, m.email) for m in members_on(council, day)]
    known = {r.person_id for r in found}
    # The secretary takes the minutes: the meeting belongs in her calendar too.
    for pid, name, email in council.db.rows(
        "SELECT id, full_name, email FROM person WHERE council_id = :c AND role = 'sekretær' "
        "AND (member_to IS NULL OR member_to >= :d) ORDER BY id",
        c=council.id,
        d=day,
    ):
        if pid not in known:
            found.append(Recipient(pid, name, email))
            known.add(pid)
    for pid, name, email in council.db.rows(
        "SELECT p.id, p.full_name, p.email FROM attendance a JOIN person p ON p.id = a.person_id "
        "WHERE a.meeting_id = :m AND a.status = 'guest' ORDER BY p.id",
        m=meeting_id,
    ):
        if pid not in known:
            found.append(Recipient(pid, name, email, guest=True))
    return found


def record_sent(
    council: CouncilContext,
    *,
    notice: Notice,
    recipient: Recipient,
    message_id: str = "",
    reference: str | None = None,
) -> None:
    """Note one notice the mail server accepted (bookkeeping: never undone)."""
    from udsat_cli.core.mailings import record_message

    council.db.execute(
        "INSERT INTO agenda_notice (meeting_id, address, name, sequence, digest, changed, sent_at) "
        "VALUES (:m, :a, :n, :s, :d, :ch, :at)",
        m=notice.agenda.meeting.id,
        a=recipient.email,
        n=recipient.name,
        s=notice.sequence,
        d=notice.digest,
        ch=notice.changed,
        at=council.now,
    )
    record_message(
        council,
        kind="notice",
        message_id=message_id,
        reference=reference,
        address=recipient.email or "",
        meeting_id=notice.agenda.meeting.id,
        person_id=recipient.person_id,
        name=recipient.name,
        sequence=notice.sequence,
        said=notice.said,
    )
