"""The JSON Schema of the exported document, generated from the model."""

from __future__ import annotations

import json
from typing import Any

from docparse.model.document import Document

SCHEMA_FILE = "docparse.schema.json"
# Where the committed schema is published: the project's repository (pyproject's Homepage), so that the
# identifier resolves to the schema of the current version (`schema_version` in it says which).
SCHEMA_ID = f"https://raw.githubusercontent.com/docparse/docparse/main/schemas/{SCHEMA_FILE}"


def schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a document as exported to JSON or YAML."""
    generated = Document.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **generated}


def schema_text() -> str:
    """Return the schema as indented JSON text, as committed in `schemas/`."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
