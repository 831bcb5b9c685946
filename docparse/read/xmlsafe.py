"""Reading stage, XML layer: the one safe lxml parser configuration every XML part goes through.

Office parts never need a DTD, so the parser loads none, resolves no entity, touches no network
and keeps libxml2's default depth and size guards (``huge_tree=False``). On top of that a part
whose prolog declares entities (``<!DOCTYPE x [<!ENTITY ...>]>``: XXE, billion laughs) is refused
outright with `CorruptDocumentError` before lxml sees it; no Word or LibreOffice writes one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final, Protocol

from lxml import etree

from docparse.errors import CorruptDocumentError


class Readable(Protocol):
    """A binary stream: all `iter_elements` needs."""

    def read(self, size: int = -1, /) -> bytes: ...


SAFE_PARSER_OPTIONS: Final[dict[str, Any]] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "dtd_validation": False,
    # Drops whitespace-only text *between* elements (not the content of a w:t, nor anything
    # under xml:space="preserve"), as python-docx's parser does; it parses a third faster.
    "remove_blank_text": True,
}
"""The keyword arguments shared by `SAFE_PARSER` and `iter_elements` (iterparse takes no parser)."""

SAFE_PARSER: Final = etree.XMLParser(**SAFE_PARSER_OPTIONS)

# A prolog longer than this with a DOCTYPE in it is refused rather than scanned further.
PROLOG_WINDOW = 64 * 1024

_ROOT_START = re.compile(rb"<[^?!]")
_ENTITY = re.compile(rb"<!ENTITY")


def _prolog_bytes(head: bytes) -> bytes:
    """Return the start of `head` as ASCII-compatible bytes (UTF-16 parts are re-encoded)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-le" if head.startswith(b"\xff\xfe") or head[:1] == b"<" else "utf-16-be"
        body = head[2:] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head
        return body[: len(body) - len(body) % 2].decode(encoding, errors="replace").encode("utf-8", errors="replace")
    return head


def check_prolog(head: bytes, *, part: str, path: str | None = None) -> None:
    """Raise `CorruptDocumentError` when the prolog at the start of `head` declares entities.

    `head` is the first `PROLOG_WINDOW` bytes (or all) of a part. A DOCTYPE without an internal
    subset is harmless with `SAFE_PARSER_OPTIONS` and is let through.
    """
    text = _prolog_bytes(head[:PROLOG_WINDOW])
    # XML is case-sensitive: "<!doctype" is not a declaration and libxml2 rejects it.
    doctype = text.find(b"<!DOCTYPE")
    if doctype < 0:
        return
    # Only the prolog matters: a DOCTYPE must come before the root element starts.
    root = _ROOT_START.search(text)
    if root is not None and root.start() < doctype:
        return
    if root is None or _ENTITY.search(text, doctype):
        raise CorruptDocumentError(
            f"{part} declares XML entities in a DOCTYPE; Office documents never do, so it is refused",
            path=path,
        )


def parse_xml(data: bytes, *, part: str, path: str | None = None) -> etree._Element:
    """Return the root element of the XML part `data` parsed with `SAFE_PARSER`.

    Raise `CorruptDocumentError` naming `part` when the XML is malformed or declares entities.
    """
    check_prolog(data, part=part, path=path)
    try:
        return etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocumentError(f"{part} is not well-formed XML: {exc}", path=path, cause=exc) from exc


def iter_elements(
    source: Readable, tags: Sequence[str], *, part: str, path: str | None = None
) -> Iterator[etree._Element]:
    """Yield the elements of `source` whose tag is in `tags`, each when its end tag is read.

    The stream is parsed incrementally with `SAFE_PARSER_OPTIONS`, so the caller can clear what
    it has read and keep memory bounded. The first `PROLOG_WINDOW` bytes are checked with
    `check_prolog` before parsing starts.
    """
    head = source.read(PROLOG_WINDOW)
    check_prolog(head, part=part, path=path)
    stream = _Prepended(head, source)
    try:
        for _event, element in etree.iterparse(stream, events=("end",), tag=tags, **SAFE_PARSER_OPTIONS):
            yield element
    except etree.XMLSyntaxError as exc:
        raise CorruptDocumentError(f"{part} is not well-formed XML: {exc}", path=path, cause=exc) from exc


class _Prepended:
    """A read-only stream that returns `head` and then the rest of `tail`."""

    def __init__(self, head: bytes, tail: Readable) -> None:
        self._head = head
        self._tail = tail

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0 or size >= len(self._head):
                chunk, self._head = self._head, b""
            else:
                chunk, self._head = self._head[:size], self._head[size:]
            return chunk
        return self._tail.read(size)
