"""What udsat does, independent of how it is asked (CLI) or shown (render).

Read modules (lookup, views, listing, followups) use only the ``Db`` SQL interface; write modules
(councils, members, meetings, actions, demo) use SQLModel and are imported only by writing commands.
"""
