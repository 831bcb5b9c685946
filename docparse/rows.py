"""Export to rows: a document as flat records for tables (Parquet, a warehouse, a dataframe).

One row per topic, per research direction (nested ones too) and per labelled field (sub-fields
too), in document order. Every row is a plain dict of `str`, `int` or None with the same keys
(`COLUMNS`), so any engine can take it; `arrow_schema()` types them for Parquet writers, which
need an explicit schema (pyarrow is imported only there: the `arrow` extra).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from docparse.batch import convert_one
from docparse.model.document import Direction, Document, FieldPart, LabelledField, ListItem, Section, Table, Topic
from docparse.model.provenance import Provenance
from docparse.options import ParseOptions
from docparse.pipeline import Input

if TYPE_CHECKING:
    import pyarrow

Row = dict[str, str | int | None]

# (name, type, nullable, description): the one list the rows and the Arrow schema follow.
_COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("source", "string", True, "The source name (file name, or the name given); null for bare bytes."),
    ("sha256", "string", False, "SHA-256 of the input bytes: the document's identity."),
    ("call_kind", "string", False, "What kind of call the document is: catalogue, single-topic, guide or mixed."),
    ("document_title", "string", True, "The document's title."),
    ("row", "int64", False, "Position of the row in the document, from 0."),
    ("type", "string", False, "What the row is: topic, direction or field."),
    ("id", "string", False, "The node's id (`1.1`, `1.1/d3`); a field's is its holder's + `/f` + its number."),
    ("parent_id", "string", True, "Id of what holds it: a section, topic, track, direction or field; null at the top."),
    ("topic_id", "string", True, "Id of the topic it is in (a topic's own id); null outside topics."),
    ("topic_title", "string", True, "Title of that topic."),
    ("depth", "int64", False, "Nesting below its holder's list: 0 for a top-level direction or field."),
    ("number", "string", True, "The number in ASCII digits (`1.1`, `3`), where there is one."),
    ("label", "string", True, "The label or marker as printed (`1.1`, `3)`, `（一）`, `-`)."),
    ("title", "string", True, "The title: a topic's heading, a direction's lead phrase, a field's label."),
    ("text", "string", False, "The text: a direction's whole text, a topic's description, a field's content."),
    ("line_start", "int64", True, "First source line (text, Markdown, HTML)."),
    ("line_end", "int64", True, "Last source line, inclusive."),
    ("paragraph_start", "int64", True, "Index of the first body paragraph (DOCX), from 0."),
    ("paragraph_end", "int64", True, "Index of the last body paragraph, inclusive."),
    ("page_start", "int64", True, "First page (PDF), from 1."),
    ("page_end", "int64", True, "Last page, inclusive."),
)
COLUMNS: tuple[str, ...] = tuple(name for name, *_ in _COLUMNS)


def to_rows(document: Document, *, source: str | None = None) -> list[Row]:
    """Return the rows of `document`: its topics, directions and fields, in document order.

    `source` names the document in every row (default: `document.source.name`).
    """
    head: Row = {
        "source": source if source is not None else document.source.name,
        "sha256": document.source.sha256,
        "call_kind": document.kind.value,
        "document_title": document.title,
    }
    rows: list[Row] = []
    for row in _iter_rows(document):
        rows.append({**head, "row": len(rows), **row})
    return rows


def file_rows(
    source: Input, name: str | None = None, options: ParseOptions | None = None
) -> tuple[list[Row], dict[str, str | None] | None]:
    """Return the rows of one input and None, or no rows and its failure record; never raise for the document.

    `name` (default: the path) labels the rows and the record: `source`, `error` (the error's
    class name), `message`, `cause`. A batch engine maps this over paths or bytes.
    """
    label = name if name is not None else (os.fsdecode(source) if isinstance(source, str | os.PathLike) else None)
    result = convert_one(source, name=os.path.basename(label) if label else None, options=options)
    if result.document is None:
        return [], {"source": label, "error": result.error_kind, "message": result.message, "cause": result.cause}
    return to_rows(result.document, source=label), None


def arrow_schema() -> pyarrow.Schema:
    """Return the Arrow schema of the rows (needs pyarrow: ``pip install 'docparse-calls[arrow]'``)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64()}
    return pa.schema(
        [
            pa.field(name, types[kind], nullable=nullable, metadata={"description": about})
            for name, kind, nullable, about in _COLUMNS
        ],
        metadata={"docparse.rows": "1"},
    )


def to_arrow(rows: Iterable[Row]) -> pyarrow.Table:
    """Return `rows` (of one document or many) as an Arrow table of `arrow_schema()`."""
    import pyarrow as pa

    return pa.Table.from_pylist(list(rows), schema=arrow_schema())


def _iter_rows(document: Document) -> Iterator[dict[str, Any]]:
    yield from _fields(_own_fields(document.preamble), holder=None, topic=None)
    topic: Topic | None = None
    section: str | None = None
    for node in document.iter_nodes():
        if isinstance(node, Topic):
            topic = node
            yield _topic_row(node, parent=section)
        elif isinstance(node, Section):
            topic, section = None, node.id
        yield from _directions(node.directions, holder=node.id, topic=topic, depth=0)
        yield from _fields(node.fields, holder=node.id, topic=topic)


def _topic_row(node: Topic, *, parent: str | None) -> dict[str, Any]:
    return {
        "type": "topic",
        "id": node.id,
        "parent_id": parent,
        "topic_id": node.id,
        "topic_title": node.title,
        "depth": 0,
        "number": node.number,
        "label": node.label,
        "title": node.title,
        "text": _join(_part_text(part) for part in node.description),
        **_where(node.provenance),
    }


def _directions(
    items: tuple[Direction, ...], *, holder: str, topic: Topic | None, depth: int
) -> Iterator[dict[str, Any]]:
    for item in items:
        yield {
            "type": "direction",
            "id": item.id,
            "parent_id": holder,
            **_in_topic(topic),
            "depth": depth,
            "number": None if item.number is None else str(item.number),
            "label": item.label,
            "title": item.title,
            "text": item.text,
            **_where(item.provenance),
        }
        yield from _directions(item.children, holder=item.id, topic=topic, depth=depth + 1)


def _fields(
    items: Iterable[LabelledField], *, holder: str | None, topic: Topic | None, depth: int = 0
) -> Iterator[dict[str, Any]]:
    for index, item in enumerate(items, 1):
        row_id = f"{holder or 'preamble'}/f{index}"
        yield {
            "type": "field",
            "id": row_id,
            "parent_id": holder,
            **_in_topic(topic),
            "depth": depth,
            "number": None,
            "label": item.marker,
            "title": item.label,
            "text": _join(
                [item.text, *(_part_text(part) for part in item.items if not isinstance(part, LabelledField))]
            ),
            **_where(item.provenance),
        }
        yield from _fields(_own_fields(item.items), holder=row_id, topic=topic, depth=depth + 1)


def _own_fields(parts: Iterable[FieldPart]) -> list[LabelledField]:
    return [part for part in parts if isinstance(part, LabelledField)]


def _in_topic(topic: Topic | None) -> dict[str, Any]:
    return (
        {"topic_id": None, "topic_title": None} if topic is None else {"topic_id": topic.id, "topic_title": topic.title}
    )


def _part_text(part: FieldPart) -> str:
    """Return one part as plain text: an item with its marker, a table's rows as `a | b` lines."""
    if isinstance(part, ListItem):
        own = f"{part.label} {part.text}" if part.label else part.text
        return _join([own, *(_part_text(child) for child in part.children)])
    if isinstance(part, Table):
        return "\n".join(" | ".join(row) for row in part.rows)
    if isinstance(part, LabelledField):
        return _join([f"{part.label}：{part.text}" if part.text else part.label, *map(_part_text, part.items)])
    return part.text


def _join(texts: Iterable[str]) -> str:
    return "\n".join(text for text in texts if text)


def _where(provenance: Provenance) -> dict[str, int | None]:
    pages = provenance.pages
    return {
        "line_start": provenance.line_start,
        "line_end": provenance.line_end,
        "paragraph_start": provenance.paragraph_start,
        "paragraph_end": provenance.paragraph_end,
        "page_start": pages[0] if pages else None,
        "page_end": pages[-1] if pages else None,
    }
