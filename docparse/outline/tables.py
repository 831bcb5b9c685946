"""Outline stage, tables: the shapes of a table's rows that a reader reads as the outline's own structure.

Every reader gives a table as the same block (``BlockKind.TABLE``, cell texts row by row, a
cell's lines joined by ``\\n``), so these tests hold for Markdown, HTML, DOCX and PDF alike.
They look at the rows only; the block rules (``rules/tables.py``) weigh them with the document
around the table.

A *label table* has two or three columns: the first holds short, distinct, label-like texts
(``Title``, ``Link to Project``, ``Mentor``), the others their values, longer than the labels.
Its first row is a pair like the others unless it names the columns in general (``Field |
Value``, ``项目 | 内容``, or ``项目 |`` with the value column left unnamed): then it is the header.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass
from typing import Literal

from docparse.blocks import Block, Span
from docparse.model.document import Paragraph
from docparse.outline.draft import DraftField, DraftItem, DraftNode, Strength
from docparse.vocab.chars import CJK_CLASS
from docparse.vocab.families import Numbering, Role, han_to_int, match_numbering
from docparse.vocab.glyphs import starts_with_checkbox
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import (
    CLAUSE_END,
    Lexicon,
    is_column_header_word,
    is_criteria_header,
    is_date_value,
    is_points_header,
    is_title_like,
    is_topic_title_label,
)

# A label table has at least this many label rows.
LABEL_TABLE_MIN_ROWS = 2
LABEL_TABLE_WIDTHS = (2, 3)
# A label cell is a short line: this many characters, this many words at most.
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 6
# A label does not end a sentence, start with a number (a date, a count, an index) or hold a link.
_NOT_A_LABEL = lazy(rf"[{CLAUSE_END}]$|^[\d０-９]|(?i:https?://|www\.|\S@\S)")
# Spaces a typesetter put between CJK characters of a label (``难 度``): not part of the label.
_CJK_SPACES = lazy(f"(?<=[{CJK_CLASS}])[ \\t\\u3000]+(?=[{CJK_CLASS}])")


def cell_label(text: str) -> str:
    """Return a cell's text as a label: trimmed, without its colon or the spaces between CJK characters."""
    return _CJK_SPACES.sub("", text.strip().rstrip("：:").strip())


def letter_spaced(text: str) -> bool:
    """Return whether a cell sets spaces between its CJK characters (``学 号``): a label justified to a column."""
    return _CJK_SPACES.search(text.strip()) is not None


def is_label_cell(text: str) -> bool:
    """Return whether a cell reads as a label: one short line with a letter, not a sentence, number or link."""
    stripped = text.strip()
    label = cell_label(stripped)
    if not label or "\n" in stripped or len(label) > LABEL_MAX_CHARS or len(label.split()) > LABEL_MAX_WORDS:
        return False
    return any(ch.isalpha() for ch in label) and _NOT_A_LABEL.search(label) is None


def value_lines(text: str) -> list[str]:
    """Return the lines of a value cell, trimmed, blank lines left out."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def value_field(label: str, value: str, block: Block, cell: Literal["row", "column"] | None = "row") -> DraftField:
    """Return a field for a cell's value: its first line the run-in text, further lines and list lines its parts.

    A line led by a check box (``■ 智能体开发``) is a choice as the form prints it: text, glyph kept.
    """
    lines = value_lines(value)
    draft = DraftField(label=label, text="", depth=0, provenance=block.provenance, strength=Strength.STRONG, cell=cell)
    if lines and (list_label(lines[0]) is None or starts_with_checkbox(lines[0])):
        draft.text = lines.pop(0)
    for line in lines:
        numbering = None if starts_with_checkbox(line) else list_label(line)
        if numbering is None:
            draft.parts.append(Paragraph(text=line, provenance=block.provenance))
        else:
            rest = numbering.rest
            draft.parts.append(DraftItem(numbering, rest, (Span(rest),), 1, block.provenance))
    return draft


def list_label(line: str) -> Numbering | None:
    """Return the list label a cell's line starts with (``1.``, ``-``, ``•``), if it is a list line."""
    numbering = match_numbering(line)
    if numbering is None or not numbering.rest or numbering.family.role in (Role.IDENTIFIER, Role.PART):
        return None
    return numbering


@dataclass(frozen=True, slots=True)
class LabelRows:
    """A table read as labels and values: the header row if it names the columns, then the pairs."""

    header: tuple[str, ...] | None
    pairs: tuple[tuple[str, str], ...]
    """(label cell as printed, value) for each row; a three-column row's value cells joined by ``\\n``."""

    @property
    def labels(self) -> list[str]:
        return [cell_label(label) for label, _ in self.pairs]


def label_rows(rows: tuple[tuple[str, ...], ...]) -> LabelRows | None:
    """Return the rows as label/value pairs when the table has a label table's shape, else None."""
    if not rows or len({len(row) for row in rows}) != 1 or len(rows[0]) not in LABEL_TABLE_WIDTHS:
        return None
    header = rows[0] if len(rows) > 1 and _names_columns(rows[0]) else None
    body = rows[1:] if header is not None else rows
    if len(body) < LABEL_TABLE_MIN_ROWS or not all(is_label_cell(row[0]) for row in body):
        return None
    folded = [cell_label(row[0]).casefold() for row in body]
    if len(set(folded)) != len(folded):
        return None  # a label repeated in one table is data (a schedule, a roster), not a field
    pairs = tuple((row[0], "\n".join(cell for cell in row[1:] if cell.strip())) for row in body)
    if sum(len(value) for _, value in pairs) <= sum(len(cell_label(label)) for label, _ in pairs) and not all(
        is_date_value(value) for _, value in pairs
    ):
        return None  # the values are no longer than the labels: a grid of short data (not a column of dates)
    return LabelRows(header, pairs)


def dates_column(found: LabelRows) -> bool:
    """Return whether every value of a label table is one date: the labelled dates of a schedule.

    ``Abstract submission | January 13, 2022`` ``Notification | March 5, 2022``: each label names the
    event its date is for, as ``Abstract submission: January 13, 2022`` would on a line.
    """
    return all(is_date_value(value) for _, value in found.pairs)


def _names_columns(row: tuple[str, ...]) -> bool:
    """Return whether a first row names the columns in general (``Field | Value``, ``项目 | | ``).

    The label column's header names it; a value column's header may be left blank (a form's
    ``项目`` over its rows, the value column unnamed).
    """
    labels = [cell_label(cell) for cell in row]
    return is_column_header_word(labels[0]) and all(not label or is_column_header_word(label) for label in labels[1:])


# A table of topics has at least this many rows under its header.
TOPIC_TABLE_MIN_ROWS = 2
# A catalogue table (one-line titles beside a column of text) needs more rows: its titles alone
# do not set them apart from a table's data, the repetition of the row's template does.
CATALOGUE_TABLE_MIN_ROWS = 3
# A text cell of a catalogue table is at least this long, and at least twice its row's title.
CATALOGUE_TEXT_MIN_CHARS = 30
# An index column ("序号", "#"): every cell a bare number.
_INDEX_CELL = lazy(r"^\s*[\d０-９]{1,4}[.、]?\s*$")
# A data cell: an amount, a count, a score, a share or a date leads it (``12 000``, ``$5,000``, ``20%``,
# ``2025-03-01``, ``10 分``), or a month's name (``March 5``): a column of them makes a table of data.
_DATA_CELL = lazy(r"^\s*(?:[\d０-９$€£¥￥]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tbd)[a-z]*\.?(?:\s|$))")
# A score cell: a bare whole number, perhaps with its unit (``10``, ``10 分``, ``25 points``); not an amount
# (``$5,000``, ``12 000``, ``5 万元``), a share (``20%``) or a date.
_SCORE_CELL = lazy(r"^\s*([\d０-９]{1,4})\s*(?:分|(?i:pts?\.?|points?|marks?))?\s*$")
# The total a rubric's weights add up to.
RUBRIC_TOTAL = 100


@dataclass(frozen=True, slots=True)
class TopicRows:
    """A table read as topics: the header naming the columns, the title column, the rows under the header."""

    header: tuple[str, ...]
    title_column: int
    rows: tuple[tuple[str, ...], ...]
    identifier_column: int | None = None
    """The column of codes (``KIT-25-01``) that identify the rows' topics, if the table has one."""


def topic_rows(block: Block, lexicon: Lexicon) -> TopicRows | None:
    """Return a table block's rows as topics when the table has a table of topics' shape, else None.

    That is a header row of distinct labels over at least two rows whose title column (the first
    that is no index of bare numbers) starts each cell with a distinct title-like line set apart
    from what follows: in most rows the title is a link's text, or a further line of the cell
    carries a run-in label (``[title](…)<br/>description<br/>导师：…``). A column of one-line names
    (a roster, a price list, a list of funded projects under ``项目名称 | 承担单位 | 经费``) or of
    wrapped text is data, not topics: a header alone does not tell projects offered from projects
    awarded.
    """
    rows = block.rows
    if len(rows) - 1 < TOPIC_TABLE_MIN_ROWS or len({len(row) for row in rows}) != 1 or len(rows[0]) < 2:
        return None
    header, body = rows[0], rows[1:]
    labels = [cell_label(cell).casefold() for cell in header]
    if not all(is_label_cell(cell) for cell in header) or len(set(labels)) != len(labels):
        return catalogue_rows(header, body)
    column = next((j for j in range(len(header)) if not all(_INDEX_CELL.match(row[j]) for row in body)), None)
    if column is None:
        return None
    cells = [value_lines(row[column]) for row in body]
    firsts = [lines[0] if lines else "" for lines in cells]
    if not all(firsts) or not all(is_title_like(first) for first in firsts):
        return catalogue_rows(header, body)
    if len({first.casefold() for first in firsts}) != len(firsts):
        return catalogue_rows(header, body)
    spans = block.cell_spans[1:] if len(block.cell_spans) == len(rows) else ()
    apart = 0
    for number, lines in enumerate(cells):
        linked = bool(spans) and column < len(spans[number]) and _leads_with_link(spans[number][column], lines[0])
        labelled = any(lexicon.match_field(line) is not None for line in lines[1:])
        apart += len(lines) > 1 and (linked or labelled)
    if apart * 2 < len(body):
        return catalogue_rows(header, body)
    return TopicRows(header, column, body)


def catalogue_rows(header: tuple[str, ...], body: tuple[tuple[str, ...], ...]) -> TopicRows | None:
    """Return a table's rows as topics when each row is one template filled in: a title, then its text.

    That is at least three rows under a header whose title column holds one-line, distinct,
    title-like names, beside a column whose cells are text (each at least twice as long as its
    row's title) and, to tell offered topics from a table of data, either a column of distinct
    codes (``KIT-25-01``) or a title column whose header says it holds titles (``Project title``,
    ``题目名称``). A column of amounts, shares or dates makes a budget, a rubric or a timetable; a column of
    scores is each problem's points when the rows are numbered or the scores do not add up to a rubric's 100,
    and no header names criteria or weights (``评分标准``, ``Weightage``). Numbered rows beside a column
    that names their points (``题号 | 题目 | 分值``) are a contest's problems even without codes, a title
    header or a column of text.
    """
    names = [" ".join(cell.split()).casefold() for cell in header]
    if len(body) < TOPIC_TABLE_MIN_ROWS or not all(names) or len(set(names)) != len(names):
        return None
    if any("\n" in cell.strip() or _DATA_CELL.match(cell) for cell in header):
        return None  # a header names its columns on one line each, and no header cell is a figure or a date
    columns = range(len(header))
    index = {j for j in columns if _counts([row[j] for row in body])}
    codes = [j for j in columns if j not in index and _identifier_column([row[j] for row in body])]
    code = codes[0] if codes else None
    column = next((j for j in columns if j not in index and j != code), None)
    if column is None:
        return None
    titles = [row[column].strip() for row in body]
    if not all(title and "\n" not in title and is_title_like(title) for title in titles):
        return None
    if len({title.casefold() for title in titles}) != len(titles):
        return None
    rest = [j for j in columns if j not in index and j not in (code, column)]
    numbered = bool(index) or code is not None
    # A header naming criteria or weights (评分标准, Criteria) makes the figures a rubric's, whatever the rows.
    rubric = any(is_criteria_header(cell_label(cell)) for cell in header)
    data = [j for j in rest if _data_column([row[j] for row in body])]
    if any(rubric or not _points([row[j] for row in body], numbered) for j in data):
        return None
    # Numbered rows each worth the points a column names (题号 | 题目 | 分值): a contest's problems, text or none.
    scored = numbered and any(is_points_header(cell_label(header[j])) for j in data)
    if not scored and len(body) < CATALOGUE_TABLE_MIN_ROWS:
        return None  # two problems (A, B) each with its points are enough; two named rows alone are not
    if not scored and code is None and not is_topic_title_label(cell_label(header[column])):
        return None
    if not scored and not any(_text_column([row[j] for row in body], titles) for j in rest):
        return None
    return TopicRows(header, column, body, code)


def _counts(cells: list[str]) -> bool:
    """Return whether a column counts its rows (``1``, ``2``, ``3``; ``A``, ``B``, ``C``; ``一``, ``二``): an index.

    A column of bare numbers in sequence is an index, not a column of figures; a contest letters its
    problems (``A``, ``B``) or numbers them in Chinese numerals as often as in digits.
    """
    if all(_INDEX_CELL.match(cell) for cell in cells):
        numbers: list[int | None] = [int(unicodedata.normalize("NFKC", cell).strip().rstrip(".、")) for cell in cells]
    else:
        numbers = [_sequence_number(unicodedata.normalize("NFKC", cell).strip().rstrip(".、")) for cell in cells]
    if any(number is None for number in numbers):
        return False
    return all(
        later is not None and earlier is not None and later == earlier + 1
        for earlier, later in itertools.pairwise(numbers)
    )


def _sequence_number(text: str) -> int | None:
    """Return the place of a bare letter (``A`` 1) or Chinese numeral (``三`` 3) in its sequence, else None."""
    if len(text) == 1 and "A" <= text.upper() <= "Z":
        return ord(text.upper()) - ord("A") + 1
    return han_to_int(text) if text else None


def _identifier_column(cells: list[str]) -> bool:
    """Return whether every cell of a column is one distinct topic identifier (``KIT-25-01``, ``XH-202603``)."""
    keys = []
    for cell in cells:
        numbering = match_numbering(cell.strip())
        if numbering is None or numbering.family.role is not Role.IDENTIFIER or numbering.rest:
            return False
        keys.append(numbering.label.strip().casefold())
    return len(set(keys)) == len(keys)


def _data_column(cells: list[str]) -> bool:
    """Return whether most filled cells of a column are data: amounts, counts, scores, shares or dates."""
    filled = [cell for cell in cells if cell.strip()]
    return bool(filled) and 2 * sum(_DATA_CELL.match(cell) is not None for cell in filled) > len(filled)


def _points(cells: list[str], numbered: bool) -> bool:
    """Return whether a column of figures gives each row's points, as a contest's list of problems does.

    Every filled cell is a score (``10``, ``15 分``, ``25 points``): no amount, share or date, which make a
    budget, a rubric's weights or a timetable. Rows that are numbered (an index or a code column) are
    problems, each worth its points; unnumbered rows whose scores add up to a rubric's total (100) are
    criteria weighed against each other.
    """
    scores = [_SCORE_CELL.match(cell) for cell in cells if cell.strip()]
    if not scores or not all(scores):
        return False
    if numbered:
        return True
    total = sum(int(unicodedata.normalize("NFKC", found.group(1))) for found in scores if found is not None)
    return total != RUBRIC_TOTAL


def _text_column(cells: list[str], titles: list[str]) -> bool:
    """Return whether at least two thirds of a column's cells are text, each twice as long as its row's title."""
    pairs = zip(cells, titles, strict=True)
    long = sum(len(cell.strip()) >= max(CATALOGUE_TEXT_MIN_CHARS, 2 * len(title)) for cell, title in pairs)
    return 3 * long >= 2 * len(cells)


def _leads_with_link(spans: tuple[Span, ...], first: str) -> bool:
    """Return whether a cell's first line is the text of a link."""
    lead = next((span for span in spans if span.text.strip()), None)
    return lead is not None and lead.link is not None and " ".join(lead.text.split()) == " ".join(first.split())


def row_topic(table: TopicRows, row: tuple[str, ...], level: int, block: Block, lexicon: Lexicon) -> DraftNode:
    """Return a row of a table of topics as a topic node.

    The title cell's first line is the title; its further lines are the description, or a field
    where they carry a run-in label (``导师：…``). Every other cell is a field labelled by its
    column's header (``cell="column"``), in the order of the columns; a code column's cell is also
    the topic's identifier.
    """
    lines = value_lines(row[table.title_column])
    node = DraftNode(level=level, title=lines[0], numbering=None, provenance=block.provenance, topic=True)
    node.heading = lines[0]
    for line in lines[1:]:
        found = lexicon.match_field(line)
        if found is not None:
            node.add("fields", value_field(found.label, found.rest, block, None))
        elif (numbering := list_label(line)) is not None:
            node.add("description", DraftItem(numbering, numbering.rest, (Span(numbering.rest),), 1, block.provenance))
        else:
            node.add("description", Paragraph(text=line, provenance=block.provenance))
    if table.identifier_column is not None:
        node.identifier = row[table.identifier_column].strip()
    for column, cell in enumerate(row):
        if column != table.title_column:
            node.add("fields", value_field(cell_label(table.header[column]), cell, block, "column"))
    return node
