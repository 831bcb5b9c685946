"""Benchmark `docparse convert` of a PDF against bare pdfplumber `extract_text()` over the same pages.

Whole processes (interpreter, imports, reading the file and, for docparse, writing the JSON to
standard output, discarded), CPU time and peak RSS from the kernel, contestants alternating;
see bench/whole.py. Inputs: the Horizon form and the army instructions of the shared corpus
(when present) and the reference call generated to 351 pages with reportlab.
`--before VENV` adds the same conversion run by another checkout's virtual environment (the
branch point), so before and after are measured in the same run.

Run: .venv/bin/python bench/bench_convert_pdf.py [--runs 5] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from whole import (
    CORPUS,
    PYTHON,
    Runs,
    alternate,
    convert_command,
    generated_pdf,
    machine,
    python_of,
    table,
    write_section,
)

BARE = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
CORPUS_FILES = ["en_horizon_he_csa_application_form.pdf", "en_dod_sbir254_army_r12.pdf"]
TITLE = "Whole conversion: PDF against pdfplumber extract_text()"


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="virtual environment of the checkout to compare with")
    parser.add_argument("--repeat", type=int, default=50, help="copies of the reference call's body (7 pages each)")
    parser.add_argument("--write", action="store_true", help="replace this section of bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows: list[tuple[str, str, dict[str, Runs]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [CORPUS / name for name in CORPUS_FILES if (CORPUS / name).is_file()]
        inputs.append(generated_pdf(Path(tmp), args.repeat))
        for path in inputs:
            contestants = {"bare": [PYTHON, "-c", BARE, str(path)]}
            if args.before:
                contestants["before"] = convert_command(python_of(args.before), path)
            contestants["docparse"] = convert_command(PYTHON, path)
            results = alternate(contestants, args.runs)
            rows.append((path.name, str(page_count(path)), results))
            print(path.name, {name: (round(r.best, 2), round(r.median, 2)) for name, r in results.items()}, flush=True)
    text = (
        f"`bench/bench_convert_pdf.py --runs {args.runs}`: `docparse convert FILE -o -` (JSON) against a process "
        "running pdfplumber `page.extract_text()` + `page.close()` over every page; whole processes "
        "(start-up and imports included), CPU time user + system and peak RSS from `os.wait4`, "
        f"{args.runs} runs alternating after a warm-up round.\n\n" + table(rows, "bare") + "\n\n" + machine(load)
    )
    print(text)
    if args.write:
        write_section(TITLE, text)


if __name__ == "__main__":
    main()
