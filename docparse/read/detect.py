"""Detect the input format from its bytes; the file name's extension is only a hint."""

from __future__ import annotations

import io
import zipfile

from docparse.errors import CorruptDocumentError, EmptyDocumentError, UnsupportedFormatError
from docparse.read.zipguard import ZIP_ERRORS

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"))
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (convert it to DOCX)"),
)
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
FORMATS = ("text", "markdown", "pdf", "docx")


def detect_format(data: bytes, name: str | None = None) -> str:
    """Return ``pdf``, ``docx``, ``markdown`` or ``text`` for `data`; raise for what cannot be read."""
    if not data:
        raise EmptyDocumentError("empty file", path=name)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(OLE_SIGNATURE):
        raise UnsupportedFormatError("legacy Word .doc (or another OLE file): convert it to DOCX or PDF", path=name)
    if data.startswith(ZIP_SIGNATURES):
        return _zip_kind(data, name)
    for signature, what in _IMAGES:
        if data.startswith(signature):
            raise UnsupportedFormatError(f"this is {what}, not a document with text (OCR is out of scope)", path=name)
    lowered = (name or "").lower()
    # The extension is only a hint, but when the bytes are none of the formats it names, the
    # error should say so rather than try the bytes as text.
    if lowered.endswith(".pdf"):
        raise CorruptDocumentError("corrupt or not a PDF: no %PDF- header in the first 1 KB", path=name)
    if lowered.endswith((".docx", ".docm", ".dotx")):
        raise CorruptDocumentError("corrupt or not a DOCX: not a zip archive", path=name)
    return "markdown" if lowered.endswith(MARKDOWN_SUFFIXES) else "text"


def binary_kind(data: bytes) -> str | None:
    """Return what `data` evidently is when it is a binary format (`a PDF`, `a zip archive`, …), else None."""
    if b"%PDF-" in data[:1024]:
        return "a PDF"
    if data.startswith(ZIP_SIGNATURES):
        return "a zip archive (DOCX or another Office file)"
    if data.startswith(OLE_SIGNATURE):
        return "an OLE file (legacy Word .doc)"
    for signature, what in _IMAGES:
        if data.startswith(signature):
            return what
    return None


def _zip_kind(data: bytes, name: str | None) -> str:
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
