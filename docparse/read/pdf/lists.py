"""Read stage, PDF: how deep a bulleted line sits in its list, from its indentation.

A PDF draws a nested list by indentation alone: `•` at the margin, `◦` or another `•` an inch
in. A format list (Word, Markdown, HTML) says the depth; here each run of consecutive bulleted
blocks is ranked by where its bullets stand, the leftmost at depth 1, so that the same call in
any format nests alike. Numbered clauses keep depth 0: their numbering family gives the level.
A bullet that stands higher on its page than the one read before it starts another column of the
same list (two columns of bullets side by side), not an item nested under the last one: an item
under another is always printed below it.
"""

from __future__ import annotations

from dataclasses import replace

from docparse.blocks import Block, BlockKind
from docparse.vocab.families import Role, match_numbering

INDENT_STEP = 0.5
"""Ems between two bullets' x before they stand at different depths."""


def nest_bullets(blocks: list[Block]) -> list[Block]:
    """Return `blocks` with each bulleted block given its list depth within its run of bullets."""
    out = list(blocks)
    run: list[int] = []
    for i, block in enumerate(blocks):
        if _is_bullet(block):
            run.append(i)
        elif run:
            _rank(out, run)
            run = []
    if run:
        _rank(out, run)
    return out


def _is_bullet(block: Block) -> bool:
    if block.kind is not BlockKind.PARAGRAPH or not block.provenance.regions or block.list_depth:
        return False
    found = match_numbering(block.text.strip())
    # List bullets only: a heading bullet (`■ 基于 Paddle Lite…`) standing alone is a title.
    return found is not None and found.is_bullet and found.family.role is Role.LIST


def _rank(out: list[Block], run: list[int]) -> None:
    start = 0
    for k in range(1, len(run)):
        before, here = out[run[k - 1]].provenance.regions[0], out[run[k]].provenance.regions[0]
        if here.page == before.page and here.bbox.top < before.bbox.top:
            _rank_column(out, run[start:k])
            start = k
    _rank_column(out, run[start:])


def _rank_column(out: list[Block], run: list[int]) -> None:
    em = max((out[i].font_size or 10.0) for i in run)
    columns: list[float] = []
    for x in sorted(out[i].provenance.regions[0].bbox.x0 for i in run):
        if not columns or x - columns[-1] > INDENT_STEP * em:
            columns.append(x)
    for i in run:
        x = out[i].provenance.regions[0].bbox.x0
        depth = 1 + sum(1 for column in columns[1:] if x - column >= -INDENT_STEP * em)
        out[i] = replace(out[i], list_depth=depth)
