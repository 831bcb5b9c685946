"""Benchmark `docparse convert` of text and Markdown against markdown-it's own parse of the same file.

Whole processes, CPU time and peak RSS from the kernel, contestants alternating (bench/whole.py).
Inputs: the seed call (text fixture), the text calls of the shared corpus (when present) and the
seed repeated `--repeat` times as one long Markdown file. `--before VENV` adds the branch
point's conversion.

Run: .venv/bin/python bench/bench_convert_text.py [--runs 5] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from whole import CORPUS, ROOT, WHOLE_METHOD, against_bare, arguments, report, table

BARE = """
import sys
from markdown_it import MarkdownIt
with open(sys.argv[1], encoding="utf-8") as stream:
    MarkdownIt().parse(stream.read())
"""
SEED = ROOT / "fixtures" / "seed" / "input.txt"
CORPUS_FILES = ["en_cisco_research_rfps.txt", "zh_paddle_hackathon4_industry_tasks.txt"]


def main() -> None:
    parser = arguments(__doc__ or "")
    parser.add_argument("--repeat", type=int, default=50, help="copies of the seed in the long Markdown file")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        long = Path(tmp) / f"seed-x{args.repeat}.md"
        long.write_text(SEED.read_text(encoding="utf-8") * args.repeat, encoding="utf-8")
        paths = [SEED, *(CORPUS / name for name in CORPUS_FILES if (CORPUS / name).is_file()), long]
        inputs = [("seed (fixture)" if p == SEED else p.name, f"{p.stat().st_size // 1024} KB", p) for p in paths]
        rows = against_bare(inputs, BARE, args.runs, args.before)
    report(
        "Whole conversion: text against markdown-it",
        f"bench/bench_convert_text.py --runs {args.runs}",
        "`docparse convert FILE -o -` (JSON) against a process running markdown-it-py `MarkdownIt().parse(text)` "
        "on the same file; " + WHOLE_METHOD.format(runs=args.runs),
        table(rows, "bare", "size"),
        load,
        args.write,
    )


if __name__ == "__main__":
    main()
