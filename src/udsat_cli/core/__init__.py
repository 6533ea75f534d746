"""What udsat does, independent of how it is asked (CLI) or shown (render).

Every function takes a ``CouncilContext`` (``core.context``): the council, today and the store,
resolved once per command. Modules are named by entity (members, meetings, items, actions,
topics, events, seasons) and hold both its reads and its writes; reports (followups, agenda,
minutes, reminders, search, changes) return dataclasses. Reads use only the ``Db`` SQL interface;
writes import the row classes of ``store.models`` inside the function, so a read never loads them.
"""
