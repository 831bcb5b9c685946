"""docparse: turn calls for proposals (PDF, DOCX, HTML, text, Markdown) into a validated outline.

`import docparse` loads only the errors and `load`'s thin front: the model, the pipeline and the
exporters (pydantic, PyYAML, markdown-it) are imported on first use of a name (PEP 562), so a
program that imports docparse and a command that exits early do not pay for them.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from docparse.errors import (
    CorruptDocumentError,
    DecodingError,
    DocparseError,
    DocumentNotFoundError,
    EmptyDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
    OcrUnavailableError,
    StrictModeError,
    UnsupportedFormatError,
)

# `load` is bound here, not lazily: `docparse.load` is also a submodule, and a lazily bound
# name would be shadowed by the module once anything imports `docparse.load` first.
from docparse.load import load

if TYPE_CHECKING:
    from docparse.batch import ParseResult, convert_one
    from docparse.explanation import Explanation, explain
    from docparse.export import to_json, to_markdown, to_yaml
    from docparse.model import Diagnostic, Direction, Document, Section, Severity, Topic, Track
    from docparse.model.compare import outline_data
    from docparse.options import Limits, ParseOptions
    from docparse.pipeline import parse, parse_text

    __version__: str

# A library does not print: its log records (an internal error's traceback) reach the
# application's handlers, and without any they go nowhere rather than to standard error.
logging.getLogger("docparse").addHandler(logging.NullHandler())

# Public name → the module that defines it, imported on first access.
_LAZY = {
    "ParseResult": "docparse.batch",
    "convert_one": "docparse.batch",
    "Diagnostic": "docparse.model",
    "Direction": "docparse.model",
    "Document": "docparse.model",
    "Section": "docparse.model",
    "Severity": "docparse.model",
    "Topic": "docparse.model",
    "Track": "docparse.model",
    "outline_data": "docparse.model.compare",
    "Explanation": "docparse.explanation",
    "explain": "docparse.explanation",
    "Limits": "docparse.options",
    "ParseOptions": "docparse.options",
    "parse": "docparse.pipeline",
    "parse_text": "docparse.pipeline",
    "to_json": "docparse.export",
    "to_markdown": "docparse.export",
    "to_yaml": "docparse.export",
}


def __getattr__(name: str) -> Any:
    """Return the public name `name`, importing its module on first access (PEP 562)."""
    if name == "__version__":
        value: Any = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        raise AttributeError(f"module 'docparse' has no attribute {name!r}")
    globals()[name] = value  # later accesses are plain attribute lookups
    return value


def __dir__() -> list[str]:
    """Return the public names and the module's dunders: not the helpers it imports (`Any`, `logging`)."""
    return sorted({*__all__, "__version__", *(name for name in globals() if name.startswith("__"))})


def _version() -> str:
    # importlib.metadata scans the installed distributions: worth doing only when asked.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docparse-calls")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"


__all__ = [
    "CorruptDocumentError",
    "DecodingError",
    "Diagnostic",
    "Direction",
    "DocparseError",
    "Document",
    "DocumentNotFoundError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Explanation",
    "LimitExceededError",
    "Limits",
    "NoTextLayerError",
    "OcrUnavailableError",
    "ParseOptions",
    "ParseResult",
    "Section",
    "Severity",
    "StrictModeError",
    "Topic",
    "Track",
    "UnsupportedFormatError",
    "__version__",
    "convert_one",
    "explain",
    "load",
    "outline_data",
    "parse",
    "parse_text",
    "to_json",
    "to_markdown",
    "to_yaml",
]
