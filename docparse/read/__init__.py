"""Read stage: bytes of one format → blocks. The only place that imports format libraries."""

from __future__ import annotations

import importlib
from typing import Protocol

from docparse.blocks import Reading
from docparse.diagnostics import make_diagnostic
from docparse.errors import DecodingError, LimitExceededError, UnsupportedFormatError
from docparse.formats import BY_NAME, FORMAT_NAMES, SourceFormat, format_of_name
from docparse.options import ParseOptions
from docparse.read.detect import binary_kind, detect_format

__all__ = ["FORMAT_NAMES", "detect_format", "read_blocks"]


class Reader(Protocol):
    def __call__(self, data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading: ...


def read_blocks(
    data: bytes, *, options: ParseOptions, name: str | None = None, format: SourceFormat | None = None
) -> Reading:
    """Return the blocks of `data`, read by the reader of its detected (or given) format."""
    limit = options.limits.max_input_bytes
    if len(data) > limit:
        raise LimitExceededError(
            f"input is {len(data)} bytes, over the limit of {limit} (limits.max_input_bytes)", path=name
        )
    detected = format is None
    if format is None:
        format = detect_format(data, name)
    elif format not in BY_NAME:
        raise UnsupportedFormatError(f"unknown format {format!r}; expected one of {', '.join(FORMAT_NAMES)}", path=name)
    elif format in ("text", "markdown") and (kind := binary_kind(data)) is not None:
        # Some PDFs are all ASCII (ASCII85 streams) and would decode: a dump of PDF syntax is not a call.
        raise DecodingError(f"these bytes are {kind}, not text (leave out format= to detect the format)", path=name)
    reading = _read(data, format, options, name)
    if options.pages is not None and not BY_NAME[format].paged:
        reading.diagnostics.append(
            make_diagnostic(
                "pages-ignored", f"{BY_NAME[format].kind} has no pages: pages={options.pages!r} was ignored"
            )
        )
    claimed = claimed_format(name)
    kind = BY_NAME[format].kind
    if detected and claimed is not None and claimed != kind:
        reading.diagnostics.append(
            make_diagnostic(
                "format-name-mismatch",
                f"the name {name!r} says {claimed} but the bytes are {kind}; read as {kind}",
            )
        )
    return reading


def claimed_format(name: str | None) -> str | None:
    """Return the kind of file (``PDF``, ``DOCX``, ``text``) the extension of `name` claims, or None."""
    found = format_of_name(name)
    return found.kind if found is not None else None


def _read(data: bytes, format: SourceFormat, options: ParseOptions, name: str | None) -> Reading:
    # The reader's module is imported here, for the one format read: pdfplumber or lxml only when needed.
    module, function = BY_NAME[format].reader
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader(data, options=options, name=name)
