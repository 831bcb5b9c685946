"""Benchmark peak RSS of `docparse convert` (export included) as a PDF grows: MiB per page from a short to a long call.

The reference call is generated with reportlab at two lengths (1 + 7 × repeat pages); each is
converted to JSON in its own process, several times alternating; the growth is the difference of
the peak RSS over the difference of the page counts. `--before VENV` adds the branch point.

Run: .venv/bin/python bench/bench_memory.py [--runs 3] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from whole import PYTHON, alternate, arguments, convert_command, generated_pdf, python_of, report


def main() -> None:
    parser = arguments(__doc__ or "", runs=3)
    parser.add_argument("--short", type=int, default=1, help="copies of the body in the short call")
    parser.add_argument("--long", type=int, default=50, help="copies of the body in the long call")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    pythons = {"docparse": PYTHON}
    if args.before:
        pythons = {"before": python_of(args.before), **pythons}
    lines = [
        "| version | pages | peak RSS MiB | pages | peak RSS MiB | growth MiB / page |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        short, long = generated_pdf(Path(tmp), args.short), generated_pdf(Path(tmp), args.long)
        short_pages, long_pages = 1 + 7 * args.short, 1 + 7 * args.long
        contestants = {}
        for name, python in pythons.items():
            contestants[f"{name} short"] = convert_command(python, short)
            contestants[f"{name} long"] = convert_command(python, long)
        results = alternate(contestants, args.runs)
    for name in pythons:
        low, high = results[f"{name} short"].peak, results[f"{name} long"].peak
        growth = (high - low) / (long_pages - short_pages)
        lines.append(f"| {name} | {short_pages} | {low:.1f} | {long_pages} | {high:.1f} | {growth:.3f} |")
    report(
        "Memory: peak RSS per page",
        f"bench/bench_memory.py --runs {args.runs}",
        "`docparse convert FILE -o -` (JSON to standard output, discarded) of the reference call generated at "
        f"two lengths; peak RSS of the whole process from `os.wait4`, the highest of {args.runs} runs.",
        "\n".join(lines),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
