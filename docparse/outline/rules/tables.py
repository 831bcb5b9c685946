"""Block rules for tables that are the outline's own structure: a label table is the node's fields.

A two- or three-column table whose first column labels the others (``Title | Doodle Canvas``,
``Mentor | …``, see `docparse.outline.tables`) is read as the labelled fields of the node it
stands in, when the document gives evidence that the first column is labels: the same labels in
another such table (a template of tables, one under each idea), a header row that names the
columns in general (``Field | Value``), a first value that repeats the node's title, labels
written with their colon, in two columns labels letter-spaced to one width (``姓 名``), a column of dates
beside them, a row that labels its value as the topic's title (``项目名称 | …``, a one-topic form), or labels
the vocabulary knows as field labels. A table drawn as a form (`docparse.outline.forms`) is read by `form_table`.
"""

from __future__ import annotations

from docparse.blocks import Block
from docparse.model.document import CellSpan, Dropped, DropReason, Table
from docparse.outline.draft import DraftField
from docparse.outline.forms import form_field, form_rows
from docparse.outline.state import State
from docparse.outline.tables import (
    LabelRows,
    cell_label,
    dates_column,
    label_rows,
    letter_spaced,
    list_label,
    value_field,
    value_lines,
)
from docparse.segment import TokenKind
from docparse.vocab.markers import is_labelled_title, is_topic_title_label

# Template evidence: at least this many of a table's labels recur in other label tables.
SHARED_LABELS_MIN = 2
# A value that is a part of a form holds at least this many lines.
PART_MIN_LINES = 2


def field_table(state: State) -> bool:
    """Read a label table as labelled fields of the node (or the open field) it stands in."""
    token = state.token
    if token.kind is not TokenKind.TABLE:
        return False
    found = label_rows(token.block.rows)
    if found is None or not _are_labels(state, found, len(token.block.rows[0])):
        return False
    block = token.block
    if found.header is not None:
        state.outline.dropped.append(
            Dropped(text="\t".join(found.header), reason=DropReason.COLUMN_HEADER, provenance=block.provenance)
        )
    for label, value in found.pairs:
        state.place_field(value_field(cell_label(label), value, block))
    return True


def _are_labels(state: State, found: LabelRows, width: int) -> bool:
    """Return whether the document says the first column of the table, `width` columns wide, is labels."""
    labels = found.labels
    if found.header is not None:
        return True  # "Field | Value" over the rows
    shared = sum(label.casefold() in state.evidence.table_labels for label in labels)
    if shared >= SHARED_LABELS_MIN and shared * 2 >= len(labels):
        return True  # the same labels in other tables: a template, one table under each heading
    title = state.node.title
    first = value_lines(found.pairs[0][1])
    if title and first and " ".join(first[0].split()).casefold() == " ".join(title.split()).casefold():
        return True  # "Title | Doodle Canvas" under "## Doodle Canvas"
    if _names_its_topic(found):
        return True  # "综合课设题目 | 面向智慧社区的…平台": a one-topic form whose title row names the topic
    if all(label.strip().endswith(("：", ":")) for label, _ in found.pairs):
        return True
    if width == 2 and sum(letter_spaced(label) for label, _ in found.pairs) >= SHARED_LABELS_MIN:
        return True  # "姓 名 | 俞洋", "学 号 | …": labels spaced out to the width of the longest, as a form sets them
    if dates_column(found):
        return True  # "Notification | March 5, 2022": each label names the event of its date
    if _values_are_parts(found):
        return True  # "实验报告文档 | 1. 系统设计：… 2. 代码实现：…": each row a labelled part with its own list
    known = sum(state.lexicon.is_field_label(label) for label in labels)
    return known >= SHARED_LABELS_MIN and known * 2 >= len(labels)


def _values_are_parts(found: LabelRows) -> bool:
    """Return whether every value holds several lines and most of them a list: the rows are parts of a form, not data.

    A grid of data has a value per cell (``功能完整度 | … | 40分``); a form's row holds a part of the call,
    its paragraphs and numbered items under the label in the first column.
    """
    lines = [value_lines(value) for _, value in found.pairs]
    listed = sum(any(list_label(line) is not None for line in value) for value in lines)
    return all(len(value) >= PART_MIN_LINES for value in lines) and listed * 2 > len(lines)


def _names_its_topic(found: LabelRows) -> bool:
    """Return whether one row labels its value as the topic's title (``项目名称 | …``) and that value reads as one."""
    for label, value in found.pairs:
        lines = value_lines(value)
        if len(lines) == 1 and is_topic_title_label(cell_label(label)) and is_labelled_title(lines[0]):
            return True
    return False


def form_table(state: State) -> bool:
    """Read a table drawn as a form (`docparse.outline.forms`): each label cell a field of the node it stands in.

    The rows that hold no label (a grid inside the form, a row of signature cells) stay a table:
    in the field of the lone label above them (``进度安排：`` over its schedule), else in the node.
    """
    token = state.token
    if token.kind is not TokenKind.TABLE:
        return False
    rows = form_rows(token.block, state.lexicon)
    if rows is None:
        return False
    block = token.block
    lone: DraftField | None = None
    data: list[int] = []
    for row in [*rows, None]:
        if row is not None and row.is_data:
            data.append(row.index)
            continue
        if data:
            part = _sub_table(block, data[0], data[-1])
            if lone is not None:
                lone.parts.append(part)
            else:
                state.place(part)
            data = []
        if row is None:
            break
        lone = None
        for found in row.fields:
            draft = form_field(found, block, state.lexicon)
            state.place_field(draft)
            lone = draft if found.lone else None
    return True


def _sub_table(block: Block, first: int, last: int) -> Table:
    """Return rows `first` to `last` of a table block as a table of their own, with the merges inside them."""
    spans = tuple(
        CellSpan(row=r - first, column=c, rows=min(n, last - r + 1), columns=m)
        for r, c, n, m in block.merged
        if first <= r <= last
    )
    return Table(rows=block.rows[first : last + 1], spans=spans, provenance=block.provenance)
