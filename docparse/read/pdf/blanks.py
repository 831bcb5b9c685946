"""Read stage, PDF fill-in lines: a form's labels each followed by its value written on an underline → a table.

A form's cover (a 任务书, an application form) prints each label (``院  系``, ``课程名称:``) and
draws a line after it where the value is written (``计算机科学与技术学院`` standing on the line).
The ruled-table finder (`grid`) sees no grid there, and reading the line as running text glues the
label to its value (``院系计算机科学与技术学院``). The evidence is the page's own: three or more
underlines one under the other, starting and ending at the same x, each with a short label left
of it on its own line (letters, no question) and nothing right of it; the text left of a line is
the label, the text standing on it the value (empty where the blank was left blank). A line with
no label continues the value above it (a title that wraps onto a second line). It runs after
`grid` and `panels`, on the chars they left.
"""

from __future__ import annotations

import statistics
from typing import Any

from pdfplumber.utils.text import extract_text

from docparse.read.pdf.joins import join_wrapped
from docparse.read.pdf.words import is_level

# A run of fill-in lines has at least this many labelled lines.
BLANKS_MIN_ROWS = 3
# The lines of one run start at the same x, within this many points, and end within `BLANK_ENDS`:
# blanks are drawn alike; underlined links end where their text ends.
BLANK_ALIGN = 3.0
BLANK_ENDS = 6.0
# A label is short: at most this many characters (spaces aside), two letters at least.
LABEL_MAX_CHARS = 16
LABEL_MIN_LETTERS = 2
# A char stands on a line when its bottom is at most this share of its height above the line (a
# baseline a little above it) and at most `BLANK_BELOW` of it under the line (a descender, a label
# set on a lower baseline than its value).
BLANK_REACH = 0.8
BLANK_BELOW = 0.3
# A fill-in line is at least this long (points): shorter rules are the blanks of a date (``年 月 日``).
BLANK_MIN_WIDTH = 60.0
# The lines of one run stand at most this many line heights apart.
BLANK_PITCH = 4.0

Char = dict[str, Any]
Rule = tuple[float, float, float]
Table = tuple[tuple[float, float, float, float], list[list[str]], tuple[tuple[int, int, int, int], ...]]


def blank_forms(chars: list[Char], rules: list[Rule]) -> tuple[list[Char], list[Table]]:
    """Return the chars outside runs of fill-in lines, and each run as a two-column table of labels and values."""
    candidates = sorted(
        ((x0, x1, top) for x0, x1, top in rules if x1 - x0 >= BLANK_MIN_WIDTH), key=lambda rule: (rule[2], rule[0])
    )
    if len(candidates) < BLANKS_MIN_ROWS:
        return chars, []
    rows = [row for rule in candidates if (row := _blank(chars, rule)) is not None]
    used: set[int] = set()
    tables: list[Table] = []
    for run in _runs(rows):
        labels = [_text(label) for _, label, _ in run if label]
        if len(labels) < BLANKS_MIN_ROWS or not run[0][1] or not all(_is_label(label) for label in labels):
            continue
        if max(rule[1] for rule, _, _ in run) - min(rule[1] for rule, _, _ in run) > BLANK_ENDS:
            continue
        cells: list[list[str]] = []
        for _, label, value in run:
            if label:
                cells.append([_text(label), _text(value)])
            elif value:
                cells[-1][1] = join_wrapped(cells[-1][1], _text(value)) if cells[-1][1] else _text(value)
        held = [char for _, label, value in run for char in (*label, *value)]
        used.update(id(char) for char in held)
        bbox = (
            min(float(char["x0"]) for char in held),
            min(float(char["top"]) for char in held),
            max(max(float(char["x1"]) for char in held), max(rule[1] for rule, _, _ in run)),
            max(rule[2] for rule, _, _ in run),
        )
        tables.append((bbox, cells, ()))
    if not tables:
        return chars, []
    return [char for char in chars if id(char) not in used], tables


Row = tuple[Rule, list[Char], list[Char]]
"""A fill-in line, the chars of its label (left of it) and of its value (standing on it)."""


def _blank(chars: list[Char], rule: Rule) -> Row | None:
    """Return a rule as a fill-in line when the text of its line is a label left of it and a value on it, else None."""
    x0, x1, top = rule
    line = [char for char in chars if _stands_on(char, top) and char.get("text", "").strip()]
    if not all(is_level(char) for char in line):
        return None  # turned text (a margin's vertical line) is no label
    label = [char for char in line if float(char["x1"]) <= x0 + 1]
    value = [char for char in line if float(char["x0"]) >= x0 - 1 and float(char["x1"]) <= x1 + 1]
    if len(label) + len(value) != len(line):
        return None  # text across the line's start or right of its end: underlined words, not a blank
    return rule, label, value


def _is_label(text: str) -> bool:
    """Return whether the text left of a blank reads as its label: short, with letters, no question or sentence."""
    compact = "".join(text.split())
    letters = sum(ch.isalpha() for ch in compact)
    return len(compact) <= LABEL_MAX_CHARS and letters >= LABEL_MIN_LETTERS and compact[-1] not in "?？。.…"


def _stands_on(char: Char, top: float) -> bool:
    """Return whether a char's bottom is on a line at `top`: a little above it, or a descender's depth below."""
    height = float(char["bottom"]) - float(char["top"])
    return -BLANK_BELOW * height <= top - float(char["bottom"]) <= BLANK_REACH * height


def _runs(rows: list[Row]) -> list[list[Row]]:
    """Return the fill-in lines grouped in runs: one under the other, starting at the same x, close together."""
    runs: list[list[Row]] = []
    for row in rows:
        for run in runs:
            last = run[-1][0]
            pitch = BLANK_PITCH * _height(run)
            if abs(last[0] - row[0][0]) <= BLANK_ALIGN and 1.0 < row[0][2] - last[2] <= pitch:
                run.append(row)
                break
        else:
            runs.append([row])
    return runs


def _height(run: list[Row]) -> float:
    """Return the median height of the text on a run's lines (a line's pitch is a few of them)."""
    heights = [float(char["bottom"]) - float(char["top"]) for _, label, value in run for char in (*label, *value)]
    return statistics.median(heights) if heights else 12.0


def _text(chars: list[Char]) -> str:
    """Return the text of chars on one line (the spaces of letter-spaced CJK kept: the label reader drops them)."""
    return " ".join(extract_text(chars).split()) if chars else ""
