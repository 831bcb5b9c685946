"""Normalize stage: blocks → blocks. Join wrapped lines and paragraphs cut by a page break.

Joining is language-aware: nothing is inserted between CJK characters (or CJK punctuation),
a space is inserted between Latin words, and a Latin word hyphenated at a line end is rejoined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from docparse.blocks import (
    SIZE_CHANGE,
    Block,
    BlockKind,
    Span,
    all_bold,
    bold_lead,
    drop_spans,
    strip_spans,
    take_spans,
)
from docparse.diagnostics import make_diagnostic
from docparse.model.diagnostic import Diagnostic
from docparse.vocab.chars import SET_SOLID, has_han
from docparse.vocab.families import match_numbering
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import (
    CONTINUING,
    DEFAULT_LEXICON,
    Lexicon,
    ends_sentence,
    is_bracket_title,
    is_navigation,
    is_title_like,
    is_toc_line,
    may_end_toc_line,
)

_HYPHENATED = lazy(r"\p{Ll}-$")

# A cut paragraph is rejoined only when its first part is at least this long: a shorter block
# without final punctuation is more likely a title than half a sentence.
REJOIN_MIN_CHARS = 20

# While lines are being joined, a paragraph longer than twice this is judged (does the next line
# join it? is it a TOC line? is it cut?) through its first and last PROBE_CHARS characters.
# Every such test is anchored at the start (a label, a marker, a bold lead) or at the end (a
# page number, final punctuation); looking at the whole of a paragraph that grows line by line
# made joining quadratic (8,000 lines without a blank line took 178 s).
PROBE_CHARS = 500


def join_text(left: str, right: str) -> str:
    """Return `left` and `right` joined as one line of running text."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if _HYPHENATED.search(left) and right[0].islower():
        return left[:-1] + right
    if SET_SOLID.match(left[-1]) or SET_SOLID.match(right[0]):
        return left + right
    return f"{left} {right}"


def _joined_spans(left: Block, right: Block) -> tuple[Span, ...]:
    left_text, right_text = left.text.rstrip(), right.text.lstrip()
    joined = join_text(left_text, right_text)
    dehyphenated = len(joined) < len(left_text) + len(right_text)
    keep = len(left_text) - (1 if dehyphenated else 0)
    glue = joined[keep : len(joined) - len(right_text)]
    return (
        take_spans(left.spans, keep)
        + ((Span(glue),) if glue else ())
        + drop_spans(right.spans, len(right.text) - len(right_text))
    )


def join_blocks(left: Block, right: Block) -> Block:
    """Return one block holding `left` followed by `right`."""
    return replace(
        left,
        text=join_text(left.text, right.text),
        spans=_joined_spans(left, right),
        provenance=left.provenance.merge(right.provenance),
    )


class _Joined:
    """A block being joined from pieces: text and spans kept in lists, joined once in `block()`.

    `add(right)` does what ``join_blocks(self.block(), right)`` does, in time proportional to
    `right` rather than to everything joined so far.
    """

    def __init__(self, block: Block) -> None:
        self.first = block
        self.parts = [block.text]
        self.spans = list(block.spans)
        self.span_chars = sum(len(span.text) for span in block.spans)
        self.length = len(block.text)
        self.provenance = block.provenance
        self._block: Block | None = block
        # Where the pieces not yet packed start: a paragraph of 100,000 short lines would make
        # every probe walk hundreds of tiny pieces (`_pack`); and the probe's head, fixed once
        # the block is long.
        self._parts_packed = 0
        self._spans_packed = 0
        self._head_probe: tuple[str, tuple[Span, ...]] | None = None

    def add(self, right: Block) -> None:
        self._block = None
        self._rstrip()
        right_text = right.text.lstrip()
        tail = self._tail(2)
        glue = ""
        if tail and right_text:
            if _HYPHENATED.search(tail) and right_text[0].islower():
                self._cut(1)
            elif not (SET_SOLID.match(tail[-1]) or SET_SOLID.match(right_text[0])):
                glue = " "
        self._trim_spans()
        if glue:
            self._append(glue, (Span(glue),))
        self._append(right_text, drop_spans(right.spans, len(right.text) - len(right_text)))
        self.provenance = self.provenance.merge(right.provenance)

    def block(self) -> Block:
        """Return the joined block."""
        if self._block is None:
            self._block = replace(
                self.first, text="".join(self.parts), spans=tuple(self.spans), provenance=self.provenance
            )
            self.parts = [self._block.text]
        return self._block

    def probe(self) -> Block:
        """Return the joined block, or for a long one a block of its first and last PROBE_CHARS characters."""
        if self.length <= 2 * PROBE_CHARS:
            self._head_probe = None
            return self.block()
        if self._head_probe is None:  # only the end changes: the first PROBE_CHARS stay as they are
            self._head_probe = (self._head(PROBE_CHARS), take_spans(tuple(self.spans[:PROBE_CHARS]), PROBE_CHARS))
        head, spans = self._head_probe
        tail = self._tail(PROBE_CHARS)
        return replace(
            self.first, text=f"{head} … {tail}", spans=(*spans, Span(" … "), *_tail_spans(self.spans, PROBE_CHARS))
        )

    @property
    def long(self) -> bool:
        """Whether the block is judged through a probe of its two ends (`probe`)."""
        return self.length > 2 * PROBE_CHARS

    def last_char(self) -> str:
        """Return the last character that is not white space ('' for none)."""
        last = self.parts[-1].rstrip()[-1:] if self.parts else ""
        return last or self._tail(PROBE_CHARS).rstrip()[-1:]

    def probe_text(self) -> str:
        """Return the full text of `probe()` (label and text), without building its spans."""
        if not self.long:
            return self.block().full_text
        if self._head_probe is None:
            self.probe()
        assert self._head_probe is not None
        text = f"{self._head_probe[0]} … {self._tail(PROBE_CHARS)}"
        return text if self.first.label is None else f"{self.first.label} {text}"

    def _append(self, text: str, spans: tuple[Span, ...]) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)
        self.spans.extend(spans)
        self.span_chars += sum(len(span.text) for span in spans)
        self._pack()

    def _pack(self) -> None:
        """Join the pieces added since the last pack once there are `_PACK_EVERY` of them (spans: of the same style).

        A packed piece shorter than PROBE_CHARS takes the new ones in: the probe's tail is then a few
        pieces, not one piece of each of hundreds of one-character lines.
        """
        self._parts_packed = min(self._parts_packed, len(self.parts))
        if len(self.parts) - self._parts_packed > _PACK_EVERY:
            start = self._parts_packed
            start -= start > 0 and len(self.parts[start - 1]) < PROBE_CHARS
            self.parts[start:] = ["".join(self.parts[start:])]
            self._parts_packed = len(self.parts)
        self._spans_packed = min(self._spans_packed, len(self.spans))
        if len(self.spans) - self._spans_packed > _PACK_EVERY:
            start = self._spans_packed
            start -= start > 0 and len(self.spans[start - 1].text) < PROBE_CHARS
            self.spans[start:] = merge_spans(self.spans[start:])
            self._spans_packed = len(self.spans)

    def _head(self, count: int) -> str:
        pieces: list[str] = []
        need = count
        for part in self.parts:
            pieces.append(part[:need])
            need -= len(pieces[-1])
            if need <= 0:
                break
        return "".join(pieces)

    def _tail(self, count: int) -> str:
        if self.parts and len(self.parts[-1]) >= count:
            return self.parts[-1][-count:]
        pieces: list[str] = []
        need = count
        for part in reversed(self.parts):
            pieces.append(part[-need:])
            need -= len(pieces[-1])
            if need <= 0:
                break
        return "".join(reversed(pieces))

    def _rstrip(self) -> None:
        while self.parts:
            stripped = self.parts[-1].rstrip()
            self.length -= len(self.parts[-1]) - len(stripped)
            if stripped:
                self.parts[-1] = stripped
                return
            self.parts.pop()

    def _cut(self, count: int) -> None:
        self.parts[-1] = self.parts[-1][:-count]
        self.length -= count

    def _trim_spans(self) -> None:
        # As take_spans(spans, length): the spans cover the text's first `length` characters.
        if self.span_chars < self.length:
            return
        excess = self.span_chars - self.length
        while excess > 0 and self.spans:
            last = self.spans[-1]
            if len(last.text) <= excess:
                self.spans.pop()
                excess -= len(last.text)
            else:
                self.spans[-1] = Span(last.text[: len(last.text) - excess], last.bold, last.link)
                excess = 0
        while self.spans and not self.spans[-1].text:
            self.spans.pop()
        self.span_chars = self.length


_PACK_EVERY = 64


def merge_spans(spans: list[Span]) -> list[Span]:
    """Return `spans` with neighbours of the same style (bold, link) made one."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1].bold == span.bold and out[-1].link == span.link:
            out[-1] = Span(out[-1].text + span.text, span.bold, span.link)
        else:
            out.append(span)
    return out


def _tail_spans(spans: list[Span], count: int) -> list[Span]:
    out: list[Span] = []
    for span in reversed(spans):
        if count <= 0:
            break
        out.append(span if len(span.text) <= count else Span(span.text[-count:], span.bold, span.link))
        count -= len(span.text)
    return out[::-1]


# A line this short did not reach the margin: when it is a numbered title ("一、发榜单位",
# "2. 目标介绍") or a label with a short value ("企业类型： 国有企业", "题目编号： XH-202631"), it is
# complete and the next line of a hard-wrapped text starts a paragraph of its own. Only for
# Chinese text: wrapped CJK lines fill the line to the margin, a ragged Latin margin says less.
COMPLETE_LINE_MAX_CHARS = 20
SHORT_VALUE_MAX_CHARS = 16


def _complete_line(after: Block, lexicon: Lexicon) -> bool:
    """Return whether the line a continuation would join is complete: a short or bracketed title, ``label：value``."""
    text = after.full_text.strip()
    if is_bracket_title(text):
        return True  # "【第一批赛题】" over its first line: a title set as a line of its own
    if "\n" in text or len(text) > COMPLETE_LINE_MAX_CHARS or not has_han(text) or text.endswith(tuple(CONTINUING)):
        return False  # (a line ending in a comma is cut mid-sentence however short it is)
    numbering = match_numbering(text)
    if numbering is not None and numbering.rest and not ends_sentence(numbering.rest):
        return True
    found = lexicon.match_field(text)
    return found is not None and 0 < len(found.rest) <= SHORT_VALUE_MAX_CHARS


def starts_new_block(block: Block, lexicon: Lexicon = DEFAULT_LEXICON, after: Block | None = None) -> bool:
    """Return whether a continuation line begins something of its own (a label, a TOC line, a marker).

    It does too after a complete line (a short numbered title, a label with a short value).
    `after` is the line it would continue: a bold run that goes on over the line break
    (``[**Open Problem`` / ``Statement**](…):``) is not a bold label opening the second line.
    """
    text = block.full_text.strip()
    return (
        block.label is not None
        or (after is not None and _complete_line(after, lexicon))
        or block.kind is not BlockKind.PARAGRAPH
        or match_numbering(text) is not None
        or is_toc_line(text)
        or lexicon.directions_marker(text) is not None
        or is_navigation(text)
        or (_starts_with_bold_label(block, lexicon) and not (after is not None and _bold_runs_on(after, block)))
        or (after is not None and _bold_title_line(after) and not _bold_runs_on(after, block))
    )


def _bold_title_line(block: Block) -> bool:
    """Return whether `block` is a short line wholly in bold (``<strong>Mentors</strong><br/>``): a label of its own."""
    text = block.full_text.strip()
    return (
        "\n" not in text
        and block.label is None
        and text[:1].isalpha()  # a label begins with a word: "@handle" or "$200k" in bold is a value
        and is_title_like(text.rstrip("：:"))  # (before all_bold: it tells a long paragraph at once)
        and all_bold(block.spans)
        and not text.endswith(tuple(CONTINUING))
    )


def _bold_runs_on(left: Block, right: Block) -> bool:
    """Return whether `left` ends inside a bold run that `right` begins: one run cut by a soft line break."""
    ends = [span for span in left.spans if span.text.strip()]
    starts = [span for span in right.spans if span.text.strip()]
    return (
        bool(ends and starts) and ends[-1].bold and starts[0].bold and not ends[-1].text.rstrip().endswith(("：", ":"))
    )


def _starts_with_bold_label(block: Block, lexicon: Lexicon) -> bool:
    """Return whether the block opens with a bold field label (``**代码复现：**``)."""
    if not any(span.bold for span in block.spans):
        return False
    lead = bold_lead(strip_spans(block.spans))
    return bool(lead.strip()) and lexicon.match_field(block.text, lead) is not None


def iter_joined_lines(blocks: Iterable[Block], lexicon: Lexicon = DEFAULT_LEXICON) -> Iterable[Block]:
    """Yield blocks with wrapped continuation lines joined to the line they continue."""
    pending: _Joined | None = None
    for block in blocks:
        if pending is not None and block.continues and _continues(pending, block, lexicon):
            pending.add(block)
            continue
        if pending is not None:
            yield pending.block()
        pending = _Joined(replace(block, continues=False) if block.continues else block)
    if pending is not None:
        yield pending.block()


def _continues(pending: _Joined, block: Block, lexicon: Lexicon) -> bool:
    """Return whether continuation line `block` joins the paragraph being joined: it starts nothing of its own.

    A long paragraph is no complete line and no bold title line (both are short): unless the line
    opens with a bold label (is the paragraph's last bold run going on?), only the line itself and
    whether the paragraph reads as a TOC line are looked at, and no probe with spans is built.
    """
    if _next_label_line(pending.first, block, lexicon):
        return False
    if pending.long and not _starts_with_bold_label(block, lexicon):
        if starts_new_block(block, lexicon):
            return False
        return not (may_end_toc_line(pending.last_char()) and is_toc_line(pending.probe_text().strip()))
    probe = pending.probe()
    return not starts_new_block(block, lexicon, probe) and not _is_toc(probe)


def _next_label_line(first: Block, block: Block, lexicon: Lexicon) -> bool:
    """Return whether `block` is the next line of a label/value list: ``Label: value`` lines the author broke apart.

    The break is the author's own (``<br>``, a Markdown hard break), not a wrap, and the
    line it would join opens with a label too (``Deadline: …`` over ``Conference Date & Location: …``,
    ``导师邮箱：…`` over ``项目简述：…``): each line is a field of its own, whatever the label's language.
    """
    if not block.line_break or (":" not in block.text and "：" not in block.text):
        return False
    found = lexicon.match_field(block.text)
    return found is not None and bool(found.rest) and lexicon.match_field(first.text) is not None


def _is_toc(block: Block) -> bool:
    return is_toc_line(block.full_text.strip())


def _is_cut(left: Block, right: Block, lexicon: Lexicon) -> bool:
    """Return whether `right` is the second half of paragraph `left`, cut by a page break."""
    if left.kind is not BlockKind.PARAGRAPH or right.kind is not BlockKind.PARAGRAPH:
        return False
    right_text = right.text.strip()
    if not right_text or not _may_continue(right_text[0]):
        # Every test below only says no, and the last asks this of the first character: asked
        # first, it spares a paragraph that opens with a capital or a digit (most of an English
        # call) the marker, label and field tests (0.76 → 0.1 CPU s for 20,000 such paragraphs).
        return False
    if (
        left.provenance.regions
        and right.provenance.regions
        and left.provenance.regions[-1].page != right.provenance.regions[0].page
    ):
        # A page break of laid-out pages (PDF, OCR): the reader judged it knowing where the last
        # line ends on its page, which the text alone does not tell (a slide's title after a bullet).
        return False
    if left.label is not None or right.label is not None or left.list_depth != right.list_depth:
        return False
    if (
        left.font_size is not None
        and right.font_size is not None
        and abs(left.font_size - right.font_size) > SIZE_CHANGE
    ):
        return False  # "…html" in 12 pt over "命题8（TI命题）" in 16 pt bold: two things, not one cut sentence
    if all_bold(left.spans) and all_bold(right.spans):
        return False  # two bold title lines: the outline stage's title rules join them, knowing a kicker from a title
    if _bold_title_line(left):
        return False  # a bold label over its value ("Related Repositories" over "feral"), not half a sentence
    left_text = left.text.strip()
    if len(left_text) < REJOIN_MIN_CHARS or ends_sentence(left_text):
        return False
    if starts_new_block(right, lexicon):
        return False
    if right_text[-1] in "：:" or lexicon.match_field(right_text) is not None:
        return False  # "开发流程：" opens something of its own
    first = right_text[0]
    if starts_new_block(left, lexicon):
        # A numbered line continues only where the next one plainly runs on ("A254-049 TITLE: …
        # Radar" + "for Test and Training"); a CJK paragraph under a numbered heading does not.
        return first.islower() and ends_sentence(right_text) is False and len(right_text) < REJOIN_MIN_CHARS * 3
    return _may_continue(first)


def _may_continue(first: str) -> bool:
    """Return whether a paragraph opening with `first` may be the second half of a cut one (lower case, CJK)."""
    return (bool(SET_SOLID.match(first)) and first not in "（(【[「『“") or first.islower()


def iter_rejoined(
    blocks: Iterable[Block], diagnostics: list[Diagnostic], lexicon: Lexicon = DEFAULT_LEXICON
) -> Iterable[Block]:
    """Yield blocks with paragraphs cut in two (by a page break or a stray blank line) joined back."""
    pending: _Joined | None = None
    for block in blocks:
        if pending is not None and _is_cut(pending.probe(), block, lexicon):
            pending.add(block)
            diagnostics.append(
                make_diagnostic(
                    "paragraph-rejoined",
                    f"joined a paragraph cut before {block.text.strip()[:12]!r}",
                    pending.provenance,
                )
            )
            continue
        if pending is not None:
            yield pending.block()
        pending = _Joined(block)
    if pending is not None:
        yield pending.block()


def normalize(
    blocks: Iterable[Block], diagnostics: list[Diagnostic], lexicon: Lexicon = DEFAULT_LEXICON
) -> list[Block]:
    """Return the blocks with wrapped lines joined and cut paragraphs rejoined.

    `lexicon` holds the parse's markers and field labels: a user's own marker wrapped after a
    sentence starts a block of its own, as a built-in one does.
    """
    return list(iter_rejoined(iter_joined_lines(blocks, lexicon), diagnostics, lexicon))
