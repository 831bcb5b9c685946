"""Benchmark `docparse convert` of a DOCX against python-docx `Document()` + every paragraph's text.

Whole processes, CPU time and peak RSS from the kernel, contestants alternating (bench/whole.py).
Inputs: the autonum DOCX fixture and the generated Word-like DOCX of bench/bench_docx.py
(20,000 paragraphs by default). `--before VENV` adds the branch point's conversion.

Run: .venv/bin/python bench/bench_convert_docx.py [--runs 5] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench_docx import FIXTURE, generated_docx
from whole import WHOLE_METHOD, against_bare, arguments, report, table

BARE = """
import sys, docx
document = docx.Document(sys.argv[1])
texts = [paragraph.text for paragraph in document.paragraphs]
"""


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--paragraphs", type=int, default=20_000)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / f"generated-{args.paragraphs}-paragraphs.docx"
        generated.write_bytes(generated_docx(args.paragraphs))
        inputs = [(p.name, f"{p.stat().st_size // 1024} KB", p) for p in (FIXTURE, generated)]
        rows = against_bare(inputs, BARE, args.runs, args.before)
    report(
        "Whole conversion: DOCX against python-docx",
        f"bench/bench_convert_docx.py --runs {args.runs}",
        "`docparse convert FILE -o -` (JSON) against a process running python-docx `Document(path)` + "
        "`[p.text for p in document.paragraphs]`; " + WHOLE_METHOD.format(runs=args.runs),
        table(rows, "bare", "size"),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
