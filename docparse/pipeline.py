"""The pipeline: read → normalize → segment → outline → check. `parse()` is their composition."""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Protocol

from docparse import worker
from docparse.blocks import Block, Reading
from docparse.check import run_checks, sort_diagnostics
from docparse.diagnostics import make_diagnostic
from docparse.errors import (
    DocparseError,
    DocumentNotFoundError,
    EmptyDocumentError,
    InternalError,
    LimitExceededError,
)
from docparse.files import decoded_name
from docparse.formats import SourceFormat
from docparse.model.diagnostic import Diagnostic, Severity
from docparse.model.document import Document, Source
from docparse.normalize import normalize
from docparse.options import ParseOptions
from docparse.outline import Outline, build_outline
from docparse.outline.freeze import IdMaker, freeze_preamble, freeze_sections, link_toc
from docparse.read import read_blocks
from docparse.segment import Token, segment
from docparse.vocab.chars import SURROGATE, without_surrogates
from docparse.vocab.markers import Lexicon

Format = SourceFormat  # the input formats, named in docparse.formats
Input = str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO

# During a parse the collector runs its youngest generation every 10,000 net allocations instead
# of 700, and a full collection after 100 middle ones instead of 10. A parse allocates millions
# of objects that live to its end (chars, blocks, the model): with the default thresholds the
# collector scans them again and again (10-30 % of a long parse), and promotes each page's
# short-lived objects to the old generation, where they wait for a full collection. Cyclic
# garbage (pdfplumber's table finder makes some) is still collected, 10,000 objects at the most
# later. The thresholds are the process's: the outermost parse raises them and restores what it
# found, the parses of other threads share the raise (a count under a lock).
YOUNG_THRESHOLD = 10_000
OLD_THRESHOLD = 100
_collector_lock = threading.Lock()
_collector_users = 0
_collector_saved: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def relaxed_collector() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block; restore them after, even on an error."""
    global _collector_users, _collector_saved
    with _collector_lock:
        if _collector_users == 0:
            _collector_saved = gc.get_threshold()
            young, middle, old = _collector_saved
            gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, max(old, OLD_THRESHOLD))
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0:
                gc.set_threshold(*_collector_saved)


def parse(
    source: Input,
    *,
    format: Format | None = None,
    name: str | None = None,
    options: ParseOptions | None = None,
) -> Document:
    """Return the outline of the call in `source`: a path, the file's bytes, or a binary file object.

    `source` is a path (`str` or `os.PathLike`), `bytes`, `bytearray` or `memoryview`, or a
    file opened in binary mode. `name` is the file name to record and to take the format hint
    from (default: the path's, or the file object's `name`). The format is detected from the
    bytes unless `format` (``pdf``, ``docx``, ``html``, ``text``, ``markdown``) is given. A
    call held in a `str` goes to `parse_text`. Raise a `DocparseError` subclass when no
    document can be produced (`DocumentNotFoundError` for a path that names no file).
    """
    options = options or ParseOptions()
    data, found = read_source(source, options.limits.max_input_bytes)
    return parse_bytes(data, name=name or found, format=format, options=options)


def read_source(source: Input, limit: int | None = None) -> tuple[bytes, str | None]:
    """Return the bytes of `source` (a path, bytes-like data or a binary file) and its file name, if any.

    A file is read with a cap of `limit` + 1 bytes (a FIFO or a device has no size to check first).
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), None
    if hasattr(source, "read"):
        return _read_stream(source, limit)
    if not isinstance(source, str | os.PathLike):
        raise TypeError(
            f"parse() takes a path, bytes or a binary file, not {type(source).__name__}"
            " (a call held in a str goes to docparse.parse_text)"
        )
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        raise DocumentNotFoundError(
            "a str with line breaks is not a path: to parse a call held in a str, use docparse.parse_text(text)"
        )
    path = Path(source)
    try:
        with path.open("rb") as stream:
            return read_capped(stream, limit, path.name), path.name
    except FileNotFoundError as exc:
        hint = " (to parse a call held in a str, use docparse.parse_text)" if isinstance(source, str) else ""
        raise DocumentNotFoundError(f"no such file{hint}", path=str(path), cause=exc) from exc
    except OSError as exc:
        raise DocparseError(f"cannot read file: {exc.strerror or exc}", path=str(path), cause=exc) from exc


def read_capped(stream: BinaryIO, limit: int | None, name: str | None = None) -> bytes:
    """Return the bytes of `stream` to its end, reading at most `limit` + 1; raise `LimitExceededError` past `limit`.

    Standard input (``yes |``) and device files (``/dev/zero``) never end: read whole, they end
    in a MemoryError instead of a line naming the limit. One `read(n)` may return less than `n`
    before the end (an unbuffered pipe gives 65,536 bytes, a `Popen(bufsize=0)` 4,096): it is
    read again until it returns nothing.
    """
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(-1 if limit is None else limit + 1 - total)
        if chunk is None:  # a non-blocking stream with nothing yet: what is read is not the whole input
            raise DocparseError("the stream has no data yet (non-blocking); give a blocking stream", path=name)
        if not isinstance(chunk, bytes | bytearray | memoryview):
            return chunk  # a text stream: the caller says what it should be
        if not chunk:
            break
        chunks.append(bytes(chunk))
        total += len(chunk)
        if limit is not None and total > limit:
            raise LimitExceededError(
                f"input is over the limit of {limit} bytes (limits.max_input_bytes, --max-bytes)", path=name
            )
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _read_stream(stream: object, limit: int | None = None) -> tuple[bytes, str | None]:
    name = getattr(stream, "name", None)
    data = read_capped(stream, limit, name if isinstance(name, str) else None)  # type: ignore[arg-type]
    if isinstance(data, str):
        raise TypeError("parse() needs a file opened in binary mode ('rb'); a str goes to docparse.parse_text")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"the file object's read() returned {type(data).__name__}, not bytes")
    return bytes(data), os.path.basename(name) if isinstance(name, str) and name else None


def parse_bytes(
    data: bytes, *, name: str | None = None, format: Format | None = None, options: ParseOptions | None = None
) -> Document:
    """Return the outline of the call whose file content is `data` (`name` is a hint and a label).

    With `options.isolate` the parse runs in a bounded worker process (`docparse.worker`).
    """
    options = options or ParseOptions()
    started = time.monotonic()
    if name is not None:
        name = decoded_name(name)  # a name the OS gave in bytes that are not UTF-8 (GBK from a zip): `\xd6`
    if options.isolate and not worker.inside():
        limits = options.limits
        return worker.run_bounded(
            parse_bytes,
            (data,),
            {"name": name, "format": format, "options": options},
            seconds=limits.max_seconds,
            memory=limits.max_memory_bytes,
            name=name,
        )
    with guarded(name), relaxed_collector():
        reading = read_blocks(data, options=options, name=name, format=format)
        return build_document(reading, source_for(data, name, reading), options, started, owned=True)


def parse_text(text: str, *, markdown: bool = True, options: ParseOptions | None = None) -> Document:
    """Return the outline of a call given as a `str` (Markdown or plain text)."""
    # Imported here: markdown-it is the text reader's alone, and a PDF or DOCX parse need not load it.
    from docparse.read.text import read_string

    options = options or ParseOptions()
    started = time.monotonic()
    with guarded(None), relaxed_collector():
        text = without_surrogates(text)
        reading = read_string(text, options=options, markdown=markdown)
        reading.encoding = "utf-8"
        return build_document(reading, source_for(text.encode("utf-8"), None, reading), options, started, owned=True)


log = logging.getLogger("docparse")


@contextmanager
def guarded(name: str | None) -> Iterator[None]:
    """Let a `DocparseError` through; make anything else a parse raises one, so that no input gives another.

    Running out of memory is a `LimitExceededError`; any other exception is a bug of docparse met
    on this input: an `InternalError` (one line for the user, the traceback in the ``docparse``
    log), so a batch of 100,000 calls goes on. `KeyboardInterrupt` and `SystemExit` pass.
    """
    try:
        yield
    except DocparseError:
        raise
    except MemoryError as exc:
        raise LimitExceededError(
            "ran out of memory (lower the limits or split the input)", path=name, cause=exc
        ) from exc
    except Exception as exc:
        log.error("internal error parsing %s", name or "<input>", exc_info=True)
        raise InternalError(
            f"internal error ({type(exc).__name__}: {exc}); please report it with this file", path=name, cause=exc
        ) from exc


def source_for(data: bytes, name: str | None, reading: Reading) -> Source:
    """Return the `source` record of a document read from `data`."""
    return Source(
        name=name,
        format=reading.format,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=reading.encoding,
        pages=reading.pages,
        metadata=reading.metadata,
    )


def scrub_surrogates(reading: Reading) -> None:
    """Replace lone surrogates a reader let through (a PDF's ToUnicode map) by U+FFFD, and say so.

    UTF-8 cannot encode them: left in, they would fail the export, not the parse.
    """
    count = 0
    for index, block in enumerate(reading.blocks):
        if SURROGATE.search(block.full_text) or any(SURROGATE.search(cell) for row in block.rows for cell in row):
            count += 1
            reading.blocks[index] = replace(
                block,
                text=without_surrogates(block.text),
                label=None if block.label is None else without_surrogates(block.label),
                spans=tuple(replace(span, text=without_surrogates(span.text)) for span in block.spans),
                rows=tuple(tuple(without_surrogates(cell) for cell in row) for row in block.rows),
            )
    for index, dropped in enumerate(reading.dropped):
        if SURROGATE.search(dropped.text):
            count += 1
            reading.dropped[index] = dropped.model_copy(update={"text": without_surrogates(dropped.text)})
    if count:
        reading.diagnostics.append(
            make_diagnostic("suspicious-characters", f"lone surrogates in {count} text(s), replaced by U+FFFD")
        )


def check_deadline(started: float, options: ParseOptions, stage: str, name: str | None) -> None:
    """Raise `LimitExceededError` when the parse begun at `started` is past `max_seconds`."""
    limit = options.limits.max_seconds
    if time.monotonic() - started > limit:
        raise LimitExceededError(
            f"parsing took more than {limit:g} s, stopped after {stage} (limits.max_seconds, --timeout)", path=name
        )


class Observer(Protocol):
    """Sees the inner stages of one parse (`docparse.explain`): what `build_document` lets go of otherwise."""

    def tokens(self, tokens: list[Token]) -> None:
        """Be given the segmenter's tokens, in document order (the trace's indices point into them)."""

    def outline(self, stage: str, outline: Outline) -> None:
        """Be shown the drafts after the block rules (``blocks``) and after each shape rule that changed them."""


def build_document(
    reading: Reading,
    source: Source,
    options: ParseOptions,
    started: float | None = None,
    *,
    owned: bool = False,
    observer: Observer | None = None,
) -> Document:
    """Return the document built from a reader's blocks (within `max_seconds` of `started`).

    `owned` says the caller has no further use for `reading.blocks`: they are let go (the list
    emptied) once normalized, so that a long call's blocks and its outline are not all held at once.
    `observer` is shown the tokens and the drafts; it changes nothing of the document.
    """
    # The pages read by OCR extend the budget (`Limits.ocr_seconds_per_page`): as if begun that much later.
    started = (time.monotonic() if started is None else started) + reading.extra_seconds
    scrub_surrogates(reading)
    if not any(block.text.strip() or block.rows for block in reading.blocks):
        raise EmptyDocumentError("no text in the document", path=source.name)
    check_deadline(started, options, "reading", source.name)
    diagnostics: list[Diagnostic] = list(reading.diagnostics)
    lexicon = Lexicon.with_extra(options.directions_markers, options.field_labels)
    blocks: list[Block] = normalize(reading.blocks, diagnostics, lexicon)
    if owned:
        reading.blocks = []
    check_deadline(started, options, "normalize", source.name)
    tokens = segment(blocks, lexicon)
    del blocks  # each stage's input goes as soon as its output is made: a long call holds one at a time
    check_deadline(started, options, "segment", source.name)
    if observer is not None:
        observer.tokens(tokens)
    outline = build_outline(tokens, lexicon, options.kind, None if observer is None else observer.outline)
    del tokens
    check_deadline(started, options, "outline", source.name)
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
            topic_tables=tuple(outline.tables_read_as_topics),
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
