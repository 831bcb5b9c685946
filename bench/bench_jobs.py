"""Benchmark `docparse convert DIR --jobs N`: wall time on 20 PDFs, one job against several.

Not a test: timings depend on the machine and on what else runs on it, so the load average is
printed with the result. The folder holds 20 copies of the two 8-page PDF fixtures (in
sub-folders, so that no two share an output). Each run is a fresh `python -m docparse`
process (imports and pool start-up included, as a user pays them); the runs of each job count
alternate and the best wall time of `--runs` is kept.

Run: .venv/bin/python bench/bench_jobs.py [--runs 3] [--jobs 2] [--write]
`--write` replaces the "## Parallel conversion" section of bench/RESULTS.md with the result.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
PDFS = [
    ROOT / "fixtures" / "seed-pdf-reportlab" / "input.pdf",
    ROOT / "fixtures" / "seed-pdf-libreoffice" / "input.pdf",
]
FILES = 20
TARGET = 1.7


def make_folder(folder: Path) -> None:
    """Fill `folder` with FILES PDFs, alternating the two fixtures."""
    for i in range(FILES):
        target = folder / f"call-{i:02d}" / "call.pdf"
        target.parent.mkdir(parents=True)
        shutil.copy(PDFS[i % len(PDFS)], target)


def run(folder: Path, out: Path, jobs: int) -> float:
    """Return the wall time of one conversion of `folder` with `jobs` jobs."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "docparse", "convert", str(folder), "-o", str(out), "--jobs", str(jobs), "-q"]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "calls", Path(tmp) / "out"
        make_folder(folder)
        run(folder, out, 1)  # warm the page cache and the bytecode
        load_before = os.getloadavg()[0]
        times: dict[int, list[float]] = {1: [], args.jobs: []}
        for _ in range(args.runs):
            for jobs in times:
                times[jobs].append(run(folder, out, jobs))
        load_after = os.getloadavg()[0]
    one, many = min(times[1]), min(times[args.jobs])
    speedup = one / many
    verdict = "meets" if speedup >= TARGET else "misses"
    lines = [
        "## Parallel conversion",
        "",
        f"`bench/bench_jobs.py --runs {args.runs} --jobs {args.jobs}`: `docparse convert` of {FILES} PDFs (the two",
        "8-page fixtures, alternating), wall time of a fresh process, best of the runs.",
        "",
        "| jobs | best s | all runs s |",
        "|---:|---:|---|",
        *(f"| {jobs} | {min(ts):.2f} | {', '.join(f'{t:.2f}' for t in ts)} |" for jobs, ts in times.items()),
        "",
        f"Speed-up with {args.jobs} jobs: {speedup:.2f}x; target ≥ {TARGET}x on 2 CPUs: this run {verdict} it.",
        f"Machine: Python {platform.python_version()}, {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs, load average {load_before:.1f} before and {load_after:.1f} after the runs "
        "(other work on a shared machine takes from the second core).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        current = RESULTS.read_text(encoding="utf-8")
        head, sep, tail = current.partition("## Parallel conversion")
        rest = tail.split("\n## ", 1)
        after = "\n## " + rest[1] if sep and len(rest) > 1 else ""
        RESULTS.write_text((head if sep else current.rstrip() + "\n\n") + text + after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
