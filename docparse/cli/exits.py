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
