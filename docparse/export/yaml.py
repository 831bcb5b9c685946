"""Export to YAML: block style, readable Chinese, loadable with `yaml.safe_load`."""

from __future__ import annotations

import yaml

from docparse.export.json import to_data
from docparse.model.document import Document


def to_yaml(document: Document) -> str:
    """Return the document as block-style YAML with Unicode kept as is."""
    return yaml.safe_dump(
        to_data(document), allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000
    )
