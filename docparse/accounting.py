"""Account for every character: what a reader read is in the model or in the dropped record.

The invariant is checked over letters and digits (Unicode categories L and N). Whitespace,
and the punctuation that only separates (the colon after a label or a marker, dot leaders,
bullets), are layout rather than content; everything else must be found again.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from docparse.blocks import Reading
from docparse.model.document import Direction, Document, LabelledField, ListItem, Section, Table, Topic, Track


def content_chars(text: str) -> Counter[str]:
    """Return the letters and digits of `text` with their counts."""
    return Counter(ch for ch in text if unicodedata.category(ch)[0] in "LN")


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


def _list_items(items: Iterable[ListItem]) -> Iterator[str]:
    for item in items:
        if item.label:
            yield item.label
        yield item.text
        yield from _list_items(item.children)


def _fields(fields: Iterable[LabelledField]) -> Iterator[str]:
    for field in fields:
        yield field.marker or ""
        yield field.label
        yield field.text
        yield from _list_items(field.items)


def _tables(tables: Iterable[Table]) -> Iterator[str]:
    for table in tables:
        for row in table.rows:
            yield from row


def _unit(unit: Section | Topic | Track) -> Iterator[str]:
    yield unit.title or ""
    yield from (p.text for p in unit.description)
    if unit.directions_marker and not unit.marker_in_description:
        yield unit.directions_marker
    yield from _directions(unit.directions)
    yield from _fields(unit.fields)
    yield from _tables(unit.tables)
    yield from (p.text for p in unit.notes)
    yield from (p.text for p in unit.unplaced)


def iter_document_texts(document: Document) -> Iterator[str]:
    """Yield every text the model holds once (a direction's text, not also its title and body)."""
    if document.label:
        yield document.label
    if document.title:
        yield document.title
    yield from (p.text for p in document.notes)
    if document.toc_title:
        yield document.toc_title
    for entry in document.toc:
        yield entry.label or ""
        yield entry.title
        yield "" if entry.page is None else str(entry.page)
    yield from _tables(document.tables)
    for section in document.sections:
        yield section.label or ""
        yield from _unit(section)
        for topic in section.topics:
            yield topic.label or ""
            yield from _unit(topic)
            for track in topic.tracks:
                yield track.marker
                yield from _unit(track)
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
    read: Counter[str] = Counter()
    for text in iter_reading_texts(reading):
        read.update(content_chars(text))
    held: Counter[str] = Counter()
    for text in iter_document_texts(document):
        held.update(content_chars(text))
    return Accounting(missing=read - held, extra=held - read)
