"""Benchmark udsat beside its floors and peers: python bench/run.py --sizes 1000,100000,1000000

Times whole processes (a warm-up, then --runs runs; median, min-max and peak RSS per process via
os.wait4), prints a Markdown table per size with the ratios to the floors, and writes JSON with
--json FILE. Stores are generated once per size into bench/.cache/ and reused. Not a test: it
asserts nothing, it measures.
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
    council_name,
    export_taskwarrior,
    owner_of_first_council,
)

CACHE = HERE / ".cache"
GENERATOR_VERSION = 1
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


def bench_size(size: int, runs: int, task_max: int) -> dict:
    store = store_for(size)
    work = CACHE / f"write-{size}.db"  # writes go to a copy, so the cached store stays as made
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    # The backup API, not a file copy: a WAL store's last commits may still sit in its -wal file.
    # In a child process, like the generator, so this process stays small (see store_for).
    copy = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))"
    subprocess.run([PY, "-c", copy, str(store), str(work)], check=True)
    os.chmod(work, 0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("UDSAT_")}
    today = BENCH_TODAY.isoformat()
    common = ["--db", str(store), "--today", today, "--council", council_name(1)]
    write = ["--db", str(work), "--today", today, "--council", council_name(1)]
    ids = open_ids(work, runs + 1)
    owner = owner_of_first_council()
    cases: dict[str, tuple[str, Callable[[int], list[str]]]] = {
        "python -c pass": ("floor", lambda i: [PY, "-c", "pass"]),
        "Typer-app --help": ("floor", lambda i: [PY, str(HERE / "floors/typer_help.py"), "--help"]),
        "Typer + sqlite3 opfølgning": (
            "floor",
            lambda i: [
                PY,
                str(HERE / "floors/typer_sqlite.py"),
                str(store),
                council_name(1),
                today,
            ],
        ),
        "import typer, sqlmodel": ("floor", lambda i: [PY, "-c", "import typer, sqlmodel"]),
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
    }
    if has_command("remind"):
        quiet = ["--db", str(store), "--today", "1990-01-01", "--council", council_name(1)]
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
    for label, (group, argv) in cases.items():
        results[label] = {"group": group, **measure(argv, runs, env)}
        print(f"  {label:36} {results[label]['median_ms']:8.1f} ms", file=sys.stderr)
    return results


def ratios(results: dict) -> dict[str, float | None]:
    def m(label: str) -> float | None:
        return results[label]["median_ms"] if label in results else None

    floors = {
        "start": m("Typer-app --help"),
        "read": m("Typer + sqlite3 opfølgning"),
        "write": m("import typer, sqlmodel"),
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
        "read": "Typer+sqlite3",
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
        ratio = f"{rel[label]}× {floor_name[r['group']]}" if rel[label] else "gulv"
        lines.append(
            f"| {label} | {r['median_ms']:.0f} ms | {r['min_ms']:.0f}–{r['max_ms']:.0f} ms | "
            f"{r['rss_mib']:.0f} MiB | {ratio} |"
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
    args = parser.parse_args()
    report = {
        "machine": f"{platform.machine()}, {os.cpu_count()} kerner, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        "today": BENCH_TODAY.isoformat(),
        "sizes": {},
    }
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"Størrelse {size:,}", file=sys.stderr)
        results = bench_size(size, args.runs, args.task_max)
        report["sizes"][size] = {"results": results, "ratios": ratios(results)}
        print("\n".join(table(size, results)) + "\n")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
