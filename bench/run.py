"""Benchmark udsat beside its floors and peers: python bench/run.py --sizes 1000,100000,1000000

Times whole processes (a warm-up, then --runs runs; median, min-max and peak RSS per process via
os.wait4), prints a Markdown table per size with the ratios to the floors, and writes JSON with
--json FILE. Stores are generated once per size into bench/.cache/ and reused; with
``--backend postgresql`` the same rows are loaded into a database per size on the server
``.ci/postgres`` starts (or ``--url``). Not a test: it asserts nothing, it measures.

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


def measure(argv: Callable[[int], list[str]], runs: int, env: dict[str, str]) -> dict:
    times, rss, codes = [], [], set()
    for i in range(runs + 1):
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv(i), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = (time.perf_counter() - start) * 1000
        proc.returncode = os.waitstatus_to_exitcode(status)
        if i == 0:
            continue  # warm-up: page cache, .pyc files
        times.append(elapsed)
        rss.append(usage.ru_maxrss / 1024)
        codes.add(proc.returncode)
    return {
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
        "rss_mib": round(max(rss), 1),
        "exit_codes": sorted(codes),
    }


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


def sqlite_targets(size: int, store: Path, runs: int) -> tuple[str, str, list[int], list[str]]:
    """(read store, write copy, open ids in the copy, floor argv) on SQLite."""
    work = CACHE / f"write-{size}.db"  # writes go to a copy, so the cached store stays as made
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    # The backup API, not a file copy: a WAL store's last commits may still sit in its -wal file.
    # In a child process, like the generator, so this process stays small (see store_for).
    copy = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))"
    subprocess.run([PY, "-c", copy, str(store), str(work)], check=True)
    os.chmod(work, 0o600)
    floor = [PY, str(HERE / "floors/typer_sqlite.py"), str(store)]
    return str(store), str(work), open_ids(work, runs + 1), floor


def _postgres(*args: str) -> str:
    """bench/postgres.py in a child process (psycopg stays out of this one: see store_for)."""
    out = subprocess.run(
        [PY, str(HERE / "postgres.py"), *args], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def postgres_targets(
    size: int, store: Path, runs: int, url: str
) -> tuple[str, str, list[int], list[str]]:
    """(read database, write copy, open ids in the copy, floor argv) on PostgreSQL."""
    started = time.perf_counter()
    read = _postgres("prepare", url, str(size), str(store))
    if time.perf_counter() - started > 5:
        print(f"  indlæst i PostgreSQL på {time.perf_counter() - started:.0f} s", file=sys.stderr)
    write = _postgres("copy", url, str(size))
    ids = [int(i) for i in _postgres("open-ids", write, str(runs + 1)).split()]
    return read, write, ids, [PY, str(HERE / "floors/typer_psycopg.py"), read]


def bench_size(size: int, runs: int, task_max: int, url: str | None) -> dict:
    store = store_for(size)
    if url:
        read, work, ids, floor = postgres_targets(size, store, runs, url)
        floor_label = "Typer + psycopg opfølgning"
        write_floor = "import typer, sqlmodel, psycopg"  # a write on PostgreSQL uses all three
    else:
        read, work, ids, floor = sqlite_targets(size, store, runs)
        floor_label = "Typer + sqlite3 opfølgning"
        write_floor = "import typer, sqlmodel"
    env = {k: v for k, v in os.environ.items() if not k.startswith("UDSAT_")}
    today = BENCH_TODAY.isoformat()
    common = ["--db", read, "--today", today, "--council", council_name(1)]
    write = ["--db", work, "--today", today, "--council", council_name(1)]
    owner = owner_of_first_council()
    held = last_meeting(store)
    cases: dict[str, tuple[str, Callable[[int], list[str]]]] = {
        "python -c pass": ("floor", lambda i: [PY, "-c", "pass"]),
        "Typer-app --help": ("floor", lambda i: [PY, str(HERE / "floors/typer_help.py"), "--help"]),
        floor_label: ("floor", lambda i: [*floor, council_name(1), today]),
        write_floor: ("floor", lambda i: [PY, "-c", write_floor]),
        "udsat --help": ("start", lambda i: [UDSAT, "--help"]),
        "udsat --version": ("start", lambda i: [UDSAT, "--version"]),
        'udsat date "næste fredag"': (
            "start",
            lambda i: [UDSAT, "--today", today, "date", "næste fredag"],
        ),
        "udsat followups --next-meeting": (
            "read",
            lambda i: [UDSAT, *common, "followups", "--next-meeting"],
        ),
        "udsat actions --owner X": (
            "read",
            lambda i: [UDSAT, *common, "actions", "--owner", owner],
        ),
        "udsat add-action …": (
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
        ),
        "udsat done ID": ("write", lambda i: [UDSAT, *write, "done", str(ids[i])]),
        "udsat agenda": ("report", lambda i: [UDSAT, *common, "agenda"]),
        "udsat minutes MØDE": ("report", lambda i: [UDSAT, *common, "minutes", held]),
    }
    if has_command("annual-report"):
        year = str(BENCH_TODAY.year - 1)
        cases["udsat annual-report ÅR"] = (
            "report",
            lambda i: [UDSAT, *common, "annual-report", year],
        )
    if has_command("publish"):
        site = CACHE / f"site-{size}"
        cases["udsat publish MAPPE"] = ("report", lambda i: [UDSAT, *common, "publish", str(site)])
    if has_command("remind"):
        quiet = ["--db", read, "--today", "1990-01-01", "--council", council_name(1)]
        cases["udsat remind (intet forfaldent)"] = ("read", lambda i: [UDSAT, *quiet, "remind"])
        # --again: prints and records every run, as the first run of a day does
        cases["udsat remind (forfaldne)"] = ("read", lambda i: [UDSAT, *write, "remind", "--again"])
    if shutil.which("task") and size <= task_max:
        data = CACHE / f"task-{size}-v{GENERATOR_VERSION}"
        if not (data / "pending.data").exists():
            export_taskwarrior(store, data)
        rc = data / "taskrc"
        rc.write_text(
            f"data.location={data}\nconfirmation=off\ngc=off\nhooks=off\nverbose=nothing\n"
        )
        cases["Taskwarrior due-rapport"] = (
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
        )
    results = {}
    live = subprocess.run(
        [PY, str(HERE / "live_write.py"), work, council_name(1), today, str(runs * 3)],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    inside = json.loads(live.stdout)
    results["udsat live: én skrivning"] = {
        "group": "live", "median_ms": inside["median_ms"], "min_ms": inside["median_ms"],
        "max_ms": inside["max_ms"], "rss_mib": 0.0, "exit_codes": [0],
    }  # fmt: skip
    for label, (group, argv) in cases.items():
        results[label] = {"group": group, **measure(argv, runs, env)}
        print(f"  {label:36} {results[label]['median_ms']:8.1f} ms", file=sys.stderr)
    return results


def ratios(results: dict) -> dict[str, float | None]:
    def m(label: str) -> float | None:
        return results[label]["median_ms"] if label in results else None

    floors = {
        "start": m("Typer-app --help"),
        "read": m("Typer + sqlite3 opfølgning") or m("Typer + psycopg opfølgning"),
        "write": m("import typer, sqlmodel") or m("import typer, sqlmodel, psycopg"),
        "peer": m("udsat followups --next-meeting"),
    }
    out = {}
    for label, r in results.items():
        base = floors.get(r["group"])
        out[label] = round(r["median_ms"] / base, 2) if base else None
    return out


def table(size: int, results: dict) -> list[str]:
    rel = ratios(results)
    floor_name = {
        "start": "Typer --help",
        "read": "Typer+psycopg" if "Typer + psycopg opfølgning" in results else "Typer+sqlite3",
        "write": "import",
        "peer": "udsat followups",
    }
    lines = [
        f"### {size:,} opgaver".replace(",", "."),
        "",
        "| kommando | median | spredning | maks. RSS | forhold |",
        "|---|---:|---:|---:|---|",
    ]
    for label, r in results.items():
        if r["group"] == "report":
            ratio = "rapport (mål: < 1 s)"
        elif r["group"] == "live":
            ratio = "i processen, efter importen (mål: < 50 ms)"
        else:
            ratio = f"{rel[label]}× {floor_name[r['group']]}" if rel[label] else "gulv"
        if r["exit_codes"] != [0]:  # a failing command is fast for the wrong reason
            ratio += f" (afslutningskode {', '.join(map(str, r['exit_codes']))})"
        lines.append(
            f"| {label} | {r['median_ms']:.0f} ms | {r['min_ms']:.0f}–{r['max_ms']:.0f} ms | "
            f"{r['rss_mib']:.0f} MiB | {ratio} |".replace("| 0 MiB |", "| – |")
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
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
    url = None
    machine = (
        f"{platform.machine()}, {os.cpu_count()} kerner, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    if args.backend == "postgresql":
        url = args.url or subprocess.run(
            [str(HERE.parent / ".ci/postgres")], check=True, capture_output=True, text=True
        ).stdout.strip()
        machine += f", PostgreSQL {_postgres('version', url)} på samme maskine"
    subprocess.run([PY, "-m", "compileall", "-q", str(HERE.parent / "src")], check=True)
    report = {
        "machine": machine,
        "backend": args.backend,
        "today": BENCH_TODAY.isoformat(),
        "sizes": {},
    }
    print(f"Maskine: {machine}", file=sys.stderr)
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"Størrelse {size:,}", file=sys.stderr)
        results = bench_size(size, args.runs, args.task_max, url)
        report["sizes"][size] = {"results": results, "ratios": ratios(results)}
        print("\n".join(table(size, results)) + "\n")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
