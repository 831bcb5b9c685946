"""Export stage: Document → JSON, YAML or Markdown text. Reads only the model."""

from docparse.export.json import to_json
from docparse.export.markdown import to_markdown
from docparse.export.yaml import to_yaml

EXPORTERS = {"json": to_json, "yaml": to_yaml, "md": to_markdown}

__all__ = ["EXPORTERS", "to_json", "to_markdown", "to_yaml"]
