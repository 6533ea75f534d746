"""The rows a write works with: a plain class per table of ``store.tables``, and the session.

A class is mapped on its table only when a command first imports it (``from
udsat_cli.store.models import Action`` maps Action and nothing else): a write pays for the few
tables it touches, not for all of them, and never imports pydantic or SQLModel (issue #31: the
SQLModel classes cost a write ~80 ms to define). The columns are in ``store.tables``; the schema
is made by migrations, never from either.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from sqlalchemy import Select, Table, orm

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
    else the column's Python default, else None."""

    __tablename__: ClassVar[str]
    __table__: ClassVar[Table]

    def __init__(self, **values: Any) -> None:
        for column in self.__table__.columns:
            if column.key in values:
                value = values.pop(column.key)
            elif column.default is not None and column.default.is_scalar:
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


class Person(Row):
    __tablename__ = "person"


class Meeting(Row):
    __tablename__ = "meeting"


class AgendaItem(Row):
    __tablename__ = "agenda_item"


class Action(Row):
    __tablename__ = "action"


class ActionOwner(Row):
    __tablename__ = "action_owner"


class ActionEvent(Row):
    """Append-only history of an action: creation, every status change, deadline change, note."""

    __tablename__ = "action_event"


class ActionBodyOwner(Row):
    """An owner that is not a person: the council itself (»rådet«) or a unit (»forvaltningen«),
    kept as the minutes wrote it. ``position`` orders it among the action's person owners."""

    __tablename__ = "action_body_owner"


class CouncilSeason(Row):
    """A council's own dates for "sommerferien", "efteråret" ... overriding data/seasons.json."""

    __tablename__ = "council_season"


class Attendance(Row):
    __tablename__ = "attendance"


class MeetingGuest(Row):
    """A guest who is not a person in the store: »Lene Holm (forvaltningen)«."""

    __tablename__ = "meeting_guest"


class Topic(Row):
    """A point for a coming agenda: on the first meeting on or after ``for_date`` (default: the
    first meeting after the day it was noted)."""

    __tablename__ = "topic"


class Event(Row):
    """Something the council takes part in: "4. april – Netværksmøde"."""

    __tablename__ = "event"


class EventAttendee(Row):
    __tablename__ = "event_attendee"


class ReminderLog(Row):
    """What was reminded to whom on which day, so an hourly cron does not repeat itself."""

    __tablename__ = "reminder_log"


class EventReminderLog(Row):
    __tablename__ = "event_reminder_log"


class ImportLog(Row):
    """Minutes already imported (by content hash), so importing them again changes nothing."""

    __tablename__ = "import_log"


class ChangeSet(Row):
    """One writing command, as the change log and undo see it, in the council it wrote to."""

    __tablename__ = "change_set"


class ChangeRow(Row):
    """One row a command inserted, updated or deleted, with its values before and after (JSON)."""

    __tablename__ = "change_row"


class Hearing(Row):
    """A consultation (høring) the council is asked to answer by a deadline. One sent to several
    councils of a shared store is one row per council, sharing ``ref``: each answers on its own."""

    __tablename__ = "hearing"


class AgendaNotice(Row):
    """One notice of meeting (indkaldelse) sent to one address."""

    __tablename__ = "agenda_notice"


class DutyReminderLog(Row):
    """A duty (a consultation's deadline, proposals closing, the agenda due out) reminded."""

    __tablename__ = "duty_reminder_log"


class MinutesVersion(Row):
    """A referat as it was approved: its data (what ``minutes --json`` prints) and the Word file.
    Reopening keeps it (``reopened_at``); the next approval is the next version."""

    __tablename__ = "minutes_version"


class StoreIdentity(Row):
    """The store's own random id, made once: the calendar UIDs carry it, so the meetings of two
    installations are never one event to Outlook or Google."""

    __tablename__ = "store_identity"


class Attachment(Row):
    """A bilag kept with its item. ``closed`` (or a closed item) keeps it in the store: it is
    never mailed or published."""

    __tablename__ = "attachment"


class MailMessage(Row):
    """One message to one address: sent, refused by the server, or held back (``--no-mail``).
    Bookkeeping outside the change journal, like the reminder log: what went out stays out."""

    __tablename__ = "mail_message"


class MeetingReply(Row):
    """A member's answer to the invitation (accepted, declined, tentative), read by inbox."""

    __tablename__ = "meeting_reply"


class InboxMessage(Row):
    """A message ``udsat inbox`` has read (by its Message-ID): applied, or listed as not
    understood, so a second run neither applies nor lists it again."""

    __tablename__ = "inbox_message"


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
