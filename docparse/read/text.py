"""Text reader: plain text and Markdown → blocks, one block per source line, via markdown-it-py.

Markdown syntax (emphasis, links, lists, headings, tables, HTML) is parsed by markdown-it-py,
never by regexes over Markdown. Each line of a paragraph becomes its own block
(``continues=True`` after the first) so that the segmenter can see numbering at the start of a
line even inside what Markdown calls one paragraph (a TOC written as consecutive lines);
the normalizer joins the continuation lines that do not start anything new.

HTML in Markdown is read as the page it renders to (CommonMark renders an HTML block as it is):
each run of HTML blocks with nothing but blank lines between goes, as one element tree, through the
HTML reader's walker (`docparse.read.html.read_fragment`), which gives its headings, lists, tables
and paragraphs, and drops its comments, scripts and hidden elements with their reason; inline
``<b>``/``<strong>``, ``<a href>`` and ``<br>`` style and break the text (`docparse.read.html.inline_tag`).

A line no token reads is never lost: a link reference definition is recorded as dropped
``markup``; text nested deeper than MAX_NESTING containers, which markdown-it skips, becomes a
block of its own, as written.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken

from docparse.blocks import Block, BlockKind, Reading, Span, all_bold, bold_question, head_with_title
from docparse.diagnostics import make_diagnostic
from docparse.errors import LimitExceededError
from docparse.model.document import Dropped, DropReason
from docparse.model.provenance import Provenance
from docparse.options import ParseOptions
from docparse.read import metadata
from docparse.read.encoding import decode
from docparse.vocab.chars import without_surrogates
from docparse.vocab.families import match_numbering
from docparse.vocab.lazy import lazy

if TYPE_CHECKING:
    from docparse.read.html import InlineTag

# Suspicious characters after decoding: the replacement character and private-use code points.
_SUSPICIOUS = lazy(r"[\ufffd\p{Co}]")
# An emoji shortcode (GitHub's ":nut_and_bolt:"): markup that renders as a picture, not text.
EMOJI_SHORTCODE = lazy(r"(?<![\w:]):[a-z0-9_+\-]{2,40}:(?![\w:])")
# A line break that an inline ``<br>`` makes inside one source line (the run stands for it in `_spans`):
# markdown-it replaces every NUL, typed or as ``&#0;``, with U+FFFD, so no text run is this.
_TAG_BREAK = "\x00"
_BREAKS = frozenset({"\n", _TAG_BREAK})

# markdown-it stops at this many nested containers and skips what lies deeper without a trace
# (its default of 20 is ten lists deep); the lines it skips are still read (`_Walker._skipped`).
MAX_NESTING = 100
# markdown-it builds three tokens and a list of children for every table cell: 8,000 columns of 40
# rows took 4 CPU s and 560 MB, 49,000 columns 3 GB. A call's largest tables hold a few thousand
# cells; a table past this many is read as plain lines, with a `read-as-plain-text` diagnostic.
MAX_TABLE_CELLS = 50_000
# Each `[` makes markdown-it look for the end of a link label ahead: 90,000 of them in one paragraph
# took 4-9 CPU s (`[` on a line or on 90,000 lines, `![`). A call's paragraph holds a few dozen; one
# with more than this many is read as plain lines, with a `read-as-plain-text` diagnostic.
MAX_PARAGRAPH_BRACKETS = 2_000
PlainLine = tuple[int, str, bool]
"""A line set apart to read as plain text: its number (from 1), its text, whether it continues the line before."""
_DELIMITER_ROW = lazy(r"^ {0,3}\|?(?:\s*:?-+:?\s*\|)+(?:\s*:?-+:?\s*)?$")
# Tokens whose source lines are read; containers (lists, quotes) are not: what markdown-it skips
# inside them past MAX_NESTING must show as lines no token covers.
_LEAVES = frozenset(
    {"inline", "paragraph_open", "heading_open", "table_open", "html_block", "hr", "fence", "code_block"}
)


@functools.cache
def _markdown() -> MarkdownIt:
    # Indented code blocks are off: plain-text calls indent paragraphs with spaces, and a call
    # never carries code that matters to its outline. Tables (GFM) are on.
    return MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING}).enable("table").disable("code")


def read_text(data: bytes, *, options: ParseOptions, name: str | None = None, markdown: bool = False) -> Reading:
    """Return the blocks of a text or Markdown file given as bytes."""
    decoded = decode(data, path=name)
    reading = read_string(decoded.text, options=options, markdown=markdown)
    reading.encoding = decoded.encoding
    if decoded.fallback:
        reading.diagnostics.insert(
            0, make_diagnostic("encoding-fallback", f"decoded as {decoded.encoding}: the input is not UTF-8")
        )
    return reading


def read_markdown(data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading:
    """Return the blocks of a Markdown file given as bytes."""
    return read_text(data, options=options, name=name, markdown=True)


def read_string(text: str, *, options: ParseOptions, markdown: bool = False) -> Reading:
    """Return the blocks of a text already decoded to `str`."""
    # A `str` from the caller may hold lone surrogates (decoded with surrogateescape, cut JSON):
    # they become U+FFFD, which the suspicious-characters diagnostic counts.
    text = without_surrogates(text)
    _check_line_lengths(text, options)
    reading = Reading(blocks=[], format="markdown" if markdown else "text")
    _check_characters(text, reading)
    lines = text.splitlines()
    front = metadata.front_matter(lines)
    if front is not None:
        # Parsed as Markdown, the fences would be a rule and a setext heading: blank them out
        # (line numbers stay), record the lines as markup, and head the text with its title.
        end, values = front
        text = "\n" * end + "\n".join(lines[end:])
        reading.metadata = metadata.make(values)
    walker = _Walker(reading, options, deadline=time.monotonic() + options.limits.max_seconds)
    plain: list[PlainLine] = []
    if markdown:
        text, plain = _set_apart_large_tables(text, reading)
        text, crowded = _set_apart_crowded_paragraphs(text, reading)
        plain = sorted(plain + crowded)
    tokens = _markdown().parse(text)
    walker.skipped = _uncovered(tokens, text.splitlines())
    walker.walk(tokens, text.splitlines())
    if plain:
        _insert_plain_lines(reading, plain)
    if front is not None:
        _place_front_matter(reading, lines[: front[0]], reading.metadata.title)
    return reading


def _set_apart_large_tables(text: str, reading: Reading) -> tuple[str, list[PlainLine]]:
    """Return `text` with each table over `MAX_TABLE_CELLS` blanked out (line numbers kept), and its lines as
    ``(line number, text)`` to read as plain lines; add a `read-as-plain-text` diagnostic per table."""
    if "-" not in text or "|" not in text:
        return text, []
    lines = text.split("\n")
    plain: list[PlainLine] = []
    index = 1
    while index < len(lines):
        line = lines[index]
        if "|" not in line or "-" not in line or not _DELIMITER_ROW.match(line) or "|" not in lines[index - 1]:
            index += 1
            continue
        columns = line.strip().strip("|").count("|") + 1
        end = index + 1
        while end < len(lines) and lines[end].strip() and "|" in lines[end]:
            end += 1
        cells = columns * (end - index)  # the header row and the body rows
        if cells <= MAX_TABLE_CELLS:
            index = end
            continue
        start = index - 1
        what = f"a table of {columns} columns and {end - index - 1} rows ({cells} cells, over the parser's budget"
        _set_apart(lines, start, end, plain, reading, f"{what} of {MAX_TABLE_CELLS})", paragraph=False)
        index = end
    return "\n".join(lines), plain


def _set_apart_crowded_paragraphs(text: str, reading: Reading) -> tuple[str, list[PlainLine]]:
    """Return `text` with each paragraph of more than `MAX_PARAGRAPH_BRACKETS` ``[`` blanked out (line numbers kept),
    and its lines as ``(line number, text)`` to read as plain lines; add a `read-as-plain-text` diagnostic each."""
    if text.count("[") <= MAX_PARAGRAPH_BRACKETS:
        return text, []
    lines = text.split("\n")
    plain: list[PlainLine] = []
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        end = start
        brackets = 0
        while end < len(lines) and lines[end].strip():
            brackets += lines[end].count("[")
            end += 1
        if brackets > MAX_PARAGRAPH_BRACKETS:
            what = f"a paragraph of {brackets} link or image openers ('['), over the parser's budget"
            _set_apart(lines, start, end, plain, reading, f"{what} of {MAX_PARAGRAPH_BRACKETS},", paragraph=True)
        start = end
    return "\n".join(lines), plain


def _set_apart(
    lines: list[str], start: int, end: int, plain: list[PlainLine], reading: Reading, what: str, *, paragraph: bool
) -> None:
    """Move lines `start`–`end` to `plain` (numbered from 1), blank them in `lines`, and say why (DP113).

    The lines of a `paragraph` are read as the lines of a paragraph markdown-it reads: each after
    the first continues the one before (the normalizer joins those that start nothing new).
    """
    plain.extend((number + 1, lines[number], paragraph and number > start) for number in range(start, end))
    reading.diagnostics.append(
        make_diagnostic("read-as-plain-text", f"lines {start + 1}-{end}: {what} read as plain lines")
    )
    lines[start:end] = [""] * (end - start)


def _insert_plain_lines(reading: Reading, plain: list[PlainLine]) -> None:
    """Insert a PARAGRAPH block for each non-blank line of `plain` where its line number puts it among the blocks."""
    made = [
        Block(
            text=line.strip(),
            spans=(Span(line.strip()),),
            continues=continues,
            provenance=Provenance(line_start=number, line_end=number),
        )
        for number, line, continues in plain
        if line.strip()
    ]
    out: list[Block] = []
    pending = iter(made)
    block = next(pending, None)
    for existing in reading.blocks:
        where = existing.provenance.line_start
        while (
            block is not None
            and where is not None
            and block.provenance.line_start is not None
            and (block.provenance.line_start < where)
        ):
            out.append(block)
            block = next(pending, None)
        out.append(existing)
    while block is not None:
        out.append(block)
        block = next(pending, None)
    reading.blocks[:] = out


def _place_front_matter(reading: Reading, lines: list[str], title: str | None) -> None:
    """Head the blocks with the front matter's title (unless a heading repeats it); record its lines as markup."""
    title_line = metadata.front_title_line(lines)
    placed = title is not None and title_line is not None
    if placed:
        assert title is not None and title_line is not None
        placed = head_with_title(reading.blocks, title, Provenance(line_start=title_line + 1, line_end=title_line + 1))
    # The title's line is markup but for its value, which is now the heading: its key stays here.
    key = metadata.front_title_key
    texts = [(key(line) if placed and i == title_line else line.strip(), i) for i, line in enumerate(lines)]
    reading.dropped[:0] = [
        Dropped(text=text, reason=DropReason.MARKUP, provenance=Provenance(line_start=i + 1, line_end=i + 1))
        for text, i in texts
        if text
    ]


def _check_line_lengths(text: str, options: ParseOptions) -> None:
    # A call has paragraphs of a few thousand characters; a line of millions is a data dump
    # or an attack, and Markdown inline parsing of it would take minutes.
    limit = options.limits.max_line_chars
    longest = max(map(len, text.splitlines()), default=0)
    if longest > limit:
        raise LimitExceededError(f"a line of {longest} characters, over the limit of {limit} (limits.max_line_chars)")


def _check_characters(text: str, reading: Reading) -> None:
    bad = len(_SUSPICIOUS.findall(text))
    if bad:
        reading.diagnostics.append(
            make_diagnostic("suspicious-characters", f"{bad} replacement or private-use character(s) in the text")
        )


def _uncovered(tokens: list[MdToken], lines: list[str]) -> list[int]:
    """Return the 0-based numbers of the lines with content that no token read, in order.

    They are link reference definitions (markdown-it keeps them aside) and whatever lies deeper
    than MAX_NESTING containers.
    """
    covered = bytearray(len(lines))
    for token in tokens:
        if token.type in _LEAVES and token.map:
            start, end = token.map
            covered[start:end] = b"\x01" * (min(end, len(lines)) - start)
    return [i for i, line in enumerate(lines) if not covered[i] and any(ch.isalnum() for ch in line)]


def _auto_numbered(tokens: list[MdToken], start: int) -> bool:
    """Return whether the ordered list opening at `tokens[start]` is tight and types `1` for every item.

    That is Markdown's auto-numbering (`1.` `1.` `1.` renders 1, 2, 3). Another number typed before
    every item (`2)` `2)`) is the author's own numbering, a repeated one included: it is kept as printed
    (and `docparse check` reports the repeat), so that the Markdown export reads back as it was written.
    """
    depth = 0
    numbers: set[str] = set()
    items = 0
    for token in tokens[start:]:
        depth += (
            token.nesting
            if token.type in ("ordered_list_open", "ordered_list_close", "bullet_list_open", "bullet_list_close")
            else 0
        )
        if depth == 0:
            break
        if depth == 1 and token.type == "list_item_open":
            numbers.add(token.info)
            items += 1
        if depth == 1 and token.type == "paragraph_open" and not token.hidden:
            return False  # a loose list: items apart, as plain text sets its clauses
    return items > 1 and numbers == {"1"}


@dataclass
class _ListFrame:
    ordered: bool
    markup: str
    label: str | None = None
    first_paragraph: bool = True
    items: int = 0
    start: int = 1
    """The first item's number: CommonMark renders the list from it, counting up."""
    auto: bool = False
    """The list is auto-numbered: tight, and one number typed before every item (`1.` `1.` `1.`)."""


@dataclass
class _Walker:
    reading: Reading
    options: ParseOptions
    lists: list[_ListFrame] = field(default_factory=list)
    heading_level: int | None = None
    skipped: list[int] = field(default_factory=list)
    """Lines no token read (`_uncovered`), not yet emitted."""
    lines: list[str] = field(default_factory=list)
    """The source lines, to see how a continuation line is indented."""
    deadline: float = float("inf")
    """When the time budget (limits.max_seconds) runs out, for the HTML blocks the page walker reads."""

    def walk(self, tokens: list[MdToken], lines: list[str]) -> None:
        self.lines = lines
        self.skipped.reverse()
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if token.map and self.skipped:
                self._skipped(lines, before=token.map[0])
            if kind in ("bullet_list_open", "ordered_list_open"):
                frame = _ListFrame(kind == "ordered_list_open", token.markup)
                frame.auto = frame.ordered and _auto_numbered(tokens, i)
                self.lists.append(frame)
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                frame = self.lists[-1]
                frame.label = self._item_label(frame, token)
                frame.first_paragraph = True
            elif kind == "heading_open":
                self.heading_level = int(token.tag[1:])
            elif kind == "heading_close":
                self.heading_level = None
            elif kind == "inline":
                self._inline(token)
            elif kind == "table_open":
                i = self._table(tokens, i)
            elif kind == "html_block" and _read_as_html(token):
                i = self._html(tokens, i)
            elif kind in ("html_block", "hr", "fence", "code_block"):
                self._verbatim(token, lines)
            i += 1
        self._skipped(lines, before=len(lines))
        self._check_limit()

    def _skipped(self, lines: list[str], *, before: int) -> None:
        """Read the lines no token covers that come before line `before`: definitions are markup, the rest text."""
        while self.skipped and self.skipped[-1] < before:
            index = self.skipped.pop()
            text = lines[index].strip()
            where = Provenance(line_start=index + 1, line_end=index + 1)
            env: dict[str, object] = {}
            # A definition starts with its label in brackets (CommonMark 4.7); nothing else is parsed again.
            if text.startswith("[") and not _markdown().parse(text, env) and env.get("references"):
                self.reading.dropped.append(Dropped(text=text, reason=DropReason.MARKUP, provenance=where))
            else:
                # Text markdown-it skipped (nested past MAX_NESTING): kept as written, markers and all.
                self.reading.blocks.append(Block(text=text, spans=(Span(text),), provenance=where))

    def _item_label(self, frame: _ListFrame, token: MdToken) -> str:
        """Return an item's label as a reader sees it: an auto-numbered list counts up from its start.

        `1.` typed before every item of a tight list (Markdown's auto-numbering) renders 1, 2, 3:
        the number a web page, and the same call as HTML or Word, shows; the number typed is kept as
        dropped markup. Any other list keeps the numbers typed: `1) 2) 4)` is a gap its author made
        (and `docparse check` reports), and plain text read as Markdown numbers its clauses by hand.
        """
        if not frame.ordered:
            return token.markup
        if not frame.auto:
            return f"{token.info}{token.markup}"
        if frame.items == 0 and token.info.isdigit():
            frame.start = int(token.info)
        number = frame.start + frame.items
        frame.items += 1
        if str(number) != token.info and token.map:
            where = Provenance(line_start=token.map[0] + 1, line_end=token.map[0] + 1)
            self.reading.dropped.append(
                Dropped(text=f"{token.info}{token.markup}", reason=DropReason.MARKUP, provenance=where)
            )
        return f"{number}{token.markup}"

    def _label(self) -> str | None:
        if not self.lists or self.heading_level is not None:
            return None
        frame = self.lists[-1]
        if not frame.first_paragraph:
            return None
        frame.first_paragraph = False
        return frame.label

    def _html(self, tokens: list[MdToken], i: int) -> int:
        """Read the HTML blocks from `tokens[i]` on, as one page body; return the index of the last one read.

        CommonMark ends an HTML block at a blank line, so ``<div>`` … blank … ``</div>`` comes as
        several html_block tokens: those that follow one another with nothing but blank lines
        between are one fragment, one element tree. Markdown between two HTML blocks ends the run:
        it is read as Markdown, in its place, and the HTML on each side as a tree of its own (an
        element left open is closed at the end of its run, as a browser closes it at the end of a page).
        """
        # Imported here: a file without HTML blocks never loads lxml.
        from docparse.read.html import read_fragment

        # The page walker looks at the clock every few hundred elements of one tree; a file of many
        # small HTML blocks is looked at once a block.
        if time.monotonic() > self.deadline:
            raise LimitExceededError(f"reading took more than {self.options.limits.max_seconds} s (limits.max_seconds)")

        end = i
        while end + 1 < len(tokens) and _joins(tokens[end], tokens[end + 1], self.lines):
            end += 1
        opening = tokens[i].map
        first = opening[0] if opening else 0
        text, line = "", first
        for token in tokens[i : end + 1]:
            start = token.map[0] if token.map else line
            content = token.content if token.content.endswith("\n") else token.content + "\n"
            text += "\n" * max(start - line, 0) + content
            line = max(start, line) + content.count("\n")
        fragment = read_fragment(text, options=self.options, first_line=first + 1, deadline=self.deadline)
        label = self._label()
        depth = len(self.lists)
        for number, block in enumerate(fragment.blocks):
            if number == 0 and label is not None and block.label is None and block.kind is BlockKind.PARAGRAPH:
                block = replace(block, label=label)
                label = None
            self.reading.blocks.append(replace(block, list_depth=block.list_depth + depth) if depth else block)
        if label is not None:  # a list item holding nothing but markup: its label alone
            where = Provenance(line_start=first + 1, line_end=first + 1)
            self.reading.blocks.append(Block(text="", label=label, list_depth=depth, provenance=where))
        if not fragment.blocks and not fragment.dropped and text.strip():
            # Markup alone (``<img …>``, a lone ``</div>``): recorded as written, so that it shows.
            closing = tokens[end].map
            end_line = closing[1] if closing else first + 1
            where = Provenance(line_start=first + 1, line_end=max(end_line, first + 1))
            self.reading.dropped.append(Dropped(text=text.strip(), reason=DropReason.MARKUP, provenance=where))
        self.reading.dropped.extend(fragment.dropped)
        self.reading.diagnostics.extend(fragment.diagnostics)
        return end

    def _inline(self, token: MdToken) -> None:
        first_line = (token.map[0] + 1) if token.map else 1
        label = self._label()
        depth = len(self.lists)
        last_offset = 0
        tag_breaks = 0
        asked = False
        for index, (offset, spans, after_tag) in enumerate(
            _split_lines(token.children or [], self.reading, first_line)
        ):
            line = first_line + offset
            tag_breaks += after_tag
            # A part after a `<br>` on the same source line starts no source line of its own.
            new_line, last_offset = offset > last_offset, offset
            # A list item's continuation line that starts at the margin is a "lazy" line
            # (CommonMark 5.2): in hard-wrapped text (a PDF's text saved as .txt) it is running
            # text after the list, not inside it, so what it opens is not nested in the item.
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            lazy = new_line and depth > 0 and source[:1] not in (" ", "\t", "")
            if self.heading_level:
                spans = self._drop_shortcodes(spans, line)
            text = "".join(span.text for span in spans)
            # A line that a typed bullet opens inside a list item (``- – 难点与挑战`` over ``  – 交通标志…``)
            # is an item under the item, as its indentation shows, not more of the item's text.
            nested = new_line and depth > 0 and not lazy and _typed_bullet(text)
            if not text.strip() and not (index == 0 and label):
                continue
            # Two `<br>` with no text between leave a blank line on the page: a new paragraph.
            broken = tag_breaks >= 1
            blank, tag_breaks = tag_breaks >= 2, 0
            # A question wholly in bold that a line break ends (``**What is an FRP?**<br/>`` over its answer) is
            # set apart on its own line: its answer starts a paragraph (a bold ``**@alice**`` handle does not).
            blank = blank or (broken and asked and not all_bold(tuple(spans)))
            asked = bold_question(tuple(spans))
            self.reading.blocks.append(
                Block(
                    text=text,
                    spans=tuple(spans),
                    kind=BlockKind.HEADING if self.heading_level else BlockKind.PARAGRAPH,
                    label=label if index == 0 else None,
                    heading_level=self.heading_level,
                    list_depth=0 if lazy else depth + nested,
                    continues=index > 0 and not blank,
                    line_break=index > 0 and not blank and broken,
                    provenance=Provenance(line_start=line, line_end=line),
                )
            )

    def _drop_shortcodes(self, spans: list[Span], line: int) -> list[Span]:
        """Return the spans of a heading line without emoji shortcodes, each recorded as dropped markup."""
        out: list[Span] = []
        for span in spans:
            if span.link is None and EMOJI_SHORTCODE.search(span.text):
                for code in EMOJI_SHORTCODE.findall(span.text):
                    self.reading.dropped.append(
                        Dropped(
                            text=code, reason=DropReason.MARKUP, provenance=Provenance(line_start=line, line_end=line)
                        )
                    )
                span = Span(EMOJI_SHORTCODE.sub("", span.text), span.bold, span.link)
            out.append(span)
        if out:
            out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].link)
        return out

    def _table(self, tokens: list[MdToken], i: int) -> int:
        where = tokens[i].map or [0, 1]
        start, end = where[0] + 1, where[1]
        rows: list[tuple[str, ...]] = []
        spans: list[tuple[tuple[Span, ...], ...]] = []
        cells: list[str] = []
        cell_spans: list[tuple[Span, ...]] = []
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                cells, cell_spans = [], []
            elif token.type == "inline":
                # A `<br>` in a cell is the cell's line break (GFM cells hold one source line).
                runs = _spans(token.children or [], self.reading, start, cell=True)
                text = "".join(s.text for s in runs)
                cells.append("\n".join(line.strip() for line in text.split("\n")).strip("\n"))
                cell_spans.append(tuple(runs))
            elif token.type == "tr_close":
                rows.append(tuple(cells))
                spans.append(tuple(cell_spans))
            i += 1
        self.reading.blocks.append(
            Block(
                text="\n".join("\t".join(row) for row in rows),
                kind=BlockKind.TABLE,
                rows=tuple(rows),
                cell_spans=tuple(spans),
                provenance=Provenance(line_start=start, line_end=end),
            )
        )
        return i

    def _verbatim(self, token: MdToken, lines: list[str]) -> None:
        start = token.map[0] + 1 if token.map else 1
        end = token.map[1] if token.map else start
        if token.type in ("html_block", "hr"):
            text = token.content.strip() or "\n".join(lines[start - 1 : end]).strip()
            self.reading.dropped.append(
                Dropped(text=text, reason=DropReason.MARKUP, provenance=Provenance(line_start=start, line_end=end))
            )
            return
        # A fenced or indented code block is one verbatim block: its lines are never joined into prose.
        text = token.content.rstrip("\n")
        if not text.strip():
            if text:
                self.reading.dropped.append(
                    Dropped(text=text, reason=DropReason.EMPTY, provenance=Provenance(line_start=start, line_end=end))
                )
            return
        self.reading.blocks.append(
            Block(
                text=text,
                spans=(Span(text),),
                kind=BlockKind.CODE,
                info=token.info.strip() or None,
                list_depth=len(self.lists),
                provenance=Provenance(line_start=start, line_end=end),
            )
        )

    def _check_limit(self) -> None:
        if len(self.reading.blocks) > self.options.limits.max_blocks:
            raise LimitExceededError(f"more than {self.options.limits.max_blocks} blocks (limits.max_blocks)")


def _typed_bullet(text: str) -> bool:
    """Return whether `text` opens with a typed bullet glyph (``•``, ``–``), no Markdown list marker."""
    numbering = match_numbering(text.strip())
    return numbering is not None and numbering.is_bullet and numbering.label not in ("-", "*", "+")


def _read_as_html(token: MdToken) -> bool:
    """Return whether an HTML block is elements and text to read as a page's (not a declaration, CDATA or ``<?…?>``)."""
    head = token.content.lstrip()[:4]
    return not head.startswith(("<?", "<!")) or head == "<!--"


def _joins(before: MdToken, after: MdToken, lines: list[str]) -> bool:
    """Return whether the HTML block `after` goes on the run of `before`: nothing but blank lines between."""
    if after.type != "html_block" or not _read_as_html(after) or not before.map or not after.map:
        return False
    return all(not lines[number].strip() for number in range(before.map[1], min(after.map[0], len(lines))))


def _split_lines(children: list[MdToken], reading: Reading, line: int) -> list[tuple[int, list[Span], bool]]:
    """Return the inline children as lines of spans, cut at soft and hard breaks and at ``<br>``.

    Each line comes with its source line's offset from the first (a ``<br>`` starts a line on the
    same one) and whether a ``<br>`` started it.
    """
    offset = 0
    lines: list[tuple[int, list[Span], bool]] = [(0, [], False)]
    for span in _spans(children, reading, line):
        if span.text == "\n":
            offset += 1
            lines.append((offset, [], False))
        elif span.text == _TAG_BREAK:
            lines.append((offset, [], True))
        else:
            lines[-1][1].append(span)
    return lines


def _spans(children: list[MdToken], reading: Reading, line: int, *, cell: bool = False) -> list[Span]:
    """Return the visible text runs of inline tokens; source breaks come back as a lone ``\\n`` span.

    Inline HTML is markup (recorded as such) that styles the text as it would on a page
    (`docparse.read.html.inline_tag`): ``<b>``/``<strong>`` (or a bold ``font-weight``) make it bold,
    ``<a href>`` a link, and ``<br>`` breaks the line (a ``_TAG_BREAK`` run; in a table `cell`, a ``\\n``
    run, the cell's line break).
    """
    spans: list[Span] = []
    bold = 0
    links: list[str | None] = []
    weights: list[tuple[str, bool | None]] = []
    """The open HTML elements that say a weight, innermost last, with their names."""
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(bold - 1, 0)
        elif kind == "link_open":
            links.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            if links:
                links.pop()
        elif kind in ("softbreak", "hardbreak"):
            if kind == "hardbreak" and not cell:
                spans.append(Span(_TAG_BREAK))  # a hard break is the `<br>` its web page prints
            spans.append(Span("\n"))
            line += 1
        elif kind in ("text", "code_inline"):
            weight = next((w for _, w in reversed(weights) if w is not None), None)
            link = next((target for target in reversed(links) if target is not None), None)
            spans.append(Span(child.content, bold=bold > 0 or weight is True, link=link))
        elif kind in ("html_inline", "image"):
            # Inline HTML (<img>, <a name=…>, <br>) and images are markup, not text of the call.
            markup = child.content if kind == "html_inline" else f"![{child.content}]({child.attrs.get('src', '')})"
            reading.dropped.append(
                Dropped(text=markup, reason=DropReason.MARKUP, provenance=Provenance(line_start=line, line_end=line))
            )
            tag = _inline_tag(child.content.strip()) if kind == "html_inline" else None
            if tag is not None:
                _apply_tag(tag, spans, links, weights, cell=cell)
    return _merge(spans)


def _inline_tag(source: str) -> InlineTag | None:
    # Imported here: a paragraph without inline HTML never loads lxml.
    from docparse.read.html import inline_tag

    return inline_tag(source)


def _apply_tag(
    tag: InlineTag, spans: list[Span], links: list[str | None], weights: list[tuple[str, bool | None]], *, cell: bool
) -> None:
    """Open or close the weight and link of an inline HTML tag, or break the line at a ``<br>``."""
    if tag.breaks:
        spans.append(Span("\n" if cell else _TAG_BREAK))
    elif tag.closing and tag.name == "a":
        if links:
            links.pop()
    elif tag.closing:
        # An end tag closes its element and whatever was left open inside it, as a browser does.
        names = [name for name, _ in weights]
        if tag.name in names:
            del weights[len(names) - 1 - names[::-1].index(tag.name) :]
    elif tag.name == "a":
        links.append(tag.link)
    elif tag.bold is not None:
        weights.append((tag.name, tag.bold))


def _merge(spans: list[Span]) -> list[Span]:
    # Each group of equal neighbours is joined once (adding span to span is quadratic).
    groups: list[list[Span]] = []
    for span in spans:
        if groups and span.text not in _BREAKS and groups[-1][-1].text not in _BREAKS:
            last = groups[-1][-1]
            if last.bold == span.bold and last.link == span.link:
                groups[-1].append(span)
                continue
        groups.append([span])
    return [
        group[0] if len(group) == 1 else Span("".join(s.text for s in group), group[0].bold, group[0].link)
        for group in groups
    ]
