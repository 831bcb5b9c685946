"""Pydantic models of a parsed call; no I/O and no parser imports."""

from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.document import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    Direction,
    Document,
    Dropped,
    DropReason,
    LabelledField,
    Link,
    ListItem,
    Paragraph,
    Section,
    Source,
    SourceFormat,
    Table,
    TocEntry,
    Topic,
    Track,
)
from docparse.model.provenance import BBox, PageRegion, Provenance

__all__ = [
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "BBox",
    "Diagnostic",
    "Direction",
    "Document",
    "DropReason",
    "Dropped",
    "LabelledField",
    "Link",
    "ListItem",
    "PageRegion",
    "Paragraph",
    "Provenance",
    "Section",
    "Severity",
    "Source",
    "SourceFormat",
    "Table",
    "TocEntry",
    "Topic",
    "Track",
]
