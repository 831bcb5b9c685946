"""Mutable drafts of outline nodes, filled in by the builder and frozen into the model at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from docparse.blocks import Span
from docparse.model.document import Paragraph, Table
from docparse.model.provenance import Provenance
from docparse.segment.families import Numbering


@dataclass
class DraftItem:
    """A direction (list item) being built."""

    numbering: Numbering
    text: str
    spans: tuple[Span, ...]
    depth: int
    provenance: Provenance
    children: list[DraftItem] = field(default_factory=list)


def attach(items: list[DraftItem], item: DraftItem) -> None:
    """Append `item` to `items`, nested under the last item that is shallower than it."""
    siblings = items
    while siblings and siblings[-1].depth < item.depth:
        siblings = siblings[-1].children
    siblings.append(item)


@dataclass
class DraftField:
    """A labelled field being built: a run-in text, paragraphs and list items under the label."""

    label: str
    text: str
    depth: int
    """List depth of the label's block; items must be deeper (a paragraph label has depth 0)."""
    provenance: Provenance
    items: list[DraftItem] = field(default_factory=list)
    tentative: bool = False
    """A bullet without a colon: a field only if items come under it, else a paragraph."""
    marker: str | None = None
    """The bullet or number of a field written as a list item."""
    as_paragraph: str = ""
    """The text to keep as a paragraph if a tentative field gets no items."""
    heading: bool = False
    """The label is a heading (``#### 研究内容``): paragraphs until the next heading belong to it."""

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.items


@dataclass
class DraftList:
    """The directions list currently being filled."""

    key: tuple[str, int]
    depth: int
    items: list[DraftItem]
    expected: int | None

    def append(self, item: DraftItem) -> None:
        self.items.append(item)
        last = item.numbering.last
        self.expected = None if last is None else last + 1


@dataclass
class DraftNode:
    """A heading and what follows it, at an outline level (1 = top)."""

    level: int
    title: str
    numbering: Numbering | None
    provenance: Provenance
    marker_label: str | None = None
    description: list[Paragraph] = field(default_factory=list)
    directions_marker: str | None = None
    marker_in_description: bool = False
    directions: list[DraftItem] = field(default_factory=list)
    fields: list[DraftField] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notes: list[Paragraph] = field(default_factory=list)
    unplaced: list[Paragraph] = field(default_factory=list)
    children: list[DraftNode] = field(default_factory=list)
    list_closed: bool = False
    """A directions list was started here and has ended."""

    @property
    def has_list(self) -> bool:
        return bool(self.directions)
