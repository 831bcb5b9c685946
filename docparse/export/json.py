"""Export to JSON: UTF-8, not ASCII-escaped, keys in model field order."""

from __future__ import annotations

import json
from typing import Any

from docparse.model.document import Document


def to_data(document: Document, *, provenance: bool = True) -> dict[str, Any]:
    """Return the document as plain JSON-compatible data (the order of keys is the model's).

    Without `provenance`, every `provenance` record is left out: the data is leaner and still
    loads as a `Document` (each position then reads as unknown).
    """
    data = document.model_dump(mode="json")
    return data if provenance else _without_provenance(data)


def to_json(document: Document, *, provenance: bool = True) -> str:
    """Return the document as indented JSON text ending in a newline."""
    return json.dumps(to_data(document, provenance=provenance), ensure_ascii=False, indent=2) + "\n"


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k != "provenance"}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value
