"""Export to JSON: UTF-8, not ASCII-escaped, keys in model field order."""

from __future__ import annotations

import json
from typing import Any

from docparse.model.document import Document


def to_data(document: Document) -> dict[str, Any]:
    """Return the document as plain JSON-compatible data (the order of keys is the model's)."""
    return document.model_dump(mode="json")


def to_json(document: Document) -> str:
    """Return the document as indented JSON text ending in a newline."""
    return json.dumps(to_data(document), ensure_ascii=False, indent=2) + "\n"
