"""The tables, as SQLModel classes. The schema itself is created by migrations, never by these."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ConfigDict
from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlmodel import Field, SQLModel


class Table(SQLModel):
    # Rows are built by the ORM and by our own code, never validated from outside input, so
    # pydantic's validators are built only if asked for: a write command saves ~25 ms.
    model_config = ConfigDict(defer_build=True)


def _fk(target: str, *, nullable: bool, index: bool = False) -> Column:
    return Column(Integer, ForeignKey(target), nullable=nullable, index=index)


class Council(Table, table=True):
    __tablename__ = "council"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(String(200), nullable=False, unique=True))
    created_at: datetime
    proposals_days: int | None = None  # the standing order: proposals close N days before
    agenda_days: int | None = None  # and the agenda goes out N days before a meeting
    quorum: int | None = None  # members present for the council to decide (default: half)
    # The council's own standing points (JSON, see core.standing); None: the default list.
    standing_points: str | None = Field(default=None, sa_column=Column(Text))
    group_items: bool | None = None  # items grouped by kind on agenda and minutes (None: yes)
    attachment_limit_mb: int | None = None  # bilag sent with one agenda at most (None: 20 MB)


class Person(Table, table=True):
    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("council_id", "full_name"),)

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    full_name: str = Field(sa_column=Column(String(200), nullable=False))
    short_name: str | None = Field(default=None, sa_column=Column(String(200)))
    role: str = Field(sa_column=Column(String(20), nullable=False))
    email: str | None = Field(default=None, sa_column=Column(String(320)))
    member_from: date | None = None
    member_to: date | None = None
    created_at: datetime


class Meeting(Table, table=True):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_council_date", "council_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    date: date
    start_time: str | None = Field(default=None, sa_column=Column(String(5)))
    end_time: str | None = Field(default=None, sa_column=Column(String(5)))
    place: str | None = Field(default=None, sa_column=Column(String(300)))
    cancelled: bool = False
    created_at: datetime
    referent_id: int | None = Field(default=None, sa_column=_fk("person.id", nullable=True))
    revision: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    approved_at: datetime | None = None
    opening_note: str | None = Field(default=None, sa_column=Column(Text))
    agenda_issued_at: datetime | None = None  # from then on the items are the agenda's points
    agenda_changed_at: datetime | None = None  # an item changed after the agenda was issued
    roll_taken_at: datetime | None = None  # attendance holds a row for every member of the day


class AgendaItem(Table, table=True):
    __tablename__ = "agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id", nullable=False, index=True))
    number: int
    title: str = Field(sa_column=Column(String(500), nullable=False))
    kind: str | None = Field(default=None, sa_column=Column(String(20)))
    background: str | None = Field(default=None, sa_column=Column(Text))
    decision: str | None = Field(default=None, sa_column=Column(Text))
    closed: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )  # treated behind closed doors: published as its title and public_decision only
    public_decision: str | None = Field(default=None, sa_column=Column(Text))
    standing: str | None = Field(default=None, sa_column=Column(String(20)))  # a standing point
    topic_id: int | None = Field(default=None, sa_column=_fk("topic.id", nullable=True))


class Action(Table, table=True):
    __tablename__ = "action"
    __table_args__ = (Index("ix_action_council_status", "council_id", "status"),)

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    title: str = Field(sa_column=Column(String(1000), nullable=False))
    details: str | None = Field(default=None, sa_column=Column(Text))
    meeting_id: int | None = Field(
        default=None, sa_column=_fk("meeting.id", nullable=True, index=True)
    )
    item_id: int | None = Field(default=None, sa_column=_fk("agenda_item.id", nullable=True))
    status: str = Field(sa_column=Column(String(20), nullable=False))
    due_kind: str | None = Field(default=None, sa_column=Column(String(30)))
    due_date: date | None = None
    due_meeting_id: int | None = Field(default=None, sa_column=_fk("meeting.id", nullable=True))
    due_n: int | None = None
    due_text: str | None = Field(default=None, sa_column=Column(String(200)))
    created_at: datetime
    closed_at: datetime | None = None


class ActionOwner(Table, table=True):
    __tablename__ = "action_owner"

    action_id: int = Field(sa_column=Column(Integer, ForeignKey("action.id"), primary_key=True))
    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True, index=True)
    )
    position: int = 0


class ActionEvent(Table, table=True):
    """Append-only history of an action: creation, every status change, deadline change, note."""

    __tablename__ = "action_event"
    __table_args__ = (
        Index("ix_action_event_action", "action_id", "id"),
        Index("ix_action_event_at", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(sa_column=_fk("action.id", nullable=False))
    at: datetime
    meeting_id: int | None = Field(default=None, sa_column=_fk("meeting.id", nullable=True))
    kind: str = Field(sa_column=Column(String(20), nullable=False))
    old: str | None = Field(default=None, sa_column=Column(String(1000)))
    new: str | None = Field(default=None, sa_column=Column(String(1000)))
    note: str | None = Field(default=None, sa_column=Column(Text))
    state: str | None = Field(default=None, sa_column=Column(Text))  # the action after it (JSON)


class ActionBodyOwner(Table, table=True):
    """An owner that is not a person: the council itself (»rådet«) or a unit (»forvaltningen«),
    kept as the minutes wrote it. ``position`` orders it among the action's person owners."""

    __tablename__ = "action_body_owner"

    action_id: int = Field(sa_column=Column(Integer, ForeignKey("action.id"), primary_key=True))
    position: int = Field(sa_column=Column(Integer, primary_key=True))
    kind: str = Field(sa_column=Column(String(10), nullable=False))  # council or unit
    label: str = Field(sa_column=Column(String(200), nullable=False))


class CouncilSeason(Table, table=True):
    """A council's own dates for "sommerferien", "efteråret" ... overriding data/seasons.json."""

    __tablename__ = "council_season"

    council_id: int = Field(sa_column=Column(Integer, ForeignKey("council.id"), primary_key=True))
    name: str = Field(sa_column=Column(String(50), primary_key=True))
    start_md: str = Field(sa_column=Column(String(5), nullable=False))
    end_md: str = Field(sa_column=Column(String(5), nullable=False))


class Attendance(Table, table=True):
    """Who was absent (with a reason) or a guest; members without a row were present."""

    __tablename__ = "attendance"

    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    status: str = Field(sa_column=Column(String(10), nullable=False))
    reason: str | None = Field(default=None, sa_column=Column(String(300)))


class MeetingGuest(Table, table=True):
    """A guest who is not a person in the store: »Lene Holm (forvaltningen)«."""

    __tablename__ = "meeting_guest"

    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id"), primary_key=True))
    position: int = Field(sa_column=Column(Integer, primary_key=True))
    name: str = Field(sa_column=Column(String(300), nullable=False))


class Topic(Table, table=True):
    """A point for a coming agenda: on the first meeting on or after ``for_date`` (default: the
    first meeting after the day it was noted)."""

    __tablename__ = "topic"

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False, index=True))
    title: str = Field(sa_column=Column(String(500), nullable=False))
    for_date: date | None = None
    created_on: date
    dropped_at: datetime | None = None
    note: str | None = Field(default=None, sa_column=Column(Text))


class Event(Table, table=True):
    """Something the council takes part in: "4. april – Netværksmøde"."""

    __tablename__ = "event"
    __table_args__ = (Index("ix_event_council_date", "council_id", "date"),)

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    date: date
    start_time: str | None = Field(default=None, sa_column=Column(String(5)))
    title: str = Field(sa_column=Column(String(500), nullable=False))
    created_at: datetime


class EventAttendee(Table, table=True):
    __tablename__ = "event_attendee"

    event_id: int = Field(sa_column=Column(Integer, ForeignKey("event.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))


class ReminderLog(Table, table=True):
    """What was reminded to whom on which day, so an hourly cron does not repeat itself."""

    __tablename__ = "reminder_log"
    __table_args__ = (Index("ix_reminder_log_day", "day", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(sa_column=_fk("action.id", nullable=False))
    person_id: int = Field(sa_column=_fk("person.id", nullable=False))
    day: date
    channel: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime


class EventReminderLog(Table, table=True):
    """What event was reminded to whom on which day."""

    __tablename__ = "event_reminder_log"
    __table_args__ = (Index("ix_event_reminder_log_day", "day", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(sa_column=_fk("event.id", nullable=False))
    person_id: int = Field(sa_column=_fk("person.id", nullable=False))
    day: date
    channel: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime


class ImportLog(Table, table=True):
    """Minutes already imported (by content hash), so importing them again changes nothing."""

    __tablename__ = "import_log"

    council_id: int = Field(sa_column=Column(Integer, ForeignKey("council.id"), primary_key=True))
    digest: str = Field(sa_column=Column(String(64), primary_key=True))
    meeting_id: int | None = Field(default=None, sa_column=_fk("meeting.id", nullable=True))
    file_name: str | None = Field(default=None, sa_column=Column(String(300)))
    at: datetime


class ChangeSet(Table, table=True):
    """One writing command, as the change log and undo see it, in the council it wrote to."""

    __tablename__ = "change_set"
    __table_args__ = (Index("ix_change_set_council", "council_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime
    command: str = Field(sa_column=Column(String(500), nullable=False))
    undone_at: datetime | None = None
    council_id: int | None = Field(default=None, sa_column=Column(Integer))
    # Who: UDSAT_USER, else »user@machine«; and the process (»pid 4711«). None: before m017.
    author: str | None = Field(default=None, sa_column=Column(String(200)))
    process: str | None = Field(default=None, sa_column=Column(String(100)))


class ChangeRow(Table, table=True):
    """One row a command inserted, updated or deleted, with its values before and after (JSON)."""

    __tablename__ = "change_row"

    id: int | None = Field(default=None, primary_key=True)
    change_set_id: int = Field(sa_column=_fk("change_set.id", nullable=False, index=True))
    table_name: str = Field(sa_column=Column(String(50), nullable=False))
    row_key: str = Field(sa_column=Column(Text, nullable=False))
    op: str = Field(sa_column=Column(String(10), nullable=False))
    old: str | None = Field(default=None, sa_column=Column(Text))
    new: str | None = Field(default=None, sa_column=Column(Text))
    action_id: int | None = Field(default=None, sa_column=Column(Integer, index=True))


class Hearing(Table, table=True):
    """A consultation (høring) the council is asked to answer by a deadline. One sent to several
    councils of a shared store is one row per council, sharing ``ref``: each answers on its own."""

    __tablename__ = "hearing"
    __table_args__ = (
        Index("ix_hearing_council_deadline", "council_id", "deadline"),
        Index("ix_hearing_ref", "ref"),
    )

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    ref: str = Field(sa_column=Column(String(40), nullable=False))
    title: str = Field(sa_column=Column(String(500), nullable=False))
    sender: str = Field(sa_column=Column(String(300), nullable=False))
    received: date | None = None
    deadline: date
    deadline_time: str | None = Field(default=None, sa_column=Column(String(5)))
    answer_by: str = Field(sa_column=Column(String(10), nullable=False))  # meeting or chair
    status: str = Field(sa_column=Column(String(20), nullable=False))
    material: str | None = Field(default=None, sa_column=Column(String(1000)))
    item_id: int | None = Field(default=None, sa_column=_fk("agenda_item.id", nullable=True))
    answer: str | None = Field(default=None, sa_column=Column(Text))
    answered_on: date | None = None
    created_at: datetime


class AgendaNotice(Table, table=True):
    """One notice of meeting (indkaldelse) sent to one address."""

    __tablename__ = "agenda_notice"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id", nullable=False, index=True))
    address: str = Field(sa_column=Column(String(320), nullable=False))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    sequence: int
    digest: str = Field(sa_column=Column(String(64), nullable=False))
    changed: bool
    sent_at: datetime


class DutyReminderLog(Table, table=True):
    """A duty (a consultation's deadline, proposals closing, the agenda due out) reminded."""

    __tablename__ = "duty_reminder_log"
    __table_args__ = (Index("ix_duty_reminder_log_day", "day", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    council_id: int = Field(sa_column=_fk("council.id", nullable=False))
    person_id: int = Field(sa_column=_fk("person.id", nullable=False))
    duty: str = Field(sa_column=Column(String(40), nullable=False))
    day: date
    channel: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime


class MinutesVersion(Table, table=True):
    """A referat as it was approved: its data (what ``minutes --json`` prints) and the Word file.
    Reopening keeps it (``reopened_at``); the next approval is the next version."""

    __tablename__ = "minutes_version"
    __table_args__ = (UniqueConstraint("meeting_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id", nullable=False))
    version: int
    approved_at: datetime
    reopened_at: datetime | None = None
    data: str = Field(sa_column=Column(Text, nullable=False))
    docx: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class StoreIdentity(Table, table=True):
    """The store's own random id, made once: the calendar UIDs carry it, so the meetings of two
    installations are never one event to Outlook or Google."""

    __tablename__ = "store_identity"

    id: str = Field(sa_column=Column(String(40), primary_key=True))
    created_at: datetime


class Attachment(Table, table=True):
    """A bilag kept with its item. ``closed`` (or a closed item) keeps it in the store: it is
    never mailed or published."""

    __tablename__ = "attachment"

    id: int | None = Field(default=None, primary_key=True)
    item_id: int = Field(sa_column=_fk("agenda_item.id", nullable=False, index=True))
    position: int
    name: str = Field(sa_column=Column(String(255), nullable=False))
    media_type: str = Field(sa_column=Column(String(100), nullable=False))
    size: int
    digest: str = Field(sa_column=Column(String(64), nullable=False))
    closed: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false())
    )
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: datetime


class MailMessage(Table, table=True):
    """One message to one address: sent, refused by the server, or held back (``--no-mail``).
    Bookkeeping outside the change journal, like the reminder log: what went out stays out."""

    __tablename__ = "mail_message"
    __table_args__ = (
        Index("ix_mail_message_council", "council_id", "meeting_id"),
        Index("ix_mail_message_reference", "reference"),
        Index("ix_mail_message_message_id", "message_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    council_id: int
    kind: str = Field(sa_column=Column(String(10), nullable=False))  # notice, update, cancel ...
    message_id: str = Field(sa_column=Column(String(300), nullable=False))
    reference: str | None = Field(default=None, sa_column=Column(String(64)))  # a reminder's
    meeting_id: int | None = None
    person_id: int | None = None
    address: str = Field(sa_column=Column(String(320), nullable=False))
    name: str | None = Field(default=None, sa_column=Column(String(200)))
    sequence: int | None = None  # the invitation's SEQUENCE
    actions: str | None = Field(default=None, sa_column=Column(Text))  # a reminder's, JSON
    said: str | None = Field(default=None, sa_column=Column(String(200)))  # the meeting as sent
    # sent; refused (for good, 5xx); deferred (4xx: tried again next run); held (--no-mail)
    status: str = Field(sa_column=Column(String(10), nullable=False))
    detail: str | None = Field(default=None, sa_column=Column(String(300)))  # the server's word
    at: datetime


class MeetingReply(Table, table=True):
    """A member's answer to the invitation (accepted, declined, tentative), read by inbox."""

    __tablename__ = "meeting_reply"

    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id"), primary_key=True))
    person_id: int = Field(sa_column=Column(Integer, ForeignKey("person.id"), primary_key=True))
    response: str = Field(sa_column=Column(String(10), nullable=False))  # accepted, declined ...
    comment: str | None = Field(default=None, sa_column=Column(String(300)))
    at: datetime


class InboxMessage(Table, table=True):
    """A message ``udsat inbox`` has read (by its Message-ID): applied, or listed as not
    understood, so a second run neither applies nor lists it again."""

    __tablename__ = "inbox_message"

    council_id: int = Field(sa_column=Column(Integer, primary_key=True))
    message_key: str = Field(sa_column=Column(String(300), primary_key=True))
    outcome: str = Field(sa_column=Column(String(10), nullable=False))
    at: datetime
