"""Benchmark `docparse convert` of text and Markdown against markdown-it's own parse of the same file.

Whole processes, CPU time and peak RSS from the kernel, contestants alternating (bench/whole.py).
Inputs: the seed call (text fixture), the text calls of the shared corpus (when present) and the
seed's body repeated `--repeat` times as one long Markdown file. `--before VENV` adds the branch
point's conversion.

Run: .venv/bin/python bench/bench_convert_text.py [--runs 5] [--before /tmp/base/.venv] [--write]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from whole import CORPUS, PYTHON, ROOT, Runs, alternate, convert_command, machine, python_of, table, write_section

BARE = """
import sys
from markdown_it import MarkdownIt
with open(sys.argv[1], encoding="utf-8") as stream:
    MarkdownIt().parse(stream.read())
"""
SEED = ROOT / "fixtures" / "seed" / "input.txt"
CORPUS_FILES = ["en_cisco_research_rfps.txt", "zh_paddle_hackathon4_industry_tasks.txt"]
TITLE = "Whole conversion: text against markdown-it"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", help="virtual environment of the checkout to compare with")
    parser.add_argument("--repeat", type=int, default=50, help="copies of the seed in the long Markdown file")
    parser.add_argument("--write", action="store_true", help="replace this section of bench/RESULTS.md")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows: list[tuple[str, str, dict[str, Runs]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        long = Path(tmp) / f"seed-x{args.repeat}.md"
        long.write_text(SEED.read_text(encoding="utf-8") * args.repeat, encoding="utf-8")
        inputs = [SEED, *(CORPUS / name for name in CORPUS_FILES if (CORPUS / name).is_file()), long]
        for path in inputs:
            contestants = {"bare": [PYTHON, "-c", BARE, str(path)]}
            if args.before:
                contestants["before"] = convert_command(python_of(args.before), path)
            contestants["docparse"] = convert_command(PYTHON, path)
            results = alternate(contestants, args.runs)
            label = "seed (fixture)" if path == SEED else path.name
            rows.append((label, f"{path.stat().st_size // 1024} KB", results))
            print(label, {name: (round(r.best, 2), round(r.median, 2)) for name, r in results.items()}, flush=True)
    text = (
        f"`bench/bench_convert_text.py --runs {args.runs}`: `docparse convert FILE -o -` (JSON) against a process "
        "running markdown-it-py `MarkdownIt().parse(text)` on the same file; whole processes "
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
