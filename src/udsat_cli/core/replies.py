"""Replies read back from the council's mailbox (``udsat inbox``): what a message says, and the
change it makes, through the same core functions a command uses (journal, undo).

- A calendar REPLY to one of this store's invitations (the UID carries the store's id): the
  attendee's PARTSTAT (DECLINED, ACCEPTED, TENTATIVE) and COMMENT become the meeting's answer
  and, for an afbud, its attendance mark with the comment as the reason. The attendee must be the
  sender and one the invitation went to.
- A plain reply to the notice of meeting saying afbud (»kan desværre ikke komme«) is read as an
  afbud, with its reason where it gives one.
- A reply to a reminder, from the address the reminder went to and carrying its reference (in
  In-Reply-To/References or the quoted text), gives a status: »udført«, »i gang«, »udsat til …«
  (the deadline read by the date grammar), with the reply's own words as the note.

Anything else is not understood and changes nothing: a message that is no reply to udsat, a
reply without the reference, or one from another address than the one it was sent to (a forged
From changes nothing). The secretary reads those herself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

from udsat_cli.addresses import same_address
from udsat_cli.core.meetings import MeetingRef
from udsat_cli.errors import UdsatError
from udsat_cli.store.db import required_date

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext

_REFERENCE = re.compile(r"\b(?:Reference|Ref\.?)\s*:\s*([0-9a-f]{20})\b", re.I)
_MESSAGE_ID = re.compile(r"<udsat\.([0-9a-f]{20})@[^>]*>")
PARTSTAT = {"DECLINED": "declined", "ACCEPTED": "accepted", "TENTATIVE": "tentative"}

# Where a reply's own words end: the quoted message, a client's header above it, a signature.
_QUOTE_STARTS = re.compile(
    r"^(>|-{2,}\s*(original message|oprindelig meddelelse|videresendt)|_{10,}|"
    r"(fra|from|sendt|sent)\s*:|-- ?$|"
    r"(den|on)\s.{0,120}(skrev|wrote)\s*:?\s*$)",
    re.I,
)
_SIGN_OFF = re.compile(
    r"^(venlig hilsen|med venlig hilsen|mvh\.?|vh\.?|hilsen|kh\.?|"
    r"de bedste hilsner|best regards|regards)\b",
    re.I,
)
_GREETING = re.compile(r"^(hej|kære|goddag|hejsa|hi|dear)\b[^.!?\n]{0,40}[,!]?\s*$", re.I)

_NOT = r"(?<!\bikke )(?<!\bendnu ikke )(?<!\bikke helt )"
_DONE = re.compile(
    _NOT + r"\b(udført|gjort|klaret|færdig|færdiggjort|afsluttet|ordnet|løst)\b", re.I
)
_STARTED = re.compile(_NOT + r"\b(i gang|igang|påbegyndt|arbejder på|er ved at)\b", re.I)
_NEGATED = re.compile(
    r"\bikke\s+(helt\s+)?(udført|gjort|klaret|færdig|i gang|igang|påbegyndt)\b", re.I
)
_POSTPONED = re.compile(
    r"\b(?:udsat|udsætter|udsættes|udskudt|udskyder|rykket|rykker)\s+"
    r"(?:den\s+|det\s+|opgaven\s+)?til\s+(.+)",
    re.I,
)
_AFBUD = re.compile(
    r"\b(afbud|kan (desværre |alligevel )?ikke (komme|deltage|være med|nå det)|"
    r"deltager (desværre )?ikke|er (desværre )?forhindret|må melde fra|melder fra)\b",
    re.I,
)
_BECAUSE = re.compile(
    r"\b(?:pga\.?|på grund af|grundet|da jeg er|fordi jeg er|da jeg|fordi jeg|"
    r"jeg er|jeg skal)\s+([^.!?\n]{2,120})",
    re.I,
)
_ACTION_REF = re.compile(r"#(\d{1,9})\b")


@dataclass
class Letter:
    """A message as udsat reads it."""

    key: str  # its Message-ID (or a digest of it, when it has none)
    sender: str  # the From address
    subject: str
    refs: list[str]  # the Message-IDs it answers (In-Reply-To, References)
    text: str  # its plain text, quoted part and all
    calendar: Any | None  # an iCalendar REPLY it carries, parsed


@dataclass
class StatusChange:
    action_id: int
    title: str
    status: str | None  # done, in_progress, postponed, or None for a note alone
    due: str | None  # »udsat til …«: the new deadline as written
    note: str | None


@dataclass
class Reading:
    """What a message says and, once applied, what it changed (``error``: why not)."""

    letter: Letter
    kind: str  # reply (to the invitation), afbud (plain text), status, unknown
    person: str | None = None
    person_id: int | None = None
    meeting: MeetingRef | None = None
    response: str | None = None  # accepted, declined, tentative
    comment: str | None = None
    changes: list[StatusChange] = field(default_factory=list)
    why: str | None = None  # not understood: why
    error: str | None = None  # understood, but the store refused it

    @property
    def understood(self) -> bool:
        return self.kind != "unknown" and self.error is None


# --- reading a message ------------------------------------------------------------------------


def letter(raw: bytes) -> Letter:
    """A raw message (RFC 5322) as a Letter."""
    import email
    import hashlib
    from email.policy import default

    msg = email.message_from_bytes(raw, policy=default)
    assert isinstance(msg, EmailMessage)
    sender = ""
    try:
        found = msg["From"].addresses if msg["From"] else ()
        sender = found[0].addr_spec if found else ""
    except (AttributeError, IndexError, TypeError, ValueError):
        pass
    refs = []
    for header in ("In-Reply-To", "References"):
        refs += re.findall(r"<[^<>\s]+>", str(msg.get(header, "")))
    key = str(msg.get("Message-ID", "")).strip()[:300] or hashlib.sha256(raw).hexdigest()
    return Letter(
        key=key,
        sender=sender,
        subject=" ".join(str(msg.get("Subject", "")).split()),
        refs=refs,
        text=_text(msg),
        calendar=_calendar(msg),
    )


def _text(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    try:
        text = body.get_content()
    except (LookupError, UnicodeError, KeyError):
        return ""
    if body.get_content_type() == "text/html":
        import html

        text = re.sub(r"(?is)<(script|style).*?</\1>", "", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>", "\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace("\r\n", "\n")


def _calendar(msg: EmailMessage) -> Any | None:
    from icalendar import Calendar

    for part in msg.walk():
        if part.get_content_type() not in ("text/calendar", "application/ics"):
            continue
        try:
            content = part.get_content()
            cal = Calendar.from_ical(content if isinstance(content, bytes | str) else b"")
        except (ValueError, LookupError, UnicodeError, KeyError):
            continue
        if str(cal.get("method", "")).upper() == "REPLY":
            return cal
    return None


def own_words(text: str) -> str:
    """The reply's own words: above the quoted message, without greeting, sign-off or
    signature, as one paragraph."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if _QUOTE_STARTS.match(stripped):
            break
        if _SIGN_OFF.match(stripped):
            break
        lines.append(stripped)
    while lines and (not lines[0] or _GREETING.match(lines[0])):
        lines.pop(0)
    return " ".join(" ".join(lines).split())


def read_status(words: str) -> tuple[str | None, str | None] | None:
    """(status, new deadline) a reply's words give, or None when they give none or two."""
    if m := _POSTPONED.search(words):
        # up to the end of the clause; »1. oktober« keeps its point (a new sentence has a capital)
        due = re.split(r",\s|\s[–-]\s|\s(?:fordi|da|men|og så)\s|[!?\n]|\.\s+(?=[A-ZÆØÅ])", m[1])[0]
        return "postponed", due.strip(" .")
    negated = bool(_NEGATED.search(words))
    done, started = bool(_DONE.search(words)), bool(_STARTED.search(words))
    if started and not (done and not negated):
        return "in_progress", None
    if done and not negated:
        return "done", None
    return None


# --- who and what it answers ------------------------------------------------------------------


def _sent(council: CouncilContext, letter: Letter, *kinds: str) -> tuple | None:
    """The message of this council the letter answers: by its Message-ID, else by the reference
    in the quoted text. (person_id, address, meeting_id, actions JSON, name)."""
    refs = [m[1] for r in letter.refs if (m := _MESSAGE_ID.fullmatch(r))]
    refs += _REFERENCE.findall(letter.text)
    from udsat_cli.store.db import in_list

    which, params = in_list("k", list(kinds))
    for reference in dict.fromkeys(refs):
        row = council.db.one(
            "SELECT person_id, address, meeting_id, actions, name FROM mail_message "
            f"WHERE council_id = :c AND reference = :r AND kind IN {which} AND status = 'sent'",
            c=council.id,
            r=reference,
            **params,
        )
        if row is not None:
            return tuple(row)
    return None


def _meeting(council: CouncilContext, meeting_id: int) -> tuple[MeetingRef, bool] | None:
    row = council.db.one(
        "SELECT id, date, start_time, end_time, place, cancelled FROM meeting "
        "WHERE id = :m AND council_id = :c",
        m=meeting_id,
        c=council.id,
    )
    if row is None:
        return None
    return MeetingRef(row[0], required_date(row[1]), row[2], row[3], row[4]), bool(row[5])


def _invited(council: CouncilContext, meeting_id: int, address: str) -> tuple[int, str] | None:
    """The person the meeting's invitation went to at this address."""
    for pid, sent_to in council.db.rows(
        "SELECT person_id, address FROM mail_message WHERE meeting_id = :m AND status = 'sent' "
        "AND kind IN ('notice', 'update') AND person_id IS NOT NULL ORDER BY id DESC",
        m=meeting_id,
    ):
        if same_address(sent_to, address):
            name = council.db.scalar("SELECT full_name FROM person WHERE id = :p", p=pid)
            return pid, name
    for (sent_to,) in council.db.rows(  # notices sent before m016 kept no person
        "SELECT address FROM agenda_notice WHERE meeting_id = :m", m=meeting_id
    ):
        if same_address(sent_to, address):
            for pid, name, email in council.db.rows(
                "SELECT id, full_name, email FROM person WHERE council_id = :c AND email IS "
                "NOT NULL",
                c=council.id,
            ):
                if same_address(email, address):
                    return pid, name
    return None


def _calendar_reply(council: CouncilContext, found: Letter) -> Reading:
    from udsat_cli.core.identity import meeting_of_uid, store_id

    unknown = Reading(found, "unknown")
    assert found.calendar is not None  # the caller's test
    events = list(found.calendar.walk("VEVENT"))
    if not events:
        return Reading(found, "unknown", why="kalendersvaret har ingen begivenhed")
    event = events[0]
    meeting_id = meeting_of_uid(
        str(event.get("uid", "")), store=store_id(council.db), council_id=council.id
    )
    if meeting_id is None or (hit := _meeting(council, meeting_id)) is None:
        unknown.why = "svar på en invitation, udsat ikke har sendt for rådet"
        return unknown
    meeting, cancelled = hit
    if cancelled:
        unknown.why = "svar på invitationen til et møde, der er aflyst"
        return unknown
    attendees = event.get("attendee")
    attendees = attendees if isinstance(attendees, list) else [attendees] if attendees else []
    attendee = next(
        (
            a
            for a in attendees
            if same_address(str(a).removeprefix("mailto:").removeprefix("MAILTO:"), found.sender)
        ),
        None,
    )
    if attendee is None:
        unknown.why = "afsenderen er ikke den, der svarer i kalendersvaret"
        return unknown
    who = _invited(council, meeting.id, found.sender)
    if who is None:
        unknown.why = "afsenderen fik ingen invitation til mødet"
        return unknown
    response = PARTSTAT.get(str(attendee.params.get("PARTSTAT", "")).upper())
    if response is None:
        unknown.why = "kalendersvaret siger hverken ja, nej eller måske"
        return unknown
    comments = event.get("comment")
    comment = comments[0] if isinstance(comments, list) and comments else comments
    said = " ".join(str(comment or "").split())[:300] or None  # Outlook ends it with a newline
    return Reading(
        found,
        "reply",
        person=who[1],
        person_id=who[0],
        meeting=meeting,
        response=response,
        comment=said,
    )


def _plain_afbud(council: CouncilContext, found: Letter, sent: tuple) -> Reading:
    pid, address, meeting_id, _, _ = sent
    hit = _meeting(council, meeting_id) if meeting_id else None
    words = own_words(found.text)
    if hit is None or hit[1] or not _AFBUD.search(words):
        return Reading(found, "unknown", why="svaret på indkaldelsen siger ikke afbud")
    if not same_address(address, found.sender):
        return Reading(
            found, "unknown", why=f"svaret kommer ikke fra {address}, som indkaldelsen gik til"
        )
    because = _BECAUSE.search(words)
    name = council.db.scalar("SELECT full_name FROM person WHERE id = :p", p=pid)
    return Reading(
        found,
        "afbud",
        person=name,
        person_id=pid,
        meeting=hit[0],
        response="declined",
        comment=because[1].strip() if because else None,
    )


def _status(council: CouncilContext, found: Letter, sent: tuple) -> Reading:
    import json

    pid, address, _, actions, _ = sent
    if not same_address(address, found.sender):
        return Reading(
            found, "unknown", why=f"svaret kommer ikke fra {address}, som påmindelsen gik til"
        )
    ids = json.loads(actions or "[]")
    words = own_words(found.text)
    named = [int(n) for n in _ACTION_REF.findall(words) if int(n) in ids]
    if not named and len(ids) != 1:
        return Reading(found, "unknown", why="svaret siger ikke, hvilken opgave (#nr) det gælder")
    changes = []
    for aid in dict.fromkeys(named or ids):
        said = words
        if named:  # the words about this one: from its number to the next number
            m = re.search(rf"#{aid}\b(.*?)(?=#\d|$)", words, re.S)
            said = m[1] if m else words
        status = read_status(said) or (read_status(words) if len(named) == 1 else None)
        if status is None:
            return Reading(
                found, "unknown", why="svaret siger hverken udført, i gang eller udsat til …"
            )
        title = council.db.scalar("SELECT title FROM action WHERE id = :a", a=aid) or ""
        changes.append(StatusChange(aid, title, status[0], status[1], words[:1000] or None))
    name = council.db.scalar("SELECT full_name FROM person WHERE id = :p", p=pid)
    return Reading(found, "status", person=name, person_id=pid, changes=changes)


def read(council: CouncilContext, found: Letter) -> Reading:
    """What the letter says for this council (see the module's docstring)."""
    if found.calendar is not None:
        return _calendar_reply(council, found)
    if sent := _sent(council, found, "reminder"):
        return _status(council, found, sent)
    if sent := _sent(council, found, "notice", "update"):  # the notice, or a move's mail
        return _plain_afbud(council, found, sent)
    why = "ikke et svar på noget, udsat har sendt (eller uden dets reference)"
    return Reading(found, "unknown", why=why)


# --- applying it ------------------------------------------------------------------------------


def apply(council: CouncilContext, reading: Reading) -> None:
    """Write what the reading says, through the commands' own core functions; a refusal (the
    minutes approved, a deadline that reads as no day) is kept in ``reading.error``."""
    from udsat_cli.core.actions import update_action
    from udsat_cli.core.attendance import record_reply

    try:
        if reading.kind in ("reply", "afbud"):
            assert reading.meeting and reading.person_id and reading.response
            record_reply(
                council,
                meeting=reading.meeting,
                person_id=reading.person_id,
                response=reading.response,
                comment=reading.comment,
            )
        for change in reading.changes:
            current = council.db.scalar(
                "SELECT status FROM action WHERE id = :a", a=change.action_id
            )
            status = None if change.status == current else change.status
            update_action(
                council, action_id=change.action_id, status=status, due=change.due, note=change.note
            )
    except UdsatError as exc:
        reading.error = exc.message


def remember(council: CouncilContext, reading: Reading) -> None:
    """Note the message as read, so a second run neither applies nor lists it again."""
    council.db.execute(
        "INSERT INTO inbox_message (council_id, message_key, outcome, at) VALUES (:c, :k, :o, :at)",
        c=council.id,
        k=reading.letter.key,
        o="applied" if reading.understood else "unknown",
        at=council.now,
    )


def seen_before(council: CouncilContext, key: str) -> str | None:
    """How an earlier run took the message (applied, unknown), or None."""
    return council.db.scalar(
        "SELECT outcome FROM inbox_message WHERE council_id = :c AND message_key = :k",
        c=council.id,
        k=key,
    )
