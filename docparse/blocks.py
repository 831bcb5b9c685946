"""The intermediate representation every reader emits: blocks of text with style and position.

Readers (``docparse.read.*``) turn a format into a list of :class:`Block`; the pipeline
(normalize → segment → build) never looks at the format again, only at these blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

import regex

from docparse.formats import SourceFormat
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped, Metadata
from docparse.model.provenance import Provenance
from docparse.vocab.lazy import lazy
from docparse.vocab.markers import is_title_like


class BlockKind(StrEnum):
    """What a block is, as far as the format itself says."""

    PARAGRAPH = "paragraph"
    """Running text; a Markdown list item or a DOCX numbered paragraph is a paragraph with a label."""
    HEADING = "heading"
    """The format marks it as a heading (Markdown ``#``, DOCX outline level); see ``heading_level``."""
    TABLE = "table"
    """A table; its cells are in ``rows`` and ``text`` is the cells joined for accounting."""
    CODE = "code"
    """Preformatted text (a fenced code block): ``text`` is verbatim, lines joined by newlines."""


SIZE_CHANGE = 0.6
"""Points by which two lines' font sizes may differ and still be one paragraph's (PDF rounding,
a glyph from another font); a larger change is the typography of something else (a heading)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one inline style. The spans of a block concatenate to its text."""

    text: str
    bold: bool = False
    link: str | None = None
    """The link target when the run is the text of a hyperlink (Markdown link, DOCX hyperlink)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text from a reader, before any interpretation of numbering or markers.

    ``text`` is the visible text with format markup removed (no ``**``, no link syntax) and
    *without* the format-supplied ``label``. A label typed into the text stays in ``text``;
    a label the format renders (Word automatic numbering, a Markdown ordered-list marker) is in
    ``label``. The segmenter looks at ``label + text`` so both give the same result.
    """

    text: str
    spans: tuple[Span, ...] = ()
    kind: BlockKind = BlockKind.PARAGRAPH
    label: str | None = None
    """List label supplied by the format (``1.``, ``1)``, ``（一）``, ``•``), not present in ``text``."""
    heading_level: int | None = None
    """Outline level (1 = top) when the format says the block is a heading."""
    list_depth: int = 0
    """Nesting depth of the list the block sits in (0 = not in a list)."""
    font_size: float | None = None
    """Dominant font size in points, where the format has one (PDF, DOCX)."""
    continues: bool = False
    """The block continues the previous one in the source (a wrapped line, no paragraph break)."""
    line_break: bool = False
    """The author broke the line before this block (HTML ``<br>``, a Markdown hard break), not a soft wrap.

    Word's ``w:br`` is not counted: Word users break lines by hand to lay out running text."""
    after_break: bool = False
    """A page break (or a section break) sits between the previous block and this one."""
    rows: tuple[tuple[str, ...], ...] = ()
    """Table cells, row by row, for ``BlockKind.TABLE``."""
    cell_spans: tuple[tuple[tuple[Span, ...], ...], ...] = ()
    """The inline runs (links, bold) of each cell, row by row, where the reader has them (Markdown, HTML);
    a cell's line break is a ``\\n`` run. Empty when the reader keeps cell texts only."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """``(row, column, rows, columns)`` of each table cell spanning more than one grid position; its text is
    at ``rows[row][column]``, the other positions it covers are empty strings."""
    info: str | None = None
    """The info string of a fenced code block (``python``), for ``BlockKind.CODE``; for a ``BlockKind.TABLE`` a
    PDF reader found by the alignment of its text, not its rulings, the evidence it was found on."""
    provenance: Provenance = field(default_factory=Provenance)

    @property
    def full_text(self) -> str:
        """Return the label and the text as a reader would print them."""
        if self.label is None:
            return self.text
        if not self.text:
            return self.label
        return f"{self.label} {self.text}"


@dataclass(slots=True)
class Reading:
    """What a reader returns: the blocks, facts about the source, and what it left out."""

    blocks: list[Block]
    format: SourceFormat
    """One of `docparse.formats.FORMATS`: ``text``, ``markdown``, ``pdf``, ``docx`` or ``html``."""
    encoding: str | None = None
    pages: int | None = None
    dropped: list[Dropped] = field(default_factory=list)
    """Text the reader left out (running headers, page numbers, watermarks), with the reason."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    """Findings made while reading (encoding fallback, garbled text, footnotes set apart)."""
    metadata: Metadata = field(default_factory=Metadata)
    """What the file says about itself (title, author, dates): DOCX core properties, PDF Info/XMP, HTML meta."""
    extra_seconds: float = 0.0
    """Seconds the time budget grants beyond `max_seconds` (`ocr_seconds_per_page` for each page read by OCR)."""


def all_bold(spans: tuple[Span, ...]) -> bool:
    """Return whether every visible run is bold (a bold line set as a heading or title)."""
    visible = [span for span in spans if span.text.strip()]
    return bool(visible) and all(span.bold for span in visible)


def bold_question(spans: tuple[Span, ...]) -> bool:
    """Return whether the runs are one question wholly in bold (``**How much is the grant?**``): an FAQ's question."""
    return all_bold(spans) and "".join(span.text for span in spans).rstrip()[-1:] in ("?", "？")


def take_spans(spans: tuple[Span, ...], count: int) -> tuple[Span, ...]:
    """Return the spans covering the first `count` characters."""
    out: list[Span] = []
    for span in spans:
        if count <= 0:
            break
        out.append(span if len(span.text) <= count else Span(span.text[:count], span.bold, span.link))
        count -= len(span.text)
    return tuple(out)


def drop_spans(spans: tuple[Span, ...], count: int) -> tuple[Span, ...]:
    """Return the spans covering everything after the first `count` characters."""
    out: list[Span] = []
    for span in spans:
        if count >= len(span.text):
            count -= len(span.text)
            continue
        out.append(Span(span.text[count:], span.bold, span.link) if count else span)
        count = 0
    return tuple(out)


def head_with_title(blocks: list[Block], title: str, provenance: Provenance) -> bool:
    """Put `title` first in `blocks` as a level-1 heading, the others one level down; False if a heading repeats it.

    For a title the file declares apart from its text, which its renderer prints above it: a
    page's ``<title>``, the ``title`` of a Markdown file's front matter. Nothing is added to a
    document without blocks, whose own heading already says it (``申报主题`` under the page title
    ``申报主题 - 科研管理平台``), or whose text begins with it (`_shows`).
    """
    title = " ".join(title.split())
    folded = title.casefold()
    headings = [b.text.casefold() for b in blocks if b.kind is BlockKind.HEADING and b.text]
    if not title or not blocks or any(h in folded or folded in h for h in headings) or _shows(blocks, folded):
        return False
    blocks[:] = [
        Block(text=title, spans=(Span(title),), kind=BlockKind.HEADING, heading_level=1, provenance=provenance),
        *(replace(b, heading_level=b.heading_level + 1) if b.heading_level is not None else b for b in blocks),
    ]
    return True


def _shows(blocks: list[Block], folded: str) -> bool:
    """Return whether the text begins with the title `folded` (casefolded, spaces collapsed).

    The first block says it, or the title runs on from the first block into the start of the
    next (an editor's export that took the page's first 100-odd characters as its ``<title>``):
    the page prints its own title line, the declared one adds nothing.
    """
    first = " ".join(blocks[0].full_text.split()).casefold()
    if not first or not folded.startswith(first):
        return False
    rest = folded[len(first) :].strip()
    if not rest:
        return True
    following = " ".join(blocks[1].full_text.split()).casefold() if len(blocks) > 1 else ""
    return following.startswith(rest)


def bold_lead(spans: tuple[Span, ...]) -> str:
    """Return the bold text at the start of `spans`."""
    lead = ""
    for span in spans:
        if not span.bold:
            break
        lead += span.text
    return lead


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


# A lead phrase before a colon is a direction title when it is short and holds no sentence
# punctuation ("工业质检/巡检场景关键技术：在训练…"), and the colon is not part of a URL.
COLON_TITLE = lazy(r"^(?P<title>[^：:，,。；;！？!?\n]{1,40}?)[ \t]*[：:](?!//)[ \t]*(?P<body>\S.*)$", regex.S)
# A short first sentence without commas, followed by more text, is a title written without
# bold ("机器学习与其他基础学科的交叉研究。例如对量子机器学习的探索。"); a direction that is one
# sentence has no title.
SENTENCE_TITLE = lazy(r"^(?P<title>[^：:，,。；;！？!?\n]{2,24})。(?P<body>\S.*)$", regex.S)
# Separators between a bold title and the body: dropped from the body's start.
_SEPARATORS = "：:。.，,、；; \t"


def split_title(text: str, spans: tuple[Span, ...]) -> tuple[str | None, str]:
    """Return the title (bold lead, or the phrase before a colon) and the body of an item."""
    lead = bold_lead(spans)
    title = lead.strip().rstrip("：:").strip()
    if title and text.startswith(lead.strip()):
        body = text[len(lead.strip()) :].lstrip()
        if body[:1] in _SEPARATORS:
            body = body[1:]
        return title, body.strip()
    for pattern in (COLON_TITLE, SENTENCE_TITLE):
        found = pattern.match(text)
        if found is not None:
            return found.group("title").strip(), found.group("body").strip()
    return None, text


def direction_title(text: str, spans: tuple[Span, ...], *, has_children: bool) -> tuple[str | None, str]:
    """Return the title and body of a direction's text: `split_title`, or a heading over its sub-items."""
    title, body = split_title(text, spans)
    if title is None and has_children and is_title_like(text) and not text.rstrip().endswith("."):
        return text.strip(), ""  # a heading over its sub-items ("5. Outreach" over examples)
    return title, body
