"""The live screen's hold on the store, without the screen: one kept connection for the whole
meeting (``store.kept``), the council, the meeting's view, and how far the change journal has
been read. The screen, and ``bench/live_write.py``, write and reload through this alone."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from udsat_cli.core.context import CouncilContext
    from udsat_cli.core.live import Expect, LiveMeeting
    from udsat_cli.state import State


class LiveLink:
    def __init__(self, state: State, *, meeting: str | None = None) -> None:
        from udsat_cli.core.live import live_meeting, seen_now
        from udsat_cli.store.kept import KeptStore

        self.state = state
        # Opened as a command first: migrated, the council found, any fault one sentence.
        with state.read() as council:
            self.view: LiveMeeting = live_meeting(council, meeting=meeting)
            self.seen = seen_now(council)
            self.council_id, self.council_name = council.id, council.name
        self.meeting_ref = str(self.view.meeting.id)
        self.own: set[int] = set()  # the change sets this screen made
        self.store = KeptStore(state.location)

    def _context(self, db: Any, session: Any = None) -> CouncilContext:
        from udsat_cli.core.context import CouncilContext

        return CouncilContext(
            db=db,
            id=self.council_id,
            name=self.council_name,
            today=self.state.today,
            now=self.state.now,
            session=session,
        )

    @contextmanager
    def reading(self) -> Iterator[CouncilContext]:
        with self.store.read() as db:
            yield self._context(db)

    def write(
        self, what: str, change: Callable[[CouncilContext], Any], *, expect: Iterable[Expect] = ()
    ) -> Any:
        """One change in one transaction, as »udsat live – WHAT« in the log; each row in
        ``expect`` is checked first (``core.live.LiveConflict`` when another changed it)."""
        from udsat_cli.core.live import check_unchanged
        from udsat_cli.store.db import Db

        with self.store.write(f"udsat live – {what}") as session:
            session.info["udsat.council_id"] = self.council_id  # the journal files it there
            council = self._context(Db(session.connection(), alchemy=True), session)
            for row in expect:
                check_unchanged(council, row)
            result = change(council)
        if self.store.last_change_set is not None:
            self.own.add(self.store.last_change_set)
        return result

    def reload(self, parts: Iterable[str]) -> None:
        """Read again only the parts of the view named: seats, items, followups."""
        from udsat_cli.core.live import followups_of, items_of, seats_of

        parts = set(parts)
        if not parts:
            return
        with self.reading() as council:
            meeting = self.view.meeting
            if "seats" in parts:
                self.view.take(seats_of(council, meeting))
            if "items" in parts:
                self.view.items = items_of(council, meeting)
            if "followups" in parts:
                self.view.followups = followups_of(council, meeting)

    def poll(self) -> set[str]:
        """What others changed since the last look, reloaded; returns the parts."""
        from udsat_cli.core.live import changed_since

        with self.reading() as council:
            self.seen, parts = changed_since(council, self.seen, own=self.own)
        self.reload(parts)
        return parts

    def close(self) -> None:
        self.store.close()
