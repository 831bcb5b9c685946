"""Read stage, PDF paragraphs: lines of all pages → blocks, one per paragraph, heading line,
list item or TOC entry, joined across page breaks where the geometry says the text runs on.

A line starts a new block when any of these holds (`em` is the line's font size):

- the previous line is a TOC entry (ends in a page reference after leaders or a tab); a TOC
  entry whose head wrapped is one block all the same: its first line (numbered, or after an
  entry) carries no page, and the next line carries it;
- it starts with a label of the numbering-family table (`docparse.vocab.families`: `1.`,
  `1.1`, `1)`, `(1)`, `（一）`, `一、`, `第一章`, `■`, `•`, `①`...), unless the previous line runs to
  the right margin without terminal punctuation (then `1.5 倍` at a line start is a wrapped
  sentence, not a label); even then when the label is one no sentence wraps onto (`一、`,
  `（一）`, bullets) or the line is a heading line (short, without terminal punctuation);
- the font size changes by more than 0.6 pt, or a wholly bold line meets a line without bold
  (or the reverse), unless again the previous line runs on to the margin;
- it is a short line ending in a colon right after a line ending a sentence (a lead-in such
  as `建议研究方向：`);
- on one page: the gap above it is more than the paragraph's line gap + 0.35 em, or it is
  indented past the previous line (first-line indent; the second line of a labelled item may
  be indented: that is a hanging indent, also under a label the table does not know when the
  line starts under the text after it), or it is out-dented from a continuation line, or the
  block is one line at the document's first-line indent and this line starts there too;
- the previous line ended short: the room left before the right margin would have held this
  line's first word (first CJK char) plus 1 em; except after a label alone on its line (`1)`
  with its text on the next line, under it or at a hanging indent), and except where the
  previous line ended at a space before a run too long for the room (a producer that breaks only
  at spaces: fpdf2's `multi_cell`), in a document where no line shows per-character wrapping.

In a justified paragraph, a line that meets the margin and whose wide gaps are all alike had
word spaces there, not tab stops; they are spaces again, and when every space of the line is
stretched to an em or more the line was broken at a space, which the join puts back.

Across a page break (furniture already removed), a paragraph continues when the last line of
the page runs to the right margin without terminal punctuation, and the first line of the next
page has no label and the same size and weight. A page break forced mid-sentence (a short last
line without terminal punctuation, after at least one full line of a plain paragraph) also
continues. An indent on the next page does not stop either join: LibreOffice splits a paragraph
at a manual page break, so the continuation gets the first-line indent. A continued paragraph
is emitted as ONE block with one region per page, and a DP403 `paragraph-rejoined` diagnostic
records the join.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from docparse.blocks import SIZE_CHANGE, Block, Span
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.read.pdf.joins import TERMINAL, joint, spacing_votes
from docparse.read.pdf.lines import Line
from docparse.vocab.chars import NO_LINE_END, NO_LINE_START, is_cjk
from docparse.vocab.families import match_numbering
from docparse.vocab.markers import is_navigation

SENTENCE_END = set("。．.！!？?")
COLONS = set(":：")
GAP_EXTRA = 0.35
INDENT = 0.8
SHORT_SLACK = 1.0
HANGING_MAX = 5.0
"""Ems right of a labelled first line within which its second line is a hanging indent."""
LABEL_LIKE_CHARS = 5
LABEL_LIKE_ENDS = set(".)）:：")
BARE_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}")
"""A section number without a dot (LaTeX's `7  Methods…`, `5.1  Squeeze…`): a label-like first word too."""
HANG_ALIGN = 1.5
"""Points within which a second line sits "under" the text after the first line's first word."""
STACK_ALIGN = 0.15
STACK_GAP = 0.3
"""Ems: glyphs of vertical text sit within STACK_ALIGN of one x, at most STACK_GAP apart."""
CENTRED_ROOM = 2.0
"""Ems a centred title line keeps from either margin."""
HEADING_ROOM = 0.4
"""Share of the measure left before the right margin by a labelled line short enough to be a heading
line (a wrapped Latin line falls short of the margin by one word, rarely by 40 % of the measure)."""
UNWRAPPED_FAMILIES = frozenset({"cjk", "cjk-paren", "bullet", "list-bullet", "symbol-bullet"})
"""Numbering families (docparse.vocab.families) whose labels a sentence never wraps onto a line start."""


@dataclass(slots=True)
class Layout:
    """Geometry the paragraph rules measure against: margins per page, line gaps per font size."""

    left: float
    right: float
    line_gap: dict[float, float] = field(default_factory=dict)
    """Usual gap between two lines of one paragraph, by font size."""
    page_left: dict[int, float] = field(default_factory=dict)
    page_right: dict[int, float] = field(default_factory=dict)
    """Margins of pages with enough body lines to measure; others use the document's."""
    indent: float | None = None
    """The document's first-line indent in ems (WPS and Word set Chinese paragraphs 2 em in), if it has one."""
    breaks_at_spaces: bool = True
    """No line of the document shows per-character wrapping (see `wraps_per_character`): the
    producer may break lines only at spaces, as fpdf2's `multi_cell` does."""

    def left_of(self, page: int) -> float:
        return self.page_left.get(page, self.left)

    def right_of(self, page: int) -> float:
        return self.page_right.get(page, self.right)

    def left_for(self, line: Line) -> float:
        """Return the left edge of `line`'s measure: its column's, or its page's margin."""
        return line.column[0] if line.column is not None else self.left_of(line.page)

    def right_for(self, line: Line) -> float:
        """Return the right edge of `line`'s measure: its column's, or its page's margin."""
        return line.column[1] if line.column is not None else self.right_of(line.page)


MIN_LINES_TO_MEASURE = 6
MIN_GAPS_TO_MEASURE = 4
MIN_CHARS_TO_MEASURE = 4
DEFAULT_GAP = 0.5
"""Gap between the lines of a paragraph, in ems, where too few lines give none to measure."""


def margins(body: list[Line]) -> tuple[float, float]:
    """Return the left margin (the leftmost frequent start) and right margin (90th percentile end) of `body`."""
    lefts = Counter(round(line.x0) for line in body)
    frequent = [x for x, n in lefts.items() if n >= max(2, len(body) * 0.05)]
    left = float(min(frequent) if frequent else min(lefts))
    rights = sorted(line.x1 for line in body)
    return left, rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]


def measure(pages: list[list[Line]], body_size: float, widths: list[float]) -> Layout:
    """Return the body's margins (document-wide and per page) and usual line gaps.

    With too few lines to measure (a one-page notice, a cover page), the right margin mirrors the
    left one on the page: most documents are set with equal side margins.
    """
    body_by_page = [[line for line in lines if abs(line.size - body_size) <= SIZE_CHANGE] or lines for lines in pages]
    body = [line for lines in body_by_page for line in lines]
    if not body:
        return Layout(left=0.0, right=0.0)
    left, right = margins(body)
    if len(body) < MIN_LINES_TO_MEASURE:
        right = max(right, max(widths, default=right) - left)
    layout = Layout(left=left, right=right)
    for lines in body_by_page:
        # Pages differ (landscape pages, a cover, a form part with its own margins): measure each one that can be.
        # Lines of a glyph or two (a flow chart's vertical box text) say nothing about the margins.
        text_lines = [line for line in lines if len(line.text.strip()) >= MIN_CHARS_TO_MEASURE]
        if len(text_lines) >= MIN_LINES_TO_MEASURE:
            layout.page_left[lines[0].page], layout.page_right[lines[0].page] = margins(text_lines)
    gaps: dict[float, list[float]] = {}
    for lines in pages:
        for prev, line in itertools.pairwise(lines):
            if prev.size == line.size and line.top > prev.bottom - 1:
                gaps.setdefault(line.size, []).append(line.top - prev.bottom)
    layout.line_gap = {
        size: sorted(values)[len(values) // 2] for size, values in gaps.items() if len(values) >= MIN_GAPS_TO_MEASURE
    }
    layout.indent = first_line_indent(body_by_page, layout)
    layout.breaks_at_spaces = not wraps_per_character(pages, layout)
    return layout


PER_CHARACTER_WRAPS = 2


def wraps_per_character(pages: list[list[Line]], layout: Layout) -> bool:
    """Return True when lines of the document wrap inside a CJK run although they hold a space.

    A producer that breaks lines only at spaces would have broken such a line at its space; one
    that wraps per character (Word, WPS, LibreOffice) leaves a CJK char at the margin and the
    next CJK char at the start of the next line wherever the line is full.
    """
    seen = 0
    for lines in pages:
        for prev, line in itertools.pairwise(lines):
            if (
                prev.narrowest_gap is not None
                and prev.size == line.size
                and is_cjk(prev.text[-1:])
                and is_cjk(line.text[:1])
                and reaches_margin(prev, layout)
                and not has_label(line)
            ):
                seen += 1
                if seen >= PER_CHARACTER_WRAPS:
                    return True
    return False


MIN_INDENTED_PARAGRAPHS = 3


def first_line_indent(pages: list[list[Line]], layout: Layout) -> float | None:
    """Return the first-line indent (in ems, to a quarter em) the document's paragraphs use, or None.

    A paragraph shows it where a full line starts 1-4 em right of the margin and the next line
    starts back at the margin. Where full lines at that indent go on at the same indent as often
    (an indented block, a hanging list), the indent says nothing about where paragraphs start.
    """
    starts: Counter[float] = Counter()
    same: Counter[float] = Counter()
    for lines in pages:
        for prev, line in itertools.pairwise(lines):
            left = layout.left_for(prev)
            ems = round((prev.x0 - left) / prev.size * 4) / 4
            if prev.size != line.size or not 1 <= ems <= 4 or not reaches_margin(prev, layout):
                continue
            if abs(line.x0 - left) <= 1:
                starts[ems] += 1
            elif abs(line.x0 - prev.x0) <= 1:
                same[ems] += 1
    if not starts:
        return None
    ems, count = starts.most_common(1)[0]
    return ems if count >= MIN_INDENTED_PARAGRAPHS and count > same[ems] else None


def has_label(line: Line) -> bool:
    """Return True when `line` starts with a label of the numbering-family table (`1.1`, `（一）`, `•`...)."""
    return match_numbering(line.text) is not None


def reaches_margin(line: Line, layout: Layout) -> bool:
    """Return True when `line` ends at the right margin (within 1.5 em)."""
    return line.x1 >= layout.right_for(line) - line.size * 1.5


def runs_on(line: Line, layout: Layout) -> bool:
    """Return True when `line` reaches the right margin and does not end a sentence."""
    return reaches_margin(line, layout) and line.text.rstrip()[-1:] not in TERMINAL


def opens_block(line: Line, layout: Layout) -> bool:
    """Return True when `line`'s label opens a block even right after a line that runs on to the margin.

    A wrapped sentence may put `1.5 倍` at a line start, so a label after a full line is in doubt;
    not so a line that is itself a heading (a label, then a short text without terminal punctuation:
    `二、题目名称`), nor the labels a sentence never wraps onto (`一、`, `（一）`, bullets).
    """
    found = match_numbering(line.text)
    if found is None:
        return False
    if found.family.name in UNWRAPPED_FAMILIES:
        return True
    left, right = layout.left_for(line), layout.right_for(line)
    short = right - line.x1 > (right - left) * HEADING_ROOM
    return short and line.text.rstrip()[-1:] not in TERMINAL


def next_sibling(block: list[Line], line: Line) -> bool:
    """Return True when `line`'s label is the next one after the block's, at the same x (``c.`` then ``d.``).

    A sentence may wrap onto ``d.`` at a line start; it does not wrap onto the very label that
    follows the item's own, set where that label was.
    """
    found, first = match_numbering(line.text), match_numbering(block[0].text)
    if found is None or first is None or not found.follows(first):
        return False
    return abs(line.x0 - block[0].x0) <= HANG_ALIGN


def ended_short(prev: Line, line: Line, layout: Layout) -> bool:
    """Return True when `line`'s first word would have fitted at the end of `prev`."""
    return layout.right_for(prev) - prev.x1 > first_unit_width(line) + prev.size * SHORT_SLACK


def first_unit_width(line: Line) -> float:
    """Return the width of what the line's first break opportunity leaves unbreakable.

    A CJK character, then punctuation no line starts with, then a Latin run with no space
    (`考：https://…`, `见：RFC 9000`), or an opening bracket no line ends with, then a Latin run
    (`（PaddleScience API`), moves to the next line as one unit: the run up to the first space.
    Otherwise the first word (Latin) or first two characters (CJK).
    """
    text = line.text
    glued = (
        2 if len(text) >= 3 and is_cjk(text[0]) and text[1] in NO_LINE_START else 1 if text[:1] in NO_LINE_END else 0
    )
    if glued and len(text) > glued and text[glued].isascii() and text[glued].isalnum():
        return max(line.head_width, line.first_word_width)
    return line.first_word_width


def label_alone(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when the block is one line holding only a label (`1)`) whose text went on to `line`.

    A producer that breaks lines only at spaces (fpdf2's `multi_cell`) puts the label alone on its
    line when the run after its space is too long for the rest of the line; the text goes on
    under the label or under where its text would start (a hanging indent). A label centred over
    a title set left (`Appendix C` over `POTENTIAL APPLICABLE …`) is a heading's own line.
    """
    if len(block) != 1:
        return False
    first = block[0]
    found = match_numbering(first.text.strip())
    if found is None or found.rest.strip() or centred(first, layout):
        return False
    return first.x0 - first.size * INDENT <= line.x0 <= first.x0 + first.size * HANGING_MAX


CLOSERS = '」』”"’）)]】'


def ends_sentence(text: str) -> bool:
    """Return True when `text` ends a sentence or clause (`。`, `；`, `:`), closing brackets and quotes aside."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return stripped[-1:] in SENTENCE_END | COLONS | {"；", ";"}


def wrapped_at_space(prev: Line, line: Line, layout: Layout) -> bool:
    """Return True when `prev` ended short only because the text after its last space would not fit.

    A producer that breaks lines only at spaces (fpdf2) cuts a CJK line at the space before a Latin
    word (`特别是对` | `polyhedral 技术…`), or after one, even far from the margin, when the run up to
    the next space (`line.head_width`) is wider than the room left. Per-character wrapping never
    leaves a line short there. The wrap must fall where the text has spaces (next to a Latin word
    or digit), `prev` must not end a sentence, and no line of the document may show per-character
    wrapping (`Layout.breaks_at_spaces`).
    """
    if not layout.breaks_at_spaces or ends_sentence(prev.text) or not line.text:
        return False
    last, first = prev.text.rstrip().rstrip(CLOSERS)[-1:], line.text[0]
    if not ((last.isalnum() and not is_cjk(last)) or (first.isalnum() and not is_cjk(first))):
        return False
    room = layout.right_for(prev) - prev.x1
    return line.head_width > room


def weight_changes(prev: Line, line: Line) -> bool:
    """Return True when a bold line meets a line without bold, or a line not all bold meets an all-bold one."""
    return (prev.all_bold and not line.any_bold) or (line.all_bold and not prev.all_bold)


def starts_block(block: list[Line], line: Line, layout: Layout, *, after_toc: bool = False) -> bool:
    """Return True when `line` cannot continue the block whose lines are `block`.

    `after_toc` says the block before `block` was a TOC entry.
    """
    prev = block[-1]
    if prev.is_toc:
        return True
    if is_navigation(line.text) or is_navigation(prev.text):
        return True  # `返回目录` is a link of its own, even after a line that fills the measure
    if line.is_toc and toc_head_wraps(block, line, after_toc=after_toc):
        return False
    if stacked(block, line):
        return False
    on = runs_on(prev, layout)
    if has_label(line) and (not on or opens_block(line, layout) or next_sibling(block, line)):
        return True
    if abs(prev.size - line.size) > SIZE_CHANGE:
        return True
    if weight_changes(prev, line) and not on:
        return True
    if lead_in(prev, line, layout):
        return True
    if (
        ended_short(prev, line, layout)
        and not label_alone(block, line, layout)
        and not wrapped_at_space(prev, line, layout)
    ):
        return not (line.page != prev.page and forced_break(block, line, layout))
    if line.page != prev.page:
        return not continues_on_next_page(block, line, layout)
    if line.column is not None and line.column != prev.column and line.top < prev.top:
        return not continues_in_next_column(block, line, layout)
    return breaks_in_place(block, line, layout)


def breaks_in_place(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line`, under the block's last line in its column, is too far below it or indented otherwise."""
    prev = block[-1]
    gap = line.top - prev.bottom
    usual = layout.line_gap.get(line.size, line.size * DEFAULT_GAP)
    if len(block) > 1 and block[-2].page == prev.page and block[-2].column == prev.column:
        usual = prev.top - block[-2].bottom  # the paragraph's own leading, once it has one
    if gap < -line.size * 0.5 or gap > usual + GAP_EXTRA * line.size:
        return True
    em = line.size * INDENT
    if indent_again(block, line, layout):
        return True
    hanging = len(block) == 1 and hangs(block[0], line) and not opens_with_indent(block[0], line, layout)
    if line.x0 > prev.x0 + em and not hanging:
        return True
    return line.x0 < prev.x0 - em and len(block) > 1


def stacked(block: list[Line], line: Line) -> bool:
    """Return True when `line` goes on a column of single CJK glyphs stacked with no leading: vertical text.

    A flow chart's narrow boxes (Word 2016, the Keelung guide's `廠/商/放/棄/簽/約`) set their text
    one glyph under the other; each glyph comes out as a line of its own.
    """
    prev = block[-1]
    glyph = line.text.strip()
    if len(glyph) != 1 or not is_cjk(glyph) or line.page != prev.page:
        return False
    em = line.size
    return (
        all(len(other.text.strip()) == 1 and is_cjk(other.text.strip()) for other in block)
        and abs(line.x0 - prev.x0) <= em * STACK_ALIGN
        and abs(line.size - prev.size) <= SIZE_CHANGE
        and -em * STACK_ALIGN <= line.top - prev.bottom <= em * STACK_GAP
    )


def toc_head_wraps(block: list[Line], line: Line, *, after_toc: bool) -> bool:
    """Return True when `line`, a TOC line, ends the entry whose head wrapped from the block's line.

    A TOC line keeps room for its leader and page on the right, so a head too long for the line
    wraps short of the margin and leaves its first line without a page (`1.5 Majority Ownership …
    and Private` + `Equity Firms ….. 3`). The block is an entry when it is numbered or follows
    an entry; the rest of the head sits under the entry's start or right of it, on the same page,
    at the entry's leading, and the first line has no size or weight of its own to keep apart.
    """
    first, prev = block[0], block[-1]
    if len(block) > 1 or not (after_toc or has_label(first)) or has_label(line) or line.page != prev.page:
        return False
    gap = line.top - prev.bottom
    return (
        -line.size * 0.5 <= gap <= line.size
        and line.x0 >= first.x0 - 1
        and abs(prev.size - line.size) <= SIZE_CHANGE
        and not weight_changes(prev, line)
        and prev.text.rstrip()[-1:] not in TERMINAL
    )


def indent_again(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when a one-line paragraph at the document's first-line indent is followed by another.

    In a document whose paragraphs start at an indent and go on at the margin, a line at the indent
    under a first line at the indent is not its continuation (WPS: a one-line `中国…实验室` under
    `一、发榜单位`, then `二、题目名称`), even when the first line nearly fills the measure.
    """
    if layout.indent is None or len(block) != 1 or has_label(block[0]):
        return False
    first = block[0]
    indent = layout.left_for(first) + layout.indent * first.size
    return abs(first.x0 - indent) <= first.size * 0.25 and abs(line.x0 - first.x0) <= line.size * 0.25


def lead_in(prev: Line, line: Line, layout: Layout) -> bool:
    """Return True for a one-line lead-in (`建议研究方向：`) right after a finished sentence.

    Without paragraph spacing or indents (the LibreOffice seed rendition) nothing else separates
    it from the paragraph before; a short line ending in a colon after a full stop is its own block.
    """
    return (
        prev.text.rstrip()[-1:] in SENTENCE_END
        and line.text.rstrip()[-1:] in COLONS
        and layout.right_for(line) - line.x1 > line.size * 2
    )


def continues_on_next_page(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line`, first on its page, carries on the paragraph cut by the page break.

    The sentence left unfinished at the margin decides; an indent on the next page does not stop
    the join: LibreOffice has no page break inside a paragraph and splits the paragraph there, so
    the continuation gets the first-line indent (the seed's 1.5 paragraph in its rendition).
    """
    return runs_on(block[-1], layout) and not has_label(line) and not centred(line, layout)


def continues_in_next_column(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True when `line`, first of a column, carries on the paragraph the column before left unfinished.

    As at a page break, the sentence left unfinished at the column's right edge decides; the
    continuation starts where the paragraph's own lines start in their column (its edge, or the
    hanging indent under a label), while a new paragraph there has a first-line indent or a label.
    A column that opens with a line all bold after lines that are not opens with its heading: a
    short column's last line (a committee member's affiliation) is its widest, so reaches its edge.
    """
    prev = block[-1]
    if not runs_on(prev, layout) or has_label(line) or abs(prev.size - line.size) > SIZE_CHANGE:
        return False
    if line.all_bold and not prev.all_bold:
        return False
    offset = line.x0 - layout.left_for(line)
    if len(block) > 1:
        own = prev.x0 - layout.left_for(prev)
    elif has_label(prev) and prev.second_word_x0 is not None:
        own = prev.second_word_x0 - layout.left_for(prev)  # under a label alone so far: its hanging indent
    else:
        own = 0.0
    return abs(offset - own) <= line.size * INDENT or offset <= line.size * INDENT


def centred(line: Line, layout: Layout) -> bool:
    """Return True when `line` is short and centred in the text column: a title, not a continuation.

    Word 2016 keeps a two-line annex title apart when the table under it does not fit: the first
    line ends page 7 of the Keelung guide and `申請須知會計科目及編列原則` heads page 8, centred.
    """
    left, right = layout.left_for(line), layout.right_for(line)
    room = line.size * CENTRED_ROOM
    middle = (line.x0 + line.x1) / 2
    return line.x0 >= left + room and line.x1 <= right - room and abs(middle - (left + right) / 2) <= line.size


def forced_break(block: list[Line], line: Line, layout: Layout) -> bool:
    """Return True for a page break forced mid-sentence inside a plain paragraph (short last line).

    The continuation may be indented: a Word user who split the paragraph with Enter and a page
    break gets a new paragraph with the first-line indent (the LibreOffice seed rendition does).
    """
    prev = block[-1]
    # A list item set with a hanging indent (its second line right of its first) is not a plain paragraph.
    hanging = len(block) > 1 and block[1].x0 > block[0].x0 + block[1].size * INDENT
    plain = len(block) > 1 and not has_label(block[0]) and not hanging and not prev.is_toc
    unterminated = prev.text.rstrip()[-1:] not in TERMINAL
    return (
        plain and unterminated and not has_label(line) and not weight_changes(prev, line) and not centred(line, layout)
    )


def hangs(first: Line, line: Line) -> bool:
    """Return True when `line` may be the second line of the item `first` set with a hanging indent.

    Under a label of the numbering table the second line may start anywhere up to a few ems right
    of the label. Under a label the table does not know (`i.`, `iv.`, `a.`: Adobe PDF Library
    lists in the DoD BAA and its component instructions) the geometry says the same thing when the
    second line starts under the text after a short first word ending in `.`, `)` or `:`, or a bare
    section number (`7  Methods … experi-` over `ments`, LaTeX's headings) (in the
    gap after that word or at the next word: a tab stop may come before a drawn space).
    """
    if line.x0 > first.x0 + line.size * HANGING_MAX:
        return False
    if has_label(first):
        return True
    word = first.text.split(maxsplit=1)[0] if first.text.strip() else ""
    return (
        first.second_word_x0 is not None
        and len(word) <= LABEL_LIKE_CHARS
        and (word[-1:] in LABEL_LIKE_ENDS or BARE_SECTION_NUMBER.fullmatch(word) is not None)
        and first.x0 + first.first_word_width < line.x0 <= first.second_word_x0 + HANG_ALIGN
    )


def opens_with_indent(first: Line, line: Line, layout: Layout) -> bool:
    """Return True when `line` starts at the document's first-line indent, not under the text after `first`'s label.

    A labelled title that fills its measure (`■ 基于 Paddle Lite 实现对 MCU 硬件的支持` in a narrow
    column) is followed by its description, set 2 em in: not a second line hanging under the label.
    """
    if layout.indent is None or first.second_word_x0 is None:
        return False
    em = line.size
    at_indent = abs(line.x0 - (layout.left_for(line) + layout.indent * em)) <= em * 0.25
    return at_indent and abs(line.x0 - first.second_word_x0) > em * 0.5


def lines_to_blocks(
    pages: list[list[Line]], body_size: float, widths: list[float]
) -> tuple[list[Block], list[Diagnostic]]:
    """Return the blocks made of the lines of all pages (in order), and the DP403 rejoin diagnostics.

    Consumes `pages`: each page's list is emptied once its lines are placed, and a block is made
    as soon as its last line is known, so the lines of the whole document and its blocks never
    fill memory together.
    """
    layout = measure(pages, body_size, widths)
    blocks: list[Block] = []
    diagnostics: list[Diagnostic] = []

    def close(group: list[Line]) -> None:
        last_page = blocks[-1].provenance.regions[-1].page if blocks else group[0].page
        block = make_block(group, layout, after_break=bool(blocks) and group[0].page != last_page)
        blocks.append(block)
        if len(block.provenance.regions) > 1:
            pages_text = ", ".join(str(page) for page in block.provenance.pages)
            diagnostics.append(
                make_diagnostic(
                    "paragraph-rejoined",
                    f"A paragraph cut by a page break was joined back together (pages {pages_text}).",
                    block.provenance,
                )
            )

    group: list[Line] = []
    after_toc = False
    for lines in pages:
        for line in lines:
            if group and not starts_block(group, line, layout, after_toc=after_toc):
                group.append(line)
                continue
            if group:
                untab_justified(group, layout)
                close(group)
                after_toc = group[-1].is_toc
            group = [line]
        lines.clear()
    if group:
        untab_justified(group, layout)
        close(group)
    return blocks, diagnostics


JUSTIFIED_SPREAD = 1.15
"""Largest ratio between two stretched word spaces of one justified line."""
STRETCHED_SPACE = 1.0
"""Ems: a word space this wide in a line that meets the margin was stretched by justification."""


def untab_justified(group: list[Line], layout: Layout) -> None:
    """Mend the lines of a justified paragraph: stretched word spaces are spaces, and so was the wrap.

    Justified text stretches every word space of a line alike until the line meets the right
    margin; with few spaces (a CJK line with one Latin word) a space grows past the tab width. A
    line that is not the paragraph's last, reaches the margin and whose wide gaps are all alike
    had spaces there, not tab stops (a TOC entry's gap before its page stays a tab). Every word
    space stretched to an em or more, in a document without per-character wrapping, also says
    the producer breaks lines only at spaces (per-character wrapping would have filled the room
    with the next characters): the line was broken at a space, which the join puts back
    (`trailing_space`).
    """
    for line in group[:-1]:
        if line.is_toc or line.x1 < layout.right_for(line) - line.size * 0.5:
            continue
        gaps = line.tab_gaps
        # Every word space of the line became a tab, all alike (a plain space beside them: real tabs).
        if gaps and " " not in line.text and max(gaps) <= min(gaps) * JUSTIFIED_SPREAD:
            line.text = line.text.replace("\t", " ")
            line.tab_gaps = []
        stretched = line.narrowest_gap is not None and line.narrowest_gap >= line.size * STRETCHED_SPACE
        if stretched and layout.breaks_at_spaces and not line.tab_gaps:
            line.trailing_space = True


def make_block(lines: list[Line], layout: Layout, *, after_break: bool) -> Block:
    """Return the block of `lines`: text joined, bold spans, dominant size, one region per page.

    A line that ended short where the text had a space (`wrapped_at_space`) joins the next with one.
    """
    chars: list[str] = []
    flags: list[bool] = []
    sizes: Counter[float] = Counter()
    boxes: dict[int, list[float]] = {}
    votes = spacing_votes(lines)
    for i, line in enumerate(lines):
        if i:
            prev = lines[i - 1]
            spaced = ended_short(prev, line, layout) and wrapped_at_space(prev, line, layout)
            cut, sep = joint(prev, line, votes, spaced=spaced)
            if cut:
                del chars[-cut:], flags[-cut:]
            chars.extend(sep)
            flags.extend([bool(flags and flags[-1] and line.bold[:1] == [True])] * len(sep))
        chars.extend(line.text)
        flags.extend(line.bold)
        sizes[line.size] += len(line.text)
        box = boxes.get(line.page)
        if box is None:
            boxes[line.page] = [line.x0, line.top, line.x1, line.bottom]
        else:
            box[:] = [min(box[0], line.x0), min(box[1], line.top), max(box[2], line.x1), max(box[3], line.bottom)]
    text = "".join(chars)
    return Block(
        text=text,
        spans=spans(text, flags),
        font_size=sizes.most_common(1)[0][0],
        after_break=after_break,
        provenance=Provenance(
            regions=tuple(
                PageRegion(
                    page=page, bbox=BBox(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2))
                )
                for page, (x0, top, x1, bottom) in boxes.items()
            )
        ),
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
