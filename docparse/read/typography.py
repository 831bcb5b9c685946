"""Read stage, PDF and DOCX: headings that only the typography marks, numbered ``1 Introduction``.

A bare number before a title (Google Docs' and LaTeX's numbered headings, no dot) is a heading's
number where the line is set as a heading and the numbers count; in running text it is a count.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from docparse.blocks import Block, BlockKind, all_bold
from docparse.vocab.families import BARE_NUMBER, BARE_NUMBER_MIN_HEADINGS, match_families
from docparse.vocab.markers import is_title_like

# A heading's style is the document's own: a line set larger than the body text (14 pt over a
# 12 pt body, Word's Heading 2, is 1.17×) or in bold. The PDF reader ranks such styles into
# levels (`docparse.read.pdf.headings`); here they mark numbered headings.
HEADING_SIZE_RATIO = 1.1


TWO_LINES_HEIGHT = 2.8
"""Sizes of height two lines of a heading take at most (``7  Methods … experi-`` over ``ments``)."""


def mark_bare_number_headings(blocks: list[Block], body_size: float) -> list[Block]:
    """Return `blocks` with the lines numbered ``1 Introduction``, ``2 Steering Group`` … marked as headings.

    A bare number before a title is a heading's number only where the typography says so and the
    numbers count: each such line set as a heading (bold, or larger than the body), on a line of
    its own (or wrapped once), and the numbers 1, 2, 3 … in order (a stray ``3 Objectives`` among them is left as it
    is). Fewer than two in sequence mark nothing: one styled line is not an outline.

    A PDF says nothing of headings; a Word document set with direct formatting (bold, 16 pt, no
    heading style) says as little: both are read so. `body_size` is the body text's size.
    """
    chain: list[int] = []
    expected = 1
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.PARAGRAPH or block.label is not None or len(block.provenance.regions) > 1:
            continue
        found = match_families(block.text.strip(), (BARE_NUMBER,))
        if found is None or found.last != expected or not is_title_like(found.rest):
            continue
        size = block.font_size or 0
        box = block.provenance.regions[0].bbox if block.provenance.regions else None
        if box is not None and box.bottom - box.top > size * TWO_LINES_HEIGHT:
            continue  # more than two lines of a page: a heading wraps once at most
        if not (all_bold(block.spans) or size >= body_size * HEADING_SIZE_RATIO):
            continue
        chain.append(i)
        expected += 1
    if len(chain) < BARE_NUMBER_MIN_HEADINGS:
        return blocks
    out = list(blocks)
    for i in chain:
        out[i] = replace(blocks[i], kind=BlockKind.HEADING, heading_level=1)
    return out


def body_size(blocks: list[Block]) -> float:
    """Return the font size most of the text is set in (0 when no block says)."""
    sizes: Counter[float] = Counter()
    for block in blocks:
        if block.font_size is not None and block.kind is BlockKind.PARAGRAPH:
            sizes[block.font_size] += len(block.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0
