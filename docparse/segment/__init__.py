"""Segment stage: blocks → tokens, through the numbering-family table and the marker tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from docparse.blocks import Block, BlockKind, Span, drop_spans
from docparse.segment.families import Numbering, match_numbering
from docparse.segment.markers import (
    TOC_TITLE,
    FieldMatch,
    TocLine,
    directions_marker,
    is_navigation,
    lead_in,
    match_doc_label,
    match_field,
    match_toc_line,
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


def segment(
    blocks: Iterable[Block], *, directions_markers: tuple[str, ...] = (), field_labels: tuple[str, ...] = ()
) -> list[Token]:
    """Return one token per block, classifying each by its own text and style only."""
    tokens: list[Token] = []
    for block in blocks:
        token = classify(block, directions_markers, field_labels)
        if token.kind is TokenKind.TOC_ENTRY and tokens and _is_toc_title(tokens[-1]):
            previous = tokens[-1]
            tokens[-1] = Token(TokenKind.TOC_TITLE, previous.block, previous.block.full_text.strip())
        tokens.append(token)
    return _drop_lone_toc_lines(tokens, directions_markers, field_labels)


def _drop_lone_toc_lines(
    tokens: list[Token], directions_markers: tuple[str, ...], field_labels: tuple[str, ...]
) -> list[Token]:
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
        out[i] = classify(token.block, directions_markers, field_labels, toc=False)
    return out


def _is_toc_title(token: Token) -> bool:
    return token.kind in (TokenKind.PARAGRAPH, TokenKind.HEADING) and bool(TOC_TITLE.match(token.block.full_text))


def classify(
    block: Block, directions_markers: tuple[str, ...] = (), field_labels: tuple[str, ...] = (), *, toc: bool = True
) -> Token:
    """Return the token for one block (`toc=False` skips the TOC-line rule)."""
    if block.kind is BlockKind.TABLE:
        return Token(TokenKind.TABLE, block, block.text)
    full = block.full_text.strip()
    # A TOC line first: Word hyperlinks every TOC entry to its heading, and a short entry
    # would otherwise look like a navigation link.
    entry = match_toc_line(full) if toc else None
    if entry is not None:
        return Token(TokenKind.TOC_ENTRY, block, entry.title, toc=entry)
    if _is_navigation(block):
        return Token(TokenKind.NAVIGATION, block, full)
    marker = directions_marker(full, directions_markers)
    if marker is not None:
        return Token(TokenKind.MARKER, block, full, marker=marker)
    label = match_doc_label(full)
    if label is not None:
        return Token(TokenKind.DOC_LABEL, block, full, label=label)
    numbering = match_numbering(full)
    if numbering is not None and numbering.family.name == "dash" and block.label is not None:
        # "- (3) …": a Markdown bullet whose text starts with its own number; the number wins.
        inner = match_numbering(block.text.strip())
        if inner is not None and inner.value:
            block, numbering = replace(block, label=None), inner
    if numbering is not None:
        spans = _rest_spans(block, numbering)
        found = match_field(numbering.rest, bold_lead(spans), field_labels)
        return Token(TokenKind.NUMBERED, block, numbering.rest, spans, numbering=numbering, field=found)
    kind = TokenKind.HEADING if block.kind is BlockKind.HEADING else TokenKind.PARAGRAPH
    spans = strip_spans(block.spans)
    found = match_field(full, bold_lead(spans), field_labels)
    return Token(kind, block, full, spans, field=found, lead_in=lead_in(full, directions_markers))


def bold_lead(spans: tuple[Span, ...]) -> str:
    """Return the bold text at the start of `spans`."""
    lead = ""
    for span in spans:
        if not span.bold:
            break
        lead += span.text
    return lead


def _is_navigation(block: Block) -> bool:
    text = block.full_text.strip()
    if not text:
        return False
    if is_navigation(text):
        return True
    # A block that is nothing but short links to anchors in the same document ("[↑](#top)").
    visible = [span for span in block.spans if span.text.strip()]
    return bool(visible) and len(text) <= 12 and all(s.link is not None and s.link.startswith("#") for s in visible)


def _rest_spans(block: Block, numbering: Numbering) -> tuple[Span, ...]:
    """Return the spans of the block after the numbering label and the space after it."""
    full = block.full_text
    stripped = full.strip()
    rest_start = len(full) - len(full.lstrip()) + len(stripped) - len(numbering.rest)
    # full_text is label + " " + text when the format supplied the label; spans cover text only.
    in_text = rest_start - (0 if block.label is None else len(block.label) + 1)
    return strip_spans(drop_spans(block.spans, max(in_text, 0)))


def strip_spans(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Return `spans` without leading and trailing whitespace."""
    items = [s for s in spans if s.text]
    while items and not items[0].text.strip():
        items.pop(0)
    while items and not items[-1].text.strip():
        items.pop()
    if items:
        first, last = items[0], items[-1]
        items[0] = Span(first.text.lstrip(), first.bold, first.link)
        last = items[-1]
        items[-1] = Span(last.text.rstrip(), last.bold, last.link)
    return tuple(items)
