"""Command line: the exit codes and the two exceptions that end a run, with nothing heavy to import.

`main` imports only this before its `try`, so that a Ctrl-C while the commands, the pipeline and
the models load is handled like one at any other point.
"""

from __future__ import annotations

import signal

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


class UsageError(Exception):
    """A problem with the command line or the file system, reported with exit code 2."""


class Terminated(BaseException):
    """SIGTERM arrived: unwound like Ctrl-C, so temporary files are removed on the way out."""


_received: list[int] = []
"""The signals (SIGTERM, SIGINT) this run's handlers raised for: one raised inside a `__del__` is swallowed."""


def forget_signals() -> None:
    """Start a run with no signal recorded (`main` may run more than once in one process)."""
    _received.clear()


def note_signal(signum: int) -> None:
    """Record that `signum` arrived (the handler raises too; `raise_if_signalled` raises again if that was lost)."""
    _received.append(signum)


def raise_if_signalled() -> None:
    """Raise `Terminated` or `KeyboardInterrupt` for a signal whose exception was swallowed where it was raised.

    Python prints and drops an exception raised in a finalizer (``Exception ignored in: …__del__``):
    a signal that arrives then would be lost, and the batch would run to its end.
    """
    if signal.SIGTERM in _received:
        raise Terminated
    if signal.SIGINT in _received:
        raise KeyboardInterrupt
