"""Load a document back from its JSON or YAML export."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docparse.model.document import Document


def load(source: str | os.PathLike[str] | bytes) -> Document:
    """Return the Document stored in a JSON or YAML export (a path, or the export's bytes)."""
    # Imported here: `import docparse` binds `load` eagerly and must stay cheap.
    import json

    import yaml
    from pydantic import ValidationError

    from docparse.errors import CorruptDocumentError
    from docparse.model.document import Document
    from docparse.pipeline import read_source

    data, name = read_source(source)
    try:
        text = data.decode("utf-8-sig")
        raw = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
        raise CorruptDocumentError("not a docparse JSON or YAML export", path=name, cause=exc) from exc
    try:
        return Document.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise CorruptDocumentError(
            f"not a valid docparse document: {where}: {first['msg']}", path=name, cause=exc
        ) from exc
