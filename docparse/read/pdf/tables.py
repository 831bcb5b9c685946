"""PDF reader, table stage: one table from the pieces page breaks cut it into.

pdfplumber finds the ruled tables of each page on its own (`grid.find_tables`), so a table
that runs over a page break comes out as one table per page. A piece continues the table before
it when, in reading order, nothing stands between them (the page's furniture is already out),
the first piece reaches the lower part of its page and the next starts in the upper part of the
following page, and both have the same number of columns over the same horizontal extent. A
header row printed again at the top of the continuation (`repeatRows`, Word's "repeat as header
row") is taken out and recorded as `repeated-header`. A row whose cells break over the page is
one row again when the continuation's first row leaves empty the first column, which every row
of the table before it fills (a number, a label): that row is the rest of the cut one, its cells
joined to the cells above as a paragraph's lines are. Otherwise the rulings cannot tell a
continued cell from a new row, and both stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from docparse.blocks import Block, BlockKind
from docparse.model.document import Dropped, DropReason
from docparse.read.pdf.joins import join_wrapped

# A table cut by a page break reaches the lowest quarter of its page, and its continuation starts
# in the top quarter of the next: a table ending mid-page is finished, whatever follows.
CUT_BOTTOM = 0.75
CONTINUED_TOP = 0.25
# The continuation is set over the same columns: its edges within this share of the table's width.
EDGE_TOLERANCE = 0.03


def join_split_tables(blocks: list[Block], heights: Mapping[int, float]) -> tuple[list[Block], list[Dropped]]:
    """Return `blocks` with each table cut by page breaks as one TABLE block, and the header rows repeated."""
    out: list[Block] = []
    dropped: list[Dropped] = []
    for block in blocks:
        previous = out[-1] if out else None
        if previous is not None and continues(previous, block, heights):
            rows = block.rows
            if len(rows) > 1 and rows[0] == previous.rows[0]:
                dropped.append(
                    Dropped(
                        text="\t".join(rows[0]),
                        reason=DropReason.REPEATED_HEADER,
                        provenance=block.provenance,
                    )
                )
                rows = rows[1:]
                block = replace(block, merged=_shifted(block.merged, -1))
            if rows and _rest_of_row(previous.rows, rows[0]):
                previous = replace(previous, rows=(*previous.rows[:-1], _joined_row(previous.rows[-1], rows[0])))
                rows = rows[1:]
                block = replace(block, merged=_shifted(block.merged, -1))
            out[-1] = joined(previous, block, rows)
        else:
            out.append(block)
    return out, dropped


def continues(table: Block, block: Block, heights: Mapping[int, float]) -> bool:
    """Return True when `block` is the continuation of `table` on the next page."""
    if table.kind is not BlockKind.TABLE or block.kind is not BlockKind.TABLE or not block.rows or not table.rows:
        return False
    last = table.provenance.regions[-1]
    first = block.provenance.regions[0]
    if first.page != last.page + 1 or last.page not in heights or first.page not in heights:
        return False
    if last.bbox.bottom < CUT_BOTTOM * heights[last.page] or first.bbox.top > CONTINUED_TOP * heights[first.page]:
        return False
    if max(map(len, table.rows)) != max(map(len, block.rows)):
        return False
    tolerance = EDGE_TOLERANCE * (last.bbox.x1 - last.bbox.x0)
    return abs(first.bbox.x0 - last.bbox.x0) <= tolerance and abs(first.bbox.x1 - last.bbox.x1) <= tolerance


def joined(table: Block, block: Block, rows: tuple[tuple[str, ...], ...]) -> Block:
    """Return `table` with `rows` (the continuation's, its repeated header out) appended."""
    all_rows = table.rows + rows
    return replace(
        table,
        rows=all_rows,
        merged=table.merged + _shifted(block.merged, len(table.rows)),
        text="\n".join("\t".join(row) for row in all_rows),
        provenance=table.provenance.merge(block.provenance),
    )


def _shifted(merged: tuple[tuple[int, int, int, int], ...], by: int) -> tuple[tuple[int, int, int, int], ...]:
    """Return merged cells moved `by` rows; a cell that would start above the first row is left out."""
    return tuple((row + by, column, rows, columns) for row, column, rows, columns in merged if row + by >= 0)


def _rest_of_row(rows: tuple[tuple[str, ...], ...], first: tuple[str, ...]) -> bool:
    """Return whether `first`, a continuation's first row, is the rest of the last of `rows`, cut by the page.

    It leaves the first column empty and holds text, where every row before it (the header's
    too) fills that column.
    """
    if not first or first[0].strip() or not any(cell.strip() for cell in first) or len(rows) < 2:
        return False
    return all(row and row[0].strip() for row in rows)


def _joined_row(above: tuple[str, ...], rest: tuple[str, ...]) -> tuple[str, ...]:
    """Return a row cut by a page break made whole: each cell's rest joined to its start as a wrapped line."""
    cells = [join_wrapped(start, more) for start, more in zip(above, rest, strict=False)]
    return (*cells, *above[len(cells) :])
