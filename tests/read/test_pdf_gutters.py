"""The gutter decision of the PDF reader's columns, on glyph boxes placed by hand.

A gutter is followed down the page from the first row that leaves it free; the blocks of lines
on its two sides are columns when their text says so (running text, a list, a stack of
headings and names) and a table's cells when each value sits on its label's row.
"""

from __future__ import annotations

from typing import Any

from docparse.read.pdf.columns import _gutters, reading_order
from docparse.read.pdf.lines import group_lines

SIZE = 10.0
PITCH = 0.5 * SIZE  # every glyph half an em wide


def glyphs(x: float, top: float, text: str, *, bold: bool = False, size: float = SIZE) -> list[dict[str, Any]]:
    """Return one glyph box per character of `text`, from `x` on, its em box's top at `top`."""
    out = []
    for ch in text:
        out.append(
            {
                "text": ch,
                "x0": x,
                "x1": x + 0.5 * size,
                "top": top,
                "bottom": top + size,
                "size": size,
                "fontname": "Helvetica-Bold" if bold else "Helvetica",
            }
        )
        x += 0.5 * size
    return out


def read(chars: list[dict[str, Any]]) -> list[str]:
    """Return the lines of `chars` in the reading order the columns give, as text."""
    bold = [char["fontname"].endswith("Bold") for char in chars]
    rows = reading_order(chars, group_lines(chars), group_lines, bold)
    return ["".join(chars[i]["text"] for i in row).strip() for row, _ in rows]


def side_by_side(
    columns: list[list[tuple[str, bool]]], *, x: float = 50.0, gutter: float = 150.0
) -> list[dict[str, Any]]:
    """Return columns of (text, bold) lines set `gutter` points apart, their rows level."""
    chars: list[dict[str, Any]] = []
    for n, lines in enumerate(columns):
        for row, (text, bold) in enumerate(lines):
            chars += glyphs(x + n * gutter, 100 + row * 14, text, bold=bold)
    return chars


def test_three_lists_of_names_read_column_by_column() -> None:
    columns = [[(f"• Name {n}{k}, University {k}", False) for k in "abcd"] for n in "XYZ"]
    assert read(side_by_side(columns, gutter=180.0)) == [text for lines in columns for text, _ in lines]


def test_two_stacks_of_headings_and_names_read_column_by_column() -> None:
    left = [("Workshop Chairs", True), ("Ann Lee, Oslo", False), ("Tutorial Chairs", True), ("Bo Chen, Lund", False)]
    right = [("Treasurer", True), ("Cy Diaz, Porto", False), ("Web Chair", True), ("Di Eng, Riga", False)]
    assert read(side_by_side([left, right])) == [text for text, _ in left + right]


def test_labels_beside_their_dates_keep_their_rows() -> None:
    labels = [("Abstract submission", False), ("Paper submission", False), ("Notification", False)]
    dates = [("13 January 2026", False), ("20 January 2026", False), ("5 March 2026", False)]
    rows = read(side_by_side([labels, dates]))
    assert rows == [label + date for (label, _), (date, _) in zip(labels, dates, strict=True)]


def test_bold_labels_beside_their_dates_keep_their_rows() -> None:
    # Every other label bold, as a box of deadlines sets them: still one value on each label's row.
    labels = [("Paper deadline", True), ("Reviews returned", False), ("Author response", True)]
    dates = [("Friday, 19 May", True), ("Friday, 7 July", False), ("Tuesday, 11 July", False)]
    rows = read(side_by_side([labels, dates]))
    assert rows == [label + date for (label, _), (date, _) in zip(labels, dates, strict=True)]


def test_a_question_beside_its_choices_keeps_its_rows() -> None:
    # A form's rows of three cells: a question, its choices, one more choice; each cell as wide as
    # the cells above and below it, as a column of running text's lines are.
    question = [(f"What is the gender of the C{k}O?", False) for k in "EST"]
    choices = [("Woman Man Non Binary", False)] * 3
    other = [("We do not have this position", False)] * 3
    rows = read(side_by_side([question, choices, other], gutter=180.0))
    assert rows == [q + c + o for (q, _), (c, _), (o, _) in zip(question, choices, other, strict=True)]


TEXT = [f"line {n} of the running text fills its column to the edge".ljust(56, "x") for n in range(6)]
BOX = ["Paper deadline: 1 May 2026", "Notification: 2 June 2026", "Final version: 3 July 2026"]


def text_beside_box(gutter: float) -> list[dict[str, Any]]:
    """Return six lines of running text and, `gutter` points right of them, three box lines on rows of their own."""
    chars: list[dict[str, Any]] = []
    for n, line in enumerate(TEXT):
        chars += glyphs(50, 100 + n * 12.5, line)
    for n, line in enumerate(BOX):
        chars += glyphs(50 + 56 * PITCH + gutter, 104 + n * 21, line)
    return chars


def test_running_text_beside_a_box_on_other_rows_reads_the_text_first() -> None:
    assert read(text_beside_box(2 * SIZE)) == TEXT + BOX


def test_a_title_across_the_page_starts_no_run_of_the_gutter_below() -> None:
    chars = glyphs(50, 60, "A title as wide as the page and both its columns together")
    for n in range(4):
        chars += glyphs(50, 100 + n * 14, f"• Left item {n}") + glyphs(200, 100 + n * 14, f"• Right item {n}")
    rows = group_lines(chars)
    em = SIZE
    lo, hi = min(char["x0"] for char in chars), max(char["x1"] for char in chars)
    assert _gutters(chars, rows, (lo + 10 * em, hi - 10 * em), 1.5 * em) == [(1, 5)]


def test_the_white_right_of_a_ragged_column_is_no_gutter() -> None:
    chars = glyphs(50, 60, "a long first line reaching far to the right of the page")
    for n in range(5):
        chars += glyphs(50, 80 + n * 14, "short" * (1 + n % 2))
    rows = group_lines(chars)
    lo, hi = min(char["x0"] for char in chars), max(char["x1"] for char in chars)
    assert _gutters(chars, rows, (lo + 10 * SIZE, hi - 10 * SIZE), 1.5 * SIZE) == []


def test_a_box_one_em_beside_the_running_text_is_read_after_it() -> None:
    # en_acmccs2017_conference_cfp.pdf page 1: the deadlines' box sits 0.9 em right of the text.
    assert read(text_beside_box(SIZE)) == TEXT + BOX


def test_a_river_of_white_through_justified_text_parts_no_columns() -> None:
    # Word spaces an em wide that line up down four rows: both sides share every row, so they are
    # the halves of the same lines, never two columns of running text.
    rows = [
        ("justified text with wide word", "spaces that line up in a river"),
        ("another line of the paragraph", "and more words after its gap"),
    ]
    lines = [left.ljust(30, "x") + " " * 2 + right.ljust(30, "x") for left, right in rows * 2]
    chars: list[dict[str, Any]] = []
    for n, line in enumerate(lines):
        chars += [char for char in glyphs(50, 100 + n * 12.5, line) if char["text"] != " "]
    assert read(chars) == [line.replace(" ", "") for line in lines]
