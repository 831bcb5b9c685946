"""docparse: turn calls for proposals (PDF, DOCX, text, Markdown) into a validated outline."""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docparse.errors import (
        CorruptDocumentError,
        DecodingError,
        DocparseError,
        DocumentNotFoundError,
        EmptyDocumentError,
        EncryptedDocumentError,
        LimitExceededError,
        NoTextLayerError,
        StrictModeError,
        UnsupportedFormatError,
    )
    from docparse.export import to_json, to_markdown, to_yaml
    from docparse.load import load
    from docparse.model import Diagnostic, Direction, Document, Section, Severity, Topic, Track
    from docparse.model.compare import outline_data
    from docparse.options import Limits, ParseOptions
    from docparse.pipeline import parse, parse_text

try:
    __version__ = version("docparse-calls")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

# The public names load on first use (PEP 562): `import docparse` stays light, so the command
# line can handle a Ctrl-C that arrives while the pipeline and its models are being imported.
_HOMES = {
    **dict.fromkeys(
        (
            "CorruptDocumentError",
            "DecodingError",
            "DocparseError",
            "DocumentNotFoundError",
            "EmptyDocumentError",
            "EncryptedDocumentError",
            "LimitExceededError",
            "NoTextLayerError",
            "StrictModeError",
            "UnsupportedFormatError",
        ),
        "docparse.errors",
    ),
    **dict.fromkeys(("to_json", "to_markdown", "to_yaml"), "docparse.export"),
    "load": "docparse.load",
    **dict.fromkeys(("Diagnostic", "Direction", "Document", "Section", "Severity", "Topic", "Track"), "docparse.model"),
    "outline_data": "docparse.model.compare",
    **dict.fromkeys(("Limits", "ParseOptions"), "docparse.options"),
    **dict.fromkeys(("parse", "parse_text"), "docparse.pipeline"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'docparse' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


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
    "LimitExceededError",
    "Limits",
    "NoTextLayerError",
    "ParseOptions",
    "Section",
    "Severity",
    "StrictModeError",
    "Topic",
    "Track",
    "UnsupportedFormatError",
    "__version__",
    "load",
    "outline_data",
    "parse",
    "parse_text",
    "to_json",
    "to_markdown",
    "to_yaml",
]
