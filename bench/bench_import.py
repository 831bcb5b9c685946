"""Benchmark `import docparse` and `docparse --version`: CPU time and peak RSS, next to a bare interpreter.

Whole processes, contestants alternating (bench/whole.py). `--before VENV` adds the branch
point's import and `--version` (the command line's start-up without a command's imports).

Run: .venv/bin/python bench/bench_import.py [--runs 11] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import os

from whole import PYTHON, alternate, arguments, python_of, report, table


def main() -> None:
    args = arguments(__doc__ or "", runs=11).parse_args()
    load = os.getloadavg()[0]
    rows = []
    for label, code in (("import", ["-c", "import docparse"]), ("--version", ["-m", "docparse", "--version"])):
        contestants = {"python": [PYTHON, "-c", "pass"]}
        if args.before:
            contestants["before"] = [python_of(args.before), *code]
        contestants["docparse"] = [PYTHON, *code]
        rows.append((label, "", alternate(contestants, args.runs)))
    report(
        "import docparse",
        f"bench/bench_import.py --runs {args.runs}",
        '`python -c "import docparse"` and `python -m docparse --version` against `python -c pass`; whole '
        f"processes, CPU time user + system and peak RSS from `os.wait4`, {args.runs} runs alternating, bytecode "
        "cached.",
        table(rows, "python", ""),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
