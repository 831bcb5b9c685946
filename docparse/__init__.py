"""docparse: turn calls for proposals (PDF, DOCX, HTML, text, Markdown) into a validated outline."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docparse.batch import ParseResult, convert_one
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
    from docparse.export import to_json, to_markdown, to_yaml
    from docparse.load import load
    from docparse.model import Diagnostic, Direction, Document, Section, Severity, Topic, Track
    from docparse.model.compare import outline_data
    from docparse.options import Limits, ParseOptions
    from docparse.pipeline import parse, parse_text

# A library does not print: its log records (an internal error's traceback) reach the
# application's handlers, and without any they go nowhere rather than to standard error.
logging.getLogger("docparse").addHandler(logging.NullHandler())

# The public names load on first use (PEP 562): `import docparse` stays light, so the command
# line can handle a Ctrl-C that arrives while the pipeline and its models are being imported,
# and a program that only needs one exporter does not pay for the others.
_HOMES = {
    **dict.fromkeys(("ParseResult", "convert_one"), "docparse.batch"),
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
            "OcrUnavailableError",
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


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("docparse-calls")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":  # reading the installed metadata costs a scan of sys.path
        value: Any = _version()
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'docparse' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES, "__version__"})


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
    "load",
    "outline_data",
    "parse",
    "parse_text",
    "to_json",
    "to_markdown",
    "to_yaml",
]
