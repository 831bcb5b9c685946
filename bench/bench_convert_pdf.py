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

import os
import tempfile
from pathlib import Path

from whole import CORPUS, WHOLE_METHOD, against_bare, arguments, generated_pdf, report, table

BARE = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
CORPUS_FILES = ["en_horizon_he_csa_application_form.pdf", "en_dod_sbir254_army_r12.pdf"]


def page_count(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--repeat", type=int, default=50, help="copies of the reference call's body (7 pages each)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        paths = [CORPUS / name for name in CORPUS_FILES if (CORPUS / name).is_file()]
        paths.append(generated_pdf(Path(tmp), args.repeat))
        rows = against_bare([(p.name, str(page_count(p)), p) for p in paths], BARE, args.runs, args.before)
    report(
        "Whole conversion: PDF against pdfplumber extract_text()",
        f"bench/bench_convert_pdf.py --runs {args.runs}",
        "`docparse convert FILE -o -` (JSON) against a process running pdfplumber `page.extract_text()` + "
        "`page.close()` over every page; " + WHOLE_METHOD.format(runs=args.runs),
        table(rows, "bare"),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
