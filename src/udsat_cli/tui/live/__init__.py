"""udsat live: a full-screen terminal program for minuting a meeting as it happens (Textual).

Three tabs — attendance, the agenda item by item, the last meeting's follow-ups — and a read-back
of the current item. Every field is written when it is submitted, in a transaction of its own,
through the same core functions as the commands (so ``udsat log`` and ``udsat undo`` see each
change): if the laptop dies, everything before the last field is in the store, and opening
``udsat live`` again continues at the first item without a decision.

Others may write meanwhile (a second screen on the same meeting, the secretary at the command
line): what they change is read in every second and shown, a field being typed in is left as it
is, and a write to a row another has changed since the screen showed it is not made — the other
change is shown and the person asked (``core.live``). Every text from the store is shown as text,
never as Rich markup (»[/x]« in a title is »[/x]«). Keys are handled strictly in the order typed,
one field at a time: what is typed after Enter goes to the next field, not into the saved one.

``app`` is the App (keys, the save path, the poll); each tab is a part of its own
(``attendance``, ``agenda``, ``followups``) with the fields it composes and the events it handles;
``fields`` what they share; ``screens`` the windows on top; the stylesheet is ``live.tcss``;
the link to the store is ``tui.session``.
"""

from udsat_cli.tui.live.app import LiveApp

__all__ = ["LiveApp"]
