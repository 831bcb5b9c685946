"""Reading stage, DOCX body: the stories of a Word document → blocks, with Word's numbering, headings and breaks.

`reader` opens the package and hands each story here: ``document.xml`` is parsed incrementally
and each body-level element is freed once read, so memory stays bounded; headers, footers,
notes and comments are read by the same walker and recorded as dropped.

What becomes a block, in document order:

- each body paragraph with visible text (empty paragraphs are skipped; an empty *numbered*
  paragraph still advances its list and its label is recorded in ``dropped`` as ``empty``);
- each table, as one ``table`` block whose ``rows`` hold the cell texts (a cell's paragraphs
  joined by ``\\n``; nested tables flattened into the cell, cells by ``\\t``, rows by ``\\n``;
  a horizontally merged cell is followed by ``""`` for each column it spans and a vertically
  merged continuation cell is ``""``, so no text is repeated);
- each paragraph of a text box, right after the paragraph that anchors it; of the two copies
  ``mc:AlternateContent`` holds (DrawingML choice, VML fallback) only one is read.

Text: ``w:t``; ``w:tab`` → ``\\t``; a line break (``w:br``, ``w:cr``) in a body paragraph starts a
line of its own (a block with ``continues=True``, as the HTML reader reads ``<br>``: normalize joins
it back when it only wraps a sentence); in a heading, a TOC entry, a cell or a text box it becomes
nothing between two CJK characters and a space otherwise; ``w:noBreakHyphen`` → ``-``; ``w:softHyphen`` → nothing;
``w:sym`` → its Unicode character when the symbol font is mapped. Deleted text (``w:del``,
``w:moveFrom``) is not read; inserted text is; hidden runs (``w:vanish``) are recorded as
dropped ``hidden``, one record per paragraph. Field
instructions are never text; a field shows its cached result (PAGEREF: the page number).
Leading and trailing whitespace of a paragraph is trimmed.

Table of contents (paragraphs inside a ``TOC`` field, a "Table of Contents" content control, or
in a ``toc N`` style): the last tab of an entry, the one before its page number, stays ``\\t``;
earlier tabs (between number and title) become a space: ``1.1 机器学习基础理论\\t1``. TOC entries
are never headings.

Labels: Word's automatic numbers (`numbering.Numbering`) go to ``Block.label``, never into the
text; ``list_depth`` is the list level + 1 for numbered paragraphs that are not headings.

Headings: ``w:outlineLvl`` of the paragraph, else of its style chain (9 = body text), else a
built-in heading style *name* (``heading 1`` … ``heading 9``, also ``标题 N``); style ids are
not used (Chinese Word saves heading 1 as styleId ``1``). ``Title`` and ``Subtitle`` are not
headings: Word gives them no outline level and keeps them out of its navigation pane.

Breaks: ``after_break`` is set on the block after a page break that ends a paragraph (or fills
an otherwise empty one), on a paragraph that starts with a page break or has
``w:pageBreakBefore``, and on the first block of a section that starts on a new page. A page
break inside a paragraph's text leaves it one block, the two parts joined as they are.

Left out, with a record in ``Reading.dropped``: header and footer text (``running-header`` /
``running-footer``, once per distinct paragraph text), watermark text (``watermark``), and
footnotes and endnotes. Footnotes are *not* blocks: the reference mark prints nothing in the
paragraph and each referenced note's text is recorded as ``footnote`` with the paragraph index
of its reference, plus a DP104 (footnote-set-apart) diagnostic. Each comment of the comments
part is recorded as ``comment`` with the paragraph index of its first reference.

Imports (``w:altChunk`` at body level) take their place in the blocks; `reader` reads them.

Provenance: ``paragraph_start == paragraph_end ==`` the 0-based index of the body-level
paragraph or table (empty ones included; the children of a body-level content control count as
body-level) that holds the block.

Limits: ``max_blocks`` counts every ``w:p`` of document.xml, empty or nested, so a document of
millions of empty paragraphs stops early; ``max_seconds`` is checked every few hundred body
elements.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from docparse.blocks import Block, BlockKind, Span
from docparse.diagnostics import make_diagnostic
from docparse.errors import (
    LimitExceededError,
)
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped, DropReason
from docparse.model.provenance import Provenance
from docparse.options import ParseOptions
from docparse.read.docx.numbering import ListLabel, Numbering, symbol_char
from docparse.read.docx.ooxml import (
    M_OMATH,
    M_OMATHPARA,
    M_T,
    MC_ALTERNATE,
    MC_CHOICE,
    MC_FALLBACK,
    R_ID,
    V_TEXTPATH,
    W_ALTCHUNK,
    W_B,
    W_BODY,
    W_BR,
    W_COMMENT,
    W_COMMENTREF,
    W_CR,
    W_CUSTOMXML,
    W_DEL,
    W_DRAWING,
    W_ENDNOTEREF,
    W_FLDCHAR,
    W_FLDSIMPLE,
    W_FOOTNOTEREF,
    W_GRIDBEFORE,
    W_GRIDSPAN,
    W_HYPERLINK,
    W_ID,
    W_INSTRTEXT,
    W_NOBREAKHYPHEN,
    W_NUMPR,
    W_OBJECT,
    W_OUTLINELVL,
    W_P,
    W_PAGEBREAKBEFORE,
    W_PICT,
    W_PPR,
    W_PSTYLE,
    W_PTAB,
    W_R,
    W_RPR,
    W_RSTYLE,
    W_RUBY,
    W_RUBYBASE,
    W_SDT,
    W_SDTCONTENT,
    W_SECTPR,
    W_SYM,
    W_SZ,
    W_T,
    W_TAB,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_TRPR,
    W_TXBXCONTENT,
    W_TYPE,
    W_VAL,
    W_VANISH,
    W_VMERGE,
    W,
    int_attr,
    int_val,
    on_off,
)
from docparse.read.docx.styles import ResolvedStyle, Styles
from docparse.read.xmlsafe import Readable, iter_elements
from docparse.vocab.chars import is_cjk

__all__ = ["BodyReader"]

# Run containers read straight through (their runs are visible text).
_TRANSPARENT: Final = frozenset(
    {f"{W}ins", f"{W}moveTo", f"{W}smartTag", W_CUSTOMXML, f"{W}bdo", f"{W}dir", f"{W}sdtContent"}
)
# What a run prints: text, tabs, breaks, a non-breaking hyphen, a symbol.
_RUN_MARKS: Final = frozenset({W_T, W_TAB, W_PTAB, W_BR, W_CR, W_NOBREAKHYPHEN, W_SYM})
# References to text kept apart: comments, footnotes and endnotes.
_REFERENCES: Final = frozenset({W_COMMENTREF, W_FOOTNOTEREF, W_ENDNOTEREF})
# Elements that close a body-level unit: iterparse reports these, the reader keeps the body-level ones.
_BODY_TAGS: Final = (W_P, W_TBL, W_SDT, W_CUSTOMXML, W_SECTPR, W_ALTCHUNK, W_BODY)
# Copies of text held elsewhere: the branches of alternate content, moved-away text.
_COPIES: Final = frozenset({MC_ALTERNATE, f"{W}moveFrom"})
_NO_PAGE_BREAK_SECTIONS: Final = frozenset({"continuous", "nextColumn"})
# Check the time budget every this many body elements: time.monotonic is cheap but not free.
_CLOCK_EVERY: Final = 256
_MAX_FIELD_DEPTH: Final = 64
# Word tables have at most 63 columns; a larger gridSpan/gridBefore is hostile padding.
_MAX_SPAN: Final = 64

_TEXT, _TAB, _LINE, _PAGE = 0, 1, 2, 3
# Distinct run sizes kept parsed: a real document has a handful, a hostile one is bounded.
_MAX_SIZES: Final = 256


@dataclass(frozen=True, slots=True)
class _Grid:
    """A table read: cell texts row by row, and each merged cell as ``(row, column, rows, columns)``."""

    rows: tuple[tuple[str, ...], ...]
    merged: tuple[tuple[int, int, int, int], ...] = ()


@dataclass(slots=True)
class _Para:
    """One paragraph (or text-box table) read, before it becomes a block."""

    text: str
    spans: tuple[Span, ...]
    label: ListLabel | None = None
    heading_level: int | None = None
    font_size: float | None = None
    break_before: bool = False
    break_after: bool = False
    rows: _Grid | None = None
    section: etree._Element | None = None
    """The ``w:sectPr`` of the paragraph: it ends a section."""
    lines: tuple[tuple[str, tuple[Span, ...]], ...] = ()
    """The lines after the first when the paragraph is read by line (a body paragraph's ``w:br``)."""

    @property
    def full_text(self) -> str:
        return self.text if self.label is None else f"{self.label.text} {self.text}".strip()


@dataclass(slots=True)
class _Field:
    """A complex field (``w:fldChar`` begin … separate … end) being read."""

    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    name: str = ""
    link: str | None = None


class _Piece:
    """A piece of a paragraph: text (or a tab, line or page break) with its inline style."""

    __slots__ = ("bold", "kind", "link", "text")

    def __init__(self, kind: int, text: str, bold: bool, link: str | None) -> None:
        self.kind = kind
        self.text = text
        self.bold = bold
        self.link = link


class _Collector:
    """The pieces of one paragraph, the sizes of its text and the text boxes it anchors."""

    __slots__ = ("floating", "parts", "plain", "sizes", "toc")

    def __init__(self, toc: bool) -> None:
        self.parts: list[_Piece] = []
        self.sizes: dict[float, int] = {}
        self.floating: list[_Para] = []
        self.toc = toc
        self.plain = True
        """Only text so far: no tab or break to resolve."""

    def add(self, kind: int, text: str, bold: bool, link: str | None, size: float | None) -> None:
        self.parts.append(_Piece(kind, text, bold, link))
        if kind != _TEXT:
            self.plain = False
        elif size is not None:
            self.sizes[size] = self.sizes.get(size, 0) + len(text)

    def finish(
        self, *, by_line: bool = False
    ) -> tuple[str, tuple[Span, ...], bool, bool, float | None, tuple[tuple[str, tuple[Span, ...]], ...]]:
        """Return (text, spans, page break before the text, page break after it, dominant size, further lines).

        Read `by_line`, each line a line break (``w:br``, ``w:cr``) starts is returned apart, as the
        HTML and Markdown readers return the lines of a ``<br>``; otherwise the break joins its lines.
        """
        sizes = self.sizes
        size = (next(iter(sizes)) if len(sizes) == 1 else max(sizes, key=sizes.__getitem__)) if sizes else None
        if self.plain:
            return (*self._spans(self.parts), False, False, size, ())
        parts = self.parts
        tabs = [piece for piece in parts if piece.kind == _TAB]
        for piece in tabs:
            piece.text = "\t" if not self.toc or piece is tabs[-1] else " "
        for i, piece in enumerate(parts):
            if piece.kind == _LINE:
                piece.text = "\n" if by_line else _line_break(_neighbour(parts, i, -1), _neighbour(parts, i, 1))
        before = after = seen_text = False
        lines: list[list[_Piece]] = [[]]
        for piece in parts:
            if piece.kind == _PAGE:
                if seen_text:
                    after = True
                else:
                    before = True
                continue
            if piece.kind == _LINE and by_line:
                lines.append([])
                continue
            if not piece.text:
                continue
            if not piece.text.isspace():
                seen_text, after = True, False
            lines[-1].append(piece)
        first, *rest = (self._spans(line) for line in lines)
        return (*first, before, after, size, tuple(line for line in rest if line[0]))

    @staticmethod
    def _spans(pieces: list[_Piece]) -> tuple[str, tuple[Span, ...]]:
        """Return the text of the text `pieces`, trimmed, and its spans (equal neighbours merged)."""
        if len(pieces) == 1:
            only = pieces[0]
            text = only.text.strip()
            return (text, (Span(text, only.bold, only.link),)) if text else ("", ())
        start, end = 0, len(pieces)
        while start < end and pieces[start].text.isspace():
            start += 1
        while end > start and pieces[end - 1].text.isspace():
            end -= 1
        if start == end:
            return "", ()
        pieces = pieces[start:end]
        pieces[0].text = pieces[0].text.lstrip()
        pieces[-1].text = pieces[-1].text.rstrip()
        # Equal neighbours are merged by joining each group once: adding run to run made a
        # paragraph of thousands of runs in one style quadratic (16 MB in 5 KB runs: 15 s).
        spans: list[Span] = []
        group: list[str] = []
        style: tuple[bool, str | None] | None = None
        for piece in pieces:
            if spans and (piece.bold, piece.link) == style:
                group.append(piece.text)
            elif piece.text:
                if group:
                    spans[-1] = Span("".join(group), spans[-1].bold, spans[-1].link)
                spans.append(Span(piece.text, piece.bold, piece.link))
                group, style = [piece.text], (piece.bold, piece.link)
        if group:
            spans[-1] = Span("".join(group), spans[-1].bold, spans[-1].link)
        return "".join(span.text for span in spans), tuple(spans)


def _neighbour(parts: list[_Piece], index: int, step: int) -> str:
    """Return the character next to the line break at `index` (step -1: before, +1: after), or ''."""
    index += step
    while 0 <= index < len(parts):
        text = parts[index].text
        if parts[index].kind != _PAGE and text:
            return text[-1] if step < 0 else text[0]
        index += step
    return ""


def _line_break(before: str, after: str) -> str:
    if not before or not after or before.isspace() or after.isspace():
        return ""
    return "" if is_cjk(before) and is_cjk(after) else " "


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_SWITCHES_WITH_ARGUMENT: Final = frozenset({"\\l", "\\o", "\\t", "\\m"})


def _instruction(text: str) -> tuple[str, str | None]:
    """Return the field name of the instruction `text` and, for HYPERLINK, its target."""
    tokens = [quoted if quoted is not None and bare == "" else bare for quoted, bare in _TOKEN.findall(text)]
    if not tokens:
        return "", None
    name = tokens[0].upper()
    if name != "HYPERLINK":
        return name, None
    url = anchor = None
    rest = iter(tokens[1:])
    for token in rest:
        if token in _SWITCHES_WITH_ARGUMENT:
            value = next(rest, None)
            if token == "\\l":
                anchor = value
        elif not token.startswith("\\") and url is None:
            url = token
    if anchor:
        return name, f"{url or ''}#{anchor}"
    return name, url


def _branch(alternate: etree._Element) -> etree._Element | None:
    """Return the one branch of ``mc:AlternateContent`` to read: the choice, unless only the fallback has text."""
    choice = alternate.find(MC_CHOICE)
    fallback = alternate.find(MC_FALLBACK)
    if choice is None:
        return fallback
    if fallback is not None and next(choice.iter(W_T), None) is None and next(fallback.iter(W_T), None) is not None:
        return fallback
    return choice


def _nested_box(box: etree._Element, top: etree._Element) -> bool:
    """Return whether `box` sits in another text box or in an unread fallback below `top`."""
    parent = box.getparent()
    while parent is not None and parent is not top:
        if parent.tag == W_TXBXCONTENT or parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _is_toc_control(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and (gallery.get(W_VAL) or "").lower() == "table of contents"


class BodyReader:
    """Reads the stories of one document (body, text boxes, notes, headers) into paragraphs."""

    def __init__(
        self, styles: Styles, numbering: Numbering, links: dict[str, str], options: ParseOptions, path: str | None
    ) -> None:
        self.styles = styles
        self.numbering = numbering
        self.links = links
        self.limits = options.limits
        self.path = path
        self.blocks: list[Block] = []
        self.dropped: list[Dropped] = []
        self._hidden_pieces: dict[int, list[str]] = {}
        """Hidden text of a record of `dropped` (by index) not yet joined into it."""
        self.note_refs: list[tuple[str, str, int]] = []
        self.comment_refs: dict[str, int] = {}
        """The body index of the first reference to each comment, by comment id."""
        self.chunks: list[tuple[int, str, Provenance]] = []
        """Each altChunk: where its blocks go in ``blocks``, its relationship id, its provenance."""
        self._taken: set[etree._Element] = set()
        """The ``w:t`` of the current body-level element read so far (shown or hidden)."""
        self._index = -1
        self._paragraphs = 0
        self._pending_break = False
        self._section_start: int | None = None
        self._fields: list[_Field] = []
        self._instr_depth = 0
        self._toc_fields = 0
        self._toc_controls = 0
        self._hyperlink: str | None = None
        self._field_link: str | None = None
        self._formats: dict[tuple[str | None, str | None], tuple[bool, float | None, bool]] = {}
        self._sizes: dict[str | None, float | None] = {}
        """Each ``w:sz`` value met (as written) → the size in points it gives, or None."""
        self._provenance: Provenance = Provenance()
        self._started = time.monotonic()
        default = styles.resolve(styles.default_paragraph)
        self._plain_default = default.num_id in (None, 0) and not default.page_break_before

    # -- body -------------------------------------------------------------------------------

    def read_body(self, stream: Readable, part: str) -> None:
        """Read the body of the main document part from `stream` into ``blocks``, freeing as it goes."""
        count = 0
        for element in iter_elements(stream, _BODY_TAGS, part=part, path=self.path):
            if element.tag == W_P:
                self._paragraphs += 1
                if self._paragraphs > self.limits.max_blocks:
                    raise LimitExceededError(
                        f"{part} holds more than {self.limits.max_blocks} paragraphs (limits.max_blocks)",
                        path=self.path,
                    )
            if element.tag == W_BODY:
                for child in element:
                    self._unread(child)  # what follows the last body-level element
                continue
            parent = element.getparent()
            if parent is None or parent.tag != W_BODY:
                continue
            # Free the body's earlier children, read and cleared; a run or text straight in the
            # body is no body-level element and is recorded here, in its place.
            while element.getprevious() is not None:
                self._unread(parent[0])
                del parent[0]
            self._body_element(element)
            self._unread(element)
            element.clear()
            count += 1
            if count % _CLOCK_EVERY == 0 and time.monotonic() - self._started > self.limits.max_seconds:
                raise LimitExceededError(
                    f"reading {part} took longer than {self.limits.max_seconds:g} s (limits.max_seconds)",
                    path=self.path,
                )

    def _body_element(self, element: etree._Element) -> None:
        tag = element.tag
        if tag == W_P:
            self._body_paragraph(element)
        elif tag == W_TBL:
            self._index += 1
            self._provenance = _provenance(self._index)
            self._emit_table(self._table(element))
        elif tag == W_SDT:
            toc = _is_toc_control(element)
            self._toc_controls += toc
            content = element.find(W_SDTCONTENT)
            for child in content if content is not None else ():
                self._body_element(child)
            self._toc_controls -= toc
        elif tag == W_CUSTOMXML:
            for child in element:
                self._body_element(child)
        elif tag == W_SECTPR:
            self._section_break(element)
        elif tag == W_ALTCHUNK:
            self._index += 1
            self.chunks.append((len(self.blocks), element.get(R_ID) or "", _provenance(self._index)))

    def _body_paragraph(self, p: etree._Element) -> None:
        self._index += 1
        if len(p) == 0 and self._plain_default:
            return  # an empty <w:p/>: no text, no number, no break
        self._provenance = _provenance(self._index)
        main, *floating = self._paragraph(p, by_line=True)
        if main.text:
            self._emit(main, after_break=self._pending_break or main.break_before)
            self._pending_break = main.break_after
        else:
            if main.label is not None:
                self.dropped.append(Dropped(text=main.label.text, reason=DropReason.EMPTY, provenance=self._provenance))
            self._pending_break = self._pending_break or main.break_before or main.break_after
        for para in floating:
            self._emit(para, after_break=False)
        if main.section is not None:
            self._section_break(main.section)
            self._section_start = len(self.blocks)

    def _section_break(self, sect: etree._Element) -> None:
        # A sectPr describes the section it ends, including how that section *started*: so the
        # break before the first block of a section is known only at the section's own sectPr.
        start = self._section_start
        self._section_start = None
        kind = sect.find(W_TYPE)
        starts_page = kind is None or (kind.get(W_VAL) or "nextPage") not in _NO_PAGE_BREAK_SECTIONS
        if start is not None and starts_page and start < len(self.blocks):
            self.blocks[start] = dataclasses.replace(self.blocks[start], after_break=True)

    def _emit(self, para: _Para, *, after_break: bool) -> None:
        if para.rows is not None:
            self._emit_table(para.rows, after_break=after_break)
            return
        label = para.label
        heading = para.heading_level
        self.blocks.append(
            Block(
                text=para.text,
                spans=para.spans,
                kind=BlockKind.HEADING if heading is not None else BlockKind.PARAGRAPH,
                label=label.text if label is not None else None,
                heading_level=heading,
                list_depth=label.level + 1 if label is not None and heading is None else 0,
                font_size=para.font_size,
                after_break=after_break,
                provenance=self._provenance,
            )
        )
        for text, spans in para.lines:
            self.blocks.append(
                Block(
                    text=text,
                    spans=spans,
                    kind=BlockKind.PARAGRAPH,
                    list_depth=label.level + 1 if label is not None and heading is None else 0,
                    font_size=para.font_size,
                    continues=True,
                    provenance=self._provenance,
                )
            )

    def _emit_table(self, grid: _Grid, *, after_break: bool | None = None) -> None:
        rows = grid.rows
        if not any(cell for row in rows for cell in row):
            return
        if after_break is None:
            after_break, self._pending_break = self._pending_break, False
        text = "\n".join("\t".join(row) for row in rows)
        self.blocks.append(
            Block(
                text=text,
                spans=(Span(text),),
                kind=BlockKind.TABLE,
                rows=rows,
                merged=grid.merged,
                after_break=after_break,
                provenance=self._provenance,
            )
        )

    # -- stories ----------------------------------------------------------------------------

    @contextmanager
    def _isolated(self) -> Iterator[None]:
        """Read a nested story (text box, note, header) with its own field and link state."""
        saved = (self._fields, self._instr_depth, self._toc_fields, self._hyperlink, self._field_link)
        self._fields, self._instr_depth, self._toc_fields, self._hyperlink, self._field_link = [], 0, 0, None, None
        try:
            yield
        finally:
            self._fields, self._instr_depth, self._toc_fields, self._hyperlink, self._field_link = saved

    def story(self, container: etree._Element, *, numbered: bool = True, notes: bool = True) -> list[_Para]:
        """Return the paragraphs of the story `container` (body, cell, text box, note, header)."""
        out: list[_Para] = []
        for child in container:
            tag = child.tag
            if tag == W_P:
                out.extend(para for para in self._paragraph(child, numbered=numbered, notes=notes) if para.text)
            elif tag == W_TBL:
                grid = self._table(child, numbered=numbered, notes=notes)
                if any(cell for row in grid.rows for cell in row):
                    out.append(_Para(text="\n".join("\t".join(row) for row in grid.rows), spans=(), rows=grid))
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    out.extend(self.story(content, numbered=numbered, notes=notes))
            elif tag == W_CUSTOMXML:
                out.extend(self.story(child, numbered=numbered, notes=notes))
        return out

    def _table(self, table: etree._Element, *, numbered: bool = True, notes: bool = True) -> _Grid:
        """Return a table's cell texts row by row, a merged cell's text at its top-left position, and the merges.

        A cell spanning columns (``gridSpan``) leaves empty strings in the positions it covers; a
        cell continuing a vertical merge (``vMerge`` without ``restart``) is empty and adds a row
        to the merge above it in the same grid column.
        """
        rows: list[tuple[str, ...]] = []
        merges: dict[tuple[int, int], list[int]] = {}  # (row, column) → [rows, columns]
        open_merges: dict[int, tuple[int, int]] = {}  # grid column → the vertical merge open there
        for tr in _children(table, W_TR):
            trpr = tr.find(W_TRPR)
            if trpr is not None and trpr.find(W_DEL) is not None:
                continue  # a row deleted in tracked changes
            before = int_val(trpr.find(W_GRIDBEFORE)) if trpr is not None else None
            cells = [""] * min(max(before or 0, 0), _MAX_SPAN)
            for tc in _children(tr, W_TC):
                tcpr = tc.find(W_TCPR)
                span, merge = 1, None
                if tcpr is not None:
                    span = max(int_val(tcpr.find(W_GRIDSPAN)) or 1, 1)
                    merge = tcpr.find(W_VMERGE)
                continued = merge is not None and merge.get(W_VAL) != "restart"
                column, span = len(cells), min(span, _MAX_SPAN)
                # Read a continuation cell anyway: its paragraphs may advance a list.
                text = "\n".join(para.full_text for para in self.story(tc, numbered=numbered, notes=notes))
                cells.append("" if continued else text)
                cells.extend([""] * (span - 1))
                if continued and column in open_merges:
                    merges[open_merges[column]][0] += 1
                    continue
                open_merges.pop(column, None)
                if merge is not None or span > 1:
                    merges[(len(rows), column)] = [1, span]
                    if merge is not None:
                        open_merges[column] = (len(rows), column)
            rows.append(tuple(cells))
        merged = tuple((r, c, n, m) for (r, c), (n, m) in merges.items() if n > 1 or m > 1)
        return _Grid(tuple(rows), merged)

    # -- paragraphs and runs ----------------------------------------------------------------

    def _paragraph(
        self, p: etree._Element, *, numbered: bool = True, notes: bool = True, by_line: bool = False
    ) -> list[_Para]:
        """Return the paragraph `p` followed by the paragraphs of the text boxes it anchors."""
        style_id = outline = page_break = num_pr = section = None
        # One pass over the paragraph properties: lxml's find() costs more than a child loop.
        ppr = p[0] if len(p) and p[0].tag == W_PPR else None
        if ppr is not None:
            for prop in ppr:
                tag = prop.tag
                if tag == W_PSTYLE:
                    style_id = prop.get(W_VAL)
                elif tag == W_NUMPR:
                    num_pr = prop
                elif tag == W_OUTLINELVL:
                    outline = int_val(prop)
                elif tag == W_PAGEBREAKBEFORE:
                    page_break = on_off(prop)
                elif tag == W_SECTPR:
                    section = prop
        if style_id is None:
            style_id = self.styles.default_paragraph
        style = self.styles.resolve(style_id)
        label = self.numbering.label_for(num_pr, style_id) if numbered else None
        collector = _Collector(toc=style.is_toc or self._toc_controls > 0 or self._toc_fields > 0)
        self._inline(p, collector, style_id, style, notes)
        if self._fields:
            self._close_dangling_fields(collector)
        heading = None
        if not collector.toc:
            if outline is None:
                outline = style.outline_level
            heading = (outline + 1 if 0 <= outline <= 8 else None) if outline is not None else style.heading_level
        # A body paragraph is read by line, as a page shows it: "Date: …" and "Location: …" on two lines
        # of one paragraph are two lines (normalize joins back a line that only wraps a sentence). A
        # heading, a TOC entry and a cell keep their lines together.
        by_line = by_line and heading is None and not collector.toc
        text, spans, before, after, size, lines = collector.finish(by_line=by_line)
        if page_break or (page_break is None and style.page_break_before):
            before = True
        if not text and lines:
            (text, spans), *rest = lines
            lines = tuple(rest)
        para = _Para(text, spans, label, heading, size, before, after, section=section, lines=lines)
        return [para, *collector.floating] if collector.floating else [para]

    def _close_dangling_fields(self, collector: _Collector) -> None:
        # A field whose instruction runs past its paragraph is broken: show what follows rather
        # than hide the rest of the document.
        for current in self._fields:
            if not current.in_result:
                self._separate(current, collector)

    def _inline(
        self, parent: etree._Element, out: _Collector, style_id: str | None, style: ResolvedStyle, notes: bool
    ) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, out, style_id, style, notes)
            elif tag in _TRANSPARENT:
                self._inline(child, out, style_id, style, notes)
            elif tag == W_HYPERLINK:
                saved = self._hyperlink
                self._hyperlink = self._hyperlink_target(child)
                self._inline(child, out, style_id, style, notes)
                self._hyperlink = saved
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._inline(content, out, style_id, style, notes)
            elif tag == W_FLDSIMPLE:
                _name, link = _instruction(child.get(f"{W}instr") or "")
                saved = self._hyperlink
                if link is not None:
                    self._hyperlink = link
                self._inline(child, out, style_id, style, notes)
                self._hyperlink = saved
            elif tag == MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, out, style_id, style, notes)
            elif (tag in (M_OMATHPARA, M_OMATH)) and self._instr_depth == 0:
                math = "".join(t.text or "" for t in child.iter(M_T))
                out.add(_TEXT, math, False, self._hyperlink or self._field_link, None)

    def _run_format(
        self, rpr: etree._Element | None, style_id: str | None, style: ResolvedStyle
    ) -> tuple[bool, float | None, bool]:
        """Return (bold, size, hidden) of a run with properties `rpr` in a paragraph of style `style_id`."""
        character = bold = size = hidden = None
        if rpr is not None:
            for prop in rpr:
                tag = prop.tag
                if tag == W_RSTYLE:
                    character = prop.get(W_VAL)
                elif tag == W_B:
                    bold = on_off(prop)
                elif tag == W_SZ:
                    # A document sets a few sizes on tens of thousands of runs: each value is parsed once.
                    raw = prop.get(W_VAL)
                    if raw in self._sizes:
                        size = self._sizes[raw]
                    else:
                        half_points = int_attr(raw)
                        size = half_points / 2 if half_points else None
                        if len(self._sizes) < _MAX_SIZES:
                            self._sizes[raw] = size
                elif tag == W_VANISH:
                    hidden = on_off(prop)
        key = (character, style_id)
        base = self._formats.get(key)
        if base is None:
            char = self.styles.resolve(character) if character is not None else None
            base_bold = _pick(char.bold if char else None, style.bold, self.styles.default_bold)
            base_size = char.size if char is not None and char.size is not None else style.size
            base_hidden = _pick(char.hidden if char else None, style.hidden, False)
            base = (
                bool(base_bold),
                base_size if base_size is not None else self.styles.default_size,
                bool(base_hidden),
            )
            self._formats[key] = base
        if bold is None and size is None and hidden is None:
            return base
        return (
            base[0] if bold is None else bold,
            base[1] if size is None else size,
            base[2] if hidden is None else hidden,
        )

    def _run(
        self,
        run: etree._Element,
        out: _Collector,
        style_id: str | None,
        style: ResolvedStyle,
        notes: bool,
        run_format: tuple[bool, float | None, bool] | None = None,
    ) -> None:
        """Read the content of the run `run` (or of a branch inside it, with the run's `run_format`)."""
        children = iter(run)
        if run_format is None:
            first = run[0] if len(run) else None
            if first is not None and first.tag == W_RPR:
                # The schema puts rPr first: read it before the run's content, and only once.
                run_format = self._run_format(first, style_id, style)
                next(children)
            else:
                run_format = self._run_format(None, style_id, style)
        for child in children:
            tag = child.tag
            if tag in _RUN_MARKS:
                if self._instr_depth == 0:  # a field's instruction is never text
                    self._mark(child, tag, out, run_format)
            elif tag == W_FLDCHAR:
                self._field_char(child, out)
            elif tag == W_INSTRTEXT:
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].instruction.append(child.text or "")
            elif tag in _REFERENCES:
                self._reference(child, tag, notes)
            elif tag in (W_DRAWING, W_PICT, W_OBJECT):
                self._text_boxes(child, out)
            elif tag == MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self._run(branch, out, style_id, style, notes, run_format)
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self._inline(base, out, style_id, style, notes)

    def _mark(
        self, child: etree._Element, tag: str, out: _Collector, run_format: tuple[bool, float | None, bool]
    ) -> None:
        """Add what one text mark of a run (text, tab, break, hyphen, symbol) prints; hidden text is dropped."""
        bold, size, hidden = run_format
        link = self._hyperlink or self._field_link
        if tag == W_T:
            if child.text:
                self._taken.add(child)
                if hidden:
                    self._hidden(child.text)
                else:
                    out.add(_TEXT, child.text, bold, link, size)
        elif tag == W_BR:  # a hidden break still breaks the line
            out.add(_PAGE if child.get(W_TYPE) == "page" else _LINE, "", bold, link, None)
        elif hidden:
            return
        elif tag in (W_TAB, W_PTAB):
            out.add(_TAB, "\t", bold, link, None)
        elif tag == W_CR:
            out.add(_LINE, "", bold, link, None)
        elif tag == W_NOBREAKHYPHEN:
            out.add(_TEXT, "-", bold, link, size)
        elif char := symbol_char(child.get(f"{W}char"), child.get(f"{W}font")):  # W_SYM
            out.add(_TEXT, char, bold, link, size)

    def _reference(self, child: etree._Element, tag: str, notes: bool) -> None:
        """Note where a comment, footnote or endnote is referenced: their texts are recorded as dropped there."""
        if tag == W_COMMENTREF:
            self.comment_refs.setdefault(child.get(W_ID) or "", self._index)
        elif notes and child.get(W_ID) is not None:
            kind_name = "footnote" if tag == W_FOOTNOTEREF else "endnote"
            self.note_refs.append((kind_name, child.get(W_ID) or "", self._index))

    def _unread(self, element: etree._Element) -> None:
        """Record as hidden every ``w:t`` of `element` the reader did not take, so none vanishes.

        That is text where Word shows none (outside any run of a paragraph, inside a field
        instruction or a deleted table row) and the annotation of a ruby (pinyin set above the
        base text, which is read). The second copy of ``mc:AlternateContent`` and moved-away text
        are copies, not text.
        """
        taken = self._taken
        for text in element.iter(W_T):
            # Taken first: most are, and the set asks no string of lxml (``text.text`` makes one).
            if text not in taken and text.text and not _is_copy(text, element):
                self._hidden(text.text)
        taken.clear()

    def _hidden(self, text: str) -> None:
        """Record the text of a hidden run (``w:vanish``) as dropped, one record per paragraph.

        The pieces of a record are kept aside and joined once (`join_hidden`): rebuilt at every
        run, 80,000 hidden runs in one paragraph took quadratic time.
        """
        last = self.dropped[-1] if self.dropped else None
        index = len(self.dropped) - 1
        if last is not None and last.reason is DropReason.HIDDEN and last.provenance == self._provenance:
            self._hidden_pieces.setdefault(index, [last.text]).append(text)
        else:
            self.dropped.append(Dropped(text=text, reason=DropReason.HIDDEN, provenance=self._provenance))

    def join_hidden(self) -> None:
        """Give each hidden-text record the pieces kept aside for it."""
        for index, pieces in self._hidden_pieces.items():
            record = self.dropped[index]
            self.dropped[index] = Dropped(text="".join(pieces), reason=record.reason, provenance=record.provenance)
        self._hidden_pieces.clear()

    def _text_boxes(self, element: etree._Element, out: _Collector) -> None:
        for box in element.iter(W_TXBXCONTENT):
            if _nested_box(box, element):
                continue
            with self._isolated():
                for para in self.story(box):
                    out.floating.append(para)

    def _field_char(self, element: etree._Element, out: _Collector) -> None:
        kind = element.get(f"{W}fldCharType")
        if kind == "begin":
            if len(self._fields) < _MAX_FIELD_DEPTH:
                self._fields.append(_Field())
                self._instr_depth += 1
        elif kind == "separate":
            if self._fields and not self._fields[-1].in_result:
                self._separate(self._fields[-1], out)
        elif kind == "end" and self._fields:
            current = self._fields.pop()
            if not current.in_result:
                self._instr_depth -= 1
            elif current.name == "TOC":
                self._toc_fields -= 1
            self._field_link = next((f.link for f in reversed(self._fields) if f.link and f.in_result), None)

    def _separate(self, current: _Field, out: _Collector) -> None:
        current.in_result = True
        self._instr_depth -= 1
        current.name, current.link = _instruction("".join(current.instruction))
        if current.name == "TOC":
            self._toc_fields += 1
            out.toc = True
        if current.link is not None:
            self._field_link = current.link

    def _hyperlink_target(self, element: etree._Element) -> str | None:
        target = self.links.get(element.get(R_ID) or "")
        anchor = element.get(f"{W}anchor")
        if anchor:
            return f"{target or ''}#{anchor}"
        return target

    # -- furniture --------------------------------------------------------------------------

    def furniture(self, root: etree._Element, reason: DropReason, seen: set[str]) -> None:
        """Record the text of the header or footer `root` in ``dropped``, once per distinct text."""
        with self._isolated():
            paras = self.story(root, numbered=False, notes=False)
        for para in paras:
            if para.full_text not in seen:
                seen.add(para.full_text)
                self.dropped.append(Dropped(text=para.full_text, reason=reason))
        for path in root.iter(V_TEXTPATH):
            text = (path.get("string") or "").strip()
            if text and text not in seen:
                seen.add(text)
                self.dropped.append(Dropped(text=text, reason=DropReason.WATERMARK))

    def comments(self, root: etree._Element) -> None:
        """Record the text of every comment of the comments part `root` in ``dropped`` as ``comment``."""
        for comment in root.iterchildren(W_COMMENT):
            with self._isolated():
                paras = self.story(comment, numbered=False, notes=False)
            text = "\n".join(para.full_text for para in paras)
            if text:
                index = self.comment_refs.get(comment.get(W_ID) or "")
                where = Provenance() if index is None else _provenance(max(index, 0))
                self.dropped.append(Dropped(text=text, reason=DropReason.COMMENT, provenance=where))

    def notes(self, roots: dict[str, etree._Element | None]) -> list[Diagnostic]:
        """Record the referenced footnotes and endnotes in ``dropped`` → DP104 diagnostics."""
        texts: dict[tuple[str, str], str] = {}
        for kind, root in roots.items():
            if root is None:
                continue
            for note in root.iterchildren(f"{W}{kind}"):
                if note.get(W_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                with self._isolated():
                    paras = self.story(note, numbered=False, notes=False)
                texts[(kind, note.get(W_ID) or "")] = "\n".join(para.full_text for para in paras)
        diagnostics: list[Diagnostic] = []
        done: set[tuple[str, str]] = set()
        for kind, note_id, index in self.note_refs:
            text = texts.get((kind, note_id))
            if not text or (kind, note_id) in done:
                continue
            done.add((kind, note_id))
            where = Provenance(paragraph_start=max(index, 0), paragraph_end=max(index, 0))
            self.dropped.append(Dropped(text=text, reason=DropReason.FOOTNOTE, provenance=where))
            diagnostics.append(
                make_diagnostic(
                    "footnote-set-apart",
                    f"The text of {kind} {note_id} was kept out of paragraph {index} that references it.",
                    where,
                )
            )
        return diagnostics


def _is_copy(element: etree._Element, top: etree._Element) -> bool:
    """Return whether `element`, inside `top`, is in a copy of text held elsewhere (alternate content, moved text)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _COPIES:
            return True
        if ancestor is top:
            break
    return top.tag in _COPIES


def _provenance(index: int) -> Provenance:
    # (model_construct would skip validation, but it is slower than validating two ints.)
    return Provenance(paragraph_start=index, paragraph_end=index)


def _pick(*values: bool | None) -> bool | None:
    for value in values:
        if value is not None:
            return value
    return None


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Yield the `tag` children of `parent`, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W_CUSTOMXML:
            yield from _children(child, tag)
