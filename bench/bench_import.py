"""Benchmark `import docparse`: CPU time and peak RSS of `python -c "import docparse"`, next to a bare interpreter.

Whole processes, contestants alternating (bench/whole.py). `--before VENV` adds the branch
point's import.

Run: .venv/bin/python bench/bench_import.py [--runs 11] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import argparse
import os

from whole import PYTHON, alternate, machine, python_of, table, write_section

TITLE = "import docparse"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", help="virtual environment of the checkout to compare with")
    parser.add_argument("--write", action="store_true", help="replace this section of bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    contestants = {"python": [PYTHON, "-c", "pass"]}
    if args.before:
        contestants["before"] = [python_of(args.before), "-c", "import docparse"]
    contestants["docparse"] = [PYTHON, "-c", "import docparse"]
    results = alternate(contestants, args.runs)
    text = (
        f'`bench/bench_import.py --runs {args.runs}`: `python -c "import docparse"` against `python -c pass`; '
        f"whole processes, CPU time user + system and peak RSS from `os.wait4`, {args.runs} runs alternating.\n\n"
        + table([("import", "", results)], "python", "")
        + "\n\n"
        + machine(load)
    )
    print(text)
    if args.write:
        write_section(TITLE, text)


if __name__ == "__main__":
    main()
