"""The call-for-proposals outline: Document → Section → Topic (→ Track) → Direction.

Every outline node holds its content in typed lists (description parts, directions, fields,
notes, unplaced text) and lists them in document order in `order`, so nothing the call says is
reordered: a bullet list in the middle of a description stays there, with its markers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from docparse.formats import SourceFormat
from docparse.model.base import Model
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import Provenance

SCHEMA_NAME: Literal["docparse.Document"] = "docparse.Document"
SCHEMA_VERSION = "2.7.0"


class CallKind(StrEnum):
    """What kind of call a document is; it decides what its numbered headings become."""

    CATALOGUE = "catalogue"
    """Many topics (the reference call, task lists, idea lists, a topic index followed by topics)."""
    SINGLE_TOPIC = "single-topic"
    """The document is one topic (a 揭榜挂帅 题目, a 赛题, one DoD or Horizon Europe topic, one RFP)."""
    GUIDE = "guide"
    """Instructions without topics (a 申請須知, a BAA, an application form)."""
    MIXED = "mixed"
    """Instructions, then topics (component instructions followed by a topic index and topics)."""


class SectionRole(StrEnum):
    """What a top-level part of the document is."""

    BODY = "body"
    """A part of the call itself."""
    APPENDIX = "appendix"
    """An appendix or attachment after the body (`附：…`, `附件二`, `Appendix A`)."""
    TOPIC_INDEX = "topic-index"
    """A listing of the topics (`Topic Index`): it names the topics, it does not hold them."""


class Metadata(Model):
    """What the file says about itself: a DOCX's core properties, a PDF's Info dictionary (its XMP
    packet filling the gaps), a web page's ``<title>`` and ``<meta>`` tags.

    Recorded as written (trimmed, control characters removed, at most 1,000 characters a value)
    and never used to build the outline: a template's stale title or a converter's dates must not
    change what the call says. A date that cannot be read is left null.
    """

    title: str | None = Field(default=None, description="The title the file declares (not the outline's title).")
    author: str | None = Field(default=None, description="Author or creator.")
    subject: str | None = Field(default=None, description="Subject or description.")
    keywords: str | None = Field(default=None, description="Keywords, as one string as written.")
    created: datetime | None = Field(default=None, description="When the file was created (ISO 8601).")
    modified: datetime | None = Field(default=None, description="When the file was last modified (ISO 8601).")
    producer: str | None = Field(
        default=None,
        description="The program that wrote the file (PDF Producer, DOCX Application, HTML generator).",
    )

    def is_empty(self) -> bool:
        """Return whether the file declared nothing."""
        return not any(getattr(self, name) is not None for name in type(self).model_fields)


class Source(Model):
    """The input the document was parsed from."""

    name: str | None = Field(
        default=None, description="File name without directories; null for bytes or standard input."
    )
    format: SourceFormat = Field(description="Detected input format.")
    sha256: str = Field(description="SHA-256 of the input bytes, lowercase hex.", pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, description="Size of the input in bytes.")
    encoding: str | None = Field(default=None, description="Detected text encoding (text formats only).")
    pages: int | None = Field(default=None, ge=0, description="Number of pages, for formats that have pages.")
    metadata: Metadata = Field(
        default_factory=Metadata,
        description="What the file says about itself (title, author, dates); empty for plain text.",
    )


class Paragraph(Model):
    """A paragraph of running text."""

    type: Literal["paragraph"] = Field(default="paragraph", description="The kind of part.")
    text: str = Field(description="The text, markup removed, lines joined.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the paragraph is in the source.")


class Code(Model):
    """Preformatted text (a fenced or indented code block), kept verbatim."""

    type: Literal["code"] = Field(default="code", description="The kind of part.")
    text: str = Field(description="The lines exactly as written, joined by newlines.")
    info: str | None = Field(default=None, description="The info string of a fenced block (`python`), if any.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the block is in the source.")


class CellSpan(Model):
    """A cell of a table that spans more than one position of its grid (a merged cell)."""

    row: int = Field(ge=0, description="The row of the cell's top-left position in `rows`, from 0.")
    column: int = Field(ge=0, description="The column of the cell's top-left position, from 0.")
    rows: int = Field(default=1, ge=1, description="How many rows the cell spans.")
    columns: int = Field(default=1, ge=1, description="How many columns the cell spans.")


class Table(Model):
    """A table kept as rows of cell texts."""

    type: Literal["table"] = Field(default="table", description="The kind of part.")
    rows: tuple[tuple[str, ...], ...] = Field(description="Cell texts, row by row.")
    spans: tuple[CellSpan, ...] = Field(
        default=(),
        description="The cells that span several rows or columns (DOCX `gridSpan`/`vMerge`, HTML `colspan`/"
        "`rowspan`, a PDF cell across rulings): the text is at the cell's top-left position in `rows`, the "
        "other positions it covers hold empty strings. Empty (and left out of exports) when no cell spans.",
    )
    provenance: Provenance = Field(default_factory=Provenance, description="Where the table is in the source.")

    @model_serializer(mode="wrap")
    def _spans_when_any(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # `spans` is written only for a table with merged cells: every other export stays as it was.
        data: dict[str, Any] = handler(self)
        if not data.get("spans", True):
            del data["spans"]
        return data


class ListItem(Model):
    """An item of a list that is not a list of directions (steps, rules, the items of a field)."""

    type: Literal["item"] = Field(default="item", description="The kind of part.")
    label: str | None = Field(default=None, description="The bullet or number as printed, if any.")
    text: str = Field(description="The item's text without label and markup.")
    children: tuple[ListItem, ...] = Field(default=(), description="Nested items.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the item is in the source.")


Part = Annotated[Paragraph | ListItem | Code | Table, Field(discriminator="type")]
"""A piece of running content: a paragraph, a list item (with its marker), code, or a table."""


class LabelledField(Model):
    """A labelled field such as `研究内容：…`, `**验收标准**：` + a list, `OBJECTIVE:`, or a clause
    `一、发榜单位` of a single-topic call; its parts (paragraphs, items, sub-fields, tables, code)
    are in document order."""

    type: Literal["field"] = Field(default="field", description="The kind of part.")
    marker: str | None = Field(default=None, description="The bullet or number before the label, if any.")
    label: str = Field(description="The label as printed, without the trailing colon.")
    colon: str | None = Field(
        default=None,
        description="The colon printed after the label with the spaces around it (`：`, `: `), so that an export "
        "writes it as printed; null where none was printed (a label set as a heading, a clause).",
    )
    bold: Literal["label", "label+colon"] | None = Field(
        default=None,
        description="How the label was printed in bold, so that an export sets it so again: `label` for the label "
        "alone (`**Label**:`), `label+colon` for the label and its colon (`**Label:**`). Null (and left out of "
        "exports) where the label was not bold.",
    )
    text: str = Field(default="", description="The run-in text after the label, on the label's line.")
    heading: bool = Field(
        default=False,
        description="The label stands as a heading of its own (a clause `一、发榜单位`, `#### 考核指标`, a bold line), "
        "so that it holds what follows until the next heading or label of its level.",
    )
    items: tuple[FieldPart, ...] = Field(
        default=(),
        description="What sits under the label, in document order: paragraphs, list items (nested as printed), "
        "sub-fields, tables and code.",
    )
    cell: Literal["row", "column"] | None = Field(
        default=None,
        description="Where a field read from a table has its label: `row`, the first cell of its row (a label "
        "table, `Mentor | …`); `column`, the header of its column, printed once above rows that are topics "
        "(the header row is then in `dropped` as `column-header`). Null (and left out of exports) otherwise.",
    )
    provenance: Provenance = Field(default_factory=Provenance, description="Where the field is in the source.")

    @model_serializer(mode="wrap")
    def _cell_when_set(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # `cell` is written only where a table gave the field, `bold` only where the label was bold:
        # every other export stays as it was.
        data: dict[str, Any] = handler(self)
        if data.get("cell", "") is None:
            del data["cell"]
        if data.get("bold", "") is None:
            del data["bold"]
        return data

    def iter_fields(self) -> Iterator[LabelledField]:
        """Yield the sub-fields of this field, depth first, in document order."""
        for item in self.items:
            if isinstance(item, LabelledField):
                yield item
                yield from item.iter_fields()

    def iter_parts(self) -> Iterator[Part]:
        """Yield the paragraphs, list items, code and tables under this field and its sub-fields, in order."""
        yield from _iter_parts(self.items)


FieldPart = Annotated[Paragraph | ListItem | Code | Table | LabelledField, Field(discriminator="type")]


def _iter_parts(items: Iterable[Paragraph | ListItem | Code | Table | LabelledField]) -> Iterator[Part]:
    for item in items:
        if isinstance(item, LabelledField):
            yield from item.iter_parts()
        else:
            yield item


class Direction(Model):
    """One research direction of a topic or track: an item a proposer chooses among."""

    id: str = Field(description="Stable id from the numbering path, e.g. `1.1/d3`.")
    number: int | None = Field(description="The direction's number (1 for `1)`); null for bullets.")
    label: str = Field(description="The label as printed, e.g. `1)`, `（一）`, `-`.")
    title: str | None = Field(
        description="The lead phrase: bold run, or the text before `：`/`:`; null where there is none."
    )
    title_bold: bool = Field(
        default=False, description="The title was printed in bold (so that an export sets it in bold only then)."
    )
    body: str = Field(description="The text after the title (the whole text when there is no title).")
    text: str = Field(description="The full text without label and without markup.")
    children: tuple[Direction, ...] = Field(default=(), description="Nested items under this direction.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the direction is in the source.")


# Outline nodes are written with their identity first, whatever the declaration order.
_LEADING_KEYS = ("id", "number", "label", "identifier", "marker", "role", "title")
CONTENT_SLOTS = ("description", "directions", "fields", "notes", "unplaced")


class _Content(Model):
    """What any outline node may hold under its heading; subclasses add their identity."""

    description: tuple[Part, ...] = Field(
        default=(), description="Running content under the heading: paragraphs, list items, tables, code."
    )
    directions_marker: str | None = Field(
        default=None, description="The directions marker as printed (`建议研究方向`), without its colon."
    )
    marker_in_description: bool = Field(
        default=False,
        description="The marker is the closing sentence of a description paragraph or field (a lead-in such as "
        "`Specific areas of research include…:`), not a line of its own.",
    )
    directions: tuple[Direction, ...] = Field(default=(), description="Research directions, in order.")
    fields: tuple[LabelledField, ...] = Field(default=(), description="Labelled fields (`研究内容：…`), in order.")
    notes: tuple[Paragraph, ...] = Field(
        default=(), description="Notes after the directions list (`注：…`, `Note: …`)."
    )
    unplaced: tuple[Part, ...] = Field(
        default=(),
        description="Content after the directions list that could not be placed with confidence (reported as DP401).",
    )
    order: tuple[str, ...] = Field(
        default=(),
        description="The node's content in document order, as references `slot/index` into its own lists "
        "(`description/0`, `directions/0`, `fields/1`, `notes/0`, `unplaced/0`); every item once. Empty means "
        "the slots in that order.",
    )
    provenance: Provenance = Field(default_factory=Provenance, description="Where the heading is in the source.")

    @model_serializer(mode="wrap")
    def _identity_first(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        head = {key: data.pop(key) for key in _LEADING_KEYS if key in data}
        return {**head, **data}

    @model_validator(mode="after")
    def _order_lists_every_item(self) -> _Content:
        if self.order:
            expected = sorted(self.default_order())
            if sorted(self.order) != expected:
                raise ValueError(f"order {list(self.order)} must list each of {expected} exactly once")
        return self

    def default_order(self) -> tuple[str, ...]:
        """Return the references of every content item, slot by slot."""
        return tuple(f"{slot}/{i}" for slot in CONTENT_SLOTS for i in range(len(getattr(self, slot))))

    def iter_content(self) -> Iterator[tuple[str, Paragraph | ListItem | Code | Table | Direction | LabelledField]]:
        """Yield (slot, item) for every content item, in document order."""
        for ref in self.order or self.default_order():
            slot, _, index = ref.partition("/")
            yield slot, getattr(self, slot)[int(index)]

    def iter_parts(self) -> Iterator[Part]:
        """Yield the node's own paragraphs, list items, code and tables (those in its fields included), in
        document order; directions are not parts, and sub-nodes are not included."""
        for _slot, item in self.iter_content():
            if not isinstance(item, Direction):
                yield from _iter_parts((item,))


class Track(_Content):
    """A sub-topic inside a topic, such as the `■` items under 2.2 of the reference call."""

    id: str = Field(description="Stable id from the numbering path, e.g. `2.2/t1`.")
    marker: str = Field(description="The bullet or label that introduces the track, e.g. `■`.")
    title: str = Field(description="The heading text without its bullet.")


class Topic(_Content):
    """A topic of the call (`1.1 机器学习基础理论`, `No.236：…`, `A254-049 TITLE: …`)."""

    id: str = Field(description="Stable id from the numbering path or identifier, e.g. `1.1`, `A254-049`.")
    number: str | None = Field(
        description="The number in ASCII digits (`1.1`; `236` for `No.236`); the identifier for identifier "
        "labels; null if unnumbered."
    )
    label: str | None = Field(default=None, description="The label as printed (`1.1`, `No.236：`, `XH-202603`).")
    identifier: str | None = Field(
        default=None, description="The topic's identifier (`XH-202603`, `A254-049`, `No.236`), where it has one."
    )
    title: str = Field(description="The heading text without its numbering.")
    tracks: tuple[Track, ...] = Field(default=(), description="Sub-topics, in order.")


class Section(_Content):
    """A division of the call (`1. 开放课题`, `一、申請資格…`, `Appendix A`); its own content sits before
    its sub-sections and topics."""

    id: str = Field(description="Stable id from the numbering path, e.g. `1`, `1.2`, `s3`.")
    number: str | None = Field(description="The number in ASCII digits (`1`; `1` for `一、`); null if unnumbered.")
    label: str | None = Field(default=None, description="The label as printed (`1.`, `一、`, `Appendix A`).")
    role: SectionRole = Field(default=SectionRole.BODY, description="body, appendix or topic-index.")
    title: str | None = Field(
        description="The heading text without numbering; null for an implicit section or a run-in clause, "
        "whose text is its description."
    )
    sections: tuple[Section, ...] = Field(default=(), description="Sub-sections (`1.1` under `1.0`), in order.")
    topics: tuple[Topic, ...] = Field(default=(), description="Topics, in order.")

    def iter_sections(self) -> Iterator[Section]:
        """Yield this section and its sub-sections, depth first."""
        yield self
        for child in self.sections:
            yield from child.iter_sections()


class TocEntry(Model):
    """One line of the table of contents."""

    number: str | None = Field(description="The numbering (`1.1`), null if the entry has none.")
    label: str | None = Field(default=None, description="The numbering as printed (`1.`, `1.1`, `Appendix A:`).")
    title: str = Field(description="The entry's title without numbering, leaders and page.")
    page: int | None = Field(description="The page number printed in the entry, when in arabic digits; else null.")
    page_label: str | None = Field(
        default=None, description="The page reference as printed (`12`, `ii`, `A-1 – A-6`); null if none."
    )
    level: int = Field(ge=1, description="Outline level of the entry, 1 = top.")
    target: str | None = Field(default=None, description="Id of the body node the entry points to, if found.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the entry is in the source.")


class Link(Model):
    """A hyperlink in the text: its visible text and its target."""

    text: str = Field(description="The link's visible text.")
    target: str = Field(description="The URL or in-document anchor (`#name`) it points to.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the link is in the source.")


class DropReason(StrEnum):
    """Why text was left out of the outline."""

    BACK_LINK = "back-link"
    PAGE_NUMBER = "page-number"
    RUNNING_HEADER = "running-header"
    RUNNING_FOOTER = "running-footer"
    MARKUP = "markup"
    WATERMARK = "watermark"
    FOOTNOTE = "footnote"
    EMPTY = "empty"
    HEADING_TAG = "heading-tag"
    """A tag that only announces a heading's title (`TITLE:` after a topic identifier)."""
    SITE_CHROME = "site-chrome"
    """Web-page furniture around the call: menus, breadcrumbs, sidebars, page header and footer."""
    HIDDEN = "hidden"
    """Text a browser or Word does not show (`hidden`, `aria-hidden`, `display:none`; Word's hidden runs)."""
    COMMENT = "comment"
    """A reviewer's comment on the text (Word comments), not part of the text itself."""
    EMBEDDED = "embedded"
    """A part embedded in the document that docparse cannot read (a Word altChunk of RTF): its name is recorded."""
    FOOTNOTE_MARK = "footnote-mark"
    """A superscript note reference (`前沿。¹`) taken out of the running text; the note itself is `footnote`."""
    CONTROL = "control-character"
    """Characters that are no text (NUL and other controls, bidi overrides) from a bad PDF ToUnicode map."""
    COLUMN_HEADER = "column-header"
    """A table's header row naming its columns, where the rows were read as fields (``Field | Value``) or as
    topics whose fields the columns label (``项目 | 领域 | 技能``)."""
    DECORATION = "decoration"
    """Pictographs printed before the document's title (``🚀 Ideas``): decoration, not part of the title."""
    REPEATED_HEADER = "repeated-header"
    """A table's header row printed again at the top of each page the table continues on."""
    TEXT_LAYER = "text-layer"
    """A PDF page's text layer as read, where OCR read the page instead (glyphs without Unicode, text
    pdfminer could only guess, or every page with ``ocr="always"``)."""


class Dropped(Model):
    """Text that is in the input but deliberately not in the outline."""

    text: str = Field(description="The text that was dropped.")
    reason: DropReason = Field(description="Why it was dropped.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where it was in the source.")


Node = Section | Topic | Track


class Document(Model):
    """A parsed call for proposals."""

    schema_name: Literal["docparse.Document"] = Field(default=SCHEMA_NAME, description="Name of this schema.")
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema (semantic versioning).")
    source: Source = Field(description="The input this document was parsed from.")
    kind: CallKind = Field(
        default=CallKind.CATALOGUE, description="catalogue, single-topic, guide or mixed (see DP501 for why)."
    )
    label: str | None = Field(default=None, description="The attachment label (`附件一`), without colon.")
    title: str | None = Field(default=None, description="The document title (`申报主题`).")
    preamble: tuple[FieldPart, ...] = Field(
        default=(), description="Content before the first section: paragraphs, list items, tables, code."
    )
    toc_title: str | None = Field(default=None, description="The heading of the table of contents (`申报主题目录`).")
    toc: tuple[TocEntry, ...] = Field(default=(), description="Table of contents entries, in order.")
    sections: tuple[Section, ...] = Field(default=(), description="The outline.")
    links: tuple[Link, ...] = Field(
        default=(), description="Hyperlinks in the text (their text stays in the outline), in order."
    )
    dropped: tuple[Dropped, ...] = Field(default=(), description="Text left out of the outline, with the reason.")
    diagnostics: tuple[Diagnostic, ...] = Field(default=(), description="Findings about the content.")
    topic_tables: tuple[Table, ...] = Field(
        default=(),
        description="The tables whose rows are read as topics (one topic a row, under the section the table stood "
        "in), kept as printed, header included: `iter_tables` yields each in its place. Empty (and left out of "
        "exports) when no table is read so.",
    )

    @model_serializer(mode="wrap")
    def _topic_tables_when_any(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # `topic_tables` is written only when a table was read as topics: every other export stays as it was.
        data: dict[str, Any] = handler(self)
        if not data.get("topic_tables", True):
            del data["topic_tables"]
        return data

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Document:
        seen: set[str] = set()
        for node_id in self.iter_ids():
            if node_id in seen:
                raise ValueError(f"duplicate node id {node_id!r}")
            seen.add(node_id)
        return self

    def iter_nodes(self) -> Iterator[Node]:
        """Yield every section, sub-section, topic and track in document order (a parent first)."""
        for section in self.sections:
            yield from _iter_section(section)

    def iter_ids(self) -> list[str]:
        """Return every node id in document order (directions after their node)."""
        ids: list[str] = []

        def directions(items: tuple[Direction, ...]) -> None:
            for item in items:
                ids.append(item.id)
                directions(item.children)

        for node in self.iter_nodes():
            ids.append(node.id)
            directions(node.directions)
        return ids

    @property
    def unplaced(self) -> tuple[Part, ...]:
        """Return the content of every node that could not be placed, in document order."""
        return tuple(part for node in self.iter_nodes() for part in node.unplaced)

    def iter_parts(self) -> Iterator[Part]:
        """Yield every paragraph, list item, code block and table of the document (preamble first, then each
        node's own), in document order."""
        yield from _iter_parts(self.preamble)
        for node in self.iter_nodes():
            yield from node.iter_parts()

    def iter_tables(self) -> Iterator[Table]:
        """Yield every table of the document in document order, those read as topics before their first row's topic.

        A table whose rows are topics is a table the document prints all the same: whoever asks for the
        tables gets its grid as printed (header, columns in order), whoever asks for the topics gets the rows.
        """
        waiting = list(self.topic_tables)
        yield from (part for part in _iter_parts(self.preamble) if isinstance(part, Table))
        for node in self.iter_nodes():
            if waiting and isinstance(node, Topic):
                # A row's topic carries its table's provenance.
                yield from (table for table in waiting if table.provenance == node.provenance)
                waiting = [table for table in waiting if table.provenance != node.provenance]
            yield from (part for part in node.iter_parts() if isinstance(part, Table))
        yield from waiting

    def iter_topics(self) -> Iterator[Topic]:
        """Yield every topic in document order."""
        for node in self.iter_nodes():
            if isinstance(node, Topic):
                yield node

    def is_document_topic(self, topic: Topic) -> bool:
        """Return whether `topic` is the single topic that the document itself is (its title is the document's)."""
        if self.kind is not CallKind.SINGLE_TOPIC or self.title is None or topic.title is None:
            return False
        if topic.number is None and topic.title == self.title:
            return True
        return self.heads_with(topic)

    def heads_with(self, topic: Topic) -> bool:
        """Return whether the document's title is `topic`'s heading as printed (``RFP-010: Vector commitments``)."""
        if self.title is None or not topic.title or not self.title.endswith(topic.title):
            return False
        head = self.title[: -len(topic.title)].strip().rstrip(":：-–— ").strip()
        return bool(head) and head in {topic.label, topic.number, topic.identifier}

    def get(self, node_id: str) -> Node | None:
        """Return the section, topic or track with id `node_id`, or None."""
        return next((node for node in self.iter_nodes() if node.id == node_id), None)

    def iter_directions(self) -> Iterator[Direction]:
        """Yield every research direction in document order (a direction before its sub-items)."""

        def walk(items: tuple[Direction, ...]) -> Iterator[Direction]:
            for item in items:
                yield item
                yield from walk(item.children)

        for node in self.iter_nodes():
            yield from walk(node.directions)

    def find(self, node_id: str) -> Node | Direction | None:
        """Return the section, topic, track or direction with id `node_id` (`1.1`, `1.1/d3`), or None."""
        node = self.get(node_id)
        if node is not None:
            return node
        return next((d for d in self.iter_directions() if d.id == node_id), None)


def _iter_section(section: Section) -> Iterator[Node]:
    yield section
    for child in section.sections:
        yield from _iter_section(child)
    for topic in section.topics:
        yield topic
        yield from topic.tracks


Direction.model_rebuild()
ListItem.model_rebuild()
LabelledField.model_rebuild()
Section.model_rebuild()
