"""Compare documents by their outline, ignoring where things came from."""

from __future__ import annotations

from typing import Any

from docparse.model.document import Document

# Fields that say where the text came from or how it was set, not what it says: a title in bold
# in one rendition of a call and in plain type in another is the same outline, and so is a table
# whose merged cells (`Table.spans`) a Markdown rendition cannot draw.
PROVENANCE_FIELDS = frozenset({"provenance", "title_bold", "bold", "spans"})
# The tables read as topics are the same grid as the topics: the outline is the topics, and a format
# (or the exported Markdown, which writes the topics' table again under its own header) may print it otherwise.
DOCUMENT_ONLY_FIELDS = frozenset({"source", "dropped", "diagnostics", "links", "topic_tables"})


def outline_data(document: Document) -> dict[str, Any]:
    """Return the document as data without `source`, dropped noise, diagnostics, links, tables read as
    topics, provenance, type style or merged cells.

    Two parses of the same call from different formats (or a parse of the exported Markdown)
    are expected to give equal outline data.
    """
    data = document.model_dump(mode="json", exclude=set(DOCUMENT_ONLY_FIELDS))
    return _strip(data)  # type: ignore[no-any-return]


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in PROVENANCE_FIELDS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value
