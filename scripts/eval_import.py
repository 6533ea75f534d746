"""Score the importer on folders of minutes with their expected extractions.

    python scripts/eval_import.py ../shared/referater ../shared/referater/nye [--out DIR]

Runs ``udsat import --dry-run --json`` on every .txt, .md and .docx file in each FOLDER, writes the
predictions to DIR/<n>-<folder>/<format>/<name>.json (one folder per format, since the same minutes
may exist as text and as Word), runs the shared score.py on each folder and format, and ends with
one line over all the folders' text files together (the figures the targets test holds).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

UDSAT = Path(sys.executable).with_name("udsat")
ROOT = Path(__file__).resolve().parents[1]


def _scorer_path(folder: Path) -> Path:
    """The folder's own score.py, else the shared one (the project's fixtures use that)."""
    shared = Path(os.environ.get("UDSAT_SHARED") or ROOT.parent / "shared")
    for candidate in (folder / "score.py", shared / "referater" / "score.py"):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"no score.py in {folder} nor in {shared / 'referater'}")


def _load(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", metavar="folder")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="udsat-eval-"))
    status = 0
    together: list[tuple[Path, Path]] = []  # (gold, prediction) of every text file
    for n, folder in enumerate(args.folders, start=1):
        scorer = _scorer_path(folder)
        for suffix in ("txt", "md", "docx"):
            files = sorted(p for p in folder.glob(f"*.{suffix}") if p.stem.upper() != "README")
            if not files:
                continue
            target = out / f"{n}-{folder.resolve().name}" / suffix
            target.mkdir(parents=True, exist_ok=True)
            for path in files:
                run = subprocess.run(
                    [str(UDSAT), "import", "--dry-run", "--json", str(path)],
                    capture_output=True,
                    text=True,
                )
                if run.returncode != 0:
                    print(f"{path.name}: {run.stderr.strip()}", file=sys.stderr)
                    status = 1
                    continue
                (target / f"{path.stem}.json").write_text(run.stdout, encoding="utf-8")
                if suffix != "docx":
                    together.append((path.with_suffix(".json"), target / f"{path.stem}.json"))
            print(f"== {folder} {suffix} ({len(files)} filer) → {target}")
            names = [p.stem for p in files]
            subprocess.run([sys.executable, str(scorer), str(folder), str(target), *names])
    if len(args.folders) > 1:
        print("== alle tekstfiler tilsammen")
        print(total_line(_load(_scorer_path(args.folders[0])), together))
    return status


def total_line(score, pairs: list[tuple[Path, Path]]) -> str:
    """The TOTAL line of score.py over documents from several folders."""
    keys = ("date", "tp", "fp", "fn", "pm", "pg", "ih", "in", "ip")
    t = dict.fromkeys(keys, 0)
    for gold, predicted in pairs:
        pred = json.loads(predicted.read_text(encoding="utf-8")) if predicted.is_file() else None
        r = score.score_doc(json.loads(gold.read_text(encoding="utf-8")), pred)
        t["date"] += r["date"]
        t["pm"] += r["participants"][0]
        t["pg"] += r["participants"][2]
        t["ih"] += r["items"][0]
        t["in"] += r["items"][1]
        t["ip"] += r["items_pred"]
        t["tp"] += r["actions"][0]
        t["fp"] += r["actions"][1]
        t["fn"] += r["actions"][2]

    def share(a: int, b: int) -> float:
        return a / b if b else 0.0

    return (
        f"TOTAL documents={len(pairs)} action P={share(t['tp'], t['tp'] + t['fp']):.2f} "
        f"R={share(t['tp'], t['tp'] + t['fn']):.2f} (TP={t['tp']} FP={t['fp']} FN={t['fn']}) "
        f"date={t['date']}/{len(pairs)} participants R={share(t['pm'], t['pg']):.2f} "
        f"items P={share(t['ih'], t['ip']):.2f} R={share(t['ih'], t['in']):.2f} "
        f"({t['ih']}/{t['ip']} predicted, {t['ih']}/{t['in']} gold)"
    )


if __name__ == "__main__":
    sys.exit(main())
