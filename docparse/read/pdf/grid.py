"""Read stage, PDF ruled tables: a page's rulings and chars → its tables' cells and the chars outside them.

`source` reads a page's objects and hands them here. Finding tables costs about as much as
reading the page and most pages of a call have none, so a cheap test of the rulings comes first
(`has_grid`: could they make a table of two rows and two columns?); only then does pdfplumber's
table finder run (`find_tables`), on the page's level chars. A table's text is read from the
chars in its box only. Tables cut by page breaks are joined later, over blocks (`tables`).
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.text import chars_to_textmap, extract_text

from docparse.read.pdf.joins import TERMINAL, join_wrapped
from docparse.read.pdf.words import CELL_WRAP_EMS, is_level
from docparse.vocab.families import match_numbering

# A page needs this many ruling lines, rectangles or curves (TeXmacs fills each rule as a closed
# path pdfminer reads as a curve), and a grid of them (`has_grid`), before it is searched for
# tables: finding tables costs about as much as reading the page, and most pages of a call have none.
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

# Banded rows (`banded`): column edges this close are the same, boxes this close touch.
BAND_REACH = 2.0

# A fill is white when every component is within this of paper white (1 in gray/RGB, 0 in CMYK).
WHITE_INK = 0.02
# Coloured fills a white rectangle is tested against (linear time on pages of thousands of fills).
MAX_GROUNDS = 64


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


def paints_white(obj: dict[str, Any]) -> bool:
    """Return whether `obj` is filled in white (gray 1, RGB 1 1 1 or CMYK 0 0 0 0) and not stroked."""
    if obj.get("stroke") or not obj.get("fill"):
        return False
    color = obj.get("non_stroking_color")
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:
        return all(v <= WHITE_INK for v in values)
    return all(v >= 1 - WHITE_INK for v in values)


def _inside(inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    return bool(
        outer["x0"] <= inner["x0"]
        and inner["x1"] <= outer["x1"]
        and outer["top"] <= inner["top"]
        and inner["bottom"] <= outer["bottom"]
    )


def visible_rulings(objects: dict[str, list[dict[str, Any]]], width: float, height: float) -> None:
    """Drop, in place, the rectangles and lines that draw nothing a reader sees as a ruling.

    A browser or a layout program paints page and card backgrounds as white rectangles, often
    reaching far past the page (a web page printed onto A4 keeps its 2,700-point-long body box);
    pdfplumber's table finder takes their sides as rulings and reads the whole page as one table
    (jsvine/pdfplumber#122, #326). So a rectangle filled white and not stroked counts only where it
    lies on a coloured fill drawn before it (white cells on a dark ground: the gaps between them are
    the grid), and whatever lies wholly off the page is dropped.
    """
    for kind in ("rect", "line", "curve"):
        shapes = objects.get(kind)
        if not shapes:
            continue
        grounds: list[dict[str, Any]] = []
        kept = []
        for shape in shapes:
            if shape["x1"] < 0 or shape["x0"] > width or shape["bottom"] < 0 or shape["top"] > height:
                continue
            if kind == "rect":
                if paints_white(shape):
                    if not any(_inside(shape, ground) for ground in grounds):
                        continue
                elif shape.get("fill") and len(grounds) < MAX_GROUNDS:
                    grounds.append(shape)
            kept.append(shape)
        objects[kind] = kept


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


Box = tuple[float, float, float, float]


def _in_box(char: dict[str, Any], box: Box) -> bool:
    """Return whether the char's middle is in `box`, half-open as pdfplumber's `Table.extract` tests it."""
    x0, top, x1, bottom = box
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return bool(x0 <= x < x1 and top <= y < bottom)


def _extract(table: Table, chars: list[dict[str, Any]]) -> list[list[str | None]]:
    """Return the table's cell texts row by row (None for a cell a merged one covers), wrapped lines joined.

    The cells are read as pdfplumber's `Table.extract` reads them, looking only at the chars in
    the table's box; the lines of a cell are then joined where the cell wrapped them (`_cell_text`).
    """
    x0, top, x1, bottom = table.bbox
    near = [
        char
        for char in chars
        if x0 <= (char["x0"] + char["x1"]) / 2 <= x1 and top <= (char["top"] + char["bottom"]) / 2 <= bottom
    ]
    grid: list[list[tuple[Box, list[dict[str, Any]]] | None]] = []
    for row in table.rows:
        row_chars = [char for char in near if _in_box(char, row.bbox)]
        grid.append(
            [None if cell is None else (cell, [c for c in row_chars if _in_box(c, cell)]) for cell in row.cells]
        )
    # Where each column's text starts inside its cells: the padding a cell leaves on either side.
    pads: dict[float, float] = {}
    for row_cells in grid:
        for entry in row_cells:
            if entry is not None and entry[1]:
                box, cell_chars = entry
                pad = max(min(c["x0"] for c in cell_chars) - box[0], 0.0)
                pads[box[0]] = min(pads.get(box[0], pad), pad)
    return [
        [None if entry is None else _cell_text(entry[1], entry[0][2] - pads.get(entry[0][0], 0.0)) for entry in cells]
        for cells in grid
    ]


def _cell_text(chars: list[dict[str, Any]], right: float) -> str:
    """Return a cell's text: its lines joined as a paragraph's are where a line ran on to `right`, the cell's
    text edge, and does not end a sentence, and the next line opens no list item; else a ``\n``."""
    if not chars:
        return ""
    text = extract_text(chars)
    texts = text.split("\n")
    lines = chars_to_textmap(chars).extract_text_lines(return_chars=False)
    if len(lines) != len(texts) or len(texts) < 2:
        return text
    size = statistics.median(float(c["size"]) for c in chars)
    out = texts[0]
    for before, after, line in zip(texts, texts[1:], lines, strict=False):
        wrapped = (
            float(line["x1"]) >= right - size * CELL_WRAP_EMS
            and before.rstrip()[-1:] not in TERMINAL
            and match_numbering(after.strip()) is None
        )
        if not wrapped or not before.strip() or not after.strip():
            out += "\n" + after
            continue
        out = join_wrapped(out, after)
    return out


def _merged(table: Table) -> tuple[tuple[int, int, int, int], ...]:
    """Return ``(row, column, rows, columns)`` of each cell of `table` that covers more than one grid position.

    The grid's columns start at the left edges of its cells and its rows at the tops of its
    rows: a cell spans the column starts inside its width and the row tops inside its height
    (pdfplumber leaves None at the positions it covers).
    """
    lefts = sorted({round(float(cell[0]), 1) for cell in table.cells})
    tops = [round(float(row.bbox[1]), 1) for row in table.rows]
    merged = []
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            if cell is None:
                continue
            x0, top, x1, bottom = (round(float(v), 1) for v in cell)
            columns = sum(1 for left in lefts if x0 <= left < x1)
            rows = sum(1 for start in tops if top <= start < bottom)
            if columns > 1 or rows > 1:
                merged.append((r, c, rows, columns))
    return tuple(merged)


def column_groups(rows: list[list[str]]) -> list[list[int]]:
    """Return the table's columns as a reader sees them: runs of adjacent grid columns no row fills two of.

    Shading, inset fills and indented boxes add edges inside a cell, and pdfplumber cuts the
    cell there: the text of a column then falls on one side in some rows and on the other in
    others (``52.203-17`` a column to the right of ``52.203-19``), or an edge adds a column
    that is empty in every row. Grid columns of which no row, the header included, holds text
    in two are one column; two columns a row fills both of (``Yes | No`` over their marks) stay apart.
    """
    width = max((len(row) for row in rows), default=0)
    groups: list[list[int]] = []
    for column in range(width):
        if groups and not any(
            column < len(row) and row[column] and any(row[c] for c in groups[-1] if c < len(row)) for row in rows
        ):
            groups[-1].append(column)
        else:
            groups.append([column])
    return groups


def fold_columns(
    rows: list[list[str]], merged: tuple[tuple[int, int, int, int], ...], groups: list[list[int]]
) -> tuple[list[list[str]], tuple[tuple[int, int, int, int], ...]]:
    """Return the rows and merged cells with each group of columns (`column_groups`) made one column."""
    if all(len(group) == 1 for group in groups):
        return rows, merged
    folded = [["\n".join(row[c] for c in group if c < len(row) and row[c]) for group in groups] for row in rows]
    index = {column: number for number, group in enumerate(groups) for column in group}
    out = []
    for row, column, down, across in merged:
        first, last = index[column], index[column + across - 1]
        if down > 1 or last > first:
            out.append((row, first, down, last - first + 1))
    return folded, tuple(out)


def phantom_rows(rows: list[list[str]], heights: list[float], chars: list[dict[str, Any]]) -> set[int]:
    """Return the grid rows no line of text fits in and none holds: the gap of a double rule.

    A header's bottom drawn twice, or a rule and the edge of a fill a hair below it, make pdfplumber
    a row a few points high between them. A row lower than the smallest glyph of the table that
    holds no text is no row a reader sees; an empty row as high as a line (a form's blank row) stays.
    """
    if not chars:
        return set()
    smallest = min(float(char["bottom"]) - float(char["top"]) for char in chars)
    return {r for r, (row, height) in enumerate(zip(rows, heights, strict=True)) if height < smallest and not any(row)}


def drop_rows(
    rows: list[list[str]], merged: tuple[tuple[int, int, int, int], ...], gone: set[int]
) -> tuple[list[list[str]], tuple[tuple[int, int, int, int], ...]]:
    """Return the rows and merged cells without the grid rows in `gone` (a span over one is shortened)."""
    if not gone:
        return rows, merged
    kept = [r for r in range(len(rows)) if r not in gone]
    index = {r: n for n, r in enumerate(kept)}
    out = []
    for row, column, down, across in merged:
        covered = [index[r] for r in range(row, row + down) if r in index]
        if covered and (len(covered) > 1 or across > 1):
            out.append((covered[0], column, len(covered), across))
    return [rows[r] for r in kept], tuple(out)


def row_bands(rows: list[list[str]], merged: tuple[tuple[int, int, int, int], ...]) -> list[list[int]]:
    """Return the table's rows as a reader sees them: runs of grid rows cut only between staggered boxes.

    A header whose cells are boxes of their own, lines shaded one by one, or cells set at different
    heights make pdfplumber cut the row where any box ends: `留言/编号` beside `留言主题` becomes three
    grid rows, each cell over two of them. In the head of the table, a cut that a merged cell crosses,
    and on whose two sides no column holds text, is no row boundary; a cut every cell ends at (a ruled
    row) stays, and so does one with a column filled on both sides (`时间` over `开始 | 结束`).
    """
    crossed = {r for row, _, down, _ in merged for r in range(row, row + down - 1)}
    # Only the head of the table, above its first row that fills every column: below it, boxes cut
    # at different heights are items set apart (`5G 模组` and `4G 模组` beside one maker's merged cell).
    head = next((r for r, row in enumerate(rows) if all(row)), len(rows))
    bands: list[list[int]] = []
    for r, row in enumerate(rows):
        if (
            bands
            and r <= head
            and r - 1 in crossed
            and not any(a and b for a, b in zip(rows[r - 1], row, strict=False))
        ):
            bands[-1].append(r)
        else:
            bands.append([r])
    return bands


def join_rows(
    rows: list[list[str]], merged: tuple[tuple[int, int, int, int], ...], bands: list[list[int]]
) -> tuple[list[list[str]], tuple[tuple[int, int, int, int], ...]]:
    """Return the rows and merged cells with each band of grid rows (`row_bands`) made one row, the
    parts of a cell joined as its wrapped lines."""
    if all(len(band) == 1 for band in bands):
        return rows, merged
    width = max(len(row) for row in rows)
    joined = []
    for band in bands:
        out = []
        for c in range(width):
            text = ""
            for r in band:
                text = join_wrapped(text, rows[r][c] if c < len(rows[r]) else "")
            out.append(text)
        joined.append(out)
    index = {r: n for n, band in enumerate(bands) for r in band}
    spans = []
    for row, column, down, across in merged:
        first, last = index[row], index[row + down - 1]
        if last > first or across > 1:
            spans.append((first, column, last - first + 1, across))
    return joined, tuple(dict.fromkeys(spans))


def _column_edges(table: Table) -> list[float]:
    """Return the x positions of the table's cell edges, left to right."""
    return sorted({round(float(cell[0]), 1) for cell in table.cells} | {round(float(table.bbox[2]), 1)})


def _same_edges(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= BAND_REACH for x, y in zip(a, b, strict=True))


def _fits_columns(words: list[dict[str, Any]], edges: list[float], top: float, bottom: float) -> bool:
    """Return whether the words whose middles lie between `top` and `bottom` sit in the columns: each
    inside the table's width and crossing no column edge, in two columns or more."""
    band = [w for w in words if top <= (float(w["top"]) + float(w["bottom"])) / 2 <= bottom]
    columns = set()
    for word in band:
        x0, x1 = float(word["x0"]), float(word["x1"])
        if x0 < edges[0] - BAND_REACH or x1 > edges[-1] + BAND_REACH:
            return False
        inside = [n for n in range(len(edges) - 1) if edges[n] - BAND_REACH <= x0 and x1 <= edges[n + 1] + BAND_REACH]
        if not inside:
            return False
        columns.add(inside[0])
    return len(columns) >= 2


def banded(page: Page, found: list[Table]) -> list[Table]:
    """Return the page's tables with each stack of banded rows made one table.

    A table shaded in alternate rows, with no rule between them (the DoD BAA's dates), is found as
    one-row boxes, one per shaded row, with the same column edges: a box of one row is no table,
    and the rows between stay running text. Boxes (two or more) with the same column edges, stacked
    a row's height apart or less, whose gaps hold text set in their columns (or that touch), are one
    table, with the rows between; so is a header line set in the columns a row's height above. Its grid is the
    boxes' own column edges and row edges.
    """
    ordered = sorted(found, key=lambda t: float(t.bbox[1]))
    stacks: list[list[Table]] = []
    words: list[dict[str, Any]] | None = None
    for table in ordered:
        last = stacks[-1][-1] if stacks else None
        if last is not None and _same_edges(_column_edges(last), _column_edges(table)):
            height = min(float(row.bbox[3]) - float(row.bbox[1]) for row in last.rows)
            gap = float(table.bbox[1]) - float(last.bbox[3])
            if -BAND_REACH <= gap <= height + BAND_REACH:
                if words is None:
                    words = page.extract_words()
                # Boxes that touch are rows of one table; a gap is a white row only if it holds text.
                if gap <= BAND_REACH or _fits_columns(
                    words, _column_edges(table), float(last.bbox[3]), float(table.bbox[1])
                ):
                    stacks[-1].append(table)
                    continue
        stacks.append([table])
    out = []
    for stack in stacks:
        if len(stack) < 2 or all(len(t.rows) > 1 for t in stack):
            out += stack
            continue
        edges = _column_edges(stack[0])
        ys = {round(float(row.bbox[i]), 1) for t in stack for row in t.rows for i in (1, 3)}
        first = stack[0]
        height = float(first.rows[0].bbox[3]) - float(first.rows[0].bbox[1])
        top = float(first.bbox[1])
        assert words is not None
        if _fits_columns(words, edges, top - height, top):
            ys.add(round(top - height, 1))
        settings = {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": edges,
            "explicit_horizontal_lines": sorted(ys),
        }
        out += page.find_tables(settings)
    return out


def find_tables(page: Page, chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    """Return the chars outside ruled tables, and the tables as ``(bbox, rows, merged cells)``.

    A "table" of one row or one column is a box around text (the Horizon form's instructions),
    not a table: its text stays running text, unless boxes of one row stack into a table shaded in
    alternate rows (`banded`). Phantom rows (`phantom_rows`) are dropped, grid rows
    cut between staggered boxes joined (`row_bands`), and phantom columns folded (`column_groups`)
    unless that would leave one.
    """
    # Rotated glyphs (a watermark across the page) belong to no cell.
    level = page.filter(lambda obj: obj.get("object_type") != "char" or is_level(obj))
    tables = []
    boxes: list[tuple[tuple[float, ...], list[tuple[float, float, float, float]]]] = []
    for table in banded(level, level.find_tables()):
        # One row or one column is known from the geometry: no need to extract its text.
        shape = table.rows
        if len(shape) < 2 or max(len(row.cells) for row in shape) < 2:
            continue
        rows = [[(cell or "").strip() for cell in row] for row in _extract(table, level.chars)]
        x0, top, x1, bottom = table.bbox
        held = [c for c in level.chars if x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom]
        heights = [float(row.bbox[3]) - float(row.bbox[1]) for row in shape]
        rows, merged = drop_rows(rows, _merged(table), phantom_rows(rows, heights, held))
        rows, merged = join_rows(rows, merged, row_bands(rows, merged))
        if len(rows) < 2:
            continue
        groups = column_groups(rows)
        if len(groups) < 2:
            # Every column folds into one: boxes whose text is set at different indents, or side by
            # side (a canvas of boxes): their cells stay as the rulings draw them.
            groups = [[column] for column in range(max(map(len, rows)))]
        if any(any(row) for row in rows):
            bbox = tuple(float(v) for v in table.bbox)
            tables.append((bbox, *fold_columns(rows, merged, groups)))
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

    return [char for char in chars if not (is_level(char) and inside(char))], tables


def page_tables(
    page: Page, objects: dict[str, list[dict[str, Any]]], chars: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[Any], tuple[int, int] | None]:
    """Return the chars outside ruled tables, the tables as ``(bbox, rows, merged cells)`` and, when the grid
    was too large to search (over `MAX_TABLE_CROSSINGS`), its rows and columns of rulings; no tables without
    a grid of rulings."""
    if sum(len(objects.get(kind, [])) for kind in ("line", "rect", "curve")) < TABLE_MIN_RULINGS:
        return chars, [], None
    rows, columns = grid_size(objects)
    if rows * columns > MAX_TABLE_CROSSINGS:
        return chars, [], (rows, columns)
    if rows:
        chars, tables = find_tables(page, chars)
        return chars, tables, None
    return chars, [], None
