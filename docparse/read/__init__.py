"""Read stage: bytes of one format → blocks. The only place that imports format libraries."""

from __future__ import annotations

from docparse.blocks import Reading
from docparse.diagnostics import make_diagnostic
from docparse.errors import DecodingError, LimitExceededError, UnsupportedFormatError
from docparse.options import ParseOptions
from docparse.read.detect import FORMATS, MARKDOWN_SUFFIXES, binary_kind, detect_format

__all__ = ["FORMATS", "detect_format", "read_blocks"]


def read_blocks(data: bytes, *, options: ParseOptions, name: str | None = None, format: str | None = None) -> Reading:
    """Return the blocks of `data`, read by the reader of its detected (or given) format."""
    limit = options.limits.max_input_bytes
    if len(data) > limit:
        raise LimitExceededError(
            f"input is {len(data)} bytes, over the limit of {limit} (limits.max_input_bytes)", path=name
        )
    detected = format is None
    if format is None:
        format = detect_format(data, name)
    elif format not in FORMATS:
        raise UnsupportedFormatError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", path=name)
    elif format in ("text", "markdown") and (kind := binary_kind(data)) is not None:
        # Some PDFs are all ASCII (ASCII85 streams) and would decode: a dump of PDF syntax is not a call.
        raise DecodingError(f"these bytes are {kind}, not text (leave out format= to detect the format)", path=name)
    reading = _read(data, format, options, name)
    if options.pages is not None and format != "pdf":
        reading.diagnostics.append(
            make_diagnostic("pages-ignored", f"{_KIND[format]} has no pages: pages={options.pages!r} was ignored")
        )
    claimed = claimed_format(name)
    if detected and claimed is not None and claimed != _KIND[format]:
        reading.diagnostics.append(
            make_diagnostic(
                "format-name-mismatch",
                f"the name {name!r} says {claimed} but the bytes are {_KIND[format]}; read as {_KIND[format]}",
            )
        )
    return reading


# The format a file name claims, by extension; Markdown and plain text are one kind (the
# extension is what tells them apart, so they cannot disagree with the bytes).
_KIND = {"pdf": "PDF", "docx": "DOCX", "html": "HTML", "text": "text", "markdown": "text"}
_CLAIMS = {
    ".pdf": "PDF",
    ".docx": "DOCX",
    ".docm": "DOCX",
    ".dotx": "DOCX",
    ".txt": "text",
    ".text": "text",
    ".html": "HTML",
    ".htm": "HTML",
}


def claimed_format(name: str | None) -> str | None:
    """Return the kind of file (``PDF``, ``DOCX``, ``text``) the extension of `name` claims, or None."""
    if not name:
        return None
    lowered = name.lower()
    if lowered.endswith(MARKDOWN_SUFFIXES):
        return "text"
    dot = lowered.rfind(".")
    return _CLAIMS.get(lowered[dot:]) if dot >= 0 else None


def _read(data: bytes, format: str, options: ParseOptions, name: str | None) -> Reading:
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
