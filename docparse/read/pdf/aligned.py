"""Read stage, PDF borderless tables: a page's chars → the grids its text alone sets in columns.

A table printed with no rules and no fills is a table to a reader only by the alignment of its
text: lines whose gaps, wider than a word space, fall at the same places line after line. The
ruled finder (`grid`) and the shaded one (`panels`) see nothing there, and the lines read as
paragraphs with tabs. The evidence here is the page's own, as in camelot's stream mode and
Nurminen's text-edge search (pdfplumber's `text` strategy is the same idea): lines are cut into
segments at gaps of `SEGMENT_GAP_EMS` or more; a run of consecutive lines, at a steady pitch, that
leave the same vertical strips of white (`gutters`) is a grid. Each gutter parts text on `MIN_ROWS` lines,
`MIN_ROWS` lines fill two columns or more, and each column keeps one alignment (its cells start, end or
centre at one x). A line that crosses a gutter, or has a wide gap where the run has none, ends the run. A
line with text in one column only, or none in the first, between aligned lines is the rest of the row above
(a wrapped cell); a header line set apart in its font just above the run is the header row when its
segments fall one to a column. Two columns are a table only under such a header (or a first row set apart):
without one they are labels beside their values as often as a table.

It declines (leaves the lines to the paragraph stage) when the run is something else set in columns:
a table of contents (leaders, or ascending page numbers in the last column), label: value lines (first
cells ending in a colon: fields), a list with a hanging indent (every column but the last holds list
labels only), a form's choices (`Yes  No` repeated on each line), a letter-spaced label cut into
columns, running text that flows from row to row (a paragraph beside a sidebar), or text
`columns.reading_order` reads as page columns. Each table carries the evidence it was found on
(`Found.why`), which the reader puts in the TABLE block's `info` and `docparse explain` shows.

It runs after `grid` and `panels`, on the chars they left; a walk over the page's words and lines,
linear in the page's glyphs (the columns test runs once on a page where a table was found; see
bench/bench_aligned_tables.py).
"""

from __future__ import annotations

import itertools
import math
import statistics
from typing import Any, NamedTuple

from docparse.read.pdf.text import is_garbage
from docparse.read.pdf.words import CELL_WRAP_EMS, cell_text, chars_box, is_level, word_lines
from docparse.vocab.chars import is_cjk
from docparse.vocab.families import match_numbering
from docparse.vocab.glyphs import BULLETS, LEADER_CHARS
from docparse.vocab.markers import PAGE_LABEL_RE

# A gap between two words this many ems wide or wider may part two columns; justified text stretches
# its word spaces to half an em or so, rarely more.
SEGMENT_GAP_EMS = 1.0
# A gutter stays this many ems wide over every line of the run (the white between two columns).
GUTTER_MIN_EMS = 0.5
# Two columns at the least: one gutter. Two columns side by side are as often page columns, labels and their
# values (fields), a list's labels and items or a contents list: those are declined by their own evidence.
MIN_GUTTERS = 1
# A column of running text (a page column the columns stage did not read) is this many ems wide at the
# least, and most of its lines reach its right edge (within `CELL_WRAP_EMS`).
PROSE_EMS = 12.0
MIN_ROWS = 3
# Consecutive lines of one table: the gap between two lines is at most this many line heights, and at
# most `PITCH_JUMP` times the run's widest pitch so far (rows set apart by leading, cells wrapped closer).
MAX_LINE_GAP = 2.0
PITCH_JUMP = 1.6
# A line whose pitch from the line above is at least this share over the run's closest pitch starts a
# row when it fills the first column (rows set apart by leading, cells wrapped at the closest pitch).
ROW_LEADING = 1.25
# A column's cells start, end or centre within this many ems of each other.
ALIGN_EMS = 0.5
# A table has at most this many columns: a line cut into more is no row (and the gutters it opens, each
# narrowed by each next line's words, stay few). Sizes under a point count as one point.
MAX_COLUMNS = 40
MIN_EM = 1.0
# A list's label is one token of this many characters at the most (`viii.`, `(iv)`).
MARKER_CHARS = 6
# A line of leader dots (a table of contents) has a segment of this many leader glyphs or more.
LEADER_RUN = 4

Word = dict[str, Any]
Line = list[Word]
Span = tuple[float, float]
Table = tuple[tuple[float, float, float, float], list[list[str]], tuple[tuple[int, int, int, int], ...]]


class Found(NamedTuple):
    """A borderless table: its box, rows and merged cells (none), and why it was read as one."""

    table: Table
    why: str


def aligned_tables(chars: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Found]]:
    """Return the chars outside the borderless tables found among `chars`, and those tables."""
    level = [char for char in chars if is_level(char)]
    if len(level) < MIN_ROWS * 3:
        return chars, []
    lines = word_lines(level)
    segments = [_segments(line) for line in lines]
    found: list[tuple[list[Line], list[Span], Found]] = []
    start = 0
    while start < len(lines):
        end, gutters = _run(lines, segments, start)
        if end - start >= MIN_ROWS:
            result = _table(lines[start:end], segments[start:end], gutters, lines[start - 1] if start else None)
            if result is not None:
                found.append(result)
            # Declined or not, the aligned lines are one layout: a part of them is no better evidence.
            start = end
            continue
        start += 1
    if not found:
        return chars, []
    found = [
        entry
        for entry, columns in zip(found, _page_columns(level, [run for run, _, _ in found]), strict=True)
        if not columns
    ]
    used = {id(char) for run, _, _ in found for line in run for word in line for char in word["chars"]}
    return [char for char in chars if id(char) not in used], [entry for _, _, entry in found]


def _segments(line: Line) -> list[Span]:
    """Return the line's segments: its words joined where the gap is under `SEGMENT_GAP_EMS`, as x spans."""
    out: list[list[float]] = []
    for n, word in enumerate(line):
        x0, x1 = float(word["x0"]), float(word["x1"])
        if not n or x0 - float(line[n - 1]["x1"]) >= SEGMENT_GAP_EMS * max(float(word["size"]), MIN_EM):
            out.append([x0, x1])
        else:
            out[-1][1] = max(out[-1][1], x1)
    return [(a, b) for a, b in out]


def _free(gutters: list[Span], spans: list[Span], least: float) -> list[Span]:
    """Return the parts of `gutters` no span covers, at least `least` wide."""
    out = []
    for gutter in gutters:
        pieces = [gutter]
        for x0, x1 in spans:
            pieces = [part for a, b in pieces for part in (((a, b),) if x1 <= a or b <= x0 else ((a, x0), (x1, b)))]
        out += [(a, b) for a, b in pieces if b - a >= least]
    return out


def _between(segments: list[Span]) -> list[Span]:
    return [(a[1], b[0]) for a, b in itertools.pairwise(segments)]


def _height(line: Line) -> float:
    return max(float(w["bottom"]) for w in line) - min(float(w["top"]) for w in line)


def _top(line: Line) -> float:
    return min(float(w["top"]) for w in line)


def _run(lines: list[Line], segments: list[list[Span]], start: int) -> tuple[int, list[Span]]:
    """Return the end of the run of aligned lines starting at line `start`, and its gutters.

    The run opens on a line of `MIN_GUTTERS` + 1 segments or more; its gaps are the gutters, which
    each next line narrows to the white it leaves. Until the run has two such lines a gutter the
    next line covers is dropped (a wide gap inside one cell); after that, a line covering one ends
    the run, and so does a line with a gap where the run has no gutter, or a line further below than
    a line's height or the run's pitch allows.
    """
    if not MIN_GUTTERS < len(segments[start]) <= MAX_COLUMNS:
        return start, []
    line = lines[start]
    em = max(statistics.median(float(w["size"]) for w in line), MIN_EM)
    gutters = _between(segments[start])
    split = 1
    pitches: list[float] = []
    end = start + 1
    while end < len(lines):
        below = lines[end]
        pitch = _top(below) - _top(lines[end - 1])
        if pitch - _height(lines[end - 1]) > MAX_LINE_GAP * _height(lines[end - 1]):
            break
        if len(pitches) >= 2 and pitch > PITCH_JUMP * max(pitches):
            break
        # Narrowed by the words, not the segments: a cell's last word may end short of a gutter by less
        # than a segment's gap (`Ultrasound Robotics Lead  Prof`), and the white between is the gutter's.
        words = [(float(w["x0"]), float(w["x1"])) for w in below]
        narrowed = _free(gutters, words, GUTTER_MIN_EMS * em)
        # A gutter cut in two by a word inside it is no gutter: count the survivors by their origin.
        kept = [g for g in gutters if any(g[0] <= a and b <= g[1] for a, b in narrowed)]
        if len(kept) < len(gutters) and split >= 2:
            break
        if len(kept) < MIN_GUTTERS:
            break
        gutters = [
            max(((a, b) for a, b in narrowed if g[0] <= a and b <= g[1]), key=lambda s: s[1] - s[0]) for g in kept
        ]
        # Each gap of the line opens a column: a gap where the run has none is another layout (a form's
        # label and value set apart inside one column).
        if not all(any(a <= g0 and g1 <= b for g0, g1 in gutters) for a, b in _between(segments[end])):
            break
        if len(segments[end]) >= 2:
            split += 1
        pitches.append(pitch)
        end += 1
    return end, gutters


def _column(x0: float, x1: float, gutters: list[Span]) -> int:
    middle = (x0 + x1) / 2
    return sum(middle >= (a + b) / 2 for a, b in gutters)


def _filled(line: Line, gutters: list[Span]) -> set[int]:
    return {_column(float(w["x0"]), float(w["x1"]), gutters) for w in line}


def _table(
    run: list[Line], segments: list[list[Span]], gutters: list[Span], above: Line | None
) -> tuple[list[Line], list[Span], Found] | None:
    """Return the run read as a table, the lines it took and its gutters; None when the evidence is short
    or the run is something else set in columns (a contents page, fields, a list)."""
    # Lines at either end filling one column only are no rows of it (a paragraph's last line above it).
    while run and len(_filled(run[0], gutters)) < 2:
        run, segments = run[1:], segments[1:]
    while run and len(_filled(run[-1], gutters)) < 2 and not _wraps(run, gutters):
        run, segments = run[:-1], segments[:-1]
    if len(run) < MIN_ROWS or sum(len(_filled(line, gutters)) >= 2 for line in run) < MIN_ROWS:
        return None
    # Each gutter parts text on both of its sides on `MIN_ROWS` lines: else it is a chance of white.
    for a, b in gutters:
        parted = sum(any(float(w["x1"]) <= a for w in line) and any(float(w["x0"]) >= b for w in line) for line in run)
        if parted < MIN_ROWS:
            return None
    rows = _rows(run, gutters)
    if len(rows) < MIN_ROWS or not _aligned(rows, gutters):
        return None
    width = len(gutters) + 1
    texts = [[_cell(row, gutters, c) for c in range(width)] for row in rows]
    if any(sum(bool(row[c]) for row in texts) < 2 for c in range(width)):
        return None
    if _contents(run, texts) or _fields(texts) or _list(texts) or _choices(texts) or _spaced(texts):
        return None
    if _prose(rows, gutters):
        return None
    if any(is_garbage(str(char["text"])) for line in run for word in line for char in word["chars"]):
        return None  # glyphs without Unicode: OCR may read the page instead
    header = _header(above, run, gutters) if above is not None else None
    if width == 2 and header is None and not _headed(rows):
        return None  # two columns under no header: labels beside their values (fields), as often as a table
    why = f"aligned text: {width} columns, {len(rows)} rows"
    if header is not None:
        texts.insert(0, [_cell([header], gutters, c) for c in range(width)])
        run = [header, *run]
        why += ", a header set apart above"
    used = [char for line in run for word in line for char in word["chars"]]
    return run, gutters, Found((chars_box(used), texts, ()), why)


def _wraps(run: list[Line], gutters: list[Span]) -> bool:
    """Return whether the run's last line, filling one column, is the wrapped rest of the row above: at the
    run's closest pitch, not in the first column."""
    if len(run) < 2:
        return False
    pitches = [_top(b) - _top(a) for a, b in itertools.pairwise(run)]
    return 0 not in _filled(run[-1], gutters) and pitches[-1] <= min(pitches) * ROW_LEADING


def _rows(run: list[Line], gutters: list[Span]) -> list[list[Line]]:
    """Return the run's lines grouped into rows: a line filling two columns, or the first after extra
    leading, starts a row; a line with text in one column only (not the first) is the rest of the row above."""
    closest = min((_top(b) - _top(a) for a, b in itertools.pairwise(run)), default=0.0)
    rows: list[list[Line]] = []
    for n, line in enumerate(run):
        filled = _filled(line, gutters)
        starts = not rows or (len(filled) >= 2 and 0 in filled)
        if not starts and 0 in filled and n:
            starts = _top(line) - _top(run[n - 1]) > closest * ROW_LEADING
        if starts:
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def _aligned(rows: list[list[Line]], gutters: list[Span]) -> bool:
    """Return whether each column's cells keep one alignment: the first lines of the rows (the first row aside
    when it is set apart in its fonts, a header) start, end or centre at the same x within `ALIGN_EMS`."""
    em = max(statistics.median(float(w["size"]) for row in rows for line in row for w in line), MIN_EM)
    body = rows[1:] if _headed(rows) else rows
    for c in range(len(gutters) + 1):
        spans = []
        for row in body:
            words = [w for w in row[0] if _column(float(w["x0"]), float(w["x1"]), gutters) == c]
            if words:
                spans.append((min(float(w["x0"]) for w in words), max(float(w["x1"]) for w in words)))
        if len(spans) < 2:
            continue
        edges = ([a for a, _ in spans], [b for _, b in spans], [(a + b) / 2 for a, b in spans])
        if not any(max(xs) - min(xs) <= ALIGN_EMS * em for xs in edges):
            return False
    return True


def _headed(rows: list[list[Line]]) -> bool:
    """Return whether the first row is a header: its lines all set in one mix of fonts that no other row's first
    line has."""
    head = _fonts(rows[0][0])
    return all(_fonts(line) == head for line in rows[0]) and all(head != _fonts(row[0]) for row in rows[1:])


def _fonts(*lines: Line) -> set[str]:
    """Return the font names the lines are set in."""
    return {str(char["fontname"]) for line in lines for word in line for char in word["chars"]}


def _cell(row: list[Line], gutters: list[Span], column: int) -> str:
    """Return one cell's text: its words line by line (`words.cell_text`), a cell that does not end at a gutter
    keeping each line's break."""
    right = gutters[column][0] if column < len(gutters) else None
    cells = ([w for w in line if _column(float(w["x0"]), float(w["x1"]), gutters) == column] for line in row)
    return cell_text(cells, right)


def _contents(run: list[Line], texts: list[list[str]]) -> bool:
    """Return whether the run is a table of contents: leader dots, or page numbers going up in the last column
    after titles."""
    for line in run:
        for word in line:
            glyphs = str(word["text"])
            if len(glyphs) >= LEADER_RUN and all(ch in LEADER_CHARS for ch in glyphs):
                return True
    last = [row[-1].strip() for row in texts if row[-1].strip()]
    if len(last) < MIN_ROWS or not all(PAGE_LABEL_RE.match(cell) for cell in last):
        return False
    numbers = [int(cell) for cell in last if cell.isdigit()]
    # Titles before them: a grid of figures whose last column happens to go up is no contents list.
    titled = sum(any(ch.isalpha() for cell in row[:-1] for ch in cell) for row in texts)
    return len(numbers) == len(last) and numbers == sorted(numbers) and titled * 2 > len(texts)


def _fields(texts: list[list[str]]) -> bool:
    """Return whether most first cells end in a colon: labels and their values, which are fields."""
    labels = [row[0].rstrip() for row in texts if row[0].strip()]
    return sum(label.endswith((":", "：")) for label in labels) * 2 > len(labels)


def _list(texts: list[list[str]]) -> bool:
    """Return whether every column but the last holds list labels only: a list with a hanging indent.

    A label is one short token that is a numbering label or a bullet (`1.`, `(ii)`, `a)`, `•`), or the
    same glyph on every row (`o`, `§`: bullets drawn in a symbol font).
    """
    for c in range(len(texts[0]) - 1):
        cells = [row[c].strip() for row in texts if row[c].strip()]
        if len(set(cells)) == 1 and len(cells[0]) <= 2:
            continue
        for cell in cells:
            if len(cell) > MARKER_CHARS or any(ch.isspace() for ch in cell):
                return False
            numbering = match_numbering(f"{cell} x")
            if not (cell[0] in BULLETS or cell[0] in "(（" or cell[-1] in ".)）、" or numbering is not None):
                return False
    return True


def _prose(rows: list[list[Line]], gutters: list[Span]) -> bool:
    """Return whether a column's text runs on from row to row: running text, not cells (page columns the
    columns stage did not read, a paragraph beside a sidebar).

    In a column `PROSE_EMS` wide or wider, most rows' last line reaches the column's right edge (within
    `CELL_WRAP_EMS`) and the next row goes on in that column: a cell that wraps does so inside its row.
    """
    em = max(statistics.median(float(w["size"]) for row in rows for line in row for w in line), MIN_EM)
    for c in range(len(gutters) + 1):
        ends: list[float | None] = []
        left = math.inf
        for row in rows:
            words = [w for line in row for w in line if _column(float(w["x0"]), float(w["x1"]), gutters) == c]
            last = [w for w in row[-1] if _column(float(w["x0"]), float(w["x1"]), gutters) == c]
            left = min([left, *(float(w["x0"]) for w in words)])
            ends.append(max(float(w["x1"]) for w in last) if last else (-math.inf if words else None))
        known = [end for end in ends if end is not None]
        if not known or max(known) - left < PROSE_EMS * em:
            continue
        right = max(known)
        flows = sum(
            end is not None and end >= right - CELL_WRAP_EMS * em and after is not None
            for end, after in itertools.pairwise(ends)
        )
        if flows * 2 > len(rows) - 1:
            return True
    return False


def _choices(texts: list[list[str]]) -> bool:
    """Return whether every column but the first repeats one text in each row it fills: a form's choices
    (`Yes  No` after each question), not data."""
    return len(texts[0]) > 2 and all(len({row[c] for row in texts if row[c]}) == 1 for c in range(1, len(texts[0])))


def _spaced(texts: list[list[str]]) -> bool:
    """Return whether a column holds one CJK character in every row it fills: a label letter-spaced over
    the width of its cell (`学   院`), which the gaps cut into columns."""
    return any(all(len(row[c]) == 1 and is_cjk(row[c]) for row in texts if row[c]) for c in range(len(texts[0])))


def _header(above: Line, run: list[Line], gutters: list[Span]) -> Line | None:
    """Return the line above the run when it is the table's header: set apart in its font (bold, another face
    or size), at most a line's height further than the run's lines, one segment to a column and two or more."""
    if _top(run[0]) - max(float(w["bottom"]) for w in above) > MAX_LINE_GAP * _height(run[0]):
        return None
    fonts = {str(c["fontname"]) for line in run for w in line for c in w["chars"]}
    sizes = {round(float(w["size"])) for line in run for w in line}
    own = {str(c["fontname"]) for w in above for c in w["chars"]}
    if own <= fonts and {round(float(w["size"])) for w in above} <= sizes:
        return None
    spans = _segments(above)
    columns = [_column(a, b, gutters) for a, b in spans]
    if len(spans) < 2 or len(set(columns)) != len(columns):
        return None
    # No segment crosses a gutter's middle.
    if any(a < (g0 + g1) / 2 < b for a, b in spans for g0, g1 in gutters):
        return None
    return above


def _page_columns(chars: list[dict[str, Any]], runs: list[list[Line]]) -> list[bool]:
    """Return, per run, whether `columns.reading_order` reads its glyphs as page columns (two or more);
    the page's reading order is worked out once, for all its runs."""
    # Imported here: `lines` imports `source`, which imports this module.
    from docparse.read.pdf.columns import reading_order
    from docparse.read.pdf.lines import bold_flags, group_lines

    column_of = {
        id(chars[i]): column
        for row, column in reading_order(chars, group_lines(chars), group_lines, bold_flags(chars))
        if column is not None
        for i in row
    }
    return [
        len({column_of[id(char)] for line in run for word in line for char in word["chars"] if id(char) in column_of})
        >= 2
        for run in runs
    ]
