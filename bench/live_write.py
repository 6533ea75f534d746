"""Writes inside ``udsat live``: the program has paid its imports and keeps one connection for
the session (``tui.session.LiveLink``), so a field costs one transaction, and showing it
again costs reading back the part of the screen it changed. Times, through the very path the
live screen uses, N of each and prints JSON:

    write          add a task (add-action) — the transaction alone
    write_reload   add a task and read the agenda back, as the screen does before it draws
    decision       save an item's decision (checked to be as shown) and read the agenda back
    poll           look for what others changed, when nothing has (once a second)

    python bench/live_write.py STORE COUNCIL TODAY [N]

STORE is a SQLite file or a PostgreSQL URL. ``median_ms``/``max_ms`` are the plain write's
(what bench/run.py reports)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from udsat_cli.state import State
from udsat_cli.store.location import resolve_location


def _ms(times: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def main() -> None:
    from udsat_cli.core.actions import add_action
    from udsat_cli.core.items import add_item, edit_item
    from udsat_cli.core.live import Expect
    from udsat_cli.tui.session import LiveLink

    store, council, today, *rest = sys.argv[1:]
    runs = int(rest[0]) if rest else 20
    state = State(
        location=resolve_location(store),
        today=date.fromisoformat(today),
        council=council,
        debug=False,
    )
    session = LiveLink(state)
    ref = session.meeting_ref
    if not session.view.items:  # the meeting to minute has an item to decide under
        session.write("punkt", lambda c: add_item(c, ref=ref, title="Punkt til målingen"))
        session.reload({"items"})
    item = session.view.items[-1]
    times: dict[str, list[float]] = {"write": [], "write_reload": [], "decision": [], "poll": []}
    for i in range(runs + 1):
        started = time.perf_counter()
        session.write(
            f"opgave {i}",
            lambda c, i=i, title=item.title: add_action(
                c,
                title=f"Opgave skrevet under mødet {i}",
                owners=[],
                due="næste møde",
                meeting=ref,
                item=title,
            ),
        )
        wrote = time.perf_counter()
        session.reload({"items"})
        shown = time.perf_counter()
        item = next(x for x in session.view.items if x.id == item.id)
        base = Expect.row(
            "agenda_item",
            {"id": item.id},
            {"number": item.number, "decision": item.decision},
            "Beslutningen",
        )
        session.write(
            f"beslutning {i}",
            lambda c, i=i, number=item.number: edit_item(
                c, ref=ref, number=number, decision=f"Rådet besluttede {i}."
            ),
            expect=(base,),
        )
        session.reload({"items"})
        decided = time.perf_counter()
        item = next(x for x in session.view.items if x.id == item.id)
        session.poll()
        polled = time.perf_counter()
        if i:  # the first pays the imports and warms the connection, as the program does once
            times["write"].append((wrote - started) * 1000)
            times["write_reload"].append((shown - started) * 1000)
            times["decision"].append((decided - shown) * 1000)
            times["poll"].append((polled - decided) * 1000)
    session.close()
    print(
        json.dumps(
            {
                **_ms(times["write"]),
                "runs": runs,
                **{name: _ms(found) for name, found in times.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
