"""One write inside ``udsat live``: the program has paid its imports, so a field costs one
transaction. Times N add-action writes through the very path the live screen uses and prints
JSON: python bench/live_write.py STORE COUNCIL TODAY [N]"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from udsat_cli.core.actions import add_action  # noqa: E402
from udsat_cli.state import State  # noqa: E402
from udsat_cli.store.location import resolve_location  # noqa: E402


def main() -> None:
    store, council, today, *rest = sys.argv[1:]
    runs = int(rest[0]) if rest else 20
    state = State(location=resolve_location(store), today=date.fromisoformat(today),
                  council=council, debug=False)  # fmt: skip
    times = []
    for i in range(runs + 1):
        started = time.perf_counter()
        with replace(state, command=f"udsat live – opgave {i}").write() as ctx:
            add_action(ctx, title=f"Opgave skrevet under mødet {i}", owners=[], due="næste møde")
        if i:  # the first pays the imports, as the live program does once at start
            times.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"median_ms": round(statistics.median(times), 1),
                      "max_ms": round(max(times), 1), "runs": runs}))


if __name__ == "__main__":
    main()
