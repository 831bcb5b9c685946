"""Account for every character: what a reader read is in the model or in the dropped record.

The invariant is checked over letters and digits (Unicode categories L and N). Whitespace,
and the punctuation that only separates (the colon after a label or a marker, dot leaders,
bullets), are layout rather than content; everything else must be found again.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docparse.blocks import Reading
from docparse.model.document import (
    CallKind,
    Code,
    Direction,
    Document,
    LabelledField,
    ListItem,
    Node,
    Paragraph,
    Section,
    Table,
    Topic,
    Track,
)
from docparse.vocab.chars import has_han


def content_chars(text: str) -> Counter[str]:
    """Return the letters and digits of `text` with their counts."""
    return _content_only(Counter(text))


def _content_only(counts: Counter[str]) -> Counter[str]:
    # Counting every character is C code; the category is then looked up once per distinct
    # character rather than once per character (a long call has millions, of a few thousand kinds).
    for ch in [ch for ch in counts if unicodedata.category(ch)[0] not in "LN"]:
        del counts[ch]
    return counts


# What is not a letter or a digit: `\w` of `re` is `str.isalnum()` and `_`, and `isalnum()` is
# Unicode category L or N for every code point (tests/test_nothing_lost.py checks each one).
_NOT_CONTENT = re.compile(r"[\W_]+")
# Enough of a text to tell Chinese (a few thousand distinct characters) from Latin with a few others.
_SAMPLE = 4096
# Kinds of other characters counted one kind at a time at most: each count reads the whole text.
_MAX_KINDS = 64


def content_total(texts: Iterable[str]) -> int:
    """Return the number of letters and digits in all of `texts` together."""
    joined = "".join(texts)
    if joined.isascii() or not has_han(joined[:_SAMPLE]):
        # The length less each other kind of character's count: `set` and `str.count` run in C,
        # Latin text has few such kinds (spaces, punctuation), and its characters are shared objects.
        others = [ch for ch in set(joined) if unicodedata.category(ch)[0] not in "LN"]
        if len(others) <= _MAX_KINDS:
            return len(joined) - sum(joined.count(ch) for ch in others)
    # Chinese (where `set` would make a string of every character first), or a text of many kinds
    # of symbols (a count each would read it again and again): the runs of other characters, found
    # in one pass in C (a third less time on a 1.3-million-character Chinese call).
    return len(joined) - sum(map(len, _NOT_CONTENT.findall(joined)))


def _content_of(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(text)
    return _content_only(counts)


def iter_reading_texts(reading: Reading) -> Iterator[str]:
    """Yield every text a reader produced: block labels, texts, table cells, dropped text."""
    for block in reading.blocks:
        if block.label:
            yield block.label
        if block.rows:
            yield from (cell for row in block.rows for cell in row)
        else:
            yield block.text
    yield from (dropped.text for dropped in reading.dropped)


def _directions(items: Iterable[Direction]) -> Iterator[str]:
    for item in items:
        yield item.label
        yield item.text
        yield from _directions(item.children)


def iter_part_texts(part: Paragraph | ListItem | Code | Table | LabelledField) -> Iterator[str]:
    """Yield every text of one part of the content (a field's label, marker and parts too)."""
    if isinstance(part, Paragraph | Code):
        yield part.text
    elif isinstance(part, Table):
        for row in part.rows:
            yield from row
    elif isinstance(part, ListItem):
        yield part.label or ""
        yield part.text
        for child in part.children:
            yield from iter_part_texts(child)
    else:
        yield part.marker or ""
        if part.cell != "column":
            yield part.label  # a column's header labels every row's field: printed once, held in `dropped`
        yield part.text
        for item in part.items:
            yield from iter_part_texts(item)


def _node(node: Node, document: Document) -> Iterator[str]:
    own = isinstance(node, Topic) and document.is_document_topic(node)
    # A guide that lists its areas under its title is one part titled as the document: the title is held there.
    own = own or (
        document.kind is CallKind.GUIDE
        and bool(document.sections)
        and node is document.sections[0]
        and node.number is None
        and node.title is not None
        and node.title == document.title
    )
    if isinstance(node, Track):
        yield node.marker
    elif not (own and isinstance(node, Topic) and document.heads_with(node)):
        yield node.label or ""  # the label of a heading that is the document's title is held there
    # A part named by its bare label (``附录一：`` alone) holds that text once, as its label.
    named = isinstance(node, Section) and bool(node.label) and node.title == (node.label or "").rstrip("：:").strip()
    if not own and not named:
        yield node.title or ""  # a single topic's title is the document's, held there
    if node.directions_marker and not node.marker_in_description:
        yield node.directions_marker
    for _, item in node.iter_content():
        if isinstance(item, Direction):
            yield from _directions((item,))
        else:
            yield from iter_part_texts(item)


def iter_document_texts(document: Document) -> Iterator[str]:
    """Yield every text the model holds once (a direction's text, not also its title and body)."""
    if document.label:
        yield document.label
    if document.title:
        yield document.title
    for part in document.preamble:
        yield from iter_part_texts(part)
    if document.toc_title:
        yield document.toc_title
    for entry in document.toc:
        yield entry.label or ""
        yield entry.title
        yield entry.page_label or ("" if entry.page is None else str(entry.page))
    for node in document.iter_nodes():
        yield from _node(node, document)
    yield from (dropped.text for dropped in document.dropped)


@dataclass(frozen=True, slots=True)
class Accounting:
    missing: Counter[str]
    """Characters the reader produced that are nowhere in the model."""
    extra: Counter[str]
    """Characters the model holds that the reader never produced."""

    @property
    def balanced(self) -> bool:
        return not self.missing and not self.extra


def account(reading: Reading, document: Document) -> Accounting:
    """Return what is missing from, or extra in, `document` compared with `reading`."""
    read = _content_of(iter_reading_texts(reading))
    held = _content_of(iter_document_texts(document))
    return Accounting(missing=read - held, extra=held - read)
