"""Outline stage, tables: the shapes of a table's rows that a reader reads as the outline's own structure.

Every reader gives a table as the same block (``BlockKind.TABLE``, cell texts row by row, a
cell's lines joined by ``\\n``), so these tests hold for Markdown, HTML, DOCX and PDF alike.
They look at the rows only; the block rules (``rules/tables.py``) weigh them with the document
around the table.

A *label table* has two or three columns: the first holds short, distinct, label-like texts
(``Title``, ``Link to Project``, ``Mentor``), the others their values, longer than the labels.
Its first row is a pair like the others unless every cell of it names a column in general
(``Field | Value``, ``项目 | 内容``): then it is the header.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from docparse.vocab.chars import CJK_CLASS
from docparse.vocab.markers import is_column_header_word

# A label table has at least this many label rows.
LABEL_TABLE_MIN_ROWS = 2
LABEL_TABLE_WIDTHS = (2, 3)
# A label cell is a short line: this many characters, this many words at most.
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 6
# A label does not end a sentence, start with a number (a date, a count, an index) or hold a link.
_NOT_A_LABEL = regex.compile(r"[。．!?！？;；,，、]$|^[\d０-９]|(?i:https?://|www\.|\S@\S)")
# Spaces a typesetter put between CJK characters of a label (``难 度``): not part of the label.
_CJK_SPACES = regex.compile(f"(?<=[{CJK_CLASS}])[ \\t\\u3000]+(?=[{CJK_CLASS}])")


def cell_label(text: str) -> str:
    """Return a cell's text as a label: trimmed, without its colon or the spaces between CJK characters."""
    return _CJK_SPACES.sub("", text.strip().rstrip("：:").strip())


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
    header = rows[0] if len(rows) > 1 and all(is_column_header_word(cell_label(c)) for c in rows[0]) else None
    body = rows[1:] if header is not None else rows
    if len(body) < LABEL_TABLE_MIN_ROWS or not all(is_label_cell(row[0]) for row in body):
        return None
    folded = [cell_label(row[0]).casefold() for row in body]
    if len(set(folded)) != len(folded):
        return None  # a label repeated in one table is data (a schedule, a roster), not a field
    pairs = tuple((row[0], "\n".join(cell for cell in row[1:] if cell.strip())) for row in body)
    if sum(len(value) for _, value in pairs) <= sum(len(cell_label(label)) for label, _ in pairs):
        return None  # the values are no longer than the labels: a grid of short data
    return LabelRows(header, pairs)
