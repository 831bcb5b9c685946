"""Mutable drafts of outline nodes, filled in by the outline stage's rules and frozen into the model at the end.

A node keeps its content as ONE ordered list of (slot, item) pairs, so that freezing can give
each item to its slot (description, directions, fields, notes, unplaced) and still record the
document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from docparse.blocks import Span
from docparse.model.document import Code, Paragraph, SectionRole, Table
from docparse.model.provenance import Provenance
from docparse.vocab.families import LABELLED_ITEM, Numbering

Slot = Literal["description", "directions", "fields", "notes", "unplaced"]


@dataclass
class DraftItem:
    """A list item being built: a direction, or an item of a list that is not directions."""

    numbering: Numbering
    text: str
    spans: tuple[Span, ...]
    depth: int
    """Nesting depth within its list (1 = top): the format's list depth, or the family's place."""
    provenance: Provenance
    children: list[DraftItem] = field(default_factory=list)

    def extend(self, text: str, provenance: Provenance) -> None:
        """Add a further paragraph of the same item (a loose list)."""
        self.text = f"{self.text}\n{text.strip()}"
        self.provenance = self.provenance.merge(provenance)


def attach(items: list[DraftItem], item: DraftItem) -> bool:
    """Nest `item` under the last item of `items` shallower than it; return False if it is top-level."""
    if not items or items[-1].depth >= item.depth:
        return False
    siblings = items
    while siblings and siblings[-1].depth < item.depth:
        siblings = siblings[-1].children
    siblings.append(item)
    return True


def field_tree(fields: list[DraftField]) -> list[DraftField]:
    """Return `fields` and, depth first, the fields inside them."""
    out: list[DraftField] = []
    for draft in fields:
        out.append(draft)
        out.extend(field_tree([part for part in draft.parts if isinstance(part, DraftField)]))
    return out


class Strength(StrEnum):
    """How much of what follows a field's label belongs to the field."""

    HEADING = "heading"
    """A label set as a heading (``#### 考核指标``, a clause ``一、发榜单位``, ``OBJECTIVE:`` on its line):
    everything until the next heading or field of its level."""
    STRONG = "strong"
    """A known, repeated or bold label, or one whose value starts on the next line: the paragraphs
    after it, until the next field."""
    WEAK = "weak"
    """An unknown run-in label (``学生赛道：…``): its own line and the deeper list items only."""
    TENTATIVE = "tentative"
    """A bullet without a colon: a field only if items come under it, else a list item."""


DraftPart = Paragraph | DraftItem | Code | Table


@dataclass
class DraftField:
    """A labelled field being built: run-in text and the parts under the label, in order."""

    label: str
    text: str
    depth: int
    """List depth of the label's block; items must be deeper (a paragraph label has depth 0)."""
    provenance: Provenance
    strength: Strength
    parts: list[DraftPart | DraftField] = field(default_factory=list)
    marker: str | None = None
    """The bullet or number of a field written as a list item or a numbered clause."""
    colon: str | None = None
    """The colon printed after the label, None where none was."""
    numbering: Numbering | None = None
    level: int = 0
    """The outline level the label's heading would have had (for sub-fields), 0 for run-in labels."""
    bold: bool = False
    """The label is set in bold (a bold line, or ``**Label:**`` / a bold run before the colon)."""
    bold_colon: bool = False
    """The colon after the label is inside its bold (``**Label:**``)."""
    item: DraftItem | None = None
    """For a tentative field: the list item it is, should no item come under it."""
    cell: Literal["row", "column"] | None = None
    """For a field read from a table: its label is its row's first cell, or its column's header."""

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.parts

    @property
    def items(self) -> list[DraftItem]:
        """Return the list items directly under the label."""
        return [part for part in self.parts if isinstance(part, DraftItem)]


@dataclass(slots=True)
class ContentScan:
    """Whether a node's content holds an item of one kind, looking only at what came since the last look.

    Asked for every block placed: scanning all of a node's content each time made a node of
    50,000 paragraphs quadratic. While rules run, content is appended to (or replaced whole),
    so a scan remembers the list it looked at and how far.
    """

    content: list[tuple[Slot, DraftPart | DraftField]] | None = None
    scanned: int = 0
    found: bool = False

    def holds(self, content: list[tuple[Slot, DraftPart | DraftField]], slot: Slot | None) -> bool:
        """Return whether `content` holds an item in `slot` (a field when `slot` is None)."""
        if self.content is not content or self.scanned > len(content):
            self.content, self.scanned, self.found = content, 0, False
        if not self.found:
            end = len(content)
            if slot is None:
                self.found = any(isinstance(content[i][1], DraftField) for i in range(self.scanned, end))
            else:
                self.found = any(content[i][0] == slot for i in range(self.scanned, end))
            self.scanned = end
        return self.found


@dataclass
class DraftNode:
    """A heading and what follows it, at an outline level (1 = top; 0 = the preamble root)."""

    level: int
    title: str | None
    numbering: Numbering | None
    provenance: Provenance
    content: list[tuple[Slot, DraftPart | DraftField]] = field(default_factory=list)
    children: list[DraftNode] = field(default_factory=list)
    directions_marker: str | None = None
    marker_in_description: bool = False
    marker_at: int | None = None
    """Where the marker line stood in `content` (a marker line of its own, not a lead-in)."""
    role: SectionRole = SectionRole.BODY
    topic: bool = False
    """Decided by the shape rules: the node is a topic of the call (its children are tracks)."""
    identifier: str | None = None
    """The topic identifier (``XH-202603``) when it comes from a field rather than the label."""
    label: str | None = None
    """The label as printed when it is not a numbering (``Appendix A`` of a part)."""
    heading: str | None = None
    """The heading line as printed (``RFP-010: Vector commitments``): a one-topic call's title."""
    heading_key: tuple[str, int] | None = None
    """The key (family and depth, or format heading level) the heading was placed by."""
    list_families: list[tuple[str, int]] = field(default_factory=list)
    """Families of the typed list items in this node, by nesting depth (the first is depth 1)."""
    item_values: dict[tuple[str, int], int] = field(default_factory=dict)
    """The last number placed as a list item here, by family key: the next number is an item too."""
    choice: bool = False
    """Decided by the shape rules: a part offered under a lead-in that names choices, a direction of the one topic."""
    announces: bool = False
    """The node's own heading announces its directions ("What sort of proposals are we looking for?",
    "Suggested themes include:"): it introduces the list, it names no topic."""
    listed: list[tuple[Slot, DraftPart | DraftField]] | None = field(default=None, compare=False)
    """The content as placed, before the topic-list shape rule made its list items the nodes under it."""
    _directions_scan: ContentScan = field(default_factory=ContentScan, repr=False, compare=False)
    _fields_scan: ContentScan = field(default_factory=ContentScan, repr=False, compare=False)

    def add(self, slot: Slot, item: DraftPart | DraftField) -> None:
        self.content.append((slot, item))

    def items(self, slot: Slot) -> list[DraftPart | DraftField]:
        return [item for s, item in self.content if s == slot]

    @property
    def directions(self) -> list[DraftItem]:
        return [item for s, item in self.content if s == "directions" and isinstance(item, DraftItem)]

    @property
    def fields(self) -> list[DraftField]:
        return [item for s, item in self.content if isinstance(item, DraftField)]

    @property
    def has_directions(self) -> bool:
        return self._directions_scan.holds(self.content, "directions")

    @property
    def offers_directions(self) -> bool:
        """Return whether the node's directions mark it as a topic: research directions to choose among.

        Counted run-in tasks (``任务一：…`` ``任务二：…``, all to be done) are the steps of one task,
        in a guide as much as in a topic.
        """
        return self.has_directions and any(item.numbering.family is not LABELLED_ITEM for item in self.directions)

    @property
    def has_fields(self) -> bool:
        return self._fields_scan.holds(self.content, None)

    def iter_tree(self) -> list[DraftNode]:
        """Return this node and every node under it, parents first."""
        out = [self]
        for child in self.children:
            out.extend(child.iter_tree())
        return out
