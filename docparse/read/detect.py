"""Detect the input format from its bytes; the file name's extension is only a hint."""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from docparse.errors import CorruptDocumentError, EmptyDocumentError, UnsupportedFormatError
from docparse.formats import SourceFormat, suffixes
from docparse.read.metadata import front_matter
from docparse.read.zipguard import ZIP_ERRORS

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# Scans docparse reads by OCR (`docparse.read.image`), and images it does not read.
_SCANS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_IMAGES = ((b"GIF8", "a GIF image"),)
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (convert it to DOCX)"),
)
MARKDOWN_SUFFIXES = suffixes("markdown")

# What an HTML page starts with, after a BOM, whitespace, comments and an XML declaration:
# a doctype or one of the tags a page opens with. Matched case-insensitively.
_HTML_START = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|h[1-6]|table|article|main|section)[\s>/]",
    re.IGNORECASE,
)
_LEADING_NOISE = re.compile(rb"(?:\s+|<!--.*?-->|<\?xml[^>]*>)*", re.DOTALL)
_HTML_ANYWHERE = re.compile(rb"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
_SNIFF = 4096
# A docparse export opens with its schema name (the model's first key), in JSON or in YAML.
_EXPORT_START = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{?\s*"?schema_name"?\s*:\s*["\']?docparse\.Document\b')


def detect_format(data: bytes, name: str | None = None) -> SourceFormat:
    """Return ``pdf``, ``docx``, ``html``, ``markdown`` or ``text`` for `data`; raise for what cannot be read."""
    if not data:
        raise EmptyDocumentError("empty file", path=name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(OLE_SIGNATURE):
        raise UnsupportedFormatError("legacy Word .doc (or another OLE file): convert it to DOCX or PDF", path=name)
    if data.startswith(ZIP_SIGNATURES):
        return _zip_kind(data, name)
    if data.startswith(tuple(signature for signature, _ in _SCANS)):
        return "image"
    for signature, what in _IMAGES:
        if data.startswith(signature):
            raise UnsupportedFormatError(
                f"this is {what}, not a document: docparse reads PDF, DOCX, HTML, text, Markdown, "
                "and PNG, JPEG or TIFF scans (with the ocr extra)",
                path=name,
            )
    lowered = (name or "").lower()
    # The extension is only a hint, but when the bytes are none of the formats it names, the
    # error should say so rather than try the bytes as text.
    if lowered.endswith(suffixes("pdf")):
        raise CorruptDocumentError("corrupt or not a PDF: no %PDF- header in the first 1 KB", path=name)
    if lowered.endswith(suffixes("docx")):
        raise CorruptDocumentError("corrupt or not a DOCX: not a zip archive", path=name)
    if _EXPORT_START.match(data[:_SNIFF]) is not None:
        # Read as text it would be a call of no sections, without a word: say what it is instead.
        raise UnsupportedFormatError(
            "this is a docparse export (JSON or YAML), not a call: read it back with docparse.load()", path=name
        )
    markdown = lowered.endswith(MARKDOWN_SUFFIXES)
    if is_html(data, markdown=markdown):
        return "html"
    return "markdown" if markdown else "text"


def is_html(data: bytes, *, markdown: bool = False) -> bool:
    """Return whether `data` is a web page: a doctype or a page's opening tag first, or ``<html`` early on.

    A Markdown file may open with an HTML block (``<p align="center">``), so with `markdown`
    only a doctype or an ``<html>`` element makes it a page.
    """
    head = _ascii_head(data[:_SNIFF])
    if _HTML_ANYWHERE.search(head):
        return True
    if markdown:
        return False
    # A page of a static site's sources (Jekyll, Hugo) opens with its YAML front matter.
    offset = front_matter_length(head)
    start = _LEADING_NOISE.match(head, offset)
    return _HTML_START.match(head, start.end() if start else offset) is not None


def front_matter_length(head: bytes) -> int:
    """Return how many bytes of `head` a YAML or TOML front matter opening it spans (0 without one)."""
    if not head.startswith((b"---", b"+++")):
        return 0
    lines = head.split(b"\n")
    found = front_matter([line.rstrip(b"\r").decode("utf-8", "replace") for line in lines])
    return sum(len(line) + 1 for line in lines[: found[0]]) if found is not None else 0


def _ascii_head(head: bytes) -> bytes:
    """Return the start of `head` as ASCII-compatible bytes (a UTF-16 page is re-encoded)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            body = head[len(bom) :]
            return body[: len(body) - len(body) % 2].decode(encoding, errors="replace").encode("utf-8", "replace")
    return head.removeprefix(codecs.BOM_UTF8)


def binary_kind(data: bytes) -> str | None:
    """Return what `data` evidently is when it is a binary format (`a PDF`, `a zip archive`, …), else None."""
    if b"%PDF-" in data[:1024]:
        return "a PDF"
    if data.startswith(ZIP_SIGNATURES):
        return "a zip archive (DOCX or another Office file)"
    if data.startswith(OLE_SIGNATURE):
        return "an OLE file (legacy Word .doc)"
    for signature, what in (*_SCANS, *_IMAGES):
        if data.startswith(signature):
            return what
    return None


def _zip_kind(data: bytes, name: str | None) -> SourceFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except ZIP_ERRORS as exc:
        raise CorruptDocumentError("corrupt or truncated zip archive (DOCX)", path=name, cause=exc) from exc
    if "word/document.xml" in names:
        return "docx"
    for member, what in _ZIP_KINDS:
        if member in names:
            raise UnsupportedFormatError(f"this is {what}, not a Word document", path=name)
    if "[Content_Types].xml" not in names:
        raise CorruptDocumentError("a zip archive without [Content_Types].xml: not an Office document", path=name)
    raise UnsupportedFormatError("an Office package without word/document.xml: not a Word document", path=name)
