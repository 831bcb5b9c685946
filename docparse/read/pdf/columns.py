"""Read stage, PDF columns: rows of a page's chars → the same rows in reading order by column.

`lines.group_lines` cuts a page into rows across its whole width, so columns set side by side
come out interleaved: the first line of the left column, then the first of the right, and so on.
Here the page's own geometry and text say where its columns are:

- gutters: a strip of white (`NARROW_GUTTER` wide at the least) is followed down the rows while
  each leaves it free, from the first row that does (`_gutters`): a title or a ragged line above
  the columns starts no run of theirs. A strip with glyphs on both of its sides in `MIN_ROWS`
  rows is a gutter; its rows are a region, the tallest first, one whose columns the text rejects
  leaving its rows to the others, so column blocks may change from band to band;
- columns: a region is cut at all its gutters (three columns, two and a sidebar), else at one
  (a column of text beside a box of its own cells), and each neighbouring pair of sides must be
  columns by their text (`_beside`): running text beside lines that keep to other rows (the
  columns' baselines drift apart), or lists, stacks of headings and names, running text on each
  side; where the two sides' lines share rows, only lists or stacks on both. Never a table's
  rows: a title and its leader to a page number, a label and its value (dates, amounts: digits
  on most lines), a form's cells of text each on its row keep their row and their gaps stay
  tabs. A heading under the columns, short enough to leave the gutter free, is read after them;
- within a column, its glyphs are grouped into lines on their own, then read the same way (a box
  of label/value rows in a sidebar, a column of two), `MAX_DEPTH` levels deep;
- a region no such cut reads is read as before: a run of rows with one common gutter whose sides
  both fill their width to a common edge or both start with list labels is two columns (rows
  with more than one wide gap, a table's, stand alone).

Each pass is one walk over the rows and their glyphs (and a sort per column): linear in the
page's glyphs but for the sorts, times the few levels.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
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

NARROW_GUTTER = 0.8
"""Ems: the narrowest gutter followed down a page; a justified paragraph's river that wide parts
lines that share their rows, which running text on both sides never passes for columns."""

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


Regroup = Callable[[list[dict[str, Any]]], list[Row]]


def reading_order(
    chars: list[dict[str, Any]], rows: list[Row], regroup: Regroup, bold: list[bool] | None = None
) -> list[tuple[Row, Column]]:
    """Return `rows` with each region set in columns read column by column (left to right).

    Each row comes with the left and right edges of its column (None outside a column): the
    paragraph rules measure a column's lines against the column, not the page. A column's glyphs
    are grouped into lines again on their own (`regroup`): rows across the page pair the lines of
    two columns whose baselines drift apart (a heading's space in one). A column is read again the
    same way (a box of its own columns inside it: a sidebar's label/value rows, a column of two),
    to `MAX_DEPTH` levels. `bold` (per char, optional) tells a column's headings from its names.
    """
    return _order(chars, rows, regroup, bold or [], 0, None)


MAX_DEPTH = 3
"""Columns inside columns read this deep at the most: each level costs one pass over the glyphs."""


def _order(
    chars: list[dict[str, Any]], rows: list[Row], regroup: Regroup, bold: list[bool], depth: int, column: Column
) -> list[tuple[Row, Column]]:
    """Return `rows` (one block of the page, or the whole page) in reading order, each with its column."""
    glyphs = [i for row in rows for i in row if not chars[i]["text"].isspace()]
    if not glyphs:
        return [(row, column) for row in rows]
    em = max(statistics.median(chars[i]["size"] for i in glyphs), 1.0)
    left, right = min(chars[i]["x0"] for i in glyphs), max(chars[i]["x1"] for i in glyphs)
    # Each column is at least COLUMN_MIN ems wide: the gutter lies between.
    interior = (left + COLUMN_MIN * em, right - COLUMN_MIN * em)
    least = MIN_GUTTER * em
    if interior[1] - interior[0] < least:
        return [(row, column) for row in rows]  # too narrow a block for two columns
    out: list[tuple[Row, Column]] = []

    def read(sides: list[Row]) -> None:
        for side in sides:
            edges = _edges(chars, [side])
            lines = [[side[j] for j in line] for line in regroup([chars[i] for i in side])]
            if depth + 1 < MAX_DEPTH:
                out.extend(_order(chars, lines, regroup, bold, depth + 1, edges))
            else:
                out.extend((line, edges) for line in lines)

    def two_columns(region: list[Row]) -> None:
        # Two columns of text as before (a table's rows of three cells stand alone between them).
        start = 0
        while start < len(region):
            end, bands = _next_region(chars, region, start, interior, least, tables=False)
            sides = _read_region(chars, region[start:end], bands) if bands else None
            if sides is None:
                out.extend((row, column) for row in region[start:end])
            else:
                read(sides)
            start = end

    narrow = NARROW_GUTTER * em
    taken: list[tuple[int, int, list[Row]]] = []
    # The tallest run of a gutter first; one its columns' text rejects leaves its rows to others.
    for start, end in _gutters(chars, rows, interior, narrow)[:MAX_RUNS]:
        if any(start < other_end and other_start < end for other_start, other_end, _ in taken):
            continue
        region = rows[start:end]
        _, bands = _next_region(chars, region, 0, interior, narrow, tables=True)
        sides = _columns(chars, region, bands, regroup, bold)
        if sides is not None:
            taken.append((start, end, sides))
    done = 0
    for start, end, sides in sorted(taken, key=lambda run: run[0]):
        two_columns(rows[done:start])
        *columns_read, below = sides
        read(columns_read)
        two_columns([[below[j] for j in line] for line in regroup([chars[i] for i in below])] if below else [])
        done = end
    two_columns(rows[done:])
    return out


MAX_RUNS = 32
"""Runs of gutters whose columns are weighed on one page at the most (the tallest)."""
MAX_STRIPS = 64
"""Open strips of white followed down a page at once (a page's rows leave few)."""


def _gutters(chars: list[dict[str, Any]], rows: list[Row], interior: Band, least: float) -> list[tuple[int, int]]:
    """Return the runs of rows (start, end) that a gutter parts, the tallest first.

    A strip of white is followed down the rows while each row leaves it free (narrowing it), from
    the first row that does: a ragged last line or a title above the columns starts no run of
    theirs. A strip is a gutter when glyphs lie on both of its sides in `MIN_ROWS` rows or more:
    the white right of a ragged column parts nothing.
    """
    spans = []
    for row in rows:
        marks = [i for i in row if not chars[i]["text"].isspace()]
        spans.append((min(chars[i]["x0"] for i in marks), max(chars[i]["x1"] for i in marks)) if marks else None)
    strips: dict[Band, list[int]] = {}  # band → [first row, rows with glyphs left of it, right of it]
    runs: list[tuple[int, int]] = []

    def close(start: int, end: int, left: int, right: int) -> None:
        if end - start >= MIN_ROWS and min(left, right) >= MIN_ROWS:
            runs.append((start, end))

    for r, row in enumerate(rows):
        free = _free(chars, row, interior, least)
        going: dict[Band, list[int]] = {}
        for band, (start, left, right) in strips.items():
            parts = _meet([band], free, least)
            if not parts:
                close(start, r, left, right)
            for part in parts:
                kept = going.get(part)
                if kept is None or kept[0] > start:
                    going[part] = [start, left, right]
        for band in free:
            going.setdefault(band, [r, 0, 0])
        strips = _count_sides(going, spans[r])
    for start, left, right in strips.values():
        close(start, len(rows), left, right)
    return sorted(set(runs), key=lambda run: (run[0] - run[1], run[0]))


def _next_region(
    chars: list[dict[str, Any]], rows: list[Row], start: int, interior: Band, least: float, *, tables: bool
) -> tuple[int, list[Band]]:
    """Return where the run of rows from `start` that leave common gutters free ends, and their bands.

    A row that leaves none is a run of its own, without bands. Without `tables`, a row of three
    cells or more (more than one wide gap: a table's row) stands alone; with it, such a row joins
    a run too (three columns split every row twice), and only the text of the columns
    (`_columns`) tells them from a table.
    """
    bands: list[Band] = []
    end = start
    while end < len(rows):
        row = rows[end]
        free = _free(chars, row, interior, least)
        if not tables and len(_gaps(chars, row)) > 1:
            free = []  # three cells or more: a table's row, not two columns
        met = _meet(bands, free, least) if end > start else free
        if not met:
            break
        bands = met
        end += 1
    return max(end, start + 1), bands


def _count_sides(strips: dict[Band, list[int]], span: tuple[float, float] | None) -> dict[Band, list[int]]:
    """Return the open strips (the earliest `MAX_STRIPS`), each row's glyphs counted left and right of them."""
    if len(strips) > MAX_STRIPS:
        strips = dict(sorted(strips.items(), key=lambda item: item[1][0])[:MAX_STRIPS])
    if span is not None:
        for (lo, hi), counts in strips.items():
            counts[1] += span[0] < lo
            counts[2] += span[1] > hi
    return strips


def _read_region(chars: list[dict[str, Any]], region: list[Row], bands: list[Band]) -> list[Row] | None:
    """Return the glyphs of `region` left and right of its gutter when it parts two columns of text, else None."""
    _, hi = max(bands, key=lambda band: band[1] - band[0])
    halves: list[tuple[Row, Row]] = []
    for row in region:
        halves.append(([i for i in row if chars[i]["x1"] <= hi], [i for i in row if chars[i]["x1"] > hi]))
    sides = [[i for half in halves for i in half[side]] for side in (0, 1)]
    counts = [sum(1 for half in halves if half[side]) for side in (0, 1)]
    if min(counts) < MIN_ROWS or not _side_by_side(chars, sides) or not _is_columns(chars, halves):
        return None
    return sides


def _side_by_side(chars: list[dict[str, Any]], sides: list[Row]) -> bool:
    """Return True when the two sides share their height: columns, not a block above another one."""
    (left_top, left_bottom), (right_top, right_bottom) = (
        (min(chars[i]["top"] for i in side), max(chars[i]["bottom"] for i in side)) for side in sides
    )
    return bool(right_top < left_bottom and left_top < right_bottom)


MAX_CUTS = 4
"""Gutter choices tried for a region: all its gutters at once, then each alone, widest first."""
LIST_SHARE = 1 / 3
"""Share of a column's lines that start with a list label in a list (the rest: wraps, a heading)."""
HEADING_SIZE = 1.15
"""A line this many times the column's usual size is a heading of the column."""
PAIRED = 0.3
"""Ems: lines of two columns whose middles are this close share a row (a table's cells do)."""


def _columns(
    chars: list[dict[str, Any]], region: list[Row], bands: list[Band], regroup: Regroup, bold: list[bool]
) -> list[Row] | None:
    """Return the glyphs of `region` column by column when its gutters part columns of text, else None.

    The last list holds the glyphs under the columns (`_below`), read after them. All its gutters
    at once first (three columns, two columns and a sidebar), then each gutter alone from the
    widest (a column of text beside a box that has a gutter of its own).
    """
    bands = sorted(bands)
    choices = [bands] if len(bands) > 1 else []
    choices += [[band] for band in sorted(bands, key=lambda band: band[0] - band[1])]
    for cuts in choices[:MAX_CUTS]:
        his = [hi for _, hi in cuts]
        sides: list[Row] = [[] for _ in range(len(cuts) + 1)]
        for row in region:
            for i in row:
                sides[bisect_left(his, chars[i]["x1"])].append(i)
        lines = [[[side[j] for j in line] for line in regroup([chars[i] for i in side])] for side in sides]
        if any(sum(1 for line in side if _text(chars, line)) < MIN_ROWS for side in lines):
            continue
        if all(
            _side_by_side(chars, [sides[n], sides[n + 1]]) and _beside(chars, lines[n], lines[n + 1], bold)
            for n in range(len(sides) - 1)
        ):
            return _below(chars, lines, bold)
    return None


TRAILING_GAP = 2.0
"""Times a column's usual gap between lines: a wider gap before lines below every other column ends it."""


TRAILING_LINES = 2
"""Lines at the most under the columns that are no column's: a heading, wrapped once."""


def _below(chars: list[dict[str, Any]], sides: list[list[Row]], bold: list[bool]) -> list[Row]:
    """Return the columns' glyphs, then the glyphs of the lines under them that are no column's.

    A heading at a column's foot, below the foot of every other column and after a gap wider than
    its column's leading, is no longer in its column: the heading of the text under the columns,
    short enough to leave their gutter free. Read in its column, it would come before the columns
    to its right. A column's own lines there (a left column longer than the right) stay.
    """
    below: Row = []
    for k, lines in enumerate(sides[:-1]):
        if len(lines) <= TRAILING_LINES:
            continue
        foot = max(max(chars[i]["bottom"] for line in other for i in line) for other in sides if other is not lines)
        tops = [min(chars[i]["top"] for i in line) for line in lines]
        bottoms = [max(chars[i]["bottom"] for i in line) for line in lines]
        gaps = [tops[n + 1] - bottoms[n] for n in range(len(lines) - 1)]
        sizes = [_size(chars, line) for line in lines]
        em = statistics.median(sizes)
        usual = max(statistics.median(gaps), 0.25 * em)
        cut = next(
            (
                n
                for n in range(len(lines) - TRAILING_LINES, len(lines))
                if tops[n] > foot
                and gaps[n - 1] > TRAILING_GAP * usual
                and any(_heading(chars, lines[m], sizes[m], em, bold) for m in range(n, len(lines)))
            ),
            None,
        )
        if cut is not None:
            below += [i for line in lines[cut:] for i in line]
            sides[k] = lines[:cut]
    return [[i for line in lines for i in line] for lines in sides] + [sorted(below)]


def _size(chars: list[dict[str, Any]], line: Row) -> float:
    """Return the median size of a line's glyphs (its spaces' too when it has no other)."""
    marks = [chars[i]["size"] for i in line if not chars[i]["text"].isspace()]
    return float(statistics.median(marks or [chars[i]["size"] for i in line]))


def _beside(chars: list[dict[str, Any]], left: list[Row], right: list[Row], bold: list[bool]) -> bool:
    """Return True when two neighbouring blocks of lines are columns, not the cells of a table's rows.

    Columns: running text beside anything whose lines do not share its rows (a box of dates beside
    the text), two columns each of running text, a list or a stack of headings and names, or, when
    their lines share rows, two lists or stacks. A table: labels beside page numbers
    (`....... 12`), values (dates, amounts: digits on most lines) each on its label's row, cells of
    text side by side.
    """
    if any(LEADERS.search(_text(chars, line)) for line in left):
        return False
    kinds = [_kinds(chars, side, bold) for side in (left, right)]
    paired = _paired(chars, left, right)
    if paired >= MOSTLY and any("values" in kind for kind in kinds):
        return False  # each value on its label's row: a dates table, a form
    if paired < MOSTLY:
        return any("text" in kind for kind in kinds) or all(kind & {"list", "stack", "text"} for kind in kinds)
    # Rows shared: columns only when each side is a list or a stack of its own headings; running
    # text beside lines on its rows is a table's cells wrapped (a form's question and its choices).
    return all(kind & {"list", "stack"} for kind in kinds)


def _kinds(chars: list[dict[str, Any]], lines: list[Row], bold: list[bool]) -> set[str]:
    """Return what a block of lines is: running "text", a "list", a "stack" of headings and names, "values"."""
    texts = [_text(chars, line) for line in lines]
    kept = [(line, text) for line, text in zip(lines, texts, strict=True) if text]
    out: set[str] = set()
    if not kept:
        return out
    n = len(kept)
    sizes = [_size(chars, line) for line, _ in kept]
    em = max(statistics.median(sizes), 1.0)
    starts = [min(chars[i]["x0"] for i in line) for line, _ in kept]
    ends = [max(chars[i]["x1"] for i in line) for line, _ in kept]
    widths = sorted(end - start for start, end in zip(starts, ends, strict=True))
    edge = max(ends)
    if widths[n // 2] >= COLUMN_MIN * em and sum(1 for end in ends if end >= edge - FILLED * em) >= n * MOSTLY:
        out.add("text")
    labelled = sum(1 for _, text in kept if match_numbering(text))
    if labelled >= 2 and labelled >= n * LIST_SHARE:
        out.add("list")
    if sum(1 for _, text in kept if any(ch.isdigit() for ch in text)) >= n * MOSTLY:
        out.add("values")
    heads = [_heading(chars, line, size, em, bold) for (line, _), size in zip(kept, sizes, strict=True)]
    led = sum(1 for n, head in enumerate(heads[:-1]) if head and not heads[n + 1])
    titled = sizes[0] >= em * HEADING_SIZE  # a panel under a title larger than its lines
    if (led >= 2 or (titled and _centred(starts, ends, em))) and "values" not in out:
        out.add("stack")
    return out


CENTRED = 1.0
"""Ems: lines whose middles lie this close to the block's middle line are set centred on it."""


def _centred(starts: list[float], ends: list[float], em: float) -> bool:
    """Return True when most of a block's lines, of widths that differ, are centred on one axis: a box of its own.

    A poster's panel of labels and dates under its title ("Important Date" over "Paper Submission
    Deadline:" over "20 July 2019") is set centred in its column; a table's column, centred or not,
    has no title larger than its cells.
    """
    if len(starts) < MIN_ROWS:
        return False
    middles = [(start + end) / 2 for start, end in zip(starts, ends, strict=True)]
    axis = statistics.median(middles)
    widths = [end - start for start, end in zip(starts, ends, strict=True)]
    ragged = sum(1 for width in widths if width < max(widths) - 2 * CENTRED * em * 2)
    on_axis = sum(1 for middle in middles if abs(middle - axis) <= CENTRED * em)
    return on_axis >= len(middles) * MOSTLY and ragged >= len(widths) * LIST_SHARE


def _heading(chars: list[dict[str, Any]], line: Row, size: float, em: float, bold: list[bool]) -> bool:
    """Return True when a line stands out of its column: larger than its lines, or all bold."""
    if size >= em * HEADING_SIZE:
        return True
    marks = [i for i in line if not chars[i]["text"].isspace()]
    return bool(bold) and all(bold[i] for i in marks)


def _paired(chars: list[dict[str, Any]], left: list[Row], right: list[Row]) -> float:
    """Return the share of the shorter block's lines that share a row with a line of the other block."""
    middles = [
        sorted((min(chars[i]["top"] for i in line) + max(chars[i]["bottom"] for i in line)) / 2 for line in side)
        for side in (left, right)
    ]
    few, many = sorted(middles, key=len)
    if not few or not many:
        return 0.0
    em = max(statistics.median(chars[i]["size"] for side in (left, right) for line in side for i in line), 1.0)
    hits = 0
    for middle in few:
        k = bisect_left(many, middle)
        near = [many[j] for j in (k - 1, k) if 0 <= j < len(many)]
        if any(abs(other - middle) <= PAIRED * em for other in near):
            hits += 1
    return hits / len(few)
