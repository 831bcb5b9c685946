"""Reading stage, package layer: recognise what a blob is and open a DOCX zip within the limits.

Everything is checked *before* any part is parsed: the signature (legacy ``.doc``, PDF, RTF and
other look-alikes get a typed error saying what the file is), the zip directory (truncation),
the declared uncompressed sizes against ``max_decompressed_bytes`` and each large member's
compression ratio against ``max_compression_ratio``. Members are then read through a bounded
stream that stops past the budget whatever the directory claims.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from io import BytesIO
from typing import IO, Any, Final

from docparse.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    UnsupportedFormatError,
)
from docparse.options import Limits

OLE_SIGNATURE: Final = bytes.fromhex("D0CF11E0A1B11AE1")
# The ratio check only applies above this size: tiny parts (a 2 KB settings.xml) compress far
# more than 100x legitimately and cannot be bombs.
RATIO_FLOOR_BYTES: Final = 1024 * 1024
CHUNK_BYTES: Final = 64 * 1024
# Real DOCX files hold tens of parts, a few hundred with many images.
MAX_MEMBERS: Final = 10_000

_NOT_WORD = "not a Word document"
# Parts that identify the other zip-based formats people mistake for DOCX.
_LOOKALIKES: Final = (
    ("xl/workbook.xml", f"this is an Excel workbook (XLSX), {_NOT_WORD}"),
    ("ppt/presentation.xml", f"this is a PowerPoint presentation (PPTX), {_NOT_WORD}"),
    ("visio/document.xml", f"this is a Visio drawing (VSDX), {_NOT_WORD}"),
)


def check_signature(data: bytes, *, path: str | None = None) -> None:
    """Raise a typed error when `data` is not a zip archive, naming what it is where known."""
    if not data:
        raise CorruptDocumentError("the file is empty", path=path)
    if data.startswith(OLE_SIGNATURE):
        # Password-protected DOCX files are OLE containers holding an "EncryptedPackage" stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                "this is a password-protected Word document; remove the password and save it as DOCX", path=path
            )
        raise UnsupportedFormatError("this is a legacy Word .doc (OLE) file: convert it to DOCX", path=path)
    if data.startswith(b"%PDF-"):
        raise UnsupportedFormatError(f"this is a PDF document, {_NOT_WORD}", path=path)
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormatError("this is an RTF document: save it as DOCX", path=path)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and (b"<pkg:package" in head or b"<w:wordDocument" in head):
        raise UnsupportedFormatError("this is a Word XML file (flat OPC or Word 2003 XML): save it as DOCX", path=path)
    if not data.startswith(b"PK"):
        raise CorruptDocumentError("not a zip archive, so not a DOCX file", path=path)


ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)
"""What the standard zip module raises on a damaged or unusual archive (``NotImplementedError`` for a zip
version or compression method it does not know): each becomes a `CorruptDocumentError`."""


class _BoundedReader:
    """A stream over one zip member that raises `LimitExceededError` past the shared budget."""

    def __init__(self, raw: IO[bytes], package: Package, part: str) -> None:
        self._raw = raw
        self._package = package
        self._part = part

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(CHUNK_BYTES), b""))
        want = min(size, CHUNK_BYTES)
        try:
            chunk = self._raw.read(want)
        except ZIP_ERRORS as exc:
            raise CorruptDocumentError(f"{self._part} cannot be decompressed: {exc}", path=self._package.path) from exc
        self._package.spend(len(chunk), self._part)
        return chunk

    def close(self) -> None:
        self._raw.close()


class Package:
    """An opened DOCX (OPC) zip: part lookup by case-insensitive name and bounded reads."""

    def __init__(self, data: bytes, limits: Limits, *, path: str | None = None, within: Package | None = None) -> None:
        """Open `data` as a zip and check its directory against `limits`; raise a typed error if not.

        A package `within` another (a DOCX imported by an altChunk) spends the other's budget: one
        document, one budget, however many imports.
        """
        self.path = path
        self._limits = limits
        self._root: Package = within._root if within is not None else self
        self.imported_blocks = 0
        """Blocks the imports of the whole document yielded so far (kept on the outermost package)."""
        self.imports: dict[str, Any] = {}
        """What each imported part of this package read to, by part name: a part imported again is not read again."""
        check_signature(data, path=path)
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except ZIP_ERRORS as exc:
            raise CorruptDocumentError(f"the zip archive is truncated or damaged: {exc}", path=path, cause=exc) from exc
        self._members: dict[str, zipfile.ZipInfo] = {}
        self._check_directory(infos)
        self._left = limits.max_decompressed_bytes

    def _check_directory(self, infos: list[zipfile.ZipInfo]) -> None:
        limits = self._limits
        if len(infos) > MAX_MEMBERS:
            raise LimitExceededError(
                f"the zip archive holds {len(infos)} members (limit {MAX_MEMBERS})", path=self.path
            )
        total = 0
        for info in infos:
            key = info.filename.lstrip("/").lower()
            if key in self._members:
                raise CorruptDocumentError(f"the zip archive holds {info.filename!r} twice", path=self.path)
            self._members[key] = info
            total += info.file_size
            if info.flag_bits & 0x1:
                raise EncryptedDocumentError(f"zip member {info.filename} is encrypted", path=self.path)
            if info.file_size > RATIO_FLOOR_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_compression_ratio:
                    raise LimitExceededError(
                        f"zip member {info.filename} expands {ratio:.0f}x (limit {limits.max_compression_ratio:g}x):"
                        " a zip bomb?",
                        path=self.path,
                    )
        if total > limits.max_decompressed_bytes:
            raise LimitExceededError(
                f"the zip archive expands to {total} bytes (limit {limits.max_decompressed_bytes})", path=self.path
            )

    def check_is_word(self, main_part: str | None) -> None:
        """Raise a typed error unless the package holds a content-types part and `main_part`."""
        main = (main_part or "").lstrip("/").lower()
        word_main = bool(main) and self.has(main) and main not in {part for part, _message in _LOOKALIKES}
        for part, message in _LOOKALIKES:
            if self.has(part) and not word_main:
                raise UnsupportedFormatError(message, path=self.path)
        if self.has("mimetype"):
            mimetype = self.read("mimetype")[:100]
            if b"opendocument" in mimetype:
                raise UnsupportedFormatError(f"this is an OpenDocument file (ODT/ODS), {_NOT_WORD}", path=self.path)
            if b"epub" in mimetype:
                raise UnsupportedFormatError(f"this is an EPUB book, {_NOT_WORD}", path=self.path)
        if not self.has("[Content_Types].xml"):
            raise CorruptDocumentError(
                "the zip archive has no [Content_Types].xml, so it is not an Office document", path=self.path
            )
        if main_part is None or not self.has(main_part):
            raise CorruptDocumentError(
                f"the package has no main document part ({main_part or 'word/document.xml'})", path=self.path
            )

    @property
    def root(self) -> Package:
        """Return the outermost package: the document whose budget this one spends."""
        return self._root

    def has(self, part: str) -> bool:
        """Return whether the package holds `part` (a name like ``word/document.xml``)."""
        return part.lstrip("/").lower() in self._members

    def spend(self, size: int, part: str) -> None:
        """Take `size` decompressed bytes from the budget; raise `LimitExceededError` when it runs out."""
        root = self._root
        root._left -= size
        if root._left < 0:
            raise LimitExceededError(
                f"reading {part} exceeds the decompressed-size limit ({self._limits.max_decompressed_bytes} bytes)",
                path=self.path,
            )

    def open(self, part: str) -> _BoundedReader:
        """Return a bounded stream over `part`; raise `CorruptDocumentError` if it is missing."""
        info = self._members.get(part.lstrip("/").lower())
        if info is None:
            raise CorruptDocumentError(f"the package has no part {part}", path=self.path)
        try:
            raw = self._zip.open(info)
        except ZIP_ERRORS as exc:
            raise CorruptDocumentError(f"{part} cannot be opened: {exc}", path=self.path, cause=exc) from exc
        return _BoundedReader(raw, self, part)

    def read(self, part: str) -> bytes:
        """Return the bytes of `part`, read in chunks within the budget."""
        stream = self.open(part)
        chunks: list[bytes] = []
        try:
            while chunk := stream.read(CHUNK_BYTES):
                chunks.append(chunk)
        finally:
            stream.close()
        return b"".join(chunks)

    def read_optional(self, part: str | None) -> bytes | None:
        """Return the bytes of `part`, or None when `part` is None or absent."""
        if part is None or not self.has(part):
            return None
        return self.read(part)


def resolve_target(source_part: str, target: str) -> str:
    """Return the part name a relationship `target` of `source_part` points to."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    base = posixpath.dirname(source_part)
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


def rels_part(part: str) -> str:
    """Return the name of the relationships part of `part` (``word/_rels/document.xml.rels``)."""
    directory, name = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{name}.rels")


__all__ = ["Package", "check_signature", "rels_part", "resolve_target"]
