"""Read stage, PDF columns: rows of a page's chars → the same rows in reading order by column.

`lines.group_lines` cuts a page into rows across its whole width, so two columns set side by
side come out interleaved: the first line of the left column, then the first of the right, and
so on. A run of rows that leave a common gutter free (each row split by it, or wholly on one
side of it: the columns' baselines need not line up) is a two-column region when both sides
are columns of text: both fill their width to a common right edge (running text), or both
start with a list label (`•`, `1)`: a list set in two columns). Its left column is read first,
then its right, each column's glyphs grouped into lines on their own. Rows split at one place
whose sides are not so (a label and its value, a title and its page number) and rows with more
than one wide gap (a table's) keep their order: their gaps stay tabs.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from typing import Any

from docparse.vocab.families import match_numbering
from docparse.vocab.glyphs import leader

GUTTER = 2.5
"""Ems: a gap at least this wide between two glyphs of a row may be a gutter (the tab width)."""
MIN_ROWS = 3
FILLED = 2.0
"""Ems within which a column's lines reach its right edge when they fill it."""
COLUMN_MIN = 10.0
"""Ems: the median width of a text column's lines, at the least."""
_SPACES = r"\s*"
LEADERS = re.compile(f"(?:{leader(4, 2, gap=_SPACES)})$")
MOSTLY = 0.6
"""Share of a region's rows that must show a column's trait."""
MIN_GUTTER = 1.5
"""Ems: the narrowest gutter between two columns (justified word spaces stay narrower)."""

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
    """Return True when both sides of the split rows are columns of text, not cells of a table.

    Lines that interleave down both sides without ever sharing a row are two columns whose
    baselines drift apart: a label and its value, a cell and its neighbour share their row.
    """
    both = [(left, right) for left, right in halves if left and right]
    if not both:
        return True
    labelled = sum(
        1 for left, right in both if match_numbering(_text(chars, left)) and match_numbering(_text(chars, right))
    )
    if labelled >= len(both) * MOSTLY:
        return True
    if any(LEADERS.search(_text(chars, left)) for left, _ in halves):
        return False  # `SME status ........ unknown`: a form's fields, each value on its label's row
    em = max(chars[both[0][0][0]]["size"], 1.0)
    for side in (0, 1):
        lines = [half[side] for half in halves if half[side]]
        n = len(lines)
        starts = [min(chars[i]["x0"] for i in line) for line in lines]
        ends = [max(chars[i]["x1"] for i in line) for line in lines]
        edge = max(ends)
        widths = sorted(end - start for start, end in zip(starts, ends, strict=True))
        if widths[len(widths) // 2] < COLUMN_MIN * em:
            return False  # short values beside their labels, not lines of a text column
        if sum(1 for end in ends if end >= edge - FILLED * em) < n * MOSTLY:
            return False
    return True


Column = tuple[float, float] | None
Band = tuple[float, float]


def _edges(chars: list[dict[str, Any]], rows: list[Row]) -> tuple[float, float]:
    return min(chars[i]["x0"] for row in rows for i in row), max(chars[i]["x1"] for row in rows for i in row)


def _free(chars: list[dict[str, Any]], row: Row, interior: Band, least: float) -> list[Band]:
    """Return the stretches of `interior` at least `least` wide that no glyph of `row` covers."""
    lo, hi = interior
    out: list[Band] = []
    x = lo
    for i in row:
        char = chars[i]
        if char["text"].isspace():
            continue
        if char["x0"] - x >= least:
            out.append((x, min(char["x0"], hi)))
        if char["x1"] > x:
            x = char["x1"]
        if x >= hi:
            break
    if hi - x >= least:
        out.append((x, hi))
    return [(a, b) for a, b in out if b - a >= least]


def _meet(bands: list[Band], free: list[Band], least: float) -> list[Band]:
    """Return the stretches both `bands` and `free` leave open, at least `least` wide."""
    out = []
    for a0, a1 in bands:
        for b0, b1 in free:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= least:
                out.append((lo, hi))
    return out


def reading_order(
    chars: list[dict[str, Any]], rows: list[Row], regroup: Callable[[list[dict[str, Any]]], list[Row]]
) -> list[tuple[Row, Column]]:
    """Return `rows` with each two-column region read column by column (left column, then right).

    Each row comes with the left and right edges of its column (None outside a two-column
    region): the paragraph rules measure a column's lines against the column, not the page.
    A column's glyphs are grouped into lines again on their own (`regroup`): rows across the
    page pair the lines of two columns whose baselines drift apart (a heading's space in one).
    """
    glyphs = [char for char in chars if not char["text"].isspace()]
    if not glyphs:
        return [(row, None) for row in rows]
    em = max(statistics.median(char["size"] for char in glyphs), 1.0)
    left, right = min(char["x0"] for char in glyphs), max(char["x1"] for char in glyphs)
    # Each column is at least COLUMN_MIN ems wide: the gutter lies between.
    interior = (left + COLUMN_MIN * em, right - COLUMN_MIN * em)
    least = MIN_GUTTER * em
    if interior[1] - interior[0] < least:
        return [(row, None) for row in rows]  # too narrow a page for two columns
    out: list[tuple[Row, Column]] = []
    region: list[Row] = []
    bands: list[Band] = []

    def flush() -> None:
        if region:
            out.extend(_read_region(chars, region, bands, regroup))
            region.clear()

    for row in rows:
        free = _free(chars, row, interior, least)
        if len(_gaps(chars, row)) > 1:
            free = []  # three cells or more: a table's row, not two columns
        met = _meet(bands, free, least) if region else free
        if met:
            region.append(row)
            bands = met
            continue
        flush()
        if free:
            region.append(row)
            bands = free
        else:
            out.append((row, None))
    flush()
    return out


def _read_region(
    chars: list[dict[str, Any]],
    region: list[Row],
    bands: list[Band],
    regroup: Callable[[list[dict[str, Any]]], list[Row]],
) -> list[tuple[Row, Column]]:
    """Return the rows of `region` column by column when its gutter parts two columns of text, else as they are."""
    _, hi = max(bands, key=lambda band: band[1] - band[0])
    halves: list[tuple[Row, Row]] = []
    for row in region:
        halves.append(([i for i in row if chars[i]["x1"] <= hi], [i for i in row if chars[i]["x1"] > hi]))
    sides = [[i for half in halves for i in half[side]] for side in (0, 1)]
    counts = [sum(1 for half in halves if half[side]) for side in (0, 1)]
    if min(counts) < MIN_ROWS or not _side_by_side(chars, sides) or not _is_columns(chars, halves):
        return [(row, None) for row in region]
    out: list[tuple[Row, Column]] = []
    for indices in sides:
        edges = _edges(chars, [indices])
        out.extend(([indices[j] for j in line], edges) for line in regroup([chars[i] for i in indices]))
    return out


def _side_by_side(chars: list[dict[str, Any]], sides: list[Row]) -> bool:
    """Return True when the two sides share their height: columns, not a block above another one."""
    (left_top, left_bottom), (right_top, right_bottom) = (
        (min(chars[i]["top"] for i in side), max(chars[i]["bottom"] for i in side)) for side in sides
    )
    return bool(right_top < left_bottom and left_top < right_bottom)
