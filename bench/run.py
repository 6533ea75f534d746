"""Benchmark udsat beside its floors and peers: python bench/run.py --sizes 1000,10000,1000000

Each command is paired with its floor (a minimal program doing the same work, see bench/floors/)
and the two are run alternately, --runs pairs (the order flips every pair), so both see the same
moment of a busy machine; the ratio reported is the median of the pair ratios, with their spread.
Whole processes are timed (after one warm-up each), peak RSS per process via os.wait4. Prints a
Markdown table per size and, for several sizes, the goals checked; writes JSON with --json FILE.
Stores are generated once per size into bench/.cache/ and reused; with ``--backend postgresql``
the same rows are loaded into a database per size on the server ``.ci/postgres`` starts (or
``--url``). Not a test: it asserts nothing, it measures.

udsat's modules are compiled to bytecode first, as pip does when it installs a package: the
floors' libraries in site-packages are compiled, and a store-less comparison would otherwise
charge udsat for compiling its source on every run where PYTHONDONTWRITEBYTECODE is set.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from generate import (  # noqa: E402  (SQLAlchemy stays out of this process: see store_for)
    BENCH_TODAY,
    GENERATOR_VERSION,
    council_name,
    export_taskwarrior,
    owner_of_first_council,
)

CACHE = HERE / ".cache"
PY = sys.executable
UDSAT = str(Path(PY).with_name("udsat"))
SEARCH_WORD = "frikort"  # a topic of every council (generate.TOPICS): hundreds of matches each

# Goals (issue #31): a read within this of its floor, a write of its imports, the Word agenda of
# its floor; search as fast at the largest size as at 10,000 (whole command and query alone).
READ_GOAL, WRITE_GOAL, DOCX_GOAL, FLAT_GOAL, RSS_GOAL, LIVE_GOAL_MS = 1.25, 1.3, 1.3, 1.2, 1.2, 50
LIVE_RELOAD = "udsat live: skrivning + genindlæsning"  # the goal: Enter to the updated screen


@dataclass
class Case:
    group: str  # floor, start, read, search, write, docx, report, peer
    argv: Callable[[int], list[str]]
    floor: str | None = None  # the label of the case it is paired with


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall ms, peak RSS MiB, exit code) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(cases: dict[str, Case], runs: int, env: dict[str, str]) -> dict[str, dict]:
    """Every command alternately with its floor, ``runs`` pairs; a floor's own figures pool every
    pair it took part in. A case's argv gets 0 for its warm-up and 1..runs after."""
    times: dict[str, list[float]] = {label: [] for label in cases}
    rss: dict[str, list[float]] = {label: [] for label in cases}
    codes: dict[str, set[int]] = {label: set() for label in cases}
    pair_ratios: dict[str, list[float]] = {}
    warmed: set[str] = set()
    paired = {case.floor for case in cases.values() if case.floor}
    order = [label for label, case in cases.items() if case.group != "floor" or label not in paired]
    for label in order:
        case = cases[label]
        names = [label] + ([case.floor] if case.floor else [])
        for name in names:
            if name not in warmed:  # page cache, .pyc files; a write's first id
                run_once(cases[name].argv(0), env)
                warmed.add(name)
        for i in range(1, runs + 1):
            got = {}
            for name in names if i % 2 else names[::-1]:
                ms, mib, code = run_once(cases[name].argv(i), env)
                got[name] = ms
                if name == label or cases[name].group == "floor":
                    times[name].append(ms)
                    rss[name].append(mib)
                    codes[name].add(code)
            if case.floor:
                pair_ratios.setdefault(label, []).append(got[label] / got[case.floor])
        print(
            f"  {label:40} {statistics.median(times[label]):8.1f} ms"
            + (
                f"  {statistics.median(pair_ratios[label]):5.2f}× {case.floor}"
                if case.floor
                else ""
            ),
            file=sys.stderr,
        )
    results = {}
    for label, case in cases.items():
        if not times[label]:
            continue
        ratios = pair_ratios.get(label)
        results[label] = {
            "group": case.group,
            "floor": case.floor,
            "median_ms": round(statistics.median(times[label]), 1),
            "min_ms": round(min(times[label]), 1),
            "max_ms": round(max(times[label]), 1),
            "rss_mib": round(max(rss[label]), 1),
            "exit_codes": sorted(codes[label]),
            "ratio": round(statistics.median(ratios), 3) if ratios else None,
            "ratio_min": round(min(ratios), 3) if ratios else None,
            "ratio_max": round(max(ratios), 3) if ratios else None,
            "pairs": len(ratios or times[label]),
        }
    return results


def has_command(name: str) -> bool:
    return subprocess.run([UDSAT, name, "--help"], capture_output=True).returncode == 0


def store_for(size: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"store-{size}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        print(f"· genererer lager med {size:,} opgaver …", file=sys.stderr)
        started = time.perf_counter()
        # In a child process: a forked child's peak RSS counts its parent's pages, so this
        # process must stay small for the per-command RSS figures to mean anything.
        subprocess.run([PY, str(HERE / "generate.py"), str(size), str(path)], check=True)
        print(f"  færdig på {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def open_ids(store: Path, count: int) -> list[int]:
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM action WHERE council_id = 1 AND status = 'open' "
                "ORDER BY id DESC LIMIT ?",
                (count,),
            )
        ]


def last_meeting(store: Path) -> str:
    """The date of council 1's last meeting before the benchmark's today (for ``minutes``)."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        (held,) = conn.execute(
            "SELECT MAX(date) FROM meeting WHERE council_id = 1 AND date < ?",
            (BENCH_TODAY.isoformat(),),
        ).fetchone()
    return held


def sqlite_targets(size: int, store: Path, runs: int) -> tuple[str, str, list[int], str]:
    """(read store, write copy, open ids in the copy, floors' suffix) on SQLite."""
    work = CACHE / f"write-{size}.db"  # writes go to a copy, so the cached store stays as made
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    # The backup API, not a file copy: a WAL store's last commits may still sit in its -wal file.
    # In a child process, like the generator, so this process stays small (see store_for).
    copy = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))"
    subprocess.run([PY, "-c", copy, str(store), str(work)], check=True)
    os.chmod(work, 0o600)
    return str(store), str(work), open_ids(work, runs + 1), "sqlite"


def _postgres(*args: str) -> str:
    """bench/postgres.py in a child process (psycopg stays out of this one: see store_for)."""
    out = subprocess.run(
        [PY, str(HERE / "postgres.py"), *args], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def postgres_targets(
    size: int, store: Path, runs: int, url: str
) -> tuple[str, str, list[int], str]:
    """(read database, write copy, open ids in the copy, floors' suffix) on PostgreSQL."""
    started = time.perf_counter()
    read = _postgres("prepare", url, str(size), str(store))
    if time.perf_counter() - started > 5:
        print(f"  indlæst i PostgreSQL på {time.perf_counter() - started:.0f} s", file=sys.stderr)
    write = _postgres("copy", url, str(size))
    ids = [int(i) for i in _postgres("open-ids", write, str(runs + 1)).split()]
    return read, write, ids, "psycopg"


def in_process(script: str, *args: str, env: dict[str, str]) -> dict:
    """A bench/ script that times something inside one process and prints JSON."""
    out = subprocess.run(
        [PY, str(HERE / script), *args], check=True, capture_output=True, text=True, env=env
    )
    return json.loads(out.stdout)


def bench_size(size: int, runs: int, task_max: int, url: str | None) -> dict:
    store = store_for(size)
    if url:
        read, work, ids, driver = postgres_targets(size, store, runs, url)
        write_floor = "import typer, sqlmodel, psycopg"  # a write on PostgreSQL uses all three
    else:
        read, work, ids, driver = sqlite_targets(size, store, runs)
        write_floor = "import typer, sqlmodel"
    floors = HERE / "floors"
    # No store, settings or data of the user's own: a command without --db finds none.
    env = {k: v for k, v in os.environ.items() if not k.startswith("UDSAT_")}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        env[name] = str(CACHE / "home" / name.lower())
    today = BENCH_TODAY.isoformat()
    council = council_name(1)
    common = ["--db", read, "--today", today, "--council", council]
    write = ["--db", work, "--today", today, "--council", council]
    owner = owner_of_first_council()
    held = last_meeting(store)
    docx = str(CACHE / f"dagsorden-{size}.docx")
    library = "sqlite3" if driver == "sqlite" else driver
    follow_floor = f"Typer + {library} opfølgning"
    search_floor = f"Typer + {library} søgning"
    docx_floor = f"Typer + {library} + python-docx dagsorden"
    cases: dict[str, Case] = {
        "python -c pass": Case("floor", lambda i: [PY, "-c", "pass"]),
        "Typer-app --help": Case("floor", lambda i: [PY, str(floors / "typer_help.py"), "--help"]),
        follow_floor: Case(
            "floor", lambda i: [PY, str(floors / f"typer_{driver}.py"), read, council, today]
        ),
        search_floor: Case(
            "floor",
            lambda i: [PY, str(floors / f"typer_{driver}_search.py"), read, council, SEARCH_WORD],
        ),
        docx_floor: Case(
            "floor",
            lambda i: [PY, str(floors / "typer_docx_agenda.py"), read, council, today, docx],
        ),
        write_floor: Case("floor", lambda i: [PY, "-c", write_floor]),
        "udsat --help": Case("start", lambda i: [UDSAT, "--help"], "Typer-app --help"),
        "udsat --version": Case("start", lambda i: [UDSAT, "--version"], "Typer-app --help"),
        'udsat date "næste fredag"': Case(
            "start", lambda i: [UDSAT, "--today", today, "date", "næste fredag"], "Typer-app --help"
        ),
        "udsat followups --next-meeting": Case(
            "read", lambda i: [UDSAT, *common, "followups", "--next-meeting"], follow_floor
        ),
        "udsat actions --owner X": Case(
            "read", lambda i: [UDSAT, *common, "actions", "--owner", owner], follow_floor
        ),
        f"udsat search {SEARCH_WORD}": Case(
            "search", lambda i: [UDSAT, *common, "search", SEARCH_WORD], search_floor
        ),
        "udsat add-action …": Case(
            "write",
            lambda i: [
                UDSAT,
                *write,
                "add-action",
                f"Benchmarkopgave {i}",
                "--owner",
                owner,
                "--due",
                "næste møde",
            ],
            write_floor,
        ),
        "udsat done ID": Case("write", lambda i: [UDSAT, *write, "done", str(ids[i])], write_floor),
        "udsat agenda": Case("report", lambda i: [UDSAT, *common, "agenda"]),
        "udsat agenda --format docx": Case(
            "docx",
            lambda i: [UDSAT, *common, "agenda", "--format", "docx", "-o", docx, "--force"],
            docx_floor,
        ),
        "udsat minutes MØDE": Case("report", lambda i: [UDSAT, *common, "minutes", held]),
    }
    if has_command("annual-report"):
        year = str(BENCH_TODAY.year - 1)
        cases["udsat annual-report ÅR"] = Case(
            "report", lambda i: [UDSAT, *common, "annual-report", year]
        )
    if has_command("publish"):
        site = CACHE / f"site-{size}"
        cases["udsat publish MAPPE"] = Case(
            "report", lambda i: [UDSAT, *common, "publish", str(site)]
        )
    if has_command("remind"):
        quiet = ["--db", read, "--today", "1990-01-01", "--council", council]
        cases["udsat remind (intet forfaldent)"] = Case(
            "read", lambda i: [UDSAT, *quiet, "remind"], follow_floor
        )
        # --again: prints and records every run, as the first run of a day does
        cases["udsat remind (forfaldne)"] = Case(
            "read", lambda i: [UDSAT, *write, "remind", "--again"], follow_floor
        )
    if shutil.which("task") and size <= task_max:
        data = CACHE / f"task-{size}-v{GENERATOR_VERSION}"
        if not (data / "pending.data").exists():
            export_taskwarrior(store, data)
        rc = data / "taskrc"
        rc.write_text(
            f"data.location={data}\nconfirmation=off\ngc=off\nhooks=off\nverbose=nothing\n"
        )
        cases["Taskwarrior due-rapport"] = Case(
            "peer",
            lambda i: [
                "task",
                f"rc:{rc}",
                "rc.detection=off",
                "project:c1",
                f"due.before:{today}",
                "limit:50",
                "list",
            ],
            "udsat followups --next-meeting",
        )
    results: dict[str, dict] = {}
    live = in_process("live_write.py", work, council, today, str(max(runs * 3, 3)), env=env)
    for label, part in (
        ("udsat live: én skrivning", "write"),
        (LIVE_RELOAD, "write_reload"),
        ("udsat live: beslutning + genindlæsning", "decision"),
    ):
        results[label] = {
            "group": "live",
            "floor": None,
            "median_ms": live[part]["median_ms"],
            "min_ms": live[part]["median_ms"],
            "max_ms": live[part]["max_ms"],
            "rss_mib": 0.0,
            "exit_codes": [0],
            "ratio": None,
            "pairs": live["runs"],
        }
    query = in_process(
        "search_query.py", read, council, SEARCH_WORD, str(max(runs * 5, 5)), env=env
    )
    results[f"udsat search {SEARCH_WORD}: forespørgslen"] = {
        "group": "query",
        "floor": None,
        "median_ms": query["median_ms"],
        "min_ms": query["min_ms"],
        "max_ms": query["max_ms"],
        "rss_mib": 0.0,
        "exit_codes": [0],
        "ratio": None,
        "pairs": query["runs"],
        "hits": query["hits"],
    }
    results.update(measure(cases, runs, env))
    return results


def _ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def table(size: int, results: dict) -> list[str]:
    lines = [
        f"### {size:,} opgaver".replace(",", "."),
        "",
        "| kommando | median | spredning | maks. RSS | forhold (median af par) "
        "| parrenes spredning |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for label, r in results.items():
        spread = "–"
        if r["group"] == "floor":
            ratio = "gulv"
        elif r["group"] == "report":
            ratio = "rapport (mål: < 1 s)"
        elif r["group"] == "live":
            ratio = f"i processen, efter importen (mål: < {LIVE_GOAL_MS} ms)"
        elif r["group"] == "query":
            ratio = f"i processen, {r['hits']} fund (mål: flad)"
        else:
            ratio = f"{r['ratio']:.2f}× {r['floor']}"
            spread = f"{r['ratio_min']:.2f}–{r['ratio_max']:.2f}×"
        if r["exit_codes"] != [0]:  # a failing command is fast for the wrong reason
            ratio += f" (afslutningskode {', '.join(map(str, r['exit_codes']))})"
        rss = f"{r['rss_mib']:.0f} MiB" if r["rss_mib"] else "–"
        lines.append(
            f"| {label} | {_ms(r['median_ms'])} | {_ms(r['min_ms'])}–{_ms(r['max_ms'])} | {rss} "
            f"| {ratio} | {spread} |"
        )
    return lines


def _n(size: int) -> str:
    return f"{size:,}".replace(",", ".")  # Danish: 1.000.000


def _x(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")  # Danish: 1,25


def goals(sizes: dict[int, dict]) -> list[str]:
    """Each goal of issue #31 as these runs show it, in Danish: holds or does not, with figures."""
    ordered = sorted(sizes)
    lines = ["### Mål", ""]

    def verdict(holds: bool) -> str:
        return "holder" if holds else "**holder ikke**"

    for group, goal, what in (
        ("read", READ_GOAL, "Læsekommandoer"),
        ("search", READ_GOAL, "Søgning"),
        ("write", WRITE_GOAL, "Skrivende kommandoer"),
        ("docx", DOCX_GOAL, "Word-dagsordenen"),
    ):
        found = [
            (r["ratio"], lb, s)
            for s in ordered
            for lb, r in sizes[s].items()
            if r["group"] == group
        ]
        if not found:
            continue
        low, high = min(found)[0], max(found)[0]
        over = sorted({lb for ratio, lb, _ in found if ratio > goal})
        line = (
            f"- {what} ≤ {_x(goal)}× gulvet (median af par): {verdict(not over)} "
            f"({_x(low)}–{_x(high)}×"
        )
        lines.append(line + (f"; over: {', '.join(over)})." if over else ")."))
    flat = [s for s in ordered if s >= 10_000]
    if len(flat) >= 2:
        first, last = flat[0], flat[-1]
        query = f"udsat search {SEARCH_WORD}: forespørgslen"
        q = sizes[first][query], sizes[last][query]
        command = f"udsat search {SEARCH_WORD}"
        whole = sizes[last][command]["ratio"] / sizes[first][command]["ratio"]
        alone = q[1]["median_ms"] / q[0]["median_ms"]
        lines.append(
            f"- Søgning flad fra {_n(first)} til {_n(last)} (≤ {_x(FLAT_GOAL, 1)}×): "
            f"{verdict(max(whole, alone) <= FLAT_GOAL)} (forholdet til gulvet {_x(whole)}×, "
            f"forespørgslen alene {_x(q[0]['median_ms'], 1)} → {_x(q[1]['median_ms'], 1)} ms, "
            f"{_x(alone)}×)."
        )
    live = [sizes[s][LIVE_RELOAD]["median_ms"] for s in ordered]
    holds = max(live) < LIVE_GOAL_MS
    lines.append(
        f"- Skrivning + genindlæsning i `udsat live` (fra Enter til den opdaterede skærm) "
        f"< {LIVE_GOAL_MS} ms: {verdict(holds)} ({min(live):.0f}–{max(live):.0f} ms)."
    )
    if len(ordered) >= 2:
        small, large = sizes[ordered[0]], sizes[ordered[-1]]
        grew = [
            (large[lb]["rss_mib"] / small[lb]["rss_mib"], lb)
            for lb, r in large.items()
            if r["group"] in ("read", "search", "report", "docx")
            and small.get(lb, {}).get("rss_mib")
        ]
        worst = max(grew)
        lines.append(
            f"- Hukommelse ved {_n(ordered[-1])} ≤ {_x(RSS_GOAL, 1)}× ved "
            f"{_n(ordered[0])}: {verdict(worst[0] <= RSS_GOAL)} "
            f"(størst: {worst[1]} {_x(worst[0])}×)."
        )
    for s in ordered:
        task = sizes[s].get("Taskwarrior due-rapport")
        if task and s >= 100_000:
            lines.append(
                f"- Taskwarrior ved {_n(s)}: {_x(task['ratio'], 1)}× så lang tid som "
                "`udsat followups --next-meeting`."
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=9, help="pairs of each command and its floor")
    parser.add_argument(
        "--task-max",
        type=int,
        default=100_000,
        help="largest size to load into Taskwarrior (1,000,000 takes ~30 s a run)",
    )
    parser.add_argument("--json", type=Path, help="write all results here")
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--url",
        help="a PostgreSQL server (a role with CREATEDB); default: the one .ci/postgres starts",
    )
    args = parser.parse_args()
    import importlib.util

    if importlib.util.find_spec("sqlmodel") is None:  # the writes' floor imports it
        sys.exit("Målingen af skrivninger bruger SQLModel som gulv: pip install -e '.[bench]'")
    url = None
    machine = (
        f"{platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    if args.backend == "postgresql":
        url = (
            args.url
            or subprocess.run(
                [str(HERE.parent / ".ci/postgres")], check=True, capture_output=True, text=True
            ).stdout.strip()
        )
        machine += f", PostgreSQL {_postgres('version', url)} på samme maskine"
    subprocess.run([PY, "-m", "compileall", "-q", str(HERE.parent / "src")], check=True)
    report = {
        "machine": machine,
        "measured": date.today().isoformat(),
        "load": os.getloadavg(),
        "backend": args.backend,
        "today": BENCH_TODAY.isoformat(),
        "runs": args.runs,
        "sizes": {},
    }
    print(f"Maskine: {machine}", file=sys.stderr)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"Størrelse {size:,}", file=sys.stderr)
        results = bench_size(size, args.runs, args.task_max, url)
        report["sizes"][size] = results
        print("\n".join(table(size, results)) + "\n", flush=True)
    print("\n".join(goals(report["sizes"])))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
