"""The formats docparse reads, defined once: name, the kind a file name claims, suffixes, reader.

Every list of input formats derives from `FORMATS`: the model's `SourceFormat`, detection's
suffix hints (`read.detect`), the claim a file name makes (`read.claimed_format`), the reader
each format is read by (`read.read_blocks`), the files `docparse convert DIR` and
`docparse check DIR` collect (`files.is_supported`: every suffix listed here), and the parts a
DOCX imports (``altChunk``). The bytes decide the format; a suffix is only a hint (`read.detect`).
This module stands on the ground floor: it imports nothing of docparse, so the model can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

SourceFormat = Literal["text", "markdown", "pdf", "docx", "html", "image"]


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One input format: what detection returns, what a file name claims, how it is read."""

    name: SourceFormat
    kind: str
    """What a file name with one of the suffixes claims (``PDF``); Markdown and plain text are one
    kind: only the suffix tells them apart, so it cannot disagree with the bytes."""
    suffixes: tuple[str, ...]
    """Lower-case suffixes, the usual one first; every one is collected from a folder."""
    reader: tuple[str, str]
    """The module and function that read it, imported when a file of this format is read."""
    paged: bool = False
    """It has pages (`pages=` selects among them; provenance gives page boxes)."""
    collected: bool = True
    """A folder's walk picks its files up. Images are read when named: a folder of calls holds
    figures and logos that are not calls (and each would need OCR)."""


# In the order detection tells them apart: bytes first (PDF, DOCX, HTML), then the name.
FORMATS: tuple[FileFormat, ...] = (
    FileFormat("pdf", "PDF", (".pdf",), ("docparse.read.pdf", "read_pdf"), paged=True),
    # Macro-enabled documents and templates are Word documents too (macros are never run).
    FileFormat("docx", "DOCX", (".docx", ".docm", ".dotx"), ("docparse.read.docx", "read_docx")),
    FileFormat("html", "HTML", (".html", ".htm", ".xhtml"), ("docparse.read.html", "read_html")),
    FileFormat("markdown", "text", (".md", ".markdown", ".mdown", ".mkd"), ("docparse.read.text", "read_markdown")),
    FileFormat("text", "text", (".txt", ".text"), ("docparse.read.text", "read_text")),
    # A scan without a PDF around it, read by OCR (the ocr extra): each frame of a TIFF is a page.
    FileFormat(
        "image",
        "image",
        (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
        ("docparse.read.image", "read_image"),
        paged=True,
        collected=False,
    ),
)
FORMAT_NAMES: tuple[SourceFormat, ...] = get_args(SourceFormat)
BY_NAME: dict[str, FileFormat] = {fmt.name: fmt for fmt in FORMATS}
BY_SUFFIX: dict[str, FileFormat] = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
INPUT_SUFFIXES: tuple[str, ...] = tuple(suffix for fmt in FORMATS if fmt.collected for suffix in fmt.suffixes)
"""The file suffixes a folder is searched for (`docparse convert DIR`, `docparse check DIR`)."""


def suffixes(name: SourceFormat) -> tuple[str, ...]:
    """Return the suffixes of the format `name` (``.pdf``)."""
    return BY_NAME[name].suffixes


def format_of_name(name: str | None) -> FileFormat | None:
    """Return the format a file name's suffix claims (``call.PDF`` → PDF), or None."""
    if not name:
        return None
    lowered = name.lower()
    dot = lowered.rfind(".")
    return BY_SUFFIX.get(lowered[dot:]) if dot >= 0 else None
