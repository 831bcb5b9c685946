"""Outline stage, form tables: a table drawn as a form, its label cells the fields and the cells beside them the values.

A form (a 任务书, an application form) is one table whose rows do not share one shape: a row of
several label/value pairs (``学生姓名 | 张三 | 学号 | 123``), a cell across the table whose first
line labels the block below it (``主要内容和要求：`` over its numbered lines, ``一、个人重点工作``),
a label alone on its row (``进度安排：``) over a small grid of its own. The two- and three-column
label table (`docparse.outline.tables.label_rows`) is the regular case; this module reads the
irregular one from the table's own evidence: the cells as the grid merges them, short label-like
cells, a colon or a numbered label, and rows of the same shape repeated.

What is not a label row stays a table (a grid inside the form, a row of signature cells), in
the field of the lone label above it or in the node: nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from docparse.blocks import Block, Span
from docparse.model.document import Paragraph
from docparse.outline.draft import DraftField, DraftItem
from docparse.outline.tables import cell_label, is_label_cell, list_label, value_field, value_lines
from docparse.vocab.families import Numbering, Role, match_numbering
from docparse.vocab.markers import Lexicon

# A form has at least this many label cells.
FORM_MIN_LABELS = 3
# A cell's lines run in labels (``开发软件：WebStorm``) as sub-fields when at least this many do.
SUBFIELD_MIN_LINES = 2

Cell = tuple[int, str]
"""A cell as the grid merges it: its first grid column and its text."""


@dataclass(frozen=True, slots=True)
class FormField:
    """A label cell of a form and its value: the cell beside it, or the lines below its label in its own cell."""

    label: str
    value: str
    numbering: Numbering | None = None
    """The number printed before the label (``一、``), where the label line carries one."""
    colon: str | None = None
    """The colon printed after the label, None where none was."""
    lone: bool = False
    """A label alone on its row: the rows below it, up to the next label row, are its value."""
    below: bool = False
    """The value is the lines below the label in its cell: each line a part, none run in."""
    pair: bool = False
    """The label has a cell of its own, the value the cell beside it."""


@dataclass(frozen=True, slots=True)
class FormRow:
    """A row of a form: its fields, or (for a row that holds no label) its index in the table."""

    index: int
    fields: tuple[FormField, ...] = ()

    @property
    def is_data(self) -> bool:
        """Return whether the row holds no label: a row of a grid inside the form, or of signatures."""
        return not self.fields


def cells_of(block: Block) -> list[list[Cell]]:
    """Return each row's cells as the grid merges them: a position a merged cell covers is no cell of its own."""
    covered: set[tuple[int, int]] = set()
    for row, column, rows, columns in block.merged:
        covered.update(
            (r, c) for r in range(row, row + rows) for c in range(column, column + columns) if (r, c) != (row, column)
        )
    return [[(c, text) for c, text in enumerate(cells) if (r, c) not in covered] for r, cells in enumerate(block.rows)]


def form_rows(block: Block, lexicon: Lexicon) -> list[FormRow] | None:
    """Return a table's rows read as a form, or None when the table does not show a form's evidence.

    A row is a label row when it is one cell whose first line labels the lines below it, or pairs
    of a label cell and its value cell. A row of pairs next to a row of data of the same shape (the
    same merged columns) is a row of that grid of data, or its header, however label-like it is;
    a row spanned by a cell merged down several rows is a row of a grid too. The table is a form
    when it has at least three labels, all distinct, and either merged cells, label rows of both
    kinds, or two rows each a cell under its own label.
    """
    if not block.rows:
        return None
    grid = cells_of(block)
    # A cell merged down several rows groups them (a row group of a grid of data): no row it spans is a label row.
    grouped = {r for row, _, rows, _ in block.merged if rows > 1 for r in range(row, row + rows)}
    read = [None if r in grouped else _label_row(cells, lexicon) for r, cells in enumerate(grid)]
    shapes = [tuple(column for column, _ in cells) for cells in grid]
    # A row of pairs beside a row of data of the same shape is that grid's header or one of its rows:
    # spread from each row of data to its neighbours (a worklist, so a long grid costs one pass).
    pending = [r for r, fields in enumerate(read) if fields is None and _filled(grid[r])]
    while pending:
        data = pending.pop()
        for r in (data - 1, data + 1):
            if 0 <= r < len(read) and (fields := read[r]) and fields[0].pair and shapes[r] == shapes[data]:
                read[r] = None
                pending.append(r)
    labels = [cell_label(f.label).casefold() for fields in read if fields for f in fields]
    if len(labels) < FORM_MIN_LABELS or len(set(labels)) != len(labels):
        return None
    paired = sum(1 for fields in read if fields and fields[0].pair)
    whole = sum(1 for fields in read if fields and not fields[0].pair)
    if not (block.merged or (paired and whole) or whole >= 2):
        return None  # a regular grid of short cells: data, unless the label table's own evidence says otherwise
    return [FormRow(i, tuple(fields or ())) for i, fields in enumerate(read) if _filled(grid[i])]


def _filled(cells: list[Cell]) -> bool:
    """Return whether any cell of a row holds text."""
    return any(text.strip() for _, text in cells)


def _label_row(cells: list[Cell], lexicon: Lexicon) -> list[FormField] | None:
    """Return the fields of a row that is a label row, else None."""
    if not cells:
        return None  # every position of the row continues a merge from above
    pairs = _pairs(cells)
    if pairs is not None:
        return pairs
    if cells[0][1].strip() and not any(text.strip() for _, text in cells[1:]):
        found = _block_cell(cells[0][1], lexicon)
        return [found] if found is not None else None
    return None


def _pairs(cells: list[Cell]) -> list[FormField] | None:
    """Return the fields of a row of label/value pairs (``学生姓名 | 张三 | 学号 | 123``), else None."""
    if len(cells) < 2 or len(cells) % 2:
        return None
    pairs = [(cells[i][1], cells[i + 1][1]) for i in range(0, len(cells), 2)]
    if not all(is_label_cell(label) and _colon(value) is None for label, value in pairs):
        return None  # a value cell is no label of its own (``签字：`` beside ``日期：``)
    if all(not value.strip() for _, value in pairs) and not all(_colon(label) for label, _ in pairs):
        return None  # a row of short cells with nothing beside them: a header or a grid's row
    return [FormField(cell_label(label), value.strip(), colon=_colon(label), pair=True) for label, value in pairs]


def _block_cell(text: str, lexicon: Lexicon) -> FormField | None:
    """Return the field of a cell across the row whose first line labels the rest, else None.

    The first line is a label with its colon (``主要内容和要求：``), a numbered label
    (``一、个人重点工作``), or a run-in label and its value (``题目：…``); a label with its colon
    alone in the cell is a lone label, whose value is the rows below it.
    """
    lines = value_lines(text)
    first, rest = lines[0], lines[1:]
    numbering = match_numbering(first)
    if numbering is not None and numbering.rest and numbering.family.role is not Role.IDENTIFIER:
        if is_label_cell(numbering.rest) and (rest or _colon(numbering.rest)):
            return FormField(cell_label(numbering.rest), "\n".join(rest), numbering, _colon(numbering.rest), below=True)
        return None
    if is_label_cell(first) and _colon(first) is not None:
        return FormField(cell_label(first), "\n".join(rest), colon=_colon(first), lone=not rest, below=True)
    found = lexicon.match_field(first)
    if found is not None and found.rest and is_label_cell(found.label):
        return FormField(cell_label(found.label), "\n".join([found.rest, *rest]), colon=found.colon.strip() or None)
    return None


def _colon(label: str) -> str | None:
    """Return the colon a label cell's text ends with, None where it ends with none."""
    end = label.strip()[-1:]
    return end if end in ("：", ":") else None


def subfield_lines(value: str, lexicon: Lexicon) -> bool:
    """Return whether a value's lines run in labels often enough to be sub-fields (``开发软件：WebStorm`` …)."""
    labelled = 0
    for line in value_lines(value):
        found = lexicon.match_field(line)
        labelled += found is not None and bool(found.rest) and is_label_cell(found.label)
    return labelled >= SUBFIELD_MIN_LINES


def form_field(found: FormField, block: Block, lexicon: Lexicon) -> DraftField:
    """Return a form's field as a draft: its value's lines as `value_field` reads them, or its sub-fields.

    A value below its label keeps each line as a part (a list line an item). A value whose lines
    run in labels of their own (``操作系统环境：Windows``, ``开发软件：WebStorm``) holds fields:
    each such line is a sub-field, the others stay parts.
    """
    subs = subfield_lines(found.value, lexicon)
    if found.below or subs:
        draft = value_field(found.label, "", block)
        for line in value_lines(found.value):
            run_in = lexicon.match_field(line)
            if subs and run_in is not None and run_in.rest and is_label_cell(run_in.label):
                draft.parts.append(value_field(cell_label(run_in.label), run_in.rest, block))
            else:
                draft.parts.append(_line_part(line, block))
    else:
        draft = value_field(found.label, found.value, block)
    if found.lone:
        draft.cell, draft.colon = None, found.colon  # its value is the rows below it, not a cell beside it
    if found.numbering is not None:
        draft.numbering = found.numbering
        draft.marker = found.numbering.label
    return draft


def _line_part(line: str, block: Block) -> Paragraph | DraftItem:
    """Return a value's line as a list item where it has a list label, else as a paragraph."""
    numbering = list_label(line)
    if numbering is None:
        return Paragraph(text=line, provenance=block.provenance)
    return DraftItem(numbering, numbering.rest, (Span(numbering.rest),), 1, block.provenance)
