"""The outline stage's state: the outline so far, the open nodes, fields and lists, and the rule trace.

Block rules (`docparse.outline.rules`) read and change this state; they never keep state of
their own. The helpers here are the few moves every rule needs: open a node, place a part in
the innermost open container, open a field, close what a heading closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docparse.blocks import Block, bold_lead
from docparse.model.document import CallKind, Dropped, DropReason, Link, Paragraph, SectionRole, Table, TocEntry
from docparse.outline.analyse import Evidence
from docparse.outline.draft import DraftField, DraftItem, DraftNode, DraftPart, Slot, Strength, attach
from docparse.outline.tables import TopicRows
from docparse.segment import Token, TokenKind
from docparse.vocab.families import Numbering, Value
from docparse.vocab.markers import Lexicon, is_caption, names_choices

Key = tuple[str, int]
# The level key of group headings (`Evidence.groups`): one level of their own, above their items.
GROUP_KEY: Key = ("group", 1)


@dataclass
class Outline:
    """What the outline stage found, before freezing into the model."""

    root: DraftNode
    """The preamble (level 0); its children are the top-level nodes."""
    label: str | None = None
    title: str | None = None
    toc_title: str | None = None
    toc: list[TocEntry] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    title_at: int = 0
    """How many preamble items came before the title (a single topic holds those after it)."""
    identifier: str | None = None
    """The topic identifier printed on a line of its own under the title (``HORIZON-WIDERA-2025-01-ACCESS-01``)."""
    kind: CallKind = CallKind.CATALOGUE
    kind_reason: str = ""
    clause_keys: set[Key] = field(default_factory=set)
    """The families the document numbers its run-in clauses with (``一、`` … through the whole document)."""
    templates: list[str] = field(default_factory=list)
    """Labels read as fields because they repeat under sibling nodes."""
    topic_tables: list[tuple[Table, TopicRows]] = field(default_factory=list)
    tables_read_as_topics: list[Table] = field(default_factory=list)
    """The tables whose rows the shape rules made topics: the document keeps them as printed."""
    areas: str | None = None
    """The title of the one part whose directions name the subject areas of a guide, not a topic's (shape rules)."""
    """Tables placed as they are whose rows have a table of topics' shape; the shape rules decide."""
    trace: list[tuple[int, str]] = field(default_factory=list)
    """(token index, rule name) for every token placed, and (-1, name) for every shape rule that changed the tree."""


@dataclass
class DirectionsList:
    """The directions list currently being filled."""

    key: Key
    depth: int
    node: DraftNode
    expected: int | None = None
    group: DraftItem | None = None
    """A bullet direction ending in a colon: flat bullets after it are its sub-items."""

    def append(self, item: DraftItem) -> None:
        self.node.add("directions", item)
        last = item.numbering.last
        self.expected = None if last is None else last + 1


def paragraph(block: Block, text: str) -> Paragraph:
    return Paragraph(text=text.strip(), provenance=block.provenance)


@dataclass
class Levels:
    """The outline levels of headings: which family key (numbering or format heading) holds each level."""

    keys: list[Key] = field(default_factory=list)
    """Heading family keys by outline level within the current part (index 0 = the first level)."""
    base: int = 0
    """Level of the current part's node (0 in the body, 1 inside an appendix part)."""
    aliases: dict[Key, Key] = field(default_factory=dict)
    """Numbering key → format heading key, for numbering first seen on format headings."""
    last_value: dict[Key, Value] = field(default_factory=dict)
    """The last number seen of each numbering key (a number going backwards is no heading)."""
    toc_keys: list[Key] = field(default_factory=list)
    """Numbering keys of TOC entries by level."""
    largest: float | None = None
    """The largest font size of a numbered heading so far (an annex title is set larger)."""
    display: dict[Key, tuple[float, bool]] = field(default_factory=dict)
    """The display style (size, bold) of the first heading of each numbering key set larger than the body."""

    @property
    def next_level(self) -> int:
        """Return the level a heading of a family not seen yet in this part would take."""
        return self.base + len(self.keys) + 1

    def toc_level(self, key: Key) -> int:
        """Return the TOC level of an entry numbered with `key` (levels by first appearance)."""
        if key not in self.toc_keys:
            self.toc_keys.append(key)
        return self.toc_keys.index(key) + 1

    def level_of(self, key: Key, *, ranked: bool = True) -> int:
        """Return the outline level of heading key `key`, appending it to the levels if new.

        A format heading new to the levels takes the place of the first format heading of a lower
        rank among them, as the markup ranks them: an ``<h4>`` first seen under ``<h3>`` and its
        ``<h5>`` items stands above the ``<h5>`` that follow it, not under the last of them.
        `ranked` False (a table's caption styled Heading 1 heads no part) appends it all the same.
        A numbering's depth ranks the same way: ``1.0 Work statement`` first seen after a line set in the
        style of ``1.3.1`` (which lent that line its key) stands above the ``1.3.1`` level, not under it.
        """
        if key in self.keys:
            position = self.keys.index(key)
            del self.keys[position + 1 :]
        else:
            lower = [i for i, known in enumerate(self.keys) if key[0] == known[0] and known[1] > key[1]]
            if ranked and lower:
                del self.keys[lower[0] :]
            self.keys.append(key)
            position = len(self.keys) - 1
        return self.base + position + 1

    def record(self, numbering: Numbering) -> None:
        """Keep a heading's number as the last of its key, as an outline position (``4.0`` → ``(4,)``).

        The position, not the printed value: the next heading's number is compared as a position
        (``5.0`` is ``(5,)``), and ``(4, 0)`` against it would say ``5.0`` does not follow ``4.0``.
        """
        if numbering.value:
            self.last_value[numbering.key] = numbering.path

    def start_part(self) -> None:
        """Begin a new part: its headings get levels of their own, under the part's node."""
        self.keys.clear()
        self.aliases.clear()
        self.display.clear()
        self.last_value.clear()
        self.base = 1


@dataclass
class State:
    lexicon: Lexicon
    tokens: list[Token]
    evidence: Evidence
    outline: Outline
    index: int = 0
    heads: Levels = field(default_factory=lambda: Levels())
    """Which numbering or format heading sits at which outline level."""
    stack: list[DraftNode] = field(default_factory=list)
    """Open nodes, the root first."""
    fields: list[DraftField] = field(default_factory=list)
    """Open fields of the innermost node, outer first (sub-fields after their field)."""
    directions: DirectionsList | None = None
    marker_pending: bool = False
    marker_line: tuple[Token, int] | None = None
    """The marker line of the current node and where it stood in the node's content."""
    part_waiting_title: DraftNode | None = None
    """A part opened by a bare label (``Appendix A``) whose title is the next title-like line."""
    body_started: bool = False
    templates: frozenset[str] = frozenset()
    """Field labels found repeated under sibling nodes (a field template)."""
    toc_vouched: set[int] = field(default_factory=set)
    """Contents entries (positions in the outline's TOC) whose plain body line has been opened as a heading."""

    def __post_init__(self) -> None:
        if not self.stack:
            self.stack.append(self.outline.root)

    @property
    def node(self) -> DraftNode:
        """Return the innermost open node (the root before the first heading)."""
        return self.stack[-1]

    @property
    def field(self) -> DraftField | None:
        return self.fields[-1] if self.fields else None

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def next_token(self, offset: int = 1) -> Token | None:
        i = self.index + offset
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def collect_links(self, token: Token) -> None:
        """Keep the hyperlinks of a token's text and a table's cells (navigation links are noise, not links)."""
        if token.kind is TokenKind.NAVIGATION:
            return
        block = token.block
        spans = block.spans
        if block.cell_spans:
            spans = (*spans, *(span for row in block.cell_spans for cell in row for span in cell))
        if all(span.link is None for span in spans):
            return  # most blocks: nothing to keep
        self.outline.links.extend(
            Link(text=span.text.strip(), target=span.link, provenance=block.provenance)
            for span in spans
            if span.link is not None and span.text.strip()
        )

    # -- nodes ------------------------------------------------------------------------------

    def open_node(
        self,
        token: Token,
        level: int,
        title: str | None,
        numbering: Numbering | None,
        *,
        key: Key | None = None,
        role: SectionRole = SectionRole.BODY,
        label: str | None = None,
    ) -> DraftNode:
        """Open a node at `level` under the nearest open node above that level."""
        node = DraftNode(
            level=level,
            title=title,
            numbering=numbering,
            provenance=token.block.provenance,
            role=role,
            label=label,
            heading_key=key,
            heading=token.block.full_text.strip(),
        )
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        self.stack[-1].children.append(node)
        self.stack.append(node)
        self.close_content()
        self.body_started = True
        return node

    def close_content(self) -> None:
        """Close the open fields and lists: a heading ends them."""
        self.fields.clear()
        self.directions = None
        self.marker_pending = False
        self.marker_line = None

    # -- content ----------------------------------------------------------------------------

    def place(self, part: DraftPart, slot: Slot = "description") -> None:
        """Put a part in the innermost open field that takes running content, or in the node's `slot`."""
        while self.fields and self.fields[-1].strength is Strength.WEAK:
            self.fields.pop()
        current = self.field
        if current is not None and slot == "description":
            current.parts.append(part)
            return
        self.node.add(slot, part)

    def place_field(self, draft: DraftField) -> None:
        """Put a closed field (a row of a label table) in the open field that takes content, or the node."""
        while self.fields and self.fields[-1].strength is Strength.WEAK:
            self.fields.pop()
        if self.fields:
            self.fields[-1].parts.append(draft)
            return
        self.node.add("fields", draft)
        self.directions = None

    def field_paragraph(self, token: Token, text: str) -> bool:
        """Put a paragraph into the open field if it belongs there; return whether it did."""
        block = token.block
        while self.fields:
            current = self.fields[-1]
            last = current.parts[-1] if current.parts else None
            if isinstance(last, DraftItem) and block.list_depth >= 1 and block.list_depth >= current.depth:
                last.extend(text, block.provenance)
                return True
            if (
                current.strength in (Strength.HEADING, Strength.STRONG)
                and (
                    block.list_depth >= current.depth or (isinstance(last, DraftItem | DraftField) and is_caption(text))
                )
                and not _announces_next_list(current, last, block.list_depth, text)
            ):
                # A figure's caption between a field's items or sub-fields ("图1 迷宫地形示意图") illustrates
                # them: it stays.
                current.parts.append(paragraph(block, text))
                return True
            if _awaits_value(current, block.list_depth):
                # "1. 赛题简述：" alone on its item, then its text as a paragraph outside the list: a label
                # with a colon and nothing after it has its value in the next block, whatever its indent.
                current.parts.append(paragraph(block, text))
                return True
            self.fields.pop()  # a paragraph outside a list ends the field its item opened
        return False

    def place_run_in(self, token: Token) -> None:
        """Put the text of a run-in clause (``一、基隆市政府…``) as the first paragraph of its node."""
        self.node.add("description", paragraph(token.block, token.text))
        if token.lead_in is not None:
            self.lead_in(token.lead_in)

    def lead_in(self, sentence: str) -> None:
        """Note that the text just placed ends by announcing a list of directions."""
        node = self.node
        if node.directions_marker is None and not node.has_directions:
            node.directions_marker = sentence
            node.marker_in_description = True
            self.marker_pending = True
            if node.title and names_choices(node.title):
                # "## Themes" over "Proposals should address one of these themes:" and its list: the part
                # that lists the call's choices names no topic of its own, as a heading asking for them does.
                node.announces = True

    def drop_tag(self, token: Token, tag: str) -> None:
        """Record a heading tag (``TITLE:`` after an identifier) as dropped."""
        self.outline.dropped.append(Dropped(text=tag, reason=DropReason.HEADING_TAG, provenance=token.block.provenance))

    def typed_depth(self, numbering: Numbering) -> int:
        """Return the nesting depth of a typed list label: the first family is 1, a new one deeper."""
        families = self.node.list_families
        key = numbering.key
        if key in families:
            position = families.index(key)
            del families[position + 1 :]
            return position + 1
        families.append(key)
        return len(families)

    def is_template(self, label: str) -> bool:
        """Return whether `label`, printed here, is printed under other headings of this level (`Evidence.labels`)."""
        return self.evidence.repeated(label, self.index)

    def place_item(self, item: DraftItem) -> None:
        """Put a list item (not a direction) in the open field or the node, nested under the item before it."""
        current = self.field
        if current is not None:
            items = current.items
            if items and items[-1] is current.parts[-1] and attach(items, item):
                return
            current.parts.append(item)
            return
        node = self.node
        last = node.content[-1][1] if node.content else None
        if isinstance(last, DraftItem) and attach([last], item):
            return
        node.add("description", item)

    def open_field(
        self,
        token: Token,
        label: str,
        text: str,
        strength: Strength,
        *,
        depth: int = 0,
        marker: str | None = None,
        numbering: Numbering | None = None,
        level: int = 0,
        colon: str | None = None,
    ) -> DraftField:
        """Open a field: a sub-field of the open field when it sits deeper, else a field of the node.

        `colon` is the colon printed after the label; a label that still ends in one (a heading
        ``Eligibility:``) gives its own.
        """
        if colon is None and label.strip()[-1:] in ("：", ":"):
            colon = label.strip()[-1]
        draft = DraftField(
            label=label.strip().rstrip("：:").strip(),
            colon=colon,
            text=text,
            depth=depth,
            provenance=token.block.provenance,
            strength=strength,
            marker=marker,
            numbering=numbering,
            level=level,
            bold=bool(token.spans) and token.spans[0].bold,
            bold_colon=bold_lead(token.spans).rstrip().endswith(("：", ":")),
        )
        while self.fields and not self._nests_in(draft, self.fields[-1]):
            self.fields.pop()
        if self.fields:
            self.fields[-1].parts.append(draft)
        else:
            self.node.add("fields", draft)
            if self.directions is not None:
                self.directions = None
        self.fields.append(draft)
        return draft

    @staticmethod
    def _nests_in(inner: DraftField, outer: DraftField) -> bool:
        """Return whether a new field sits under the open field `outer`."""
        if outer.strength is Strength.HEADING and outer.level and inner.level:
            return inner.level > outer.level
        if inner.depth > outer.depth:
            return True
        if outer.bold and inner.bold and inner.depth == outer.depth:
            return False  # bold labels one after another ("ADDITIONAL INFORMATION", "OBJECTIVE:") are siblings
        return outer.strength is Strength.HEADING and inner.strength is not Strength.HEADING and inner.level == 0

    def close_fields_to(self, depth: int) -> None:
        """Close the open fields whose label sits at `depth` or deeper."""
        while self.fields and self.fields[-1].depth >= depth and self.fields[-1].strength is not Strength.HEADING:
            self.fields.pop()


def _awaits_value(current: DraftField, depth: int) -> bool:
    """Return whether a list item's label, printed alone with its colon, still waits for its value (one block)."""
    return (
        current.is_empty
        and current.strength in (Strength.HEADING, Strength.STRONG)
        and current.depth > depth
        and current.colon is not None
        and current.colon.strip() in ("：", ":")
    )


def _announces_next_list(current: DraftField, last: object, depth: int, text: str) -> bool:
    """Return whether a paragraph after a label's list introduces a list of its own, ending the label's field.

    ``Functions to Be Implemented:`` over its 14 items, then "Characteristics to be demonstrated
    (based on …):" over six more: the second list is not the first label's.
    """
    return (
        current.strength is Strength.STRONG
        and not current.text
        and isinstance(last, DraftItem)
        and depth == 0
        and text.rstrip().endswith(("：", ":"))
    )
