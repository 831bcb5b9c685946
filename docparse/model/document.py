"""The call-for-proposals outline: Document → Section → Topic (→ Track) → Direction."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator

from docparse.model.base import Model
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import Provenance

SCHEMA_NAME: Literal["docparse.Document"] = "docparse.Document"
SCHEMA_VERSION = "1.0.0"

SourceFormat = Literal["text", "markdown", "pdf", "docx"]


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


class Paragraph(Model):
    """A paragraph of running text."""

    text: str = Field(description="The text, markup removed, lines joined.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the paragraph is in the source.")


class Table(Model):
    """A table kept as rows of cell texts."""

    rows: tuple[tuple[str, ...], ...] = Field(description="Cell texts, row by row.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the table is in the source.")


class ListItem(Model):
    """An item of a list that is not a list of directions (the items of a labelled field)."""

    label: str | None = Field(default=None, description="The bullet or number as printed, if any.")
    text: str = Field(description="The item's text without label and markup.")
    children: tuple[ListItem, ...] = Field(default=(), description="Nested items.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the item is in the source.")


class LabelledField(Model):
    """A labelled field such as `研究内容：…`, `**验收标准**：` + a list, or `Scope: …`."""

    marker: str | None = Field(default=None, description="The bullet or number before the label, if any.")
    label: str = Field(description="The label as printed, without the trailing colon.")
    text: str = Field(default="", description="The run-in text after the label, and paragraphs under it.")
    items: tuple[ListItem, ...] = Field(default=(), description="List items under the label, nested as printed.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the field is in the source.")


class Direction(Model):
    """One research direction of a topic or track, usually a numbered list item."""

    id: str = Field(description="Stable id from the numbering path, e.g. `1.1/d3`.")
    number: int | None = Field(description="The direction's number (1 for `1)`); null for bullets.")
    label: str = Field(description="The label as printed, e.g. `1)`, `（一）`, `-`.")
    title: str | None = Field(
        description="The lead phrase: bold run, or the text before `：`/`:`; null where there is none."
    )
    body: str = Field(description="The text after the title (the whole text when there is no title).")
    text: str = Field(description="The full text without label and without markup.")
    children: tuple[Direction, ...] = Field(default=(), description="Nested items under this direction.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where the direction is in the source.")


# Outline nodes are written with their identity first, whatever the declaration order.
_LEADING_KEYS = ("id", "number", "label", "marker", "title")


class _Content(Model):
    """What any outline node may hold under its heading; subclasses add their identity."""

    description: tuple[Paragraph, ...] = Field(default=(), description="Paragraphs before the directions.")
    directions_marker: str | None = Field(
        default=None, description="The directions marker as printed (`建议研究方向`), without its colon."
    )
    marker_in_description: bool = Field(
        default=False,
        description="The marker is the closing sentence of the last description paragraph (a lead-in such as "
        "`Specific areas of research include…:`), not a line of its own.",
    )
    directions: tuple[Direction, ...] = Field(default=(), description="Research directions, in order.")
    fields: tuple[LabelledField, ...] = Field(default=(), description="Labelled fields (`研究内容：…`), in order.")
    tables: tuple[Table, ...] = Field(default=(), description="Tables inside this node, in order.")
    notes: tuple[Paragraph, ...] = Field(
        default=(), description="Notes after the directions list (`注：…`, `Note: …`)."
    )
    unplaced: tuple[Paragraph, ...] = Field(
        default=(),
        description="Paragraphs after the directions list that could not be placed with confidence "
        "(reported as DP401).",
    )
    provenance: Provenance = Field(default_factory=Provenance, description="Where the heading is in the source.")

    @model_serializer(mode="wrap")
    def _identity_first(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        head = {key: data.pop(key) for key in _LEADING_KEYS if key in data}
        return {**head, **data}


class Track(_Content):
    """A sub-topic inside a topic, such as the `■` items under 2.2 of the reference call."""

    id: str = Field(description="Stable id from the numbering path, e.g. `2.2/t1`.")
    marker: str = Field(description="The bullet or label that introduces the track, e.g. `■`.")
    title: str = Field(description="The heading text without its bullet.")


class Topic(_Content):
    """A topic of the call (`1.1 机器学习基础理论`)."""

    id: str = Field(description="Stable id from the numbering path, e.g. `1.1`.")
    number: str | None = Field(
        description="The number in ASCII digits (`1.1`; `236` for `No.236`); null if unnumbered."
    )
    label: str | None = Field(default=None, description="The label as printed (`1.1`, `No.236：`).")
    title: str = Field(description="The heading text without its numbering.")
    tracks: tuple[Track, ...] = Field(default=(), description="Sub-topics, in order.")


class Section(_Content):
    """A top-level division of the call (`1. 开放课题`); its own content sits before its topics."""

    id: str = Field(description="Stable id from the numbering path, e.g. `1`.")
    number: str | None = Field(description="The number in ASCII digits (`1`; `1` for `一、`); null if unnumbered.")
    label: str | None = Field(default=None, description="The label as printed (`1.`, `一、`).")
    title: str | None = Field(description="The heading text without numbering; null for an implicit section.")
    topics: tuple[Topic, ...] = Field(default=(), description="Topics, in order.")


class TocEntry(Model):
    """One line of the table of contents."""

    number: str | None = Field(description="The numbering (`1.1`), null if the entry has none.")
    label: str | None = Field(default=None, description="The numbering as printed (`1.`, `1.1`).")
    title: str = Field(description="The entry's title without numbering, leaders and page.")
    page: int | None = Field(description="The page number printed in the entry; null if none.")
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


class Dropped(Model):
    """Text that is in the input but deliberately not in the outline."""

    text: str = Field(description="The text that was dropped.")
    reason: DropReason = Field(description="Why it was dropped.")
    provenance: Provenance = Field(default_factory=Provenance, description="Where it was in the source.")


class Document(Model):
    """A parsed call for proposals."""

    schema_name: Literal["docparse.Document"] = Field(default=SCHEMA_NAME, description="Name of this schema.")
    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this schema (semantic versioning).")
    source: Source = Field(description="The input this document was parsed from.")
    label: str | None = Field(default=None, description="The attachment label (`附件一`), without colon.")
    title: str | None = Field(default=None, description="The document title (`申报主题`).")
    notes: tuple[Paragraph, ...] = Field(default=(), description="Preamble paragraphs before the first section.")
    toc_title: str | None = Field(default=None, description="The heading of the table of contents (`申报主题目录`).")
    toc: tuple[TocEntry, ...] = Field(default=(), description="Table of contents entries, in order.")
    tables: tuple[Table, ...] = Field(default=(), description="Tables before the first section.")
    sections: tuple[Section, ...] = Field(default=(), description="The outline.")
    links: tuple[Link, ...] = Field(
        default=(), description="Hyperlinks in the text (their text stays in the outline), in order."
    )
    dropped: tuple[Dropped, ...] = Field(default=(), description="Text left out of the outline, with the reason.")
    diagnostics: tuple[Diagnostic, ...] = Field(default=(), description="Findings about the content.")

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Document:
        seen: set[str] = set()
        for node_id in self.iter_ids():
            if node_id in seen:
                raise ValueError(f"duplicate node id {node_id!r}")
            seen.add(node_id)
        return self

    def iter_ids(self) -> list[str]:
        """Return every node id in document order."""
        ids: list[str] = []

        def directions(items: tuple[Direction, ...]) -> None:
            for item in items:
                ids.append(item.id)
                directions(item.children)

        for section in self.sections:
            ids.append(section.id)
            directions(section.directions)
            for topic in section.topics:
                ids.append(topic.id)
                directions(topic.directions)
                for track in topic.tracks:
                    ids.append(track.id)
                    directions(track.directions)
        return ids

    @property
    def unplaced(self) -> tuple[Paragraph, ...]:
        """Return the paragraphs of every node that could not be placed, in document order."""
        nodes: list[_Content] = []
        for section in self.sections:
            nodes.append(section)
            for topic in section.topics:
                nodes.append(topic)
                nodes.extend(topic.tracks)
        return tuple(paragraph for node in nodes for paragraph in node.unplaced)

    def iter_topics(self) -> list[Topic]:
        """Return every topic in document order."""
        return [topic for section in self.sections for topic in section.topics]


Direction.model_rebuild()
ListItem.model_rebuild()
