"""docparse: turn calls for proposals (PDF, DOCX, text, Markdown) into a validated outline."""

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("docparse-calls")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

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
