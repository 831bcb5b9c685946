"""Read stage: bytes of one format → blocks. The only place that imports format libraries."""

from __future__ import annotations

from docparse.blocks import Reading
from docparse.errors import LimitExceededError, UnsupportedFormatError
from docparse.options import ParseOptions
from docparse.read.detect import FORMATS, detect_format

__all__ = ["FORMATS", "detect_format", "read_blocks"]


def read_blocks(data: bytes, *, options: ParseOptions, name: str | None = None, format: str | None = None) -> Reading:
    """Return the blocks of `data`, read by the reader of its detected (or given) format."""
    limit = options.limits.max_input_bytes
    if len(data) > limit:
        raise LimitExceededError(
            f"input is {len(data)} bytes, over the limit of {limit} (limits.max_input_bytes)", path=name
        )
    if format is None:
        format = detect_format(data, name)
    elif format not in FORMATS:
        raise UnsupportedFormatError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", path=name)
    if format == "pdf":
        from docparse.read.pdf import read_pdf

        return read_pdf(data, options=options, name=name)
    if format == "docx":
        from docparse.read.docx import read_docx

        return read_docx(data, options=options, name=name)
    if format == "html":
        from docparse.read.html import read_html

        return read_html(data, options=options, name=name)
    from docparse.read.text import read_text

    return read_text(data, options=options, name=name, markdown=format == "markdown")
