"""The per-file call for batch runners (`convert --jobs`, Dask, Ray, Spark): parse one input safely.

`convert_one` never raises for a problem of the document: it returns a small, picklable,
frozen `ParseResult` (ok, the document or the error's class name and message, the source
name). Engines then need no error handling of their own: a Ray Data job whose function
raises fails whole, and its `max_errored_blocks` drops the good files of a block with the bad.

What still raises: the caller's own mistakes, found before any parsing (a `source` that is no
path, bytes or binary file is a `TypeError`), and `KeyboardInterrupt`/`SystemExit`. A bug of
docparse met while parsing is not the caller's: it becomes an `InternalError` result and is
logged (logger ``docparse``) with its traceback, so a batch of 100,000 calls goes on.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from docparse.errors import DocparseError, InternalError, portable
from docparse.model.document import Document
from docparse.options import ParseOptions
from docparse.pipeline import Format, Input, parse_bytes, read_source

log = logging.getLogger("docparse")


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What became of one input: its document, or why there is none. Plain data: it pickles."""

    name: str | None
    """The source name: the `name` given, else the file's name; None for bare bytes."""
    ok: bool
    document: Document | None = None
    error_kind: str | None = None
    """The error's class name (`CorruptDocumentError`, `InternalError`, ...); None when ok."""
    message: str | None = None
    """The error's message, without the name; None when ok."""
    cause: str | None = None
    """`Type: message` of what the error was caused by (a library's exception), if any."""
    error: DocparseError | None = None
    """The error itself (its cause replaced by a stand-in if it did not pickle)."""

    @classmethod
    def failed(cls, name: str | None, error: DocparseError) -> ParseResult:
        """Return the result of an input that gave `error`."""
        cause = f"{type(error.cause).__name__}: {error.cause}" if error.cause is not None else None
        return cls(name, False, None, type(error).__name__, error.message, cause, portable(error))

    def unwrap(self) -> Document:
        """Return the document, or raise the error that kept it from being produced."""
        if self.document is None:
            raise self.error if self.error is not None else InternalError("no document and no error", path=self.name)
        return self.document


def convert_one(
    source: Input,
    *,
    name: str | None = None,
    options: ParseOptions | None = None,
    format: Format | None = None,
) -> ParseResult:
    """Return the `ParseResult` of `source` (a path, bytes or a binary file); never raise for the document.

    `name` is the name to record (default: the path's or file object's name); it labels the
    result and the document's `source.name`, so a file read as bytes on a worker keeps it.
    """
    if not isinstance(source, str | os.PathLike | bytes | bytearray | memoryview) and not hasattr(source, "read"):
        raise TypeError(f"convert_one() takes a path, bytes or a binary file, not {type(source).__name__}")
    options = options or ParseOptions()
    label = name
    if label is None and isinstance(source, str | os.PathLike):
        label = os.path.basename(os.fsdecode(source))
    try:
        data, found = read_source(source, options.limits.max_input_bytes)
        label = label or found
        document = parse_bytes(data, name=label, format=format, options=options)
    except DocparseError as exc:
        return ParseResult.failed(label, exc)
    return ParseResult(label, True, document)
