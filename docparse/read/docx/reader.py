"""Reading stage, DOCX: a Word package → `Reading`: its parts read in order, by `body.BodyReader`.

The package layer is `zipguard.Package` (limits checked before any part is parsed); every XML
part goes through the safe parser of `xmlsafe`. python-docx is not used here: its package
loader reads and parses every part eagerly and without size limits. The parts, in order: the
main document's body; headers and footers (dropped as furniture); the footnotes and endnotes
referenced and the comments (dropped, with where they were referenced); the parts imported by
``w:altChunk``; the core and extended properties (metadata).

Imports (``w:altChunk`` at body level): an HTML, text or DOCX part is read by its reader and its
blocks take the altChunk's place (a DOCX importing DOCX, at most 4 deep); any other part (RTF,
MHT) or one its reader refuses is recorded as ``embedded`` under its file name.

Strict Open XML documents (another namespace) are refused as unsupported.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from docparse.blocks import Block, Reading
from docparse.errors import (
    CorruptDocumentError,
    DocparseError,
    EmptyDocumentError,
    LimitExceededError,
    UnsupportedFormatError,
)
from docparse.formats import suffixes
from docparse.model.diagnostic import Diagnostic
from docparse.model.document import Dropped, DropReason, Metadata
from docparse.model.provenance import Provenance
from docparse.options import ParseOptions
from docparse.read import metadata
from docparse.read.docx.body import BodyReader
from docparse.read.docx.numbering import Numbering
from docparse.read.docx.ooxml import EXTENDED_PROPERTIES, REL, STRICT_NAMESPACE
from docparse.read.docx.styles import Styles
from docparse.read.typography import body_size, mark_bare_number_headings
from docparse.read.xmlsafe import parse_xml
from docparse.read.zipguard import Package, rels_part, resolve_target

__all__ = ["read_docx"]

# An altChunk imports another part in place; a DOCX may import a DOCX, at most this deep.
_MAX_CHUNK_DEPTH: Final = 4
_HTML_CHUNKS: Final = suffixes("html")
_DOCX_CHUNKS: Final = suffixes("docx")
_TEXT_CHUNKS: Final = suffixes("text")


@dataclass(slots=True)
class _Relationships:
    parts: dict[str, list[str]] = field(default_factory=dict)
    """Internal targets by relationship kind (the last segment of the type URI)."""
    links: dict[str, str] = field(default_factory=dict)
    """Every target by relationship id, as written (hyperlinks)."""
    internal: dict[str, str] = field(default_factory=dict)
    """Internal parts by relationship id, resolved to part names (altChunk imports)."""

    def first(self, kind: str) -> str | None:
        found = self.parts.get(kind)
        return found[0] if found else None


def _relationships(package: Package, part: str) -> _Relationships:
    found = _Relationships()
    name = rels_part(part)
    data = package.read_optional(name)
    if data is None:
        return found
    for rel in parse_xml(data, part=name, path=package.path).iter(REL):
        rel_id, kind, target = rel.get("Id") or "", (rel.get("Type") or "").rsplit("/", 1)[-1], rel.get("Target")
        if target is None:
            continue
        found.links[rel_id] = target
        if rel.get("TargetMode") != "External":
            found.internal[rel_id] = resolve_target(part, target)
            found.parts.setdefault(kind, []).append(found.internal[rel_id])
    return found


def _parse_optional(package: Package, part: str | None) -> etree._Element | None:
    data = package.read_optional(part)
    return None if data is None or part is None else parse_xml(data, part=part, path=package.path)


def read_docx(data: bytes, *, options: ParseOptions, name: str | None = None) -> Reading:
    """Return the blocks of the DOCX `data`, with its furniture and footnotes in ``dropped``.

    Raise a `DocparseError` subclass for anything that is not a readable Word document: another
    format, a damaged or hostile package, limits exceeded, or no text at all.
    """
    return _read_docx(data, options, name, depth=0)


def _read_docx(
    data: bytes, options: ParseOptions, name: str | None, *, depth: int, within: Package | None = None
) -> Reading:
    limits = options.limits
    if len(data) > limits.max_input_bytes:
        raise LimitExceededError(
            f"input is {len(data)} bytes, over the limit of {limits.max_input_bytes} (limits.max_input_bytes)",
            path=name,
        )
    package = Package(data, limits, path=name, within=within)
    top = _relationships(package, "")
    main = top.first("officeDocument") or "word/document.xml"
    package.check_is_word(main)
    stream = package.open(main)
    try:
        if STRICT_NAMESPACE in stream.read(4096):
            raise UnsupportedFormatError(
                "this DOCX is saved as Strict Open XML: save it as a Word Document (.docx) instead", path=name
            )
    finally:
        stream.close()
    rels = _relationships(package, main)
    styles = Styles.from_element(_parse_optional(package, rels.first("styles")))
    numbering = Numbering(_parse_optional(package, rels.first("numbering")), styles)
    reader = BodyReader(styles, numbering, rels.links, options, name)
    stream = package.open(main)
    try:
        reader.read_body(stream, main)
    finally:
        stream.close()
    seen: set[str] = set()
    for kind, reason in (("header", DropReason.RUNNING_HEADER), ("footer", DropReason.RUNNING_FOOTER)):
        # One part named by many relationships (250 sections sharing a header) is read once.
        for part in dict.fromkeys(rels.parts.get(kind, [])):
            root = _parse_optional(package, part)
            if root is not None:
                reader.furniture(root, reason, seen)
    diagnostics: list[Diagnostic] = []
    if reader.note_refs:
        kinds = {kind for kind, _id, _index in reader.note_refs}
        roots = {
            kind: _parse_optional(package, rels.first(f"{kind}s")) if kind in kinds else None
            for kind in ("footnote", "endnote")
        }
        diagnostics = reader.notes(roots)
    comments = _parse_optional(package, rels.first("comments"))
    if comments is not None:
        reader.comments(comments)
    for at, rel_id, where in reversed(reader.chunks):
        reader.blocks[at:at] = _chunk(package, rels.internal.get(rel_id), reader.dropped, options, where, depth)
    reader.join_hidden()
    if not any(block.text.strip() for block in reader.blocks):
        raise EmptyDocumentError("the Word document holds no text", path=name)
    blocks = reader.blocks
    size = body_size(blocks)
    if size:
        # Headings set with direct formatting ("1 Introduction" in bold 16 pt, no heading style).
        blocks = mark_bare_number_headings(blocks, size)
    return Reading(
        blocks=blocks,
        format="docx",
        pages=None,
        dropped=reader.dropped,
        diagnostics=diagnostics,
        metadata=_metadata(package, top),
    )


def _parse_properties(package: Package, part: str | None) -> etree._Element | None:
    # Properties are not the call: a damaged properties part loses only the metadata it held.
    # (A part over the size limits still raises: the package itself is then hostile.)
    try:
        return _parse_optional(package, part)
    except CorruptDocumentError:
        return None


def _metadata(package: Package, top: _Relationships) -> Metadata:
    """Return the core properties (title, creator, dates) and the application that wrote the package."""
    values: dict[str, str] = {}
    core = _parse_properties(package, top.first("core-properties"))
    if core is not None:
        values.update(metadata.from_xml(core))
    app = _parse_properties(package, top.first("extended-properties"))
    application = None if app is None else app.find(f"{{{EXTENDED_PROPERTIES}}}Application")
    if application is not None and application.text:
        values["producer"] = application.text
    return metadata.make(values)


def _chunk(
    package: Package, part: str | None, dropped: list[Dropped], options: ParseOptions, where: Provenance, depth: int
) -> list[Block]:
    """Return the blocks of the part an altChunk imports (HTML, text, DOCX); record any other part as dropped."""
    if part is None or not package.has(part):
        return []
    if part not in package.imports:
        package.imports[part] = _import(package, part, options, depth)
    reading = package.imports[part]
    # Every import of the document counts toward one budget of blocks (one at least, for an import
    # read as nothing): a part imported 1,600 times by a part imported 1,600 times (2.56 M
    # imports) stops here, not in memory.
    root = package.root
    root.imported_blocks += max(len(reading.blocks), 1) if isinstance(reading, Reading) else 1
    if root.imported_blocks > options.limits.max_blocks:
        raise LimitExceededError(
            f"the parts imported by altChunks yield more than {options.limits.max_blocks} blocks (limits.max_blocks)",
            path=root.path,
        )
    if not isinstance(reading, Reading):
        dropped.append(Dropped(text=part.rsplit("/", 1)[-1], reason=DropReason.EMBEDDED, provenance=where))
        return []
    dropped.extend(item.model_copy(update={"provenance": where}) for item in reading.dropped)
    return [dataclasses.replace(block, provenance=where) for block in reading.blocks]


def _import(package: Package, part: str, options: ParseOptions, depth: int) -> Reading | None:
    """Return the reading of the part an altChunk imports (HTML, text, DOCX), or None for a part docparse cannot
    read (RTF, a damaged part, a DOCX nested too deep): each import of it is then recorded as dropped."""
    data = package.read(part)
    lowered = part.lower()
    try:
        if lowered.endswith(_HTML_CHUNKS):
            from docparse.read.html import read_html

            reading = read_html(data, options=options, name=part)
        elif lowered.endswith(_TEXT_CHUNKS):
            from docparse.read.text import read_text

            reading = read_text(data, options=options, name=part)
        elif lowered.endswith(_DOCX_CHUNKS) and depth < _MAX_CHUNK_DEPTH:
            reading = _read_docx(data, options, part, depth=depth + 1, within=package)
        else:
            return None
    except EmptyDocumentError:
        return Reading(blocks=[], format="docx", pages=None)
    except LimitExceededError:
        raise  # a limit holds for the whole document, imports included
    except DocparseError:
        return None
    return reading
