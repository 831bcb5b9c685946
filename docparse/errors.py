"""Exceptions: raised only when no document can be produced."""

from __future__ import annotations

import copy
import pickle
from typing import Any


class DocparseError(Exception):
    """Base of every error docparse raises; carries the path (if any) and the cause."""

    kind = "error"

    def __init__(self, message: str, *, path: str | None = None, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.cause = cause
        if cause is not None:
            self.__cause__ = cause

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # A process pool sends errors back pickled; an lxml XMLSyntaxError (and many a library's
        # exception) cannot be, and pickle would raise TypeError in place of the typed error.
        cause = _picklable(self.cause)
        return (_rebuild, (type(self), self.message, self.path, cause), _extra_state(self))


class ForeignCause(Exception):
    """Stands for a cause that could not be pickled: its type name and message survive."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(type_name, message)
        self.type_name = type_name
        self.message = message

    def __str__(self) -> str:
        return f"{self.type_name}: {self.message}"


def _picklable(cause: BaseException | None) -> BaseException | None:
    if cause is None:
        return None
    try:
        pickle.loads(pickle.dumps(cause))
    except Exception:
        return ForeignCause(type(cause).__name__, str(cause))
    return cause


def portable(error: DocparseError) -> DocparseError:
    """Return `error`, or a copy that pickles: its cause a `ForeignCause`, no traceback or context.

    `__reduce__` already stands in for a cause that does not pickle, but a process that has
    installed tblib's pickling (`distributed` does, for every exception class then defined)
    pickles `__cause__`, `__context__` and the traceback too, bypassing it.
    """
    try:
        pickle.dumps(error)
    except Exception:
        clone = copy.copy(error)
        clone.cause = _picklable(error.cause)
        clone.__cause__ = clone.cause
        clone.__context__ = None
        clone.__traceback__ = None
        return clone
    return error


def _extra_state(error: DocparseError) -> dict[str, Any]:
    return {k: v for k, v in vars(error).items() if k not in ("message", "path", "cause")}


def _rebuild(cls: type[DocparseError], message: str, path: str | None, cause: BaseException | None) -> DocparseError:
    error = cls.__new__(cls)
    DocparseError.__init__(error, message, path=path, cause=cause)
    return error


class DocumentNotFoundError(DocparseError, FileNotFoundError):
    """The path names no file (also a `FileNotFoundError`); a str that is not a path says to use `parse_text`."""

    kind = "not-found"


class UnsupportedFormatError(DocparseError):
    """The input is of a kind docparse does not read (legacy .doc, XLSX, an image...)."""

    kind = "unsupported-format"


class CorruptDocumentError(DocparseError):
    """The input claims a format but its bytes are broken (truncated, bad xref, bad zip)."""

    kind = "corrupt"


class EncryptedDocumentError(DocparseError):
    """The input is encrypted and no (or a wrong) password was given."""

    kind = "encrypted"


class NoTextLayerError(DocparseError):
    """The input has no extractable text (scanned pages, fonts without a Unicode map)."""

    kind = "no-text"


class OcrUnavailableError(NoTextLayerError):
    """The text needs OCR and the ``ocr`` extra is not installed (``pip install 'docparse-calls[ocr]'``)."""

    kind = "ocr-unavailable"


class LimitExceededError(DocparseError):
    """The input is over one of the configured limits (size, pages, ratio, blocks, time)."""

    kind = "limit"


class DecodingError(DocparseError):
    """The input's bytes could not be decoded as text."""

    kind = "decoding"


class EmptyDocumentError(DocparseError):
    """The input holds no text at all."""

    kind = "empty"


class StrictModeError(DocparseError):
    """An error-level diagnostic was found and `strict=True` was asked for."""

    kind = "strict"


class InternalError(DocparseError):
    """docparse itself failed on this input (a bug): the command line reports it as one line."""

    kind = "internal"
