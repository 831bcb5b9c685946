"""`docparse explain FILE`: why each block of a call became what it is, as a table, JSON or drawn PDF pages."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from docparse.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    describe_cause,
    parse_options,
    read_input,
    write_atomic,
    write_stdout,
)
from docparse.errors import DocparseError
from docparse.explanation import Explanation, explain_document
from docparse.explanation.table import format_table


def page_range(text: str) -> tuple[int, int]:
    """Return (first, last) of ``3`` or ``3-5``; raise `UsageError` for anything else."""
    first, _, last = text.partition("-")
    try:
        pages = (int(first), int(last or first))
    except ValueError:
        raise UsageError(f"--pages {text}: give a page (3) or a range (3-5)") from None
    if pages[0] < 1 or pages[1] < pages[0]:
        raise UsageError(f"--pages {text}: pages count from 1, the first before the last")
    return pages


def run_explain(args: argparse.Namespace) -> int:
    pages_asked, args.pages = args.pages, None  # the view's pages, not a parse of those pages alone
    options = parse_options(args)
    args.pages = pages_asked
    pages = page_range(args.pages) if args.pages is not None else None
    where = args.input if args.input != "-" else "<stdin>"
    data, name = read_input(args.input, options.limits.max_input_bytes)
    try:
        _, explanation = explain_document(data, name=name, options=options)
    except DocparseError as exc:
        print(f"docparse: {where}: {exc.message}", file=sys.stderr)
        if args.verbose and exc.cause is not None:
            print(f"  cause: {describe_cause(exc.cause)}", file=sys.stderr)
        return EXIT_FAILED
    if (pages is not None or args.png is not None) and explanation.format != "pdf":
        option = "--png" if args.png is not None else "--pages"
        raise UsageError(f"{option} needs a PDF; {where} is {explanation.format}")
    count = explanation.pages or 0
    if pages is not None and pages[1] > count:
        raise UsageError(f"--pages {args.pages}: {where} has {count} page(s)")
    chosen = explanation.select(pages=pages, grep=args.grep)
    if args.png is not None:
        # The pages asked for, else those of the blocks chosen (`--grep`); each with all its boxes.
        drawn = (
            range(pages[0], pages[1] + 1) if pages is not None else sorted({p for r in chosen.records for p in r.pages})
        )
        failed = _draw(data, explanation, drawn, Path(args.png), args.password)
        if failed:
            print(f"docparse: {where}: {failed}", file=sys.stderr)
            return EXIT_FAILED
    write_stdout(chosen.to_json() if args.output_format == "json" else format_table(chosen))
    return EXIT_OK


def _draw(
    data: bytes, explanation: Explanation, pages: Iterable[int], folder: Path, password: str | None
) -> str | None:
    """Write one PNG a page into `folder`; return the error's message if the PDF cannot be drawn."""
    # Rendering (pdfplumber's page images, Pillow) only when pages are drawn.
    from docparse.explanation.draw import draw_pages, png_name

    try:
        for page, png in draw_pages(data, explanation, pages, password):
            target = folder / png_name(explanation.name, page)
            write_atomic(target, [png])
            print(f"docparse: wrote {target}", file=sys.stderr)
    except DocparseError as exc:
        return exc.message
    return None
