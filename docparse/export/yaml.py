"""Export to YAML: block style, readable Chinese, loadable with `yaml.safe_load`."""

from __future__ import annotations

import yaml

from docparse.export.json import to_data
from docparse.model.document import Document


def to_yaml(document: Document, *, provenance: bool = True) -> str:
    """Return the document as block-style YAML with Unicode kept as is (without provenance records if asked)."""
    return yaml.safe_dump(
        to_data(document, provenance=provenance),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
