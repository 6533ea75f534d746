"""The search's queries alone, inside one process: the time ``udsat search`` spends in the store.
Runs core.search N times on one read connection after a first run and prints JSON (median, min,
max in ms, hits): python bench/search_query.py STORE COUNCIL WORD [N]"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from udsat_cli.cli.app import State
from udsat_cli.core.search import search
from udsat_cli.store.location import resolve_location


def main() -> None:
    store, council, word, *rest = sys.argv[1:]
    runs = int(rest[0]) if rest else 20
    state = State(
        location=resolve_location(store), today=date(2026, 6, 15), council=council, debug=False
    )
    times = []
    with state.read() as ctx:
        hits = len(search(ctx, text=word).hits)  # the first pays the imports and a cold cache
        for _ in range(runs):
            started = time.perf_counter()
            search(ctx, text=word)
            times.append((time.perf_counter() - started) * 1000)
    print(
        json.dumps(
            {
                "median_ms": round(statistics.median(times), 2),
                "min_ms": round(min(times), 2),
                "max_ms": round(max(times), 2),
                "runs": runs,
                "hits": hits,
            }
        )
    )


if __name__ == "__main__":
    main()
