"""Read stage, PDF unruled tables on shaded ground: a page's fills and chars → the grids set on them.

A grid of labels and values printed without rules on a tinted box (a dates box beside a paragraph,
a contacts panel), or a slide's table drawn as shaded row bands with no rule between its columns, is
a table to a reader, but the ruled-table finder (`grid`) sees only boxes of one cell. The evidence is
the page's own: inside one filled, non-white rectangle or a stack of like bands (`regions`), lines
of text whose words start at the same x after a gap on three lines or more, with no word of those
lines crossing that x, make columns; the bands' edges, or the lines' pitch on a panel, make rows.
Text of the panel set across the columns (a paragraph above the grid) stays running text. It runs
after `grid`, on the chars no ruled table took.
"""

from __future__ import annotations

import itertools
import statistics
from typing import Any, NamedTuple

from docparse.read.pdf.grid import paints_white
from docparse.read.pdf.words import cell_text, chars_box, is_level, word_lines

# A panel is at least this high and wide (points): two lines of text and a column of labels; a rule
# or an underline is thinner. It covers at most this share of the page: a page's background is no panel.
PANEL_MIN_HEIGHT = 24.0
PANEL_MIN_WIDTH = 72.0
PANEL_MAX_PAGE_SHARE = 0.5
# A page with more fills of a panel's size than this is a drawing (a chart, a map): it is not searched,
# which keeps the test of each fill against those drawn after it linear in the page's rectangles.
MAX_FILLS = 64
# A band of a table shaded in rows is at least this high (points): a line of small text; stacked
# bands are the same width within `BAND_REACH` points.
BAND_MIN_HEIGHT = 8.0
BAND_REACH = 2.0
# The rows of one table are alike: stacked bands differ in height by this factor at most (a tall panel
# and a note box under it are two boxes).
BAND_HEIGHT_RATIO = 2.0
# A column starts after a gap of at least this many ems (a word space is about a quarter), at the
# same x (within this many points) on at least `MIN_ROWS` lines.
GUTTER_EMS = 0.6
ALIGN_POINTS = 2.0
MIN_ROWS = 3
# A line closer to the one above than this share of the grid's usual line pitch is the rest of its
# row's cell (a wrapped label); at the usual pitch it is a row of its own.
WRAP_PITCH = 0.75

Table = tuple[tuple[float, float, float, float], list[list[str]], tuple[tuple[int, int, int, int], ...]]


class Region(NamedTuple):
    """Where a grid may be set: a panel's box, or a stack of row bands' box and the bands' edges (rows)."""

    x0: float
    top: float
    x1: float
    bottom: float
    edges: tuple[float, ...]


def regions(objects: dict[str, list[dict[str, Any]]], width: float, height: float) -> list[Region]:
    """Return the page's shaded panels and stacks of row bands a grid may be set on.

    A fill counts when it is not white, at least `PANEL_MIN_WIDTH` wide, under half the page, and not
    mostly covered by a fill drawn after it (a form's ground under its white sheet is seen nowhere).
    Fills over the same width and of like heights, stacked a band's height apart or less (a table
    shaded in alternate rows, a header band over its rows) are one region, whose rows the bands' edges
    cut, reaching one band below the last (its white last row); a fill of its own at least
    `PANEL_MIN_HEIGHT` high is a panel.
    """
    rects = objects.get("rect", [])
    sized = []
    for n, rect in enumerate(rects):
        if not rect.get("fill") or paints_white({**rect, "stroke": False}):
            continue
        w, h = float(rect["x1"]) - float(rect["x0"]), float(rect["bottom"]) - float(rect["top"])
        if h >= BAND_MIN_HEIGHT and w >= PANEL_MIN_WIDTH and w * h <= PANEL_MAX_PAGE_SHARE * width * height:
            sized.append((n, rect))
            if len(sized) > MAX_FILLS:
                return []  # a drawing, a chart of bars: no page of text on shaded ground
    fills = [
        rect
        for n, rect in sized
        if not any(later.get("fill") and _area(later, rect) * 2 > _area(rect, rect) for later in rects[n + 1 :])
    ]
    stacks: list[list[dict[str, Any]]] = []
    for rect in sorted(fills, key=lambda r: float(r["top"])):
        last = stacks[-1][-1] if stacks else None
        if (
            last is not None
            and abs(float(rect["x0"]) - float(last["x0"])) <= BAND_REACH
            and abs(float(rect["x1"]) - float(last["x1"])) <= BAND_REACH
            and -BAND_REACH <= float(rect["top"]) - float(last["bottom"]) <= _height(last) + BAND_REACH
            and max(_height(rect), _height(last)) <= BAND_HEIGHT_RATIO * min(_height(rect), _height(last))
        ):
            stacks[-1].append(rect)
        else:
            stacks.append([rect])
    out = []
    for stack in stacks:
        first, last = stack[0], stack[-1]
        x0, x1 = float(first["x0"]), float(first["x1"])
        if len(stack) == 1:
            if _height(first) >= PANEL_MIN_HEIGHT:
                out.append(Region(x0, float(first["top"]), x1, float(first["bottom"]), ()))
            continue
        edges = sorted({float(r[k]) for r in stack for k in ("top", "bottom")})
        out.append(Region(x0, edges[0], x1, edges[-1] + _height(last), tuple(edges)))
    return out


def _height(rect: dict[str, Any]) -> float:
    return float(rect["bottom"]) - float(rect["top"])


def _area(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Return the area `a` and `b` have in common."""
    w = min(float(a["x1"]), float(b["x1"])) - max(float(a["x0"]), float(b["x0"]))
    h = min(float(a["bottom"]), float(b["bottom"])) - max(float(a["top"]), float(b["top"]))
    return max(w, 0.0) * max(h, 0.0)


def panel_tables(
    objects: dict[str, list[dict[str, Any]]], chars: list[dict[str, Any]], width: float, height: float
) -> tuple[list[dict[str, Any]], list[Table]]:
    """Return the chars outside the grids found on shaded panels, and those grids as ``(bbox, rows, merged)``."""
    boxes = regions(objects, width, height)
    if not boxes or not chars:
        return chars, []
    tables: list[Table] = []
    taken: set[int] = set()
    for x0, top, x1, bottom, edges in boxes:
        inside = [
            char
            for char in chars
            if id(char) not in taken
            and is_level(char)
            and x0 <= (float(char["x0"]) + float(char["x1"])) / 2 <= x1
            and top <= (float(char["top"]) + float(char["bottom"])) / 2 <= bottom
        ]
        if len(inside) < MIN_ROWS * 2:
            continue
        found = _grid(inside, edges, x0, x1)
        if found is None:
            continue
        table, used = found
        tables.append(table)
        taken.update(id(char) for char in used)
    if not tables:
        return chars, []
    return [char for char in chars if id(char) not in taken], tables


def _starts(line: list[dict[str, Any]]) -> list[float]:
    """Return the x of each word of `line` set after a gap wider than a word space (a column's start)."""
    return [
        float(word["x0"])
        for before, word in itertools.pairwise(line)
        if float(word["x0"]) - float(before["x1"]) >= GUTTER_EMS * float(word["size"])
    ]


def _clear(line: list[dict[str, Any]], x: float) -> bool:
    """Return whether no word of `line` crosses `x`."""
    return not any(float(w["x0"]) < x - ALIGN_POINTS < float(w["x1"]) - ALIGN_POINTS for w in line)


def _set_in(line: list[dict[str, Any]], columns: list[float]) -> bool:
    """Return whether `line` is set in the columns: no word crosses a column's start, and every gap as wide
    as a column's opens one (a word set apart elsewhere, a check box's label at the right, is another layout)."""
    if not all(_clear(line, x) for x in columns):
        return False
    return all(any(abs(start - x) <= ALIGN_POINTS for x in columns) for start in _starts(line))


def _columns(lines: list[list[dict[str, Any]]]) -> list[float]:
    """Return the x positions where at least `MIN_ROWS` lines start a word after a gap, left to right."""
    starts = sorted(x for line in lines for x in set(_starts(line)))
    groups: list[list[float]] = []
    for x in starts:
        if groups and x - groups[-1][-1] <= ALIGN_POINTS:
            groups[-1].append(x)
        else:
            groups.append([x])
    return [min(group) for group in groups if len(group) >= MIN_ROWS]


def _filled(line: list[dict[str, Any]], columns: list[float]) -> set[int]:
    """Return the columns (0 the first, before `columns[0]`) in which `line` has words."""
    return {_column_of(word, columns) for word in line}


def _run(lines: list[list[dict[str, Any]]], columns: list[float]) -> tuple[int, int]:
    """Return the longest run ``[start, end)`` of lines set in the columns (`_set_in`), trimmed of lines
    at either end that fill one column only (a paragraph's last line above the grid)."""
    best = (0, 0)
    start = 0
    for n in range(len(lines) + 1):
        if n == len(lines) or not _set_in(lines[n], columns):
            if n - start > best[1] - best[0]:
                best = (start, n)
            start = n + 1
    first, end = best
    while first < end and len(_filled(lines[first], columns)) < 2:
        first += 1
    while end > first and len(_filled(lines[end - 1], columns)) < 2:
        end -= 1
    return first, end


def _grid(
    chars: list[dict[str, Any]], edges: tuple[float, ...], left: float, right: float
) -> tuple[Table, list[dict[str, Any]]] | None:
    """Return the grid the region's chars are set in, and the chars it holds; None when they make none.

    Rows: in a stack of bands, a row ends at each band's edge; on a panel, a line at the grid's usual
    pitch starts a row and a closer one is the rest of its row's cell (`WRAP_PITCH`).
    """
    lines = word_lines(chars)
    columns = _columns(lines)
    if not columns:
        return None
    first, end = _run(lines, columns)
    # The columns the run itself supports: a start seen on fewer of its lines is a chance alignment.
    run = lines[first:end]
    columns = [x for x in columns if sum(any(abs(s - x) <= ALIGN_POINTS for s in _starts(line)) for line in run) >= 2]
    if not columns or len(run) < MIN_ROWS:
        return None
    if sum(len(_filled(line, columns)) >= 2 for line in run) < MIN_ROWS - 1:
        return None
    tops = [float(line[0]["top"]) for line in run]
    pitch = statistics.median(b - a for a, b in itertools.pairwise(tops))
    rows: list[list[list[dict[str, Any]]]] = []
    for n, line in enumerate(run):
        if n and (_cut(run[n - 1], line, edges) if edges else tops[n] - tops[n - 1] >= WRAP_PITCH * pitch) is False:
            rows[-1].append(line)
        else:
            rows.append([line])
    if len(rows) < MIN_ROWS:
        return None
    # Each column's right edge: the next column's start; the last column's, the region's edge less the
    # padding the region leaves on its left.
    pad = min(float(w["x0"]) for line in run for w in line) - left
    rights = [*columns, right - pad]
    texts = [[_cell(row, columns, c, rights[c]) for c in range(len(columns) + 1)] for row in rows]
    used = [char for line in run for word in line for char in word["chars"]]
    return (chars_box(used), texts, ()), used


def _cut(above: list[dict[str, Any]], line: list[dict[str, Any]], edges: tuple[float, ...]) -> bool:
    """Return whether a band's edge runs between two lines (between their middles)."""
    upper = max(float(w["top"]) + float(w["bottom"]) for w in above) / 2
    lower = min(float(w["top"]) + float(w["bottom"]) for w in line) / 2
    return any(upper < edge < lower for edge in edges)


def _cell(row: list[list[dict[str, Any]]], columns: list[float], column: int, right: float) -> str:
    """Return the text of one cell of a row: its words in that column, line by line (`words.cell_text`)."""
    return cell_text(([w for w in line if _column_of(w, columns) == column] for line in row), right)


def _column_of(word: dict[str, Any], columns: list[float]) -> int:
    return sum(float(word["x0"]) >= x - ALIGN_POINTS for x in columns)
