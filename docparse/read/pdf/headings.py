"""Read stage, PDF: headings from the document's own typography (style ranks), where nothing is numbered.

A PDF says nothing of headings; a reader sees them by their style. Each style set on short lines
of their own (larger than the body, or bold at the body size over plain text) is a rank, and
the rank is the heading's level. A heading wrapped over two lines of its style is one heading.
"""

from __future__ import annotations

from dataclasses import replace

from docparse.blocks import Block, BlockKind, Span, all_bold
from docparse.read.typography import HEADING_SIZE_RATIO
from docparse.vocab.chars import is_cjk
from docparse.vocab.families import Role, match_numbering
from docparse.vocab.markers import TOC_LINE, is_title_like

# A heading's style is the document's own: a one-line block set larger than the body text
# (14 pt over a 12 pt body, Word's Heading 2, is 1.17×), or in bold at the body size over plain
# text (Word's Heading 3). Each style found on such lines is a rank, larger sizes first and bold
# before regular at one size; the rank is the heading's level. Calls without numbering
# ("Sustainability" over its RFP) get their outline from these ranks; numbered headings keep
# their numbering family instead. (The ratio is `docparse.read.typography.HEADING_SIZE_RATIO`.)


def mark_size_headings(blocks: list[Block], body_size: float, *, estimated: set[int] | None = None) -> list[Block]:
    """Return `blocks` with short one-line blocks in a heading style marked as headings by style rank.

    The pages in `estimated` were read by OCR: their sizes come from the characters' pitch and
    their weight is not seen, too coarse for a style rank, so none of their lines is ranked.

    Only in a document without numbered headings or clauses: where they are numbered, the
    numbering families give the outline, and size tiers (a cover page, a form's part titles, an
    annex title) would only compete with them.
    """
    titles = clauses = 0
    for block in blocks:
        found = match_numbering(block.text.strip())
        if found is None or found.family.role is not Role.OUTLINE:
            continue
        # A numbered title counts when it is set as a heading (bold or larger): `1. redesign the
        # build` in the body's style is a list item, and lists do not make the outline.
        styled = all_bold(block.spans) or (block.font_size or 0) >= body_size * HEADING_SIZE_RATIO
        titles += is_title_like(found.rest) and styled
        # Run-in clauses numbered 一、二、… (not `1.`, as often a list) give the outline too.
        clauses += found.family.name != "decimal"
    if titles >= 2 or clauses >= 3:
        return blocks
    skip = estimated or set()
    runs = _bold_runs(blocks)
    styles = {
        i: style
        for i, block in enumerate(blocks)
        if not (block.provenance.regions and block.provenance.regions[0].page in skip)
        and (style := _heading_style(blocks, i, body_size, runs[i])) is not None
    }
    ranks = sorted(set(styles.values()), reverse=True)
    out = list(blocks)
    for i, style in styles.items():
        out[i] = replace(blocks[i], kind=BlockKind.HEADING, heading_level=ranks.index(style) + 1)
    return join_wrapped_headings(out)


def _heading_style(blocks: list[Block], i: int, body_size: float, run: int) -> tuple[float, bool] | None:
    """Return the style (size, bold) of block `i` when it is set as a heading, else None.

    `run` is how many bold lines set close together make the run block `i` is in.

    A bold line within a point and a half of the body size is in the body's size: code or a
    symbol font inside a heading can make a smaller size the line's most common one.
    """
    block = blocks[i]
    size = block.font_size
    if block.kind is not BlockKind.PARAGRAPH or block.label is not None or size is None:
        return None
    # A heading may close with a colon ("Integration into the Website:" set at 14 pt over 11).
    title = block.text.strip().removesuffix(":").removesuffix("：").rstrip()
    if len(block.provenance.regions) != 1 or not is_title_like(title) or TOC_LINE.match(block.text.strip()):
        return None
    box = block.provenance.regions[0].bbox
    display = size >= body_size * HEADING_SIZE_RATIO
    # A title in display type may wrap onto a second line of its size; a body-size block of two
    # lines is a paragraph.
    if box.bottom - box.top > size * (DISPLAY_MAX_LINES_HEIGHT if display else 1.6):
        return None  # more lines than a heading of its size takes
    bold = all_bold(block.spans)
    if display:
        return (round(size, 1), bold)
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    near_body = body_size - BOLD_SIZE_SLACK <= size <= body_size + 0.5
    if not (bold and near_body and following is not None):
        return None
    # A bold line at the body size over plain text, or one of two lines of a wrapped heading; a
    # run of three or more bold lines set close together is a bold paragraph.
    if run > 2:
        return None
    over_text = not all_bold(following.spans) or _wraps_into(block, following)
    return (round(body_size, 1), True) if over_text else None


BOLD_SIZE_SLACK = 1.5
"""Points below the body size a bold line may be set and still be in the body's size."""
DISPLAY_MAX_LINES_HEIGHT = 2.9
"""Height, in multiples of its size, of a display-type heading: two lines at up to 1.45 line spacing."""


def _wraps_into(block: Block, following: Block) -> bool:
    """Return whether `following` is the next line of the same heading: same page, no paragraph gap."""
    if len(block.provenance.regions) != 1 or len(following.provenance.regions) != 1:
        return False
    first, second = block.provenance.regions[0], following.provenance.regions[0]
    size = block.font_size or 0
    gap = second.bbox.top - first.bbox.bottom
    return first.page == second.page and 0 <= gap <= size * 0.6 and abs(second.bbox.x0 - first.bbox.x0) <= size


def _bold_runs(blocks: list[Block]) -> list[int]:
    """Return, for each block, how many bold lines set close together make the run it is in (1 alone).

    One pass: asked line by line, a document set all in bold would be walked once per line.
    """
    bold = [all_bold(block.spans) for block in blocks]
    runs = [1] * len(blocks)
    start = 0
    for i in range(1, len(blocks) + 1):
        if i < len(blocks) and bold[i - 1] and bold[i] and _wraps_into(blocks[i - 1], blocks[i]):
            continue
        runs[start:i] = [i - start] * (i - start)
        start = i
    return runs


def join_wrapped_headings(blocks: list[Block]) -> list[Block]:
    """Return `blocks` with a heading wrapped over two lines of one style joined into one heading."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind is BlockKind.HEADING
            and block.kind is BlockKind.HEADING
            and last.heading_level == block.heading_level
            and _wraps_into(last, block)
        ):
            glue = "" if is_cjk(last.text[-1:] or " ") or is_cjk(block.text[:1] or " ") else " "
            spans = (*last.spans, Span(glue), *block.spans) if glue else (*last.spans, *block.spans)
            out[-1] = replace(
                last,
                text=last.text + glue + block.text,
                spans=spans,
                provenance=last.provenance.merge(block.provenance),
            )
            continue
        out.append(block)
    return out
