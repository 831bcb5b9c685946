"""Benchmark `import docparse`: CPU time and peak RSS of `python -c "import docparse"`, next to a bare interpreter.

Whole processes, contestants alternating (bench/whole.py). `--before VENV` adds the branch
point's import.

Run: .venv/bin/python bench/bench_import.py [--runs 11] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import os

from whole import PYTHON, alternate, arguments, python_of, report, table


def main() -> None:
    args = arguments(__doc__ or "", runs=11).parse_args()
    load = os.getloadavg()[0]
    contestants = {"python": [PYTHON, "-c", "pass"]}
    if args.before:
        contestants["before"] = [python_of(args.before), "-c", "import docparse"]
    contestants["docparse"] = [PYTHON, "-c", "import docparse"]
    results = alternate(contestants, args.runs)
    report(
        "import docparse",
        f"bench/bench_import.py --runs {args.runs}",
        '`python -c "import docparse"` against `python -c pass`; whole processes, CPU time user + system and '
        f"peak RSS from `os.wait4`, {args.runs} runs alternating.",
        table([("import", "", results)], "python", ""),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
