"""`docparse`: the parser of the command line and its entry point; each command is a module."""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from types import FrameType
from typing import NoReturn

# Only the exit codes before `main`'s try: the commands import the pipeline and its models,
# which takes a while, and a Ctrl-C then must end as quietly as at any other point.
from docparse.cli.exits import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    Terminated,
    UsageError,
    forget_signals,
    note_signal,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"docparse: error: {message}\n")


class _Version(argparse.Action):
    """`--version`: print the installed version, looked up only when asked (the lookup is not free)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> NoReturn:
        import docparse

        sys.stdout.write(f"docparse {docparse.__version__}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    # The grammar alone: each command's module (and the model, pipeline or checks it needs) is
    # imported when that command runs.
    from docparse.cli.arguments import add_commands

    parser = _Parser(prog="docparse", description="Turn calls for proposals into structured outlines.")
    parser.add_argument("--version", action=_Version)
    add_commands(parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    forget_signals()
    previous_int = signal.getsignal(signal.SIGINT)
    previous = _on_sigterm()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        _quiet_pdf_libraries(getattr(args, "verbose", False))
        _ocr_progress(not getattr(args, "quiet", False) and sys.stderr.isatty())
        code = _run(parser, args)
        from docparse.cli.common import flush_stdout

        flush_stdout()
        return code
    except UsageError as exc:
        print(f"docparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        from docparse.cli.common import STDOUT_ERRNOS, stdout_error

        # What write_stdout does not cover (`check` printing its findings): files are written
        # through write_atomic, which reports its own errors, so what is left is standard output.
        stdout = exc.errno in STDOUT_ERRNOS
        print(f"docparse: error: {stdout_error(exc) if stdout else exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("docparse: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("docparse: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    finally:
        if previous is not None:  # None: a handler not set from Python, nothing to restore
            with contextlib.suppress(ValueError):  # not the main thread: nothing was installed
                signal.signal(signal.SIGTERM, previous)
        if previous_int is not None:
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGINT, previous_int)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    run = getattr(args, "run", None)
    if run is None:  # no command given
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    code: int = run(args)
    return code


def _on_sigterm() -> signal._HANDLER:
    def terminate(signum: int, frame: FrameType | None) -> None:
        note_signal(signum)
        raise Terminated

    def interrupt(signum: int, frame: FrameType | None) -> None:
        note_signal(signum)
        raise KeyboardInterrupt

    try:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, interrupt)  # as Python's own, and recorded
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # signals can only be handled in the main thread (an embedding program)
        return signal.getsignal(signal.SIGTERM)


def _quiet_pdf_libraries(verbose: bool) -> None:
    # pdfminer logs a warning for every broken object of a damaged PDF; without --verbose they
    # would bury the one line per file this command promises, with it they explain a failure.
    if verbose:
        logging.basicConfig(level=logging.WARNING, format="  %(name)s: %(message)s")
        return
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _ocr_progress(show: bool) -> None:
    # OCR takes seconds a page: on a terminal, say which page is being read (one line each).
    if show:
        logger = logging.getLogger("docparse.ocr")
        if not logger.handlers:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("  %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            logger.propagate = False
