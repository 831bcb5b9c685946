"""Benchmark `docparse convert` of a DOCX against python-docx `Document()` + every paragraph's text.

Whole processes, CPU time and peak RSS from the kernel, contestants alternating (bench/whole.py).
Inputs: the autonum DOCX fixture and the generated Word-like DOCX of bench/bench_docx.py
(20,000 paragraphs by default). `--before VENV` adds the branch point's conversion.

Run: .venv/bin/python bench/bench_convert_docx.py [--runs 5] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench_docx import FIXTURE, generated_docx
from whole import PYTHON, Runs, alternate, convert_command, machine, python_of, table, write_section

BARE = """
import sys, docx
document = docx.Document(sys.argv[1])
texts = [paragraph.text for paragraph in document.paragraphs]
"""
TITLE = "Whole conversion: DOCX against python-docx"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="virtual environment of the checkout to compare with")
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--write", action="store_true", help="replace this section of bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows: list[tuple[str, str, dict[str, Runs]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / f"generated-{args.paragraphs}-paragraphs.docx"
        generated.write_bytes(generated_docx(args.paragraphs))
        for path in (FIXTURE, generated):
            contestants = {"bare": [PYTHON, "-c", BARE, str(path)]}
            if args.before:
                contestants["before"] = convert_command(python_of(args.before), path)
            contestants["docparse"] = convert_command(PYTHON, path)
            results = alternate(contestants, args.runs)
            rows.append((path.name, f"{path.stat().st_size // 1024} KB", results))
            print(path.name, {name: (round(r.best, 2), round(r.median, 2)) for name, r in results.items()}, flush=True)
    text = (
        f"`bench/bench_convert_docx.py --runs {args.runs}`: `docparse convert FILE -o -` (JSON) against a process "
        "running python-docx `Document(path)` + `[p.text for p in document.paragraphs]`; whole processes "
        "(start-up and imports included), CPU time user + system and peak RSS from `os.wait4`, "
        f"{args.runs} runs alternating after a warm-up round.\n\n"
        + table(rows, "bare", "size")
        + "\n\n"
        + machine(load)
    )
    print(text)
    if args.write:
        write_section(TITLE, text)


if __name__ == "__main__":
    main()
