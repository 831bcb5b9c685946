"""Build stage: tokens → outline. Decides, in context, what each token is and where it goes.

Outline levels come from the order in which heading families first appear (a stack, as in
word processors' outline views): the first heading family is level 1, a new family under it
level 2, and so on; a family seen before returns to its level. A heading the format marks
(Markdown ``#``, a DOCX heading style) uses the format's level, and its numbering family is
aliased to that level so a plain paragraph with the same numbering lands on the same level.
Level 1 is a section, level 2 a topic, level 3 and deeper a track; one level means topics.

Inside a topic or track:
- after a directions marker (``建议研究方向：``) or a lead-in sentence ("Specific areas of
  research include…:"), list items are directions; numbered list items (``1)``, ``（1）``,
  ``①``) are directions even without a marker, bullets are not;
- a ``label：text`` block, a bold label, or a bullet with items under it is a labelled field;
- a paragraph after a directions list that is neither a field nor a note is *unplaced*.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from docparse.blocks import Block, BlockKind
from docparse.build.draft import DraftField, DraftItem, DraftList, DraftNode, attach
from docparse.model.document import Dropped, DropReason, Link, Paragraph, Table, TocEntry
from docparse.segment import Token, TokenKind
from docparse.segment.families import Numbering, Role
from docparse.segment.markers import is_field_label, is_title_like

# Paragraphs after a directions list that start like this are notes of the topic, not strays.
NOTE_PREFIX = regex.compile(r"(?i)^(?:注|备注|说明|附注|note|notes|remark)\s*[0-9０-９]*\s*[:：]")
_COLON_END = ("：", ":")

Key = tuple[str, int]


@dataclass
class Outline:
    """What the builder found, before freezing into the model."""

    label: str | None = None
    title: str | None = None
    notes: list[Paragraph] = field(default_factory=list)
    toc_title: str | None = None
    toc: list[TocEntry] = field(default_factory=list)
    roots: list[DraftNode] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def paragraph(block: Block, text: str) -> Paragraph:
    return Paragraph(text=text.strip(), provenance=block.provenance)


@dataclass
class Builder:
    outline: Outline = field(default_factory=Outline)
    levels: list[Key] = field(default_factory=list)
    """Heading family keys by outline level (index 0 = level 1)."""
    aliases: dict[Key, Key] = field(default_factory=dict)
    """Numbering key → format heading key, for numbering first seen on format headings."""
    last_value: dict[Key, tuple[int, ...]] = field(default_factory=dict)
    toc_levels: list[Key] = field(default_factory=list)
    open_nodes: list[DraftNode] = field(default_factory=list)
    current_list: DraftList | None = None
    current_field: DraftField | None = None
    group: DraftItem | None = None
    """A bullet direction ending in a colon: flat bullets after it are its sub-items."""
    marker_pending: bool = False
    marker_line: tuple[Token, int] | None = None
    """The marker line of the current unit and how many description paragraphs preceded it."""
    title_heading_index: int | None = None
    field_labels: tuple[str, ...] = ()
    """Field labels added through ParseOptions.field_labels."""

    @property
    def unit(self) -> DraftNode | None:
        return self.open_nodes[-1] if self.open_nodes else None

    def build(self, tokens: list[Token]) -> Outline:
        self.title_heading_index = _title_heading(tokens)
        for index, token in enumerate(tokens):
            self.feed(index, token)
        return self.outline

    # -- dispatch ---------------------------------------------------------------------------

    def feed(self, index: int, token: Token) -> None:
        kind = token.kind
        if kind is not TokenKind.NAVIGATION:
            self.outline.links.extend(
                Link(text=span.text.strip(), target=span.link, provenance=token.block.provenance)
                for span in token.block.spans
                if span.link is not None and span.text.strip()
            )
        if kind is TokenKind.NAVIGATION:
            self.outline.dropped.append(
                Dropped(text=token.text, reason=DropReason.BACK_LINK, provenance=token.block.provenance)
            )
        elif kind is TokenKind.TOC_TITLE and self.outline.toc_title is None:
            self.outline.toc_title = token.text
        elif kind is TokenKind.TOC_ENTRY:
            self._toc_entry(token)
        elif kind is TokenKind.DOC_LABEL and self.outline.label is None and not self.open_nodes:
            self.outline.label = token.label
        elif kind is TokenKind.HEADING:
            self._unnumbered_heading(index, token)
        elif kind is TokenKind.NUMBERED:
            self._numbered(token)
        elif kind is TokenKind.MARKER:
            self._marker(token)
        elif kind is TokenKind.TABLE:
            self._table(token)
        else:
            self._paragraph(token, token.text)

    # -- table of contents ------------------------------------------------------------------

    def _toc_entry(self, token: Token) -> None:
        assert token.toc is not None
        numbering = token.toc.numbering
        key = numbering.key if numbering else ("unnumbered", 1)
        if key not in self.toc_levels:
            self.toc_levels.append(key)
        self.outline.toc.append(
            TocEntry(
                number=numbering.number if numbering else None,
                label=numbering.label if numbering else None,
                title=token.toc.title,
                page=token.toc.page,
                level=self.toc_levels.index(key) + 1,
                provenance=token.block.provenance,
            )
        )

    # -- headings ---------------------------------------------------------------------------

    def _unnumbered_heading(self, index: int, token: Token) -> None:
        if index == self.title_heading_index and self.outline.title is None and not self.open_nodes:
            self.outline.title = token.text
            return
        key = ("heading", token.block.heading_level or 1)
        if self.unit is not None and key not in self.levels and is_field_label(token.text, self.field_labels):
            # "#### 考核指标": a known field label set as a heading opens a field, not a level.
            self._open_field(token, token.text, "", depth=0, heading=True)
            return
        self._open_heading(token, None)

    def _heading_key(self, token: Token, numbering: Numbering | None) -> Key:
        block = token.block
        if block.kind is BlockKind.HEADING:
            key = ("heading", block.heading_level or 1)
            if numbering is not None:
                self.aliases.setdefault(numbering.key, key)
            return key
        assert numbering is not None
        return self.aliases.get(numbering.key, numbering.key)

    def _open_heading(self, token: Token, numbering: Numbering | None) -> None:
        key = self._heading_key(token, numbering)
        if key in self.levels:
            level = self.levels.index(key) + 1
            del self.levels[level:]
        else:
            self.levels.append(key)
            level = len(self.levels)
        if numbering is not None and numbering.value:
            self.last_value[numbering.key] = numbering.value
        node = DraftNode(level=level, title=token.text, numbering=numbering, provenance=token.block.provenance)
        while self.open_nodes and self.open_nodes[-1].level >= level:
            self.open_nodes.pop()
        if self.open_nodes:
            self.open_nodes[-1].children.append(node)
        else:
            self.outline.roots.append(node)
        self.open_nodes.append(node)
        self._close_lists()

    def _close_lists(self) -> None:
        self.current_list = None
        self.current_field = None
        self.group = None
        self.marker_pending = False
        self.marker_line = None

    def _continues_outline(self, numbering: Numbering) -> bool:
        """Return whether `numbering` is the next heading number of its family."""
        value = numbering.value
        if not value:
            return True
        last = self.last_value.get(numbering.key)
        if last is None:
            return value[-1] == 1
        if value[:-1] == last[:-1]:
            return value[-1] == last[-1] + 1
        return value[-1] == 1

    # -- numbered blocks: heading, direction, field item or paragraph ------------------------

    def _numbered(self, token: Token) -> None:
        numbering = token.numbering
        assert numbering is not None
        if token.block.kind is BlockKind.HEADING:
            self._open_heading(token, numbering)
            return
        role = self._numbered_role(token, numbering)
        if role == "heading":
            self._open_heading(token, numbering)
        elif role == "direction":
            self._direction(token, numbering)
        elif role == "item":
            self._loose_item(token, numbering)
        else:
            self._paragraph(token, token.block.full_text, numbered=True)

    def _is_known_heading(self, numbering: Numbering) -> bool:
        return self.aliases.get(numbering.key, numbering.key) in self.levels

    def _numbered_role(self, token: Token, numbering: Numbering) -> str:
        key, family, block = numbering.key, numbering.family, token.block
        heading_like = is_title_like(token.text) or not token.text
        known_heading = self._is_known_heading(numbering)
        next_heading = known_heading and heading_like and self._continues_outline(numbering)
        current = self.current_list
        if current is not None:
            if key == current.key and block.list_depth == current.depth:
                if numbering.last is None or numbering.last == current.expected:
                    return "direction"
                return "heading" if next_heading else "direction"
            if block.list_depth > current.depth:
                return "direction"
            if known_heading and heading_like:
                return "heading"
            if family.role is Role.OUTLINE and heading_like and not (block.list_depth >= current.depth > 0):
                return "heading"
            return "direction"
        if self.marker_pending and self.unit is not None:
            return "heading" if next_heading else "direction"
        if self._field_takes(block):
            return "heading" if next_heading and block.list_depth == 0 else "item"
        # A bullet (■) heads a track under a topic; it never starts the outline.
        if heading_like and (
            known_heading or family.role is Role.OUTLINE or (self.levels and family.role is Role.EITHER)
        ):
            return "heading"
        if self.unit is None or family.role is Role.OUTLINE:
            return "paragraph"
        # A numbered list item in a topic is a direction, even in a second list after a paragraph
        # (the numbering checks report a restart); bullets need a marker or a lead-in.
        return "direction" if numbering.value else "item"

    def _field_takes(self, block: Block) -> bool:
        """Return whether the open field takes a list item from `block` as one of its items."""
        current = self.current_field
        if current is None:
            return False
        if current.heading:
            return True
        if current.tentative or current.depth > 0:
            return block.list_depth > current.depth
        return True

    def _direction(self, token: Token, numbering: Numbering) -> None:
        unit = self.unit
        assert unit is not None
        block = token.block
        item = DraftItem(numbering, token.text, token.spans, block.list_depth, block.provenance)
        self.current_field = None
        self.marker_pending = False
        current = self.current_list
        if current is not None and block.list_depth > current.depth and current.items:
            attach(current.items, item)
            return
        if current is None:
            current = DraftList(numbering.key, block.list_depth, unit.directions, None)
            self.current_list = current
            self.group = None
        elif numbering.key != current.key:
            # The family changed inside one list: keep the items together (a numbering
            # check reports the change) but follow the new family's sequence.
            current.key = numbering.key
        group = self.group
        if not numbering.value and group is not None and token.field is None and not _ends_colon(token.text):
            # Flat bullets after "Trust, Security & Privacy:" are that item's sub-items.
            item.depth = group.depth + 1
            group.children.append(item)
            return
        current.append(item)
        self.group = item if not numbering.value and _ends_colon(token.text) else None

    def _loose_item(self, token: Token, numbering: Numbering) -> None:
        """Place a list item that is not a direction: in the open field, or as a new field."""
        block = token.block
        item = DraftItem(numbering, token.text, token.spans, block.list_depth, block.provenance)
        if self._field_takes(block):
            assert self.current_field is not None
            attach(self.current_field.items, item)
            return
        found = token.field
        if found is not None:
            self._open_field(token, found.label, found.rest, depth=block.list_depth)
        else:
            self._open_field(token, token.text, "", depth=block.list_depth, tentative=True)
        assert self.current_field is not None
        self.current_field.marker = numbering.label
        # Should no item come under it, it is a paragraph: keep a typed number with its text.
        self.current_field.as_paragraph = block.full_text.strip() if numbering.value else token.text

    # -- fields, markers, paragraphs, tables --------------------------------------------------

    def _open_field(
        self, token: Token, label: str, text: str, *, depth: int, heading: bool = False, tentative: bool = False
    ) -> None:
        unit = self.unit
        assert unit is not None
        draft = DraftField(
            label=label.strip().rstrip("：:").strip(),
            text=text,
            depth=depth,
            provenance=token.block.provenance,
            heading=heading,
            tentative=tentative,
        )
        unit.fields.append(draft)
        self.current_field = draft
        if self.current_list is not None:
            self.current_list = None
            unit.list_closed = True

    def _marker(self, token: Token) -> None:
        unit = self.unit
        if unit is None or unit.directions or unit.marker_in_description:
            self._paragraph(token, token.text)
            return
        if unit.directions_marker is not None and self.marker_line is not None:
            # Two marker lines before any list: the one next to the list is the marker, the
            # earlier one is kept as a description paragraph where it stood.
            line, at = self.marker_line
            unit.description.insert(at, paragraph(line.block, line.text))
        unit.directions_marker = token.marker
        self.marker_line = (token, len(unit.description))
        self.current_list = None
        self.current_field = None
        self.marker_pending = True

    def _paragraph(self, token: Token, text: str, *, numbered: bool = False) -> None:
        """Place a paragraph; a `numbered` one ("1. 要求…。") keeps its label and is never a field."""
        block = token.block
        unit = self.unit
        if unit is None:
            self._preamble(token, text)
            return
        current = self.current_list
        if current is not None and current.items and block.list_depth >= max(current.depth, 1):
            # A further paragraph of the same list item (a loose Markdown list).
            _extend(current.items[-1], text, block)
            return
        if self._field_paragraph(token, text):
            return
        if (current is not None or unit.has_list) and NOTE_PREFIX.match(text):
            self.current_list = None
            unit.list_closed = True
            unit.notes.append(paragraph(block, text))
            return
        if token.field is not None and not numbered:
            self._open_field(token, token.field.label, token.field.rest, depth=0)
            return
        if current is not None or unit.has_list:
            self.current_list = None
            unit.list_closed = True
            unit.unplaced.append(paragraph(block, text))
            return
        unit.description.append(paragraph(block, text))
        if token.lead_in is not None and unit.directions_marker is None:
            unit.directions_marker = token.lead_in
            unit.marker_in_description = True
            self.marker_pending = True

    def _field_paragraph(self, token: Token, text: str) -> bool:
        """Put a paragraph into the open field if it belongs there; return whether it did."""
        current = self.current_field
        if current is None or token.field is not None:
            return False
        block = token.block
        if current.items and block.list_depth >= 1:
            _extend(current.items[-1], text, block)
            return True
        if current.heading or (current.is_empty and not current.tentative):
            current.text = f"{current.text}\n{text}".strip()
            current.provenance = current.provenance.merge(block.provenance)
            return True
        self.current_field = None
        return False

    def _preamble(self, token: Token, text: str) -> None:
        outline = self.outline
        first_paragraph = token.kind is TokenKind.PARAGRAPH and not outline.notes
        if outline.title is None and self.title_heading_index is None and first_paragraph and is_title_like(text):
            outline.title = text.strip()
            return
        outline.notes.append(paragraph(token.block, text))

    def _table(self, token: Token) -> None:
        table = Table(rows=token.block.rows, provenance=token.block.provenance)
        unit = self.unit
        if unit is None:
            self.outline.tables.append(table)
        else:
            unit.tables.append(table)


def _ends_colon(text: str) -> bool:
    return text.rstrip().endswith(_COLON_END)


def _extend(item: DraftItem, text: str, block: Block) -> None:
    item.text = f"{item.text}\n{text.strip()}"
    item.provenance = item.provenance.merge(block.provenance)


def _title_heading(tokens: list[Token]) -> int | None:
    """Return the index of the format heading that is the document title, if one is.

    That is the first unnumbered format heading (a Markdown ``#``, a DOCX Title or heading
    style) when no later unnumbered heading has the same or a higher level: a lone ``#`` over
    ``##`` parts, or a title styled as a heading above numbered section headings.
    """
    headings = [(i, t) for i, t in enumerate(tokens) if t.kind is TokenKind.HEADING]
    if not headings:
        return None
    first_index, first = headings[0]
    level = first.block.heading_level or 1
    if any((t.block.heading_level or 1) <= level for _, t in headings[1:]):
        return None
    return first_index
