"""One command's view of one council: resolved once, passed to every core function.

It carries the store (``db`` for SQL, ``session`` when the command writes), the council, ``today``
and ``now``, and, loaded when first asked for, the council's meeting plan and seasons. Core
functions never look the council up again by name.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from udsat_cli.errors import AmbiguousError, NotFoundError
from udsat_cli.store.db import Db

if TYPE_CHECKING:
    from udsat_cli.core.meetings import Plan
    from udsat_cli.store.models import Session


class CouncilNotChosen(AmbiguousError):
    """The store has no council, or several and the command did not name one."""


class CouncilContext:
    __slots__ = (
        "db",
        "id",
        "name",
        "today",
        "now",
        "session",
        "notices",
        "_plan",
        "_seasons",
        "_settings",
    )

    def __init__(
        self,
        *,
        db: Db,
        id: int,
        name: str,
        today: date,
        now: datetime,
        session: Session | None = None,
    ) -> None:
        self.db = db
        self.id = id
        self.name = name
        self.today = today
        self.now = now
        self.session = session
        self.notices: list[str] = []  # what the person should know, on stderr after the command
        self._plan: Plan | None = None
        self._seasons: dict[str, tuple[str, str]] | None = None
        self._settings: dict[str, Any] | None = None

    @property
    def plan(self) -> Plan:
        """The council's meetings that are not cancelled, in date order."""
        if self._plan is None:
            from udsat_cli.core.meetings import load_plan

            self._plan = load_plan(self)
        return self._plan

    def replan(self) -> None:
        """Forget the plan after a meeting was added, moved or cancelled."""
        self._plan = None

    @property
    def seasons(self) -> dict[str, tuple[str, str]]:
        if self._seasons is None:
            from udsat_cli.core.seasons import load_seasons

            self._seasons = load_seasons(self)
        return self._seasons

    def reseason(self) -> None:
        self._seasons = None

    def notify(self, message: str) -> None:
        """A sentence for stderr once the command has succeeded: what udsat read or assumed."""
        self.notices.append(message)

    def as_of(self, now: datetime) -> CouncilContext:
        """The same council and transaction, with the clock set to ``now`` (what a meeting
        decided is recorded as of the meeting's day)."""
        other = CouncilContext(
            db=self.db, id=self.id, name=self.name, today=now.date(), now=now, session=self.session
        )
        other.notices = self.notices
        return other

    @property
    def writing(self) -> Session:
        """The write session; a core function that writes asks for it, so a read cannot."""
        if self.session is None:
            raise RuntimeError("a write needs a council context opened for writing")
        return self.session


def find_council(db: Db, *, name: str | None) -> tuple[int, str]:
    """The council a command names with --council, or the only one in the store."""
    rows = db.all("SELECT id, name FROM council ORDER BY name")
    if name:
        key = " ".join(name.split()).casefold()
        for cid, cname in rows:
            if cname.casefold() == key:
                return cid, cname
        known = ", ".join(n for _, n in rows) or "ingen"
        raise NotFoundError(f"Rådet »{name}« findes ikke i lageret (kendte råd: {known}).")
    if len(rows) == 1:
        return rows[0][0], rows[0][1]
    if not rows:
        raise CouncilNotChosen(
            'Lageret har intet råd endnu; opret det med: udsat init --council "Navn".', exit_code=1
        )
    names = ", ".join(n for _, n in rows)
    raise CouncilNotChosen(f"Lageret har flere råd ({names}); vælg et med --council.")


def council_context(
    db: Db, *, name: str | None, today: date, now: datetime, session: Session | None = None
) -> CouncilContext:
    cid, cname = find_council(db, name=name)
    return CouncilContext(db=db, id=cid, name=cname, today=today, now=now, session=session)
