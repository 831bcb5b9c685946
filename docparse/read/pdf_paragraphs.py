"""Read stage, PDF paragraphs: lines of all pages → blocks, one per paragraph, heading line,
list item or TOC entry, joined across page breaks where the geometry says the text runs on.

A line starts a new block when any of these holds (`em` is the line's font size):

- the previous line is a TOC entry (ends in a page number after leaders or a tab);
- it starts with a numbering label (`1.`, `1.1`, `1)`, `(1)`, `（一）`, `一、`, `第一章`, `■`, `•`,
  `①`...), unless the previous line runs to the right margin without terminal punctuation
  (then `1.5 倍` at a line start is a wrapped sentence, not a label);
- the font size changes by more than 0.6 pt, or a wholly bold line meets a line without bold
  (or the reverse), unless again the previous line runs on to the margin;
- on one page: the gap above it is more than the paragraph's line gap + 0.35 em, or it is
  indented past the previous line (first-line indent; the second line of a labelled item may
  be indented: that is a hanging indent), or it is out-dented from a continuation line;
- the previous line ended short: the room left before the right margin would have held this
  line's first word (first CJK char) plus 1 em.

Across a page break (furniture already removed), a paragraph continues when the last line of
the page runs to the right margin without terminal punctuation, and the first line of the next
page is not indented past the left margin, has no label and has the same size and weight.
A page break forced mid-sentence (a short last line without terminal punctuation, after at
least one full line of a plain paragraph) also continues. A continued paragraph is emitted as
ONE block with one region per page, and a DP403 `paragraph-rejoined` diagnostic records the join.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from docparse.blocks import Block, Span
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.read.pdf_lines import Line, is_cjk, joint
from docparse.rules import make_diagnostic

LABEL = re.compile(
    r"""^(?:
        \d{1,3}(?:\.\d{1,3})+\.?(?![\d.])          # 1.1  1.1.1  1.1.
      | \d{1,3}[.．、](?![\d.])                   # 1.  1、
      | \d{1,3}[)）]                              # 1)  1）
      | [(（]\d{1,3}[)）]                          # (1) （1）
      | [(（][一二三四五六七八九十]{1,3}[)）]       # （一）
      | [一二三四五六七八九十]{1,3}[、.．]          # 一、
      | 第[一二三四五六七八九十百零\d]{1,4}[章节条部篇]
      | [■□◆◇●○•▪▫►▶◦‣※☐√✓]
      | [-–—*·]\s
      | [①-⑳]
      | [a-zA-Z][.)](?=\s)
      | (?:No|NO)\.\s?\d+
      | [IVX]{1,4}\.(?=\s)
    )""",
    re.VERBOSE,
)
TERMINAL = set("。．.！!？?；;：:」』”\"）)")
"""A line ending in one of these may end its paragraph (closing brackets and quotes after a full stop too)."""
SIZE_CHANGE = 0.6
GAP_EXTRA = 0.35
INDENT = 0.8
SHORT_SLACK = 1.0


@dataclass(slots=True)
class Layout:
    """Document-wide geometry the paragraph rules measure against."""

    left: float
    right: float
    line_gap: dict[float, float] = field(default_factory=dict)
    """Usual gap between two lines of one paragraph, by font size."""


def measure(pages: list[list[Line]], body_size: float) -> Layout:
    """Return the body's left margin, right margin and usual line gaps."""
    body = [line for lines in pages for line in lines if abs(line.size - body_size) <= SIZE_CHANGE]
    if not body:
        body = [line for lines in pages for line in lines]
    if not body:
        return Layout(left=0.0, right=0.0)
    lefts = Counter(round(line.x0) for line in body)
    frequent = [x for x, n in lefts.items() if n >= max(2, len(body) * 0.05)]
    left = float(min(frequent) if frequent else min(lefts))
    rights = sorted(line.x1 for line in body)
    right = rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]
    gaps: dict[float, list[float]] = {}
    for lines in pages:
        for prev, line in zip(lines, lines[1:], strict=False):
            if prev.size == line.size and line.top > prev.bottom - 1:
                gaps.setdefault(line.size, []).append(line.top - prev.bottom)
    line_gap = {size: sorted(values)[len(values) // 2] for size, values in gaps.items()}
    return Layout(left=left, right=right, line_gap=line_gap)


def has_label(line: Line) -> bool:
    return bool(LABEL.match(line.text))


def runs_on(line: Line, layout: Layout) -> bool:
    """Return True when `line` reaches the right margin and does not end a sentence."""
    return line.x1 >= layout.right - line.size * 1.5 and line.text.rstrip()[-1:] not in TERMINAL


def ended_short(prev: Line, line: Line, layout: Layout) -> bool:
    """Return True when `line`'s first word would have fitted at the end of `prev`."""
    return layout.right - prev.x1 > line.first_word_width + prev.size * SHORT_SLACK


def weight_changes(prev: Line, line: Line) -> bool:
    return (prev.all_bold and not line.any_bold) or (line.all_bold and not prev.any_bold)


def starts_block(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line` cannot continue the block whose lines are `block`."""
    prev = block[-1]
    if prev.is_toc:
        return True
    on = runs_on(prev, layout)
    if has_label(line) and not on:
        return True
    if abs(prev.size - line.size) > SIZE_CHANGE:
        return True
    if weight_changes(prev, line) and not on:
        return True
    if ended_short(prev, line, layout):
        return not (line.page != prev.page and forced_break(block, line, layout))
    if line.page != prev.page:
        return not continues_on_next_page(block, line, layout)
    gap = line.top - prev.bottom
    usual = layout.line_gap.get(line.size, line.size * 0.5)
    if len(block) > 1 and block[-2].page == prev.page:
        usual = prev.top - block[-2].bottom  # the paragraph's own leading, once it has one
    if gap < -line.size * 0.5 or gap > usual + GAP_EXTRA * line.size:
        return True
    em = line.size * INDENT
    hanging = len(block) == 1 and has_label(block[0])
    if line.x0 > prev.x0 + em and not hanging:
        return True
    return line.x0 < prev.x0 - em and len(block) > 1


def continues_on_next_page(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line`, first on its page, carries on the paragraph cut by the page break."""
    prev = block[-1]
    if not runs_on(prev, layout) or has_label(line):
        return False
    return not indented(block, line, layout)


def forced_break(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True for a page break forced mid-sentence inside a plain paragraph (short last line)."""
    prev = block[-1]
    plain = len(block) > 1 and not has_label(block[0]) and not prev.is_toc
    unterminated = prev.text.rstrip()[-1:] not in TERMINAL
    return plain and unterminated and not has_label(line) and not weight_changes(prev, line) and not indented(block, line, layout)


def indented(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line` starts further right than the margin (or the block's hanging indent)."""
    reference = block[-1].x0 if has_label(block[0]) and len(block) > 1 else layout.left
    if has_label(block[0]) and len(block) == 1:
        return False
    return line.x0 > reference + line.size * INDENT


def lines_to_blocks(pages: list[list[Line]], body_size: float) -> tuple[list[Block], list[Diagnostic]]:
    """Return the blocks made of the lines of all pages (in order), and the DP403 rejoin diagnostics."""
    layout = measure(pages, body_size)
    groups: list[list[Line]] = []
    for lines in pages:
        for line in lines:
            if groups and not starts_block(groups[-1], line, layout):
                groups[-1].append(line)
            else:
                groups.append([line])
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []
    last_page = 0
    for group in groups:
        block = make_block(group, after_break=bool(blocks) and group[0].page != last_page)
        blocks.append(block)
        last_page = group[-1].page
        if len(block.provenance.regions) > 1:
            pages_text = ", ".join(str(page) for page in block.provenance.pages)
            diagnostics.append(
                make_diagnostic(
                    "paragraph-rejoined",
                    f"A paragraph cut by a page break was joined back together (pages {pages_text}).",
                    block.provenance,
                )
            )
    return blocks, diagnostics


def make_block(lines: list[Line], *, after_break: bool) -> Block:
    """Return the block of `lines`: text joined, bold spans, dominant size, one region per page."""
    chars: list[str] = []
    flags: list[bool] = []
    sizes: Counter[float] = Counter()
    boxes: dict[int, BBox] = {}
    for i, line in enumerate(lines):
        if i:
            cut, sep = joint(lines[i - 1], line)
            if cut:
                del chars[-cut:], flags[-cut:]
            chars.extend(sep)
            flags.extend([bool(flags and flags[-1] and line.bold[:1] == [True])] * len(sep))
        chars.extend(line.text)
        flags.extend(line.bold)
        sizes[line.size] += len(line.text)
        box = BBox(x0=round(line.x0, 2), top=round(line.top, 2), x1=round(line.x1, 2), bottom=round(line.bottom, 2))
        boxes[line.page] = boxes[line.page].union(box) if line.page in boxes else box
    text = "".join(chars)
    return Block(
        text=text,
        spans=spans(text, flags),
        font_size=sizes.most_common(1)[0][0],
        after_break=after_break,
        provenance=Provenance(regions=tuple(PageRegion(page=page, bbox=box) for page, box in boxes.items())),
    )


def spans(text: str, flags: list[bool]) -> tuple[Span, ...]:
    """Return `text` cut into runs of equal boldness (spaces between two bold runs stay bold)."""
    out: list[Span] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or flags[i] != flags[start]:
            out.append(Span(text=text[start:i], bold=flags[start]))
            start = i
    return tuple(out)


__all__ = ["LABEL", "Layout", "has_label", "is_cjk", "lines_to_blocks", "measure"]
