"""Benchmark what a reader change costs: CPU time of `docparse.parse` per PDF, this tree against a git revision.

Not a test: timings depend on the machine and its load. Each parse runs in its own subprocess, the
revision's and this tree's alternating file by file (so both see the same load); the script also
prints how many tables and parts each gives, so a change in what is found shows beside its cost.
The revision's `docparse/` is exported with `git archive` into a temporary folder and imported in
place of the editable install.

Run: .venv/bin/python bench/bench_table_cost.py --base 281c9d7 [DIR ...]
(DIR: folders of PDFs, default the shared corpus.)
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

# Run in the child: import docparse from the given folder only (not the editable install), parse, count.
CHILD = """
import sys
src = sys.argv[1]
sys.path.insert(0, src)
names = lambda f: (type(f).__name__ + getattr(f, "__name__", "")).lower()
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in names(f)]
import docparse
assert docparse.__file__.startswith(src), docparse.__file__
document = docparse.parse(sys.argv[2])
print(len(list(document.iter_tables())), len(list(document.iter_parts())))
"""


def run(src: Path, path: Path) -> tuple[str, float]:
    """Parse `path` with the docparse under `src` in a subprocess → (its tables and parts, CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-c", CHILD, str(src), str(path)], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return (done.stdout.strip() or done.stderr.strip()[-60:]), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git revision to compare against")
    parser.add_argument("dirs", nargs="*", type=Path, default=[CORPUS])
    args = parser.parse_args()
    files = sorted(path for folder in args.dirs for path in folder.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", args.base, "docparse"], capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        totals = [0.0, 0.0]
        print("| PDF | tables, parts (base) | CPU s (base) | tables, parts (this tree) | CPU s (this tree) |")
        print("|---|---|---|---|---|")
        for path in files:
            (old, old_cpu), (new, new_cpu) = run(Path(tmp), path), run(ROOT, path)
            totals[0] += old_cpu
            totals[1] += new_cpu
            mark = "" if old == new else " (changed)"
            print(f"| {path.name} | {old} | {old_cpu:.2f} | {new}{mark} | {new_cpu:.2f} |", flush=True)
        print(f"| **{len(files)} PDFs** | | **{totals[0]:.1f}** | | **{totals[1]:.1f}** |")


if __name__ == "__main__":
    main()
