"""Command line, shared: exit codes, usage errors, reading inputs, writing outputs safely.

Every front-end (convert, check, schema, explain, rule) reads its inputs and writes its outputs here,
so that one bounded read, one atomic write and one set of exit codes serve all of them.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

# The exit codes and the exceptions that end a run live in `exits` (light, for `main`); the
# commands take them from here with the rest of what they share.
from docparse.cli.exits import EXIT_FAILED as EXIT_FAILED
from docparse.cli.exits import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from docparse.cli.exits import EXIT_OK as EXIT_OK
from docparse.cli.exits import EXIT_TERMINATED as EXIT_TERMINATED
from docparse.cli.exits import EXIT_USAGE as EXIT_USAGE
from docparse.cli.exits import Terminated as Terminated
from docparse.cli.exits import UsageError as UsageError
from docparse.files import Skipped, Walk, iter_calls
from docparse.model.document import Document
from docparse.options import Limits, ParseOptions
from docparse.pipeline import parse_bytes, read_capped

STDOUT_ERRNOS = (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.ECONNRESET)
"""Errors of a write to standard output (a closed pipe, a full disk) rather than of a file."""


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """Return the parse options named on the command line."""
    limits: dict[str, object] = {}
    if args.max_bytes is not None:
        limits["max_input_bytes"] = args.max_bytes
    pages = getattr(args, "pages", None)
    inputs = getattr(args, "inputs", None) or []
    named = [Path(i) for i in inputs if i != "-" and not Path(i).is_dir()]
    if pages is not None and named and len(named) == len(inputs) and all(p.suffix.lower() != ".pdf" for p in named):
        # Only a PDF has pages; in a folder or from standard input a file without them says so (DP111).
        raise UsageError(f"--pages {pages}: {named[0]} has no pages (only a PDF has)")
    if args.max_pages is not None:
        if args.max_pages < 1:
            raise UsageError(f"--max-pages {args.max_pages}: give a number of pages, 1 or more")
        # "Most pages read": the first N are read and the rest reported (DP110), not the file refused.
        limits["max_pages"] = args.max_pages
        pages = pages or f"1-{args.max_pages}"
    if args.timeout is not None:
        limits["max_seconds"] = args.timeout
    if getattr(args, "ocr_seconds", None) is not None:
        limits["ocr_seconds_per_page"] = args.ocr_seconds
    max_memory = getattr(args, "max_memory", None)
    if max_memory is not None:
        if max_memory < 1:
            raise UsageError(f"--max-memory {max_memory}: give a number of megabytes, 1 or more")
        limits["max_memory_bytes"] = max_memory << 20
    # A timeout asked for is kept inside library calls too: the parse runs in a bounded worker process.
    isolate = args.timeout is not None or max_memory is not None
    return ParseOptions(
        password=args.password,
        strict=args.strict,
        limits=Limits.model_validate(limits),
        ocr=args.ocr,
        pages=pages,
        isolate=isolate,
    )


def write_stdout(text: str | list[bytes]) -> None:
    """Write `text` (or pieces of UTF-8) to standard output; a full disk or a closed pipe becomes a `UsageError`."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if isinstance(text, list) and buffer is not None:
            # Bytes go to the binary buffer under the text layer, after whatever it still holds.
            sys.stdout.flush()
            for piece in text:
                buffer.write(piece)
            buffer.flush()
        elif isinstance(text, list):  # a standard output without a binary layer (io.StringIO)
            sys.stdout.write(b"".join(text).decode("utf-8"))
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        raise stdout_error(exc) from exc


def flush_stdout() -> None:
    """Flush standard output before exit, so a late write error is one line, not Python's own."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise stdout_error(exc) from exc


def stdout_error(exc: OSError) -> UsageError:
    # Python flushes standard output again at exit and would print "Exception ignored ...":
    # point the descriptor at /dev/null so that last flush has nowhere to fail.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    reason = "closed by the reader" if exc.errno in (errno.EPIPE, errno.ECONNRESET) else exc.strerror or str(exc)
    return UsageError(f"cannot write to standard output: {reason}")


def iter_inputs(
    inputs: Sequence[str], *, allow_dirs: bool, walk: Walk | None = None, skipped: list[Skipped] | None = None
) -> Iterator[str]:
    """Yield the input files named on the command line, expanding directories."""
    for item, _root in iter_input_roots(inputs, allow_dirs=allow_dirs, walk=walk, skipped=skipped):
        yield item


def iter_input_roots(
    inputs: Sequence[str], *, allow_dirs: bool, walk: Walk | None = None, skipped: list[Skipped] | None = None
) -> Iterator[tuple[str, Path | None]]:
    """Yield (input file, the directory named on the command line it was found in, or None).

    What a walk left (a link out of its folder, a loop) is added to `skipped`.
    """
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            if not allow_dirs:
                raise UsageError(f"{item}: is a directory (give -o DIR to convert a directory)")
            yield from ((str(found), path) for found in iter_calls(path, walk, skipped))
        elif not path.exists():
            raise UsageError(f"{item}: no such file")
        else:
            yield item, None


def read_input(item: str, limit: int | None = None) -> tuple[bytes, str | None]:
    """Return the bytes and the file name of one input (``-`` is standard input), at most `limit`."""
    if item == "-":
        return read_capped(sys.stdin.buffer, limit), None
    try:
        with open(item, "rb") as stream:
            return read_capped(stream, limit, Path(item).name), Path(item).name
    except OSError as exc:
        raise UsageError(f"{item}: cannot read: {exc.strerror or exc}") from exc


def parse_one(item: str, options: ParseOptions, *, name: str | None = None) -> Document:
    """Return the document of one input; raise DocparseError when it cannot be parsed (UsageError: unreadable)."""
    data, file_name = read_input(item, options.limits.max_input_bytes)
    return parse_bytes(data, name=name or file_name, options=options)


def describe_cause(cause: BaseException) -> str:
    """Return `Type: message` of an error's cause."""
    return f"{type(cause).__name__}: {cause}"


class OutputExists(Exception):
    """An output made by another writer after it was planned (a second batch into the same folder)."""


def write_atomic(path: Path, text: str | list[bytes], *, replace: bool = True) -> None:
    """Write `text` (or pieces of UTF-8) to `path` through a temporary file in the same folder renamed over it.

    A full disk, an error or Ctrl-C midway leaves the old file (or none), never a truncated one;
    SIGTERM and SIGINT wait while the temporary file exists (a worker ended by its parent must
    not leave it behind). With `replace` False, `path` is created exclusively at the moment of
    writing: if another writer made it since it was planned, `OutputExists` and it is kept.
    """
    pieces = text if isinstance(text, list) else [text.encode("utf-8")]
    if path.exists() and not path.is_file():  # -o /dev/null, a FIFO: there is nothing to replace
        try:
            with path.open("wb") as stream:
                stream.writelines(pieces)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        return
    with _signals_held():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # outputs mirror the input tree
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        except OSError as exc:
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.writelines(pieces)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp, _new_file_mode(path))
            if replace:
                os.replace(temp, path)
            else:
                _place_new(temp, path)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            if isinstance(exc, OSError):
                raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
            raise


def _place_new(temp: str, path: Path) -> None:
    """Move `temp` to `path`, which must not exist: a hard link fails if it does, atomically."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputExists(f"{path} exists: another run wrote it since this one started") from None
    except OSError:  # no hard links here (FAT, some network shares): claim the name, then replace
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise OutputExists(f"{path} exists: another run wrote it since this one started") from None
        os.replace(temp, path)
        return
    os.unlink(temp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (they arrive when the block ends) on the main thread of a POSIX system."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _new_file_mode(path: Path) -> int:
    # mkstemp makes the file 0600; the output should get the mode a plain open() would give it.
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


GENERATED = "<!-- docparse: generated Markdown"
"""The first line of a Markdown file `convert` writes: a folder walk does not read such a file as a call."""
GENERATED_LINE = GENERATED + " (a folder given to docparse convert or check skips this file) -->\n\n"


def is_generated(path: Path) -> bool:
    """Return whether `path` is a Markdown file that `convert` wrote (its first line is the GENERATED comment)."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    try:
        with path.open("rb") as stream:
            return stream.read(len(GENERATED)).decode("utf-8", "replace") == GENERATED
    except OSError:
        return False  # unreadable: reported when it is read
