"""Read stage, PDF columns: rows of a page's chars → the same rows in reading order by column.

`lines.group_lines` cuts a page into rows across its whole width, so two columns set side by
side come out interleaved: the first line of the left column, then the first of the right, and
so on. A run of rows that a common gutter splits in two is a two-column region when both sides
are columns of text: both fill their width to a common right edge (running text), or both
start with a list label (`•`, `1)`: a list set in two columns). Its left halves are read first,
then its right halves. Rows split at one place whose sides are not so (a label and its value)
and rows with more than one wide gap (a table's) keep their order: their gaps stay tabs.
"""

from __future__ import annotations

import re
from typing import Any

from docparse.segment.families import match_numbering

GUTTER = 2.5
"""Ems: a gap at least this wide between two glyphs of a row may be a gutter (the tab width)."""
MIN_ROWS = 3
FILLED = 2.0
"""Ems within which a column's lines reach its right edge when they fill it."""
COLUMN_MIN = 10.0
"""Ems: the median width of a text column's lines, at the least."""
LEADERS = re.compile(r"(?:[.．·…⋯]\s*){4,}$")
MOSTLY = 0.6
"""Share of a region's rows that must show a column's trait."""

Row = list[int]


def _gaps(chars: list[dict[str, Any]], row: Row) -> list[tuple[float, float, int]]:
    """Return the row's wide gaps as ``(start x, end x, index in row of the first glyph after it)``."""
    out = []
    prev: dict[str, Any] | None = None
    for n, i in enumerate(row):
        char = chars[i]
        if char["text"].isspace():
            continue
        if prev is not None and char["x0"] - prev["x1"] > GUTTER * min(char["size"], prev["size"]):
            out.append((float(prev["x1"]), float(char["x0"]), n))
        prev = char
    return out


def _text(chars: list[dict[str, Any]], row: Row) -> str:
    return "".join(chars[i]["text"] for i in row).strip()


def _is_columns(chars: list[dict[str, Any]], halves: list[tuple[Row, Row]]) -> bool:
    """Return True when both sides of the split rows are columns of text, not cells of a table."""
    n = len(halves)
    labelled = sum(
        1 for left, right in halves if match_numbering(_text(chars, left)) and match_numbering(_text(chars, right))
    )
    if labelled >= n * MOSTLY:
        return True
    if any(LEADERS.search(_text(chars, left)) for left, _ in halves):
        return False  # `SME status ........ unknown`: a form's fields, each value on its label's row
    em = max(chars[halves[0][0][0]]["size"], 1.0)
    for side in (0, 1):
        starts = [min(chars[i]["x0"] for i in half[side]) for half in halves]
        ends = [max(chars[i]["x1"] for i in half[side]) for half in halves]
        edge = max(ends)
        widths = sorted(end - start for start, end in zip(starts, ends, strict=True))
        if widths[len(widths) // 2] < COLUMN_MIN * em:
            return False  # short values beside their labels, not lines of a text column
        if sum(1 for end in ends if end >= edge - FILLED * em) < n * MOSTLY:
            return False
    return True


Column = tuple[float, float] | None


def _edges(chars: list[dict[str, Any]], rows: list[Row]) -> tuple[float, float]:
    return min(chars[i]["x0"] for row in rows for i in row), max(chars[i]["x1"] for row in rows for i in row)


def reading_order(chars: list[dict[str, Any]], rows: list[Row]) -> list[tuple[Row, Column]]:
    """Return `rows` with each two-column region read column by column (left halves, then right).

    Each row comes with the left and right edges of its column (None outside a two-column
    region): the paragraph rules measure a column's lines against the column, not the page.
    """
    out: list[tuple[Row, Column]] = []
    region: list[tuple[Row, Row]] = []
    gutter: tuple[float, float] | None = None

    def flush() -> None:
        if len(region) >= MIN_ROWS and _is_columns(chars, region):
            for side in (0, 1):
                halves = [half[side] for half in region]
                edges = _edges(chars, halves)
                out.extend((half, edges) for half in halves)
        else:
            out.extend((left + right, None) for left, right in region)
        region.clear()

    for row in rows:
        gaps = _gaps(chars, row)
        if len(gaps) > 1:
            gaps = []  # three cells or more: a table's row, not two columns
        split = None
        if gutter is not None:
            for start, end, n in gaps:
                lo, hi = max(start, gutter[0]), min(end, gutter[1])
                if hi > lo:
                    split = (lo, hi, n)
                    break
            if split is None:
                flush()
                gutter = None
        if split is None and gaps:
            split = max(gaps, key=lambda gap: gap[1] - gap[0])  # a new region opens at the row's widest gap
        if split is None:
            out.append((row, None))
            continue
        lo, hi, n = split
        gutter = (lo, hi)
        region.append((row[:n], row[n:]))
    flush()
    return out
