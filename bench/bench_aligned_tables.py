"""Benchmark the borderless-table finder (`docparse/read/pdf/aligned.py`) on a long PDF: CPU time of the
finder alone and of a whole parse, on 300 pages each holding a borderless table, running text, fields and
a list (the pages of fixtures/generate/make_aligned_table_pdf.py, repeated).

Not a test: timings depend on the machine and its load. The finder's share is measured by running it
again on each page's chars (as the reader hands them over) after the parse.

Run: .venv/bin/python bench/bench_aligned_tables.py [--pages 300]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "fixtures" / "generate"))

from make_aligned_table_pdf import page_one, page_two  # noqa: E402  (a generator script, not a package)
from pagecanvas import open_canvas  # noqa: E402
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]  # noqa: E402

import docparse  # noqa: E402
from docparse.read.pdf.aligned import aligned_tables  # noqa: E402


def build(out: Path, pages: int) -> None:
    """Write `pages` pages, the fixture's two in turn, to `out`."""
    canvas = open_canvas(out, A4)
    _, height = A4
    for n in range(pages):
        (page_one if n % 2 == 0 else page_two)(canvas, height)
        canvas.showPage()
    canvas.save()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "aligned.pdf"
        build(path, args.pages)
        start = time.process_time()
        document = docparse.parse(path)
        parse = time.process_time() - start
        tables = len(list(document.iter_tables()))
        with pdfplumber.open(path) as pdf:
            pages = [page.chars for page in pdf.pages]
        glyphs = sum(len(chars) for chars in pages)
        start = time.process_time()
        found = sum(len(aligned_tables(chars)[1]) for chars in pages)
        finder = time.process_time() - start
    print(
        f"{args.pages} pages, {glyphs} glyphs: parse {parse:.2f} CPU s ({tables} tables); "
        f"finder alone {finder:.2f} CPU s ({found} tables, {1e6 * finder / glyphs:.1f} µs a glyph)"
    )


if __name__ == "__main__":
    main()
