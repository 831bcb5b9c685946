"""Segment stage: blocks → tokens, through the numbering-family table and the marker tables.

Each block is classified by its own text and style only; what a token *is* in context (a
heading, a direction, a field) is the builder's decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from docparse.blocks import Block, BlockKind, Span, all_bold, bold_lead, drop_spans, strip_spans
from docparse.vocab.families import Numbering, match_numbering
from docparse.vocab.markers import (
    DEFAULT_LEXICON,
    TOC_TITLE,
    FieldMatch,
    Lexicon,
    TocLine,
    doc_label_of,
    is_navigation,
    is_title_like,
    match_toc_line,
    split_decoration,
)


class TokenKind(StrEnum):
    PARAGRAPH = "paragraph"
    NUMBERED = "numbered"
    """Starts with a numbering label; the builder decides heading or list item."""
    HEADING = "heading"
    """A heading by the format (Markdown ``#``, DOCX outline level) without a numbering label."""
    MARKER = "marker"
    TOC_TITLE = "toc-title"
    TOC_ENTRY = "toc-entry"
    NAVIGATION = "navigation"
    DOC_LABEL = "doc-label"
    TABLE = "table"
    CODE = "code"


@dataclass(frozen=True, slots=True)
class Token:
    kind: TokenKind
    block: Block
    text: str
    """The text after any label: the heading title, the item text, the paragraph."""
    spans: tuple[Span, ...] = ()
    """The inline runs of `text`."""
    numbering: Numbering | None = None
    toc: TocLine | None = None
    marker: str | None = None
    label: str | None = None
    """The attachment label for DOC_LABEL tokens."""
    field: FieldMatch | None = None
    """Set when `text` starts with a field label and a colon (``技术标签：…``)."""
    lead_in: str | None = None
    """Set when a paragraph ends with a sentence announcing a list of directions."""
    decoration: str | None = None
    """Pictographs printed before the text (``💡`` of ``### 💡 Smart Bot``): kept, but not part of `text`."""

    @property
    def in_list(self) -> bool:
        """Return whether the format puts the block in a list (a Markdown or Word list item)."""
        return self.block.list_depth > 0

    @property
    def title_like(self) -> bool:
        return is_title_like(self.text)

    @property
    def all_bold(self) -> bool:
        """Return whether every visible run of the text is bold (a bold line used as a heading)."""
        return all_bold(self.spans)


def segment(blocks: Iterable[Block], lexicon: Lexicon = DEFAULT_LEXICON) -> list[Token]:
    """Return one token per block, classifying each by its own text and style only."""
    tokens: list[Token] = []
    for block in blocks:
        token = classify(block, lexicon)
        if token.kind is TokenKind.TOC_ENTRY and tokens and _is_toc_title(tokens[-1]):
            _promote_toc_title(tokens, len(tokens) - 1)
        elif token.kind is TokenKind.TABLE:
            # A TOC printed as a table ("Section | Title | Action") under its title, maybe
            # with a header line between them.
            for back in (1, 2):
                if len(tokens) >= back and _is_toc_title(tokens[-back]):
                    _promote_toc_title(tokens, len(tokens) - back)
                    break
        tokens.append(token)
    return _drop_lone_toc_lines(tokens, lexicon)


def _promote_toc_title(tokens: list[Token], index: int) -> None:
    previous = tokens[index]
    tokens[index] = Token(TokenKind.TOC_TITLE, previous.block, previous.block.full_text.strip())


def _drop_lone_toc_lines(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """Return `tokens` with TOC lines that stand alone classified again without the TOC rule.

    A table of contents is a run of entries (or one entry under a TOC title); a lone
    `label<TAB>number` line is a form field ("Remaining characters\t2000", in the Horizon form).
    """
    kinds = [t.kind for t in tokens]
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token.kind is not TokenKind.TOC_ENTRY:
            continue
        neighbours = {kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(kinds)}
        if neighbours & {TokenKind.TOC_ENTRY, TokenKind.TOC_TITLE}:
            continue
        out[i] = classify(token.block, lexicon, toc=False)
    return out


def _is_toc_title(token: Token) -> bool:
    return token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING) and bool(TOC_TITLE.match(token.block.full_text))


def is_toc_title(token: Token) -> bool:
    """Return whether the token's text is a table-of-contents heading (`目录`, `Table of contents`)."""
    return _is_toc_title(token) or token.kind is TokenKind.TOC_TITLE


def classify(block: Block, lexicon: Lexicon = DEFAULT_LEXICON, *, toc: bool = True) -> Token:
    """Return the token for one block (`toc=False` skips the TOC-line rule)."""
    if block.kind is BlockKind.TABLE:
        return Token(TokenKind.TABLE, block, block.text)
    if block.kind is BlockKind.CODE:
        return Token(TokenKind.CODE, block, block.text)
    full = block.full_text.strip()
    # A TOC line first: Word hyperlinks every TOC entry to its heading, and a short entry
    # would otherwise look like a navigation link.
    entry = match_toc_line(full) if toc else None
    if entry is not None:
        return Token(TokenKind.TOC_ENTRY, block, entry.title, toc=entry)
    if _is_navigation(block):
        return Token(TokenKind.NAVIGATION, block, full)
    marker = lexicon.directions_marker(full)
    if marker is not None:
        return Token(TokenKind.MARKER, block, full, marker=marker)
    numbering = match_numbering(full)  # once: the attachment label is a numbering too
    label = doc_label_of(numbering)
    if label is not None:
        return Token(TokenKind.DOC_LABEL, block, full, label=label)
    if numbering is not None and numbering.is_bullet and block.label is not None:
        # "- (3) …": a Markdown bullet whose text starts with its own number; the number wins.
        inner = match_numbering(block.text.strip())
        if inner is not None and not inner.is_bullet:
            block, numbering = replace(block, label=None), inner
    if numbering is not None:
        spans = _rest_spans(block, numbering)
        found = lexicon.match_field(numbering.rest, bold_lead(spans))
        return Token(
            TokenKind.NUMBERED,
            block,
            numbering.rest,
            spans,
            numbering=numbering,
            field=found,
            lead_in=lexicon.lead_in(numbering.rest),
        )
    kind = TokenKind.HEADING if block.kind is BlockKind.HEADING else TokenKind.PARAGRAPH
    spans = strip_spans(block.spans)
    decoration, full = split_decoration(full)
    if decoration:
        # "👥 **Mentor(s):** …", "### 💡 Smart Bot": the label or title starts after the pictographs.
        full = full.strip()
        joined = "".join(span.text for span in spans)
        if joined.endswith(full):
            spans = strip_spans(drop_spans(spans, len(joined) - len(full)))
    found = lexicon.match_field(full, bold_lead(spans))
    return Token(kind, block, full, spans, field=found, lead_in=lexicon.lead_in(full), decoration=decoration or None)


def _is_navigation(block: Block) -> bool:
    text = block.full_text.strip()
    if not text:
        return False
    if is_navigation(text):
        return True
    # A block that is nothing but short links to anchors in the same document ("[↑](#top)").
    if len(text) > 12:
        return False
    visible = [span for span in block.spans if span.text.strip()]
    return bool(visible) and all(s.link is not None and s.link.startswith("#") for s in visible)


def _rest_spans(block: Block, numbering: Numbering) -> tuple[Span, ...]:
    """Return the spans of the block after the numbering label and the space after it."""
    full = block.full_text
    stripped = full.strip()
    rest_start = len(full) - len(full.lstrip()) + len(stripped) - len(numbering.rest)
    # full_text is label + " " + text when the format supplied the label; spans cover text only.
    in_text = rest_start - (0 if block.label is None else len(block.label) + 1)
    return strip_spans(drop_spans(block.spans, max(in_text, 0)))
