"""Bounded worker: one parse in a child process, ended when its time budget is spent or capped in memory.

The deadline checks of the pipeline run between pages, content-stream operations and stages; they
cannot reach into a library call that does not return: pdfminer's parse of one page or one object,
libxml2's parse of a page, pdfplumber's table finder, an OCR recognition. With
`ParseOptions.isolate` (the command line's ``--timeout``) the whole parse runs in a child process
that the parent ends (SIGKILL) at `max_seconds` + GRACE_SECONDS, whatever it is doing, under an
address-space cap (`Limits.max_memory_bytes` beyond what the worker starts with, RLIMIT_AS); the
document (or the error) comes back pickled. Pages read by OCR extend the budget as they do in-process:
the child tells the parent its new deadline (`extend_deadline`) before it starts on them.

The child is forked when this process runs one thread (a fork costs milliseconds; the document's
pickle costs about what its JSON export does), else started by a fork server (forking a process
with other threads can deadlock the child).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

from docparse.errors import DocparseError, InternalError, LimitExceededError, portable

T = TypeVar("T")

GRACE_SECONDS = 1.0
"""How long after its deadline a worker is ended: the parse's own checks stop it first with a line naming where."""
# The cap counts address space, not memory used: a parse maps 250 MB for 70 MB used, one OCR page
# 1.2 GB (onnxruntime's arenas) for 620 MB used.
_NEAR_CAP = 0.9
"""A failure with the address space this close to the cap is the cap's doing: it is reported as such."""

_channel: Any = None
"""In a worker: the connection to the parent (deadline extensions go through it). None in any other process."""


def inside() -> bool:
    """Return whether this process is a bounded worker (its parse runs here, not in another child)."""
    return _channel is not None


def extend_deadline(until: float, budget: float) -> None:
    """Tell the parent that the parse may run until `until` (time.monotonic()), a `budget` of seconds in all.

    Nothing outside a worker.
    """
    if _channel is not None:
        with contextlib.suppress(OSError):
            _channel.send(("deadline", (until, budget)))


def worker_signals(parent: int | None) -> None:
    """Let the main process alone answer Ctrl-C, let SIGTERM end a worker at once, and end with the parent.

    A worker inherits the command's SIGTERM handler, which raises an exception that a pool
    would catch and report as the file's result, and go on to the next file; a terminal's Ctrl-C
    reaches the workers too, and each would print its own traceback. A parent killed outright
    (SIGKILL) cannot stop its workers: on Linux the kernel sends them SIGTERM (PR_SET_PDEATHSIG).
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1: PR_SET_PDEATHSIG
    if parent is not None and os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def run_bounded(
    target: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    seconds: float,
    memory: int | None,
    name: str | None,
) -> T:
    """Return `target(*args, **kwargs)` run in a child process; raise what it raised (a `DocparseError`).

    The child is killed `seconds` + GRACE_SECONDS after it starts (later if it extends its deadline)
    and may map at most `memory` bytes: either ends it with a one-line `LimitExceededError`.
    """
    import multiprocessing

    method = _start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # the server imports the pipeline once; each worker forked from it starts warm
        context.set_forkserver_preload(["docparse.pipeline"])
    receiver, sender = context.Pipe(duplex=False)
    started = time.monotonic()
    # A fork server's child is the server's, not ours: it ends with the server, which ends with us.
    parent = os.getpid() if method == "fork" else None
    process = context.Process(  # type: ignore[attr-defined]
        target=_child, args=(sender, parent, memory, target, args, kwargs), daemon=True
    )
    process.start()
    sender.close()
    deadline = started + seconds + GRACE_SECONDS
    budget = seconds
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not receiver.poll(left):
                if time.monotonic() < deadline:
                    continue
                raise LimitExceededError(
                    f"parsing took more than {budget:g} s (limits.max_seconds, --timeout; with OCR, "
                    "limits.ocr_seconds_per_page a page): its worker process was stopped",
                    path=name,
                )
            try:
                kind, value = receiver.recv()
            except EOFError:  # the child died without a word
                raise _death(process, memory, name) from None
            if kind == "deadline":
                until, granted = value
                if until + GRACE_SECONDS > deadline:
                    deadline, budget = until + GRACE_SECONDS, granted
            elif kind == "error":
                raise value
            else:
                return value  # type: ignore[no-any-return]
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()


def _start_method() -> str:
    """Return "fork" where this process runs one thread, else a method that does not copy other threads' locks."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    try:
        threads = len(os.listdir("/proc/self/task"))  # threads of C libraries too (onnxruntime's pool)
    except OSError:
        import threading

        threads = threading.active_count()
    if threads == 1 and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _child(
    channel: Any,
    parent: int | None,
    memory: int | None,
    target: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    global _channel
    _channel = channel
    worker_signals(parent)
    import faulthandler

    faulthandler.disable()  # a crash is the parent's one line, not a dump of every thread on the shared stderr
    # The cap is what the parse may map beyond what the worker starts with: a forked worker inherits its
    # parent's mappings (a test runner or an application that has loaded models can hold gigabytes of
    # address space), and a cap counted from zero would leave such a worker nothing at all.
    base = _address_space("VmSize:")
    if memory is not None:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = base + memory
        resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    try:
        result = target(*args, **kwargs)
    except DocparseError as exc:
        channel.send(("error", portable(_blame_cap(exc, memory, base))))
    except BaseException as exc:
        error = InternalError(f"internal error in the worker process ({type(exc).__name__}: {exc})")
        channel.send(("error", portable(_blame_cap(error, memory, base))))
    else:
        try:
            channel.send(("done", result))
        except MemoryError:
            channel.send(("error", portable(_cap_error(memory))))
    channel.close()


def _blame_cap(error: DocparseError, memory: int | None, base: int = 0) -> DocparseError:
    """Return `error`, or the cap's own error when the worker failed with its address space near the cap.

    `base` is the address space the worker started with; the cap counts from there.
    """
    if memory is None or (isinstance(error, LimitExceededError) and "memory" not in error.message):
        return error
    return _cap_error(memory, error.path) if _address_space("VmPeak:") - base >= _NEAR_CAP * memory else error


def _cap_error(memory: int | None, path: str | None = None) -> LimitExceededError:
    cap = "" if memory is None else f" of {memory // (1 << 20)} MB"
    return LimitExceededError(
        f"ran out of memory: the worker's cap{cap} (limits.max_memory_bytes, --max-memory)", path=path
    )


def _address_space(field: str) -> int:
    """Return this process's address space as `/proc/self/status` gives it (``VmSize:`` now, ``VmPeak:`` the
    most it has mapped), in bytes; 0 where the system does not say."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _death(process: Any, memory: int | None, name: str | None) -> DocparseError:
    """Return the error for a worker that ended without sending a result (the OOM killer, a crash)."""
    process.join(5)
    code = process.exitcode
    if code == -signal.SIGKILL:
        return LimitExceededError("the worker process was killed by the system (out of memory?)", path=name)
    return InternalError(f"the worker process died (exit code {code}); please report it with this file", path=name)
