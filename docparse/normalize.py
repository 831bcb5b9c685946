"""Normalize stage: blocks → blocks. Join wrapped lines and paragraphs cut by a page break.

Joining is language-aware: nothing is inserted between CJK characters (or CJK punctuation),
a space is inserted between Latin words, and a Latin word hyphenated at a line end is rejoined.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import regex

from docparse.blocks import Block, BlockKind, Span, all_bold, drop_spans, take_spans
from docparse.chars import CJK_CLASS
from docparse.model.diagnostic import Diagnostic
from docparse.rules import make_diagnostic
from docparse.segment import bold_lead, strip_spans
from docparse.segment.families import match_numbering
from docparse.segment.markers import DEFAULT_LEXICON, TOC_LINE, Lexicon, ends_sentence, is_navigation

# CJK text, and the curly quotes and ellipsis that Chinese text sets without spaces: no space
# on either side of a join.
_CJK = regex.compile(f"[{CJK_CLASS}\u2018-\u201f\u2026]")
_HYPHENATED = regex.compile(r"\p{Ll}-$")

# A cut paragraph is rejoined only when its first part is at least this long: a shorter block
# without final punctuation is more likely a title than half a sentence.
REJOIN_MIN_CHARS = 20


def join_text(left: str, right: str) -> str:
    """Return `left` and `right` joined as one line of running text."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if _HYPHENATED.search(left) and right[0].islower():
        return left[:-1] + right
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
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


def starts_new_block(block: Block, lexicon: Lexicon = DEFAULT_LEXICON, after: Block | None = None) -> bool:
    """Return whether a continuation line begins something of its own (a label, a TOC line, a marker).

    `after` is the line it would continue: a bold run that goes on over the line break
    (``[**Open Problem`` / ``Statement**](…):``) is not a bold label opening the second line.
    """
    text = block.full_text.strip()
    return (
        block.label is not None
        or block.kind is not BlockKind.PARAGRAPH
        or match_numbering(text) is not None
        or TOC_LINE.match(text) is not None
        or lexicon.directions_marker(text) is not None
        or is_navigation(text)
        or (_starts_with_bold_label(block, lexicon) and not (after is not None and _bold_runs_on(after, block)))
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
    lead = bold_lead(strip_spans(block.spans))
    return bool(lead.strip()) and lexicon.match_field(block.text, lead) is not None


def iter_joined_lines(blocks: Iterable[Block], lexicon: Lexicon = DEFAULT_LEXICON) -> Iterable[Block]:
    """Yield blocks with wrapped continuation lines joined to the line they continue."""
    pending: Block | None = None
    for block in blocks:
        if (
            pending is not None
            and block.continues
            and not starts_new_block(block, lexicon, pending)
            and not _is_toc(pending)
        ):
            pending = join_blocks(pending, block)
            continue
        if pending is not None:
            yield pending
        pending = replace(block, continues=False) if block.continues else block
    if pending is not None:
        yield pending


def _is_toc(block: Block) -> bool:
    return TOC_LINE.match(block.full_text.strip()) is not None


def _is_cut(left: Block, right: Block, lexicon: Lexicon) -> bool:
    """Return whether `right` is the second half of paragraph `left`, cut by a page break."""
    if left.kind is not BlockKind.PARAGRAPH or right.kind is not BlockKind.PARAGRAPH:
        return False
    if left.label is not None or right.label is not None or left.list_depth != right.list_depth:
        return False
    if all_bold(left.spans) and all_bold(right.spans):
        return False  # two bold title lines: the builder's title rules join them, knowing a kicker from a title
    left_text, right_text = left.text.strip(), right.text.strip()
    if len(left_text) < REJOIN_MIN_CHARS or ends_sentence(left_text) or not right_text:
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
    return (bool(_CJK.match(first)) and first not in "（(【[「『“") or first.islower()


def iter_rejoined(
    blocks: Iterable[Block], diagnostics: list[Diagnostic], lexicon: Lexicon = DEFAULT_LEXICON
) -> Iterable[Block]:
    """Yield blocks with paragraphs cut in two (by a page break or a stray blank line) joined back."""
    pending: Block | None = None
    for block in blocks:
        if pending is not None and _is_cut(pending, block, lexicon):
            joined = join_blocks(pending, block)
            diagnostics.append(
                make_diagnostic(
                    "paragraph-rejoined",
                    f"joined a paragraph cut before {block.text.strip()[:12]!r}",
                    joined.provenance,
                )
            )
            pending = joined
            continue
        if pending is not None:
            yield pending
        pending = block
    if pending is not None:
        yield pending


def normalize(
    blocks: Iterable[Block], diagnostics: list[Diagnostic], lexicon: Lexicon = DEFAULT_LEXICON
) -> list[Block]:
    """Return the blocks with wrapped lines joined and cut paragraphs rejoined.

    `lexicon` holds the parse's markers and field labels: a user's own marker wrapped after a
    sentence starts a block of its own, as a built-in one does.
    """
    return list(iter_rejoined(iter_joined_lines(blocks, lexicon), diagnostics, lexicon))
