"""The rows a write works with: a plain class per table of ``store.tables``, and the session.

A class is mapped on its table only when a command first imports it (``from
udsat_cli.store.models import Action`` maps Action and nothing else): a write pays for the few
tables it touches, not for all of them, and never imports pydantic or SQLModel (issue #31: the
SQLModel classes cost a write ~80 ms to define). The columns are in ``store.tables``; the schema
is made by migrations, never from either.
"""

from __future__ import annotations

import datetime
import threading
from typing import Any, ClassVar

from sqlalchemy import ColumnDefault, Select, Table, orm

from udsat_cli.store import tables


class Session(orm.Session):
    """SQLAlchemy's session with SQLModel's ``exec``: a select of one class or one column gives
    its values (scalars), any other statement its result."""

    def exec(self, statement: Any, **kwargs: Any) -> Any:
        result = self.execute(statement, **kwargs)
        if isinstance(statement, Select) and len(statement.column_descriptions) == 1:
            return result.scalars()
        return result


class Row:
    """One row of ``__tablename__``. A new row starts with every column set: the value given,
    else the column's Python default, else None.

    Each subclass declares its columns as bare ``Mapped`` annotations (no values): they tell a
    type checker what the mapping puts there (a value on a row, a column on the class) and leave
    the class free for ``map_imperatively``. A key the database makes is typed ``int``, as
    SQLAlchemy's own declarative classes type it: it is None only until the row is flushed."""

    __tablename__: ClassVar[str]
    __table__: ClassVar[Table]

    def __init__(self, **values: Any) -> None:
        for column in self.__table__.columns:
            if column.key in values:
                value = values.pop(column.key)
            elif isinstance(column.default, ColumnDefault) and column.default.is_scalar:
                value = column.default.arg
            else:
                value = None
            setattr(self, column.key, value)
        if values:
            raise TypeError(f"{type(self).__name__} has no column {sorted(values)[0]}")

    def __repr__(self) -> str:
        key = ", ".join(f"{c.key}={getattr(self, c.key)!r}" for c in self.__table__.primary_key)
        return f"{type(self).__name__}({key})"


class Council(Row):
    __tablename__ = "council"

    id: orm.Mapped[int]
    name: orm.Mapped[str]
    created_at: orm.Mapped[datetime.datetime]
    proposals_days: orm.Mapped[int | None]
    agenda_days: orm.Mapped[int | None]
    quorum: orm.Mapped[int | None]
    standing_points: orm.Mapped[str | None]
    group_items: orm.Mapped[bool | None]
    attachment_limit_mb: orm.Mapped[int | None]


class Person(Row):
    __tablename__ = "person"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    full_name: orm.Mapped[str]
    short_name: orm.Mapped[str | None]
    role: orm.Mapped[str]
    email: orm.Mapped[str | None]
    member_from: orm.Mapped[datetime.date | None]
    member_to: orm.Mapped[datetime.date | None]
    created_at: orm.Mapped[datetime.datetime]


class Meeting(Row):
    __tablename__ = "meeting"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    date: orm.Mapped[datetime.date]
    start_time: orm.Mapped[str | None]
    end_time: orm.Mapped[str | None]
    place: orm.Mapped[str | None]
    cancelled: orm.Mapped[bool]
    created_at: orm.Mapped[datetime.datetime]
    referent_id: orm.Mapped[int | None]
    revision: orm.Mapped[int]
    approved_at: orm.Mapped[datetime.datetime | None]
    opening_note: orm.Mapped[str | None]
    agenda_issued_at: orm.Mapped[datetime.datetime | None]
    agenda_changed_at: orm.Mapped[datetime.datetime | None]
    roll_taken_at: orm.Mapped[datetime.datetime | None]


class AgendaItem(Row):
    __tablename__ = "agenda_item"

    id: orm.Mapped[int]
    meeting_id: orm.Mapped[int]
    number: orm.Mapped[int]
    title: orm.Mapped[str]
    kind: orm.Mapped[str | None]
    background: orm.Mapped[str | None]
    decision: orm.Mapped[str | None]
    closed: orm.Mapped[bool]
    public_decision: orm.Mapped[str | None]
    standing: orm.Mapped[str | None]
    topic_id: orm.Mapped[int | None]


class Action(Row):
    __tablename__ = "action"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    title: orm.Mapped[str]
    details: orm.Mapped[str | None]
    meeting_id: orm.Mapped[int | None]
    item_id: orm.Mapped[int | None]
    status: orm.Mapped[str]
    due_kind: orm.Mapped[str | None]
    due_date: orm.Mapped[datetime.date | None]
    due_meeting_id: orm.Mapped[int | None]
    due_n: orm.Mapped[int | None]
    due_text: orm.Mapped[str | None]
    created_at: orm.Mapped[datetime.datetime]
    closed_at: orm.Mapped[datetime.datetime | None]


class ActionOwner(Row):
    __tablename__ = "action_owner"

    action_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    position: orm.Mapped[int]


class ActionEvent(Row):
    """Append-only history of an action: creation, every status change, deadline change, note."""

    __tablename__ = "action_event"

    id: orm.Mapped[int]
    action_id: orm.Mapped[int]
    at: orm.Mapped[datetime.datetime]
    meeting_id: orm.Mapped[int | None]
    kind: orm.Mapped[str]
    old: orm.Mapped[str | None]
    new: orm.Mapped[str | None]
    note: orm.Mapped[str | None]
    state: orm.Mapped[str | None]


class ActionBodyOwner(Row):
    """An owner that is not a person: the council itself (»rådet«) or a unit (»forvaltningen«),
    kept as the minutes wrote it. ``position`` orders it among the action's person owners."""

    __tablename__ = "action_body_owner"

    action_id: orm.Mapped[int]
    position: orm.Mapped[int]
    kind: orm.Mapped[str]
    label: orm.Mapped[str]


class CouncilSeason(Row):
    """A council's own dates for "sommerferien", "efteråret" ... overriding data/seasons.json."""

    __tablename__ = "council_season"

    council_id: orm.Mapped[int]
    name: orm.Mapped[str]
    start_md: orm.Mapped[str]
    end_md: orm.Mapped[str]


class Attendance(Row):
    __tablename__ = "attendance"

    meeting_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    status: orm.Mapped[str]
    reason: orm.Mapped[str | None]


class MeetingGuest(Row):
    """A guest who is not a person in the store: »Lene Holm (forvaltningen)«."""

    __tablename__ = "meeting_guest"

    meeting_id: orm.Mapped[int]
    position: orm.Mapped[int]
    name: orm.Mapped[str]


class Topic(Row):
    """A point for a coming agenda: on the first meeting on or after ``for_date`` (default: the
    first meeting after the day it was noted)."""

    __tablename__ = "topic"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    title: orm.Mapped[str]
    for_date: orm.Mapped[datetime.date | None]
    created_on: orm.Mapped[datetime.date]
    dropped_at: orm.Mapped[datetime.datetime | None]
    note: orm.Mapped[str | None]


class Event(Row):
    """Something the council takes part in: "4. april – Netværksmøde"."""

    __tablename__ = "event"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    date: orm.Mapped[datetime.date]
    start_time: orm.Mapped[str | None]
    title: orm.Mapped[str]
    created_at: orm.Mapped[datetime.datetime]


class EventAttendee(Row):
    __tablename__ = "event_attendee"

    event_id: orm.Mapped[int]
    person_id: orm.Mapped[int]


class ReminderLog(Row):
    """What was reminded to whom on which day, so an hourly cron does not repeat itself."""

    __tablename__ = "reminder_log"

    id: orm.Mapped[int]
    action_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    day: orm.Mapped[datetime.date]
    channel: orm.Mapped[str]
    at: orm.Mapped[datetime.datetime]


class EventReminderLog(Row):
    __tablename__ = "event_reminder_log"

    id: orm.Mapped[int]
    event_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    day: orm.Mapped[datetime.date]
    channel: orm.Mapped[str]
    at: orm.Mapped[datetime.datetime]


class ImportLog(Row):
    """Minutes already imported (by content hash), so importing them again changes nothing."""

    __tablename__ = "import_log"

    council_id: orm.Mapped[int]
    digest: orm.Mapped[str]
    meeting_id: orm.Mapped[int | None]
    file_name: orm.Mapped[str | None]
    at: orm.Mapped[datetime.datetime]


class ChangeSet(Row):
    """One writing command, as the change log and undo see it, in the council it wrote to."""

    __tablename__ = "change_set"

    id: orm.Mapped[int]
    at: orm.Mapped[datetime.datetime]
    command: orm.Mapped[str]
    undone_at: orm.Mapped[datetime.datetime | None]
    council_id: orm.Mapped[int | None]
    author: orm.Mapped[str | None]
    process: orm.Mapped[str | None]


class ChangeRow(Row):
    """One row a command inserted, updated or deleted, with its values before and after (JSON)."""

    __tablename__ = "change_row"

    id: orm.Mapped[int]
    change_set_id: orm.Mapped[int]
    table_name: orm.Mapped[str]
    row_key: orm.Mapped[str]
    op: orm.Mapped[str]
    old: orm.Mapped[str | None]
    new: orm.Mapped[str | None]
    action_id: orm.Mapped[int | None]


class Hearing(Row):
    """A consultation (høring) the council is asked to answer by a deadline. One sent to several
    councils of a shared store is one row per council, sharing ``ref``: each answers on its own."""

    __tablename__ = "hearing"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    ref: orm.Mapped[str]
    title: orm.Mapped[str]
    sender: orm.Mapped[str]
    received: orm.Mapped[datetime.date | None]
    deadline: orm.Mapped[datetime.date]
    deadline_time: orm.Mapped[str | None]
    answer_by: orm.Mapped[str]
    status: orm.Mapped[str]
    material: orm.Mapped[str | None]
    item_id: orm.Mapped[int | None]
    answer: orm.Mapped[str | None]
    answered_on: orm.Mapped[datetime.date | None]
    created_at: orm.Mapped[datetime.datetime]


class AgendaNotice(Row):
    """One notice of meeting (indkaldelse) sent to one address."""

    __tablename__ = "agenda_notice"

    id: orm.Mapped[int]
    meeting_id: orm.Mapped[int]
    address: orm.Mapped[str]
    name: orm.Mapped[str]
    sequence: orm.Mapped[int]
    digest: orm.Mapped[str]
    changed: orm.Mapped[bool]
    sent_at: orm.Mapped[datetime.datetime]


class DutyReminderLog(Row):
    """A duty (a consultation's deadline, proposals closing, the agenda due out) reminded."""

    __tablename__ = "duty_reminder_log"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    duty: orm.Mapped[str]
    day: orm.Mapped[datetime.date]
    channel: orm.Mapped[str]
    at: orm.Mapped[datetime.datetime]


class MinutesVersion(Row):
    """A referat as it was approved: its data (what ``minutes --json`` prints) and the Word file.
    Reopening keeps it (``reopened_at``); the next approval is the next version."""

    __tablename__ = "minutes_version"

    id: orm.Mapped[int]
    meeting_id: orm.Mapped[int]
    version: orm.Mapped[int]
    approved_at: orm.Mapped[datetime.datetime]
    reopened_at: orm.Mapped[datetime.datetime | None]
    data: orm.Mapped[str]
    docx: orm.Mapped[bytes]


class StoreIdentity(Row):
    """The store's own random id, made once: the calendar UIDs carry it, so the meetings of two
    installations are never one event to Outlook or Google."""

    __tablename__ = "store_identity"

    id: orm.Mapped[str]
    created_at: orm.Mapped[datetime.datetime]


class Attachment(Row):
    """A bilag kept with its item. ``closed`` (or a closed item) keeps it in the store: it is
    never mailed or published."""

    __tablename__ = "attachment"

    id: orm.Mapped[int]
    item_id: orm.Mapped[int]
    position: orm.Mapped[int]
    name: orm.Mapped[str]
    media_type: orm.Mapped[str]
    size: orm.Mapped[int]
    digest: orm.Mapped[str]
    closed: orm.Mapped[bool]
    data: orm.Mapped[bytes]
    added_at: orm.Mapped[datetime.datetime]


class MailMessage(Row):
    """One message to one address: sent, refused by the server, or held back (``--no-mail``).
    Bookkeeping outside the change journal, like the reminder log: what went out stays out."""

    __tablename__ = "mail_message"

    id: orm.Mapped[int]
    council_id: orm.Mapped[int]
    kind: orm.Mapped[str]
    message_id: orm.Mapped[str]
    reference: orm.Mapped[str | None]
    meeting_id: orm.Mapped[int | None]
    person_id: orm.Mapped[int | None]
    address: orm.Mapped[str]
    name: orm.Mapped[str | None]
    sequence: orm.Mapped[int | None]
    actions: orm.Mapped[str | None]
    said: orm.Mapped[str | None]
    status: orm.Mapped[str]
    detail: orm.Mapped[str | None]
    at: orm.Mapped[datetime.datetime]


class MeetingReply(Row):
    """A member's answer to the invitation (accepted, declined, tentative), read by inbox."""

    __tablename__ = "meeting_reply"

    meeting_id: orm.Mapped[int]
    person_id: orm.Mapped[int]
    response: orm.Mapped[str]
    comment: orm.Mapped[str | None]
    at: orm.Mapped[datetime.datetime]


class InboxMessage(Row):
    """A message ``udsat inbox`` has read (by its Message-ID): applied, or listed as not
    understood, so a second run neither applies nor lists it again."""

    __tablename__ = "inbox_message"

    council_id: orm.Mapped[int]
    message_key: orm.Mapped[str]
    outcome: orm.Mapped[str]
    at: orm.Mapped[datetime.datetime]


# The classes leave the module's namespace here and come back mapped, one by one, through
# __getattr__ (PEP 562) when first imported.
_UNMAPPED: dict[str, type[Row]] = {cls.__name__: cls for cls in Row.__subclasses__()}
for _name in _UNMAPPED:
    del globals()[_name]
_registry = orm.registry(metadata=tables.metadata)
_mapping = threading.Lock()  # the live screen may write from a worker thread


def __getattr__(name: str) -> type[Row]:
    cls = _UNMAPPED.get(name)
    if cls is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _mapping:
        if name not in globals():
            cls.__table__ = tables.metadata.tables[cls.__tablename__]
            _registry.map_imperatively(cls, cls.__table__)
            globals()[name] = cls
    return cls
