"""Score the importer on a folder of minutes with their expected extractions.

    python scripts/eval_import.py ../shared/referater [--out DIR]

Runs ``udsat import --dry-run --json`` on every .txt, .md and .docx file in FOLDER, writes the
predictions to DIR/<format>/<name>.json (one folder per format, since the same minutes may exist
as text and as Word), and runs FOLDER's score.py on each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

UDSAT = Path(sys.executable).with_name("udsat")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="udsat-eval-"))
    scorer = args.folder / "score.py"
    if not scorer.is_file():  # the project's own fixtures use the shared scorer
        scorer = Path(__file__).resolve().parents[1] / ".." / "shared" / "referater" / "score.py"
    status = 0
    for suffix in ("txt", "md", "docx"):
        files = sorted(p for p in args.folder.glob(f"*.{suffix}") if p.stem.upper() != "README")
        if not files:
            continue
        target = out / suffix
        target.mkdir(parents=True, exist_ok=True)
        for path in files:
            run = subprocess.run(
                [str(UDSAT), "import", "--dry-run", "--json", str(path)],
                capture_output=True, text=True,
            )  # fmt: skip
            if run.returncode != 0:
                print(f"{path.name}: {run.stderr.strip()}", file=sys.stderr)
                status = 1
                continue
            (target / f"{path.stem}.json").write_text(run.stdout, encoding="utf-8")
        print(f"== {suffix} ({len(files)} filer) → {target}")
        names = [p.stem for p in files]
        subprocess.run([sys.executable, str(scorer), str(args.folder), str(target), *names])
    return status


if __name__ == "__main__":
    sys.exit(main())
