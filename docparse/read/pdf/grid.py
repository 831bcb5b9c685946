"""Read stage, PDF ruled tables: a page's rulings and chars → its tables' cells and the chars outside them.

`source` reads a page's objects and hands them here. Finding tables costs about as much as
reading the page and most pages of a call have none, so a cheap test of the rulings comes first
(`has_grid`: could they make a table of two rows and two columns?); only then does pdfplumber's
table finder run (`find_tables`), on the page's level chars. A table's text is read from the
chars in its box only. Tables cut by page breaks are joined later, over blocks (`tables`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import Table

# A page needs this many ruling lines or rectangles, and a grid of them (`has_grid`), before it
# is searched for tables: finding tables costs about as much as reading the page, and most pages
# of a call have none.
TABLE_MIN_RULINGS = 6
# pdfplumber snaps and joins edges within 3 pt and finds crossings within 3 pt; the grid test
# allows twice that, and tells positions apart from 1 pt, so that it never rejects a page on
# which pdfplumber finds a table (it only has to be cheaper, not exact).
GRID_REACH = 6.0
GRID_SEPARATION = 1.0
# pdfplumber's table finder costs about the fourth power of the grid's side: 100 × 100 ruling
# positions take 2 CPU s, 150 × 150 take 9, 300 × 300 minutes. A call's largest tables cross
# well under this many times (60 rows × 20 columns: 1,200); past it the page is not searched.
MAX_TABLE_CROSSINGS = 10_000


def _is_level(char: dict[str, Any]) -> bool:
    matrix = char["matrix"]
    return bool(char["upright"]) and not matrix[1] and not matrix[2] and matrix[0] > 0


Edge = tuple[float, float, float]
"""A ruling as ``(position, start, end)``: horizontal at `top` from x0 to x1, or vertical at x from top to bottom."""


def ruled_edges(objects: dict[str, list[dict[str, Any]]]) -> tuple[list[Edge], list[Edge]]:
    """Return the page's horizontal and vertical edges as pdfplumber's table finder sees them.

    A line is horizontal when flat, else vertical (a slanted line too, as in pdfplumber); a
    rectangle gives its four sides; a curve its flat and upright segments.
    """
    flat: list[Edge] = []
    upright: list[Edge] = []
    for line in objects.get("line", []):
        if line["top"] == line["bottom"]:
            flat.append((line["top"], line["x0"], line["x1"]))
        else:
            upright.append((line["x0"], line["top"], line["bottom"]))
    for rect in objects.get("rect", []):
        flat += [(rect["top"], rect["x0"], rect["x1"]), (rect["bottom"], rect["x0"], rect["x1"])]
        upright += [(rect["x0"], rect["top"], rect["bottom"]), (rect["x1"], rect["top"], rect["bottom"])]
    for curve in objects.get("curve", []):
        for (ax, ay), (bx, by) in zip(curve["pts"], curve["pts"][1:], strict=False):
            if ax == bx:
                upright.append((ax, min(ay, by), max(ay, by)))
            elif ay == by:
                flat.append((ay, min(ax, bx), max(ax, bx)))
    return flat, upright


def _positions(values: Iterable[float]) -> int:
    """Return how many positions `values` fall into, values closer than `GRID_SEPARATION` counting once."""
    count, last = 0, -math.inf
    for value in sorted(values):
        if value - last > GRID_SEPARATION:
            count += 1
        last = value
    return count


def _crossing(edges: list[Edge], across: list[Edge]) -> list[float]:
    """Return the positions of the `edges` that cross (within `GRID_REACH`) at least one of `across`."""
    ordered = sorted(across)
    keys = [edge[0] for edge in ordered]
    found = []
    for position, start, end in edges:
        first, last = bisect_left(keys, start - GRID_REACH), bisect_right(keys, end + GRID_REACH)
        if any(ordered[i][1] - GRID_REACH <= position <= ordered[i][2] + GRID_REACH for i in range(first, last)):
            found.append(position)
    return found


def grid_size(objects: dict[str, list[dict[str, Any]]]) -> tuple[int, int]:
    """Return how many ruling positions, horizontal and vertical, cross one of the other kind: the grid's rows
    and columns of rulings (0 and 0 when they could not make a table of two rows and two columns).

    Such a table has three horizontal rulings at different heights and three vertical ones at
    different x, each crossing one of the other kind; boxes side by side, underlines and frames
    around text do not. A necessary condition of pdfplumber finding a table we keep, not a
    sufficient one.
    """
    flat, upright = ruled_edges(objects)
    if _positions(e[0] for e in flat) < 3 or _positions(e[0] for e in upright) < 3:
        return 0, 0
    rows, columns = _positions(_crossing(flat, upright)), _positions(_crossing(upright, flat))
    return (rows, columns) if rows >= 3 and columns >= 3 else (0, 0)


def has_grid(objects: dict[str, list[dict[str, Any]]]) -> bool:
    """Return whether the page's rulings could make a table of two rows and two columns (`grid_size`)."""
    return grid_size(objects) != (0, 0)


@dataclass(slots=True)
class _TableChars:
    """What pdfplumber's `Table.extract` reads of its page: the chars."""

    chars: list[dict[str, Any]]


def _extract(table: Table, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """Return `table.extract()`, looking only at the chars in the table's box.

    pdfplumber tests every char of the page against every row's box; a char outside the
    table's box is in none of them, so the result is the same, without the page's other chars.
    """
    x0, top, x1, bottom = table.bbox
    near = [
        char
        for char in chars
        if x0 <= (char["x0"] + char["x1"]) / 2 <= x1 and top <= (char["top"] + char["bottom"]) / 2 <= bottom
    ]
    rows: list[list[str | None]] = Table(_TableChars(near), table.cells).extract()  # type: ignore[arg-type]
    return rows


def find_tables(page: Page, chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """Return the chars outside ruled tables, and the tables as ``(bbox, rows)``.

    A "table" of one row or one column is a box around text (the Horizon form's instructions),
    not a table: its text stays running text.
    """
    # Rotated glyphs (a watermark across the page) belong to no cell.
    level = page.filter(lambda obj: obj.get("object_type") != "char" or _is_level(obj))
    tables = []
    boxes: list[tuple[tuple[float, ...], list[tuple[float, float, float, float]]]] = []
    for table in level.find_tables():
        # One row or one column is known from the geometry: no need to extract its text.
        shape = table.rows
        if len(shape) < 2 or max(len(row.cells) for row in shape) < 2:
            continue
        rows = [[(cell or "").strip() for cell in row] for row in _extract(table, level.chars)]
        if any(any(row) for row in rows):
            bbox = tuple(float(v) for v in table.bbox)
            tables.append((bbox, rows))
            cells = [(float(x0), float(top), float(x1), float(bottom)) for x0, top, x1, bottom in table.cells]
            boxes.append((bbox, cells))
    if not tables:
        return chars, []

    def inside(char: dict[str, Any]) -> bool:
        # In a cell, not merely in the table's box: text between the rulings of a partly ruled
        # table (questions beside ruled Yes/No boxes) is in no cell, and stays running text.
        x = (float(char["x0"]) + float(char["x1"])) / 2
        y = (float(char["top"]) + float(char["bottom"])) / 2
        # Most chars are outside every table's box: that test is cheap; only the cells of a
        # table whose box holds the char are looked at.
        return any(
            x0 <= x <= x1
            and top <= y <= bottom
            and any(c0 <= x <= c1 and ctop <= y <= cbottom for c0, ctop, c1, cbottom in table_cells)
            for (x0, top, x1, bottom), table_cells in boxes
        )

    return [char for char in chars if not (_is_level(char) and inside(char))], tables


def page_tables(
    page: Page, objects: dict[str, list[dict[str, Any]]], chars: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[Any], tuple[int, int] | None]:
    """Return the chars outside ruled tables, the tables as ``(bbox, rows)`` and, when the grid was too large to
    search (over `MAX_TABLE_CROSSINGS`), its rows and columns of rulings; no tables without a grid of rulings."""
    if len(objects.get("line", [])) + len(objects.get("rect", [])) < TABLE_MIN_RULINGS:
        return chars, [], None
    rows, columns = grid_size(objects)
    if rows * columns > MAX_TABLE_CROSSINGS:
        return chars, [], (rows, columns)
    if rows:
        chars, tables = find_tables(page, chars)
        return chars, tables, None
    return chars, [], None
