"""The store's tables as SQLAlchemy Core tables: what writes, undo and restore work with.

The schema itself is made by migrations (``store.migrations``), never from these; a test checks
that both agree. Defining these costs a write ~5 ms, where the SQLModel classes they replace cost
~80 ms (pydantic models and a declarative mapping for every table, issue #31); ``store.models``
maps a plain class on a table only when a command first asks for it.

A ``default`` here is what a new row starts with in Python (``Meeting(...).cancelled`` is False
before it is saved), as the SQLModel fields had it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    types,
)

metadata = MetaData()


class UTCDateTime(types.TypeDecorator):
    """Aware datetimes stored in UTC, given back in UTC (naive ones are refused): SQLModel's
    UTCDateTime, which the store was written with."""

    impl = types.DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def coerce_compared_value(self, op: Any, value: Any) -> Any:
        return types.Interval() if isinstance(value, timedelta) else self

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("Datetime values must have timezone information.")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.utcoffset() is None:  # a database without time zones stores UTC bare
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


council = Table(
    "council",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("proposals_days", Integer),
    Column("agenda_days", Integer),
    Column("quorum", Integer),
    Column("standing_points", Text),
    Column("group_items", Boolean),
    Column("attachment_limit_mb", Integer),  # bilag sent with one agenda at most (None: 20 MB)
)
person = Table(
    "person",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("full_name", String(200), nullable=False),
    Column("short_name", String(200)),
    Column("role", String(20), nullable=False),
    Column("email", String(320)),
    Column("member_from", Date),
    Column("member_to", Date),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("council_id", "full_name"),
)
meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("start_time", String(5)),
    Column("end_time", String(5)),
    Column("place", String(300)),
    Column("cancelled", Boolean, nullable=False, default=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("referent_id", Integer, ForeignKey("person.id")),
    Column("revision", Integer, nullable=False, default=0, server_default="0"),
    Column("approved_at", UTCDateTime),
    Column("opening_note", Text),
    Column("agenda_issued_at", UTCDateTime),
    Column("agenda_changed_at", UTCDateTime),
    Column("roll_taken_at", UTCDateTime),
    Index("ix_meeting_council_date", "council_id", "date"),
)
agenda_item = Table(
    "agenda_item",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("title", String(500), nullable=False),
    Column("kind", String(20)),
    Column("background", Text),
    Column("decision", Text),
    Column("closed", Boolean, nullable=False, default=False, server_default=false()),
    Column("public_decision", Text),
    Column("standing", String(20)),
    Column("topic_id", Integer, ForeignKey("topic.id")),
)
action = Table(
    "action",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("title", String(1000), nullable=False),
    Column("details", Text),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), index=True),
    Column("item_id", Integer, ForeignKey("agenda_item.id")),
    Column("status", String(20), nullable=False),
    Column("due_kind", String(30)),
    Column("due_date", Date),
    Column("due_meeting_id", Integer, ForeignKey("meeting.id")),
    Column("due_n", Integer),
    Column("due_text", String(200)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Index("ix_action_council_status", "council_id", "status"),
)
action_owner = Table(
    "action_owner",
    metadata,
    Column("action_id", Integer, ForeignKey("action.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("person.id"), primary_key=True, index=True),
    Column("position", Integer, nullable=False, default=0),
)
action_event = Table(
    "action_event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", Integer, ForeignKey("action.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("meeting_id", Integer, ForeignKey("meeting.id")),
    Column("kind", String(20), nullable=False),
    Column("old", String(1000)),
    Column("new", String(1000)),
    Column("note", Text),
    Column("state", Text),
    Index("ix_action_event_action", "action_id", "id"),
    Index("ix_action_event_at", "at"),
)
action_body_owner = Table(
    "action_body_owner",
    metadata,
    Column("action_id", Integer, ForeignKey("action.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("label", String(200), nullable=False),
)
council_season = Table(
    "council_season",
    metadata,
    Column("council_id", Integer, ForeignKey("council.id"), primary_key=True),
    Column("name", String(50), primary_key=True),
    Column("start_md", String(5), nullable=False),
    Column("end_md", String(5), nullable=False),
)
attendance = Table(
    "attendance",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("person.id"), primary_key=True),
    Column("status", String(10), nullable=False),
    Column("reason", String(300)),
)
meeting_guest = Table(
    "meeting_guest",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", String(300), nullable=False),
)
topic = Table(
    "topic",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False, index=True),
    Column("title", String(500), nullable=False),
    Column("for_date", Date),
    Column("created_on", Date, nullable=False),
    Column("dropped_at", UTCDateTime),
    Column("note", Text),
)
event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("date", Date, nullable=False),
    Column("start_time", String(5)),
    Column("title", String(500), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_event_council_date", "council_id", "date"),
)
event_attendee = Table(
    "event_attendee",
    metadata,
    Column("event_id", Integer, ForeignKey("event.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("person.id"), primary_key=True),
)
reminder_log = Table(
    "reminder_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", Integer, ForeignKey("action.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("person.id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_reminder_log_day", "day", "person_id"),
)
event_reminder_log = Table(
    "event_reminder_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, ForeignKey("event.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("person.id"), nullable=False),
    Column("day", Date, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_event_reminder_log_day", "day", "person_id"),
)
import_log = Table(
    "import_log",
    metadata,
    Column("council_id", Integer, ForeignKey("council.id"), primary_key=True),
    Column("digest", String(64), primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id")),
    Column("file_name", String(300)),
    Column("at", UTCDateTime, nullable=False),
)
change_set = Table(
    "change_set",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("command", String(500), nullable=False),
    Column("undone_at", UTCDateTime),
    Column("council_id", Integer),
    # Who: UDSAT_USER, else »user@machine«; and the process (»pid 4711«). None: before m017.
    Column("author", String(200)),
    Column("process", String(100)),
    Index("ix_change_set_council", "council_id", "id"),
)
change_row = Table(
    "change_row",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_set_id", Integer, ForeignKey("change_set.id"), nullable=False, index=True),
    Column("table_name", String(50), nullable=False),
    Column("row_key", Text, nullable=False),
    Column("op", String(10), nullable=False),
    Column("old", Text),
    Column("new", Text),
    Column("action_id", Integer, index=True),
)
hearing = Table(
    "hearing",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("ref", String(40), nullable=False),
    Column("title", String(500), nullable=False),
    Column("sender", String(300), nullable=False),
    Column("received", Date),
    Column("deadline", Date, nullable=False),
    Column("deadline_time", String(5)),
    Column("answer_by", String(10), nullable=False),
    Column("status", String(20), nullable=False),
    Column("material", String(1000)),
    Column("item_id", Integer, ForeignKey("agenda_item.id")),
    Column("answer", Text),
    Column("answered_on", Date),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_hearing_council_deadline", "council_id", "deadline"),
    Index("ix_hearing_ref", "ref"),
)
agenda_notice = Table(
    "agenda_notice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=False, index=True),
    Column("address", String(320), nullable=False),
    Column("name", String(200), nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("changed", Boolean, nullable=False),
    Column("sent_at", UTCDateTime, nullable=False),
)
duty_reminder_log = Table(
    "duty_reminder_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, ForeignKey("council.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("person.id"), nullable=False),
    Column("duty", String(40), nullable=False),
    Column("day", Date, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_duty_reminder_log_day", "day", "person_id"),
)
minutes_version = Table(
    "minutes_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("approved_at", UTCDateTime, nullable=False),
    Column("reopened_at", UTCDateTime),
    Column("data", Text, nullable=False),
    Column("docx", LargeBinary, nullable=False),
    UniqueConstraint("meeting_id", "version"),
)
store_identity = Table(  # the calendar UIDs carry it: two installations never share an event
    "store_identity",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
)
attachment = Table(  # a bilag; ``closed`` (or a closed item) keeps it from mail and the site
    "attachment",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("agenda_item.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", String(255), nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("closed", Boolean, nullable=False, server_default=false(), default=False),
    Column("data", LargeBinary, nullable=False),
    Column("added_at", UTCDateTime, nullable=False),
    Index("ix_attachment_item", "item_id"),
)
mail_message = Table(  # one message to one address: sent, refused, deferred or held
    "mail_message",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("council_id", Integer, nullable=False),
    Column("kind", String(10), nullable=False),  # notice, update, cancel, reminder
    Column("message_id", String(300), nullable=False),
    Column("reference", String(64)),  # a reminder's, which a reply carries
    Column("meeting_id", Integer),
    Column("person_id", Integer),
    Column("address", String(320), nullable=False),
    Column("name", String(200)),
    Column("sequence", Integer),  # the invitation's SEQUENCE
    Column("actions", Text),  # a reminder's, JSON
    Column("said", String(200)),  # the meeting as sent
    Column("status", String(10), nullable=False),
    Column("detail", String(300)),  # the server's word
    Column("at", UTCDateTime, nullable=False),
    Index("ix_mail_message_council", "council_id", "meeting_id"),
    Index("ix_mail_message_reference", "reference"),
    Index("ix_mail_message_message_id", "message_id"),
)
meeting_reply = Table(  # a member's answer to the invitation, read by udsat inbox
    "meeting_reply",
    metadata,
    Column("meeting_id", Integer, ForeignKey("meeting.id"), primary_key=True),
    Column("person_id", Integer, ForeignKey("person.id"), primary_key=True),
    Column("response", String(10), nullable=False),  # accepted, declined, tentative
    Column("comment", String(300)),
    Column("at", UTCDateTime, nullable=False),
)
inbox_message = Table(  # a message udsat inbox has read, by its Message-ID
    "inbox_message",
    metadata,
    Column("council_id", Integer, primary_key=True),
    Column("message_key", String(300), primary_key=True),
    Column("outcome", String(10), nullable=False),
    Column("at", UTCDateTime, nullable=False),
)
