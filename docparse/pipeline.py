"""The pipeline: read → normalize → segment → build → check. `parse()` is their composition."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from docparse.blocks import Block, Reading
from docparse.build import build_outline
from docparse.build.freeze import IdMaker, freeze_preamble, freeze_sections, link_toc
from docparse.check import run_checks, sort_diagnostics
from docparse.errors import DocparseError, EmptyDocumentError
from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.document import Document, Source
from docparse.normalize import normalize
from docparse.options import ParseOptions
from docparse.read import read_blocks
from docparse.read.text import read_string
from docparse.rules import make_diagnostic
from docparse.segment import segment
from docparse.segment.markers import Lexicon

Input = str | os.PathLike[str] | bytes


def parse(source: Input, *, format: str | None = None, options: ParseOptions | None = None) -> Document:
    """Return the outline of the call in `source`: a path (str or PathLike) or the file's bytes.

    The format is detected from the bytes unless `format` (``pdf``, ``docx``, ``html``, ``text``,
    ``markdown``) is given. Raise a `DocparseError` subclass when no document can be produced.
    """
    data, name = read_source(source)
    return parse_bytes(data, name=name, format=format, options=options or ParseOptions())


def read_source(source: Input) -> tuple[bytes, str | None]:
    """Return the bytes of `source` (a path, or bytes already) and its file name, if any."""
    if isinstance(source, bytes):
        return source, None
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise DocparseError(f"cannot read file: {exc.strerror or exc}", path=str(path), cause=exc) from exc


def parse_bytes(
    data: bytes, *, name: str | None = None, format: str | None = None, options: ParseOptions | None = None
) -> Document:
    """Return the outline of the call whose file content is `data` (`name` is a hint and a label)."""
    options = options or ParseOptions()
    reading = read_blocks(data, options=options, name=name, format=format)
    return build_document(reading, source_for(data, name, reading), options)


def parse_text(text: str, *, markdown: bool = True, options: ParseOptions | None = None) -> Document:
    """Return the outline of a call given as a `str` (Markdown or plain text)."""
    options = options or ParseOptions()
    reading = read_string(text, options=options, markdown=markdown)
    reading.encoding = "utf-8"
    return build_document(reading, source_for(text.encode("utf-8"), None, reading), options)


def source_for(data: bytes, name: str | None, reading: Reading) -> Source:
    """Return the `source` record of a document read from `data`."""
    return Source(
        name=name,
        format=reading.format,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=reading.encoding,
        pages=reading.pages,
    )


def build_document(reading: Reading, source: Source, options: ParseOptions) -> Document:
    """Return the document built from a reader's blocks."""
    if not any(block.text.strip() or block.rows for block in reading.blocks):
        raise EmptyDocumentError("no text in the document", path=source.name)
    diagnostics: list[Diagnostic] = list(reading.diagnostics)
    lexicon = Lexicon.with_extra(options.directions_markers, options.field_labels)
    blocks: list[Block] = normalize(reading.blocks, diagnostics, lexicon)
    tokens = segment(blocks, lexicon)
    outline = build_outline(tokens, lexicon, options.kind)
    ids = IdMaker()
    sections = freeze_sections(outline.root, ids)
    diagnostics.append(make_diagnostic("call-kind", f"The call reads as {outline.kind_reason}."))
    if outline.templates:
        labels = ", ".join(f"`{label}`" for label in outline.templates)
        diagnostics.append(
            make_diagnostic("field-template", f"Headings repeated under sibling nodes are read as fields: {labels}.")
        )
    preamble = freeze_preamble(outline.root)
    toc = link_toc(outline.toc, sections)

    def make(findings: tuple[Diagnostic, ...]) -> Document:
        return Document(
            source=source,
            kind=outline.kind,
            label=outline.label,
            title=outline.title,
            preamble=preamble,
            toc_title=outline.toc_title,
            toc=toc,
            sections=sections,
            links=tuple(outline.links),
            dropped=(*reading.dropped, *outline.dropped),
            diagnostics=findings,
        )

    draft = make(())
    diagnostics = sort_diagnostics([*diagnostics, *run_checks(draft)])
    document = make(tuple(diagnostics))
    if options.strict:
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        if errors:
            from docparse.errors import StrictModeError

            raise StrictModeError(f"{errors[0].code} {errors[0].message}", path=source.name)
    return document
