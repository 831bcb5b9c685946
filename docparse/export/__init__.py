"""Export stage: Document → JSON, YAML or Markdown text. Reads only the model.

Each exporter's module (and its library: PyYAML, markdown-it) is imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docparse.export.json import to_json
    from docparse.export.markdown import to_markdown
    from docparse.export.yaml import to_yaml
    from docparse.model.document import Document

# Format name (as `docparse convert --to` takes it) → the module and function that write it.
FORMATS = {"json": ("docparse.export.json", "to_json"), "yaml": ("docparse.export.yaml", "to_yaml")}
FORMATS["md"] = ("docparse.export.markdown", "to_markdown")
_FUNCTIONS = {function: module for module, function in FORMATS.values()}


def exporter(format: str) -> Callable[[Document], str]:
    """Return the function that writes a document in `format` (``json``, ``yaml``, ``md``)."""
    module, function = FORMATS[format]
    found: Callable[[Document], str] = getattr(importlib.import_module(module), function)
    return found


def __getattr__(name: str) -> Any:
    """Return `to_json`, `to_yaml`, `to_markdown` or `EXPORTERS`, importing their modules on first access."""
    if name in _FUNCTIONS:
        value: Any = getattr(importlib.import_module(_FUNCTIONS[name]), name)
    elif name == "EXPORTERS":
        value = {format: exporter(format) for format in FORMATS}
    else:
        raise AttributeError(f"module 'docparse.export' has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["EXPORTERS", "FORMATS", "exporter", "to_json", "to_markdown", "to_yaml"]
