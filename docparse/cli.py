"""The `docparse` command line: argument parsing and output only, no parsing logic.

Exit codes: 0 success, 1 a document could not be parsed (or, for ``check``, findings at or
above the fail level), 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from docparse import __version__
from docparse.errors import DocparseError, InternalError, LimitExceededError
from docparse.export import EXPORTERS
from docparse.model.document import Document
from docparse.options import Limits, ParseOptions
from docparse.pipeline import parse_bytes
from docparse.read.detect import INPUT_SUFFIXES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SUFFIX_BY_FORMAT = {"json": ".json", "yaml": ".yaml", "md": ".md"}


class UsageError(Exception):
    """A problem with the command line or the file system, reported with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"docparse: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="docparse", description="Turn calls for proposals into structured outlines.")
    parser.add_argument("--version", action="version", version=f"docparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser("convert", help="convert calls to JSON, YAML or Markdown")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories; - for standard input")
    convert.add_argument("-f", "--to", dest="to", choices=sorted(EXPORTERS), default="json", help="output format")
    convert.add_argument("-o", "--output", metavar="FILE|DIR", help="output file, or directory for several inputs")
    _add_parse_options(convert)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    check = commands.add_parser("check", help="lint calls: report numbering, TOC and structure problems")
    check.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories")
    check.add_argument("--format", dest="output_format", choices=("text", "json", "github"), default=None)
    check.add_argument("--select", default=None, help="comma-separated code prefixes to report")
    check.add_argument("--ignore", default=None, help="comma-separated code prefixes not to report")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--config", metavar="FILE", help="pyproject.toml or docparse.toml to read settings from")
    _add_parse_options(check)
    return parser


def _add_parse_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument("--strict", action="store_true", help="treat error-level diagnostics as failures")
    parser.add_argument("--max-bytes", type=int, metavar="N", help="largest input accepted, in bytes")
    parser.add_argument("--max-pages", type=int, metavar="N", help="most PDF pages read")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="time budget per document")
    parser.add_argument("-v", "--verbose", action="store_true", help="show the cause of failures")


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """Return the parse options named on the command line."""
    limits: dict[str, object] = {}
    if args.max_bytes is not None:
        limits["max_input_bytes"] = args.max_bytes
    if args.max_pages is not None:
        limits["max_pages"] = args.max_pages
    if args.timeout is not None:
        limits["max_seconds"] = args.timeout
    return ParseOptions(password=args.password, strict=args.strict, limits=Limits.model_validate(limits))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _quiet_pdf_libraries(getattr(args, "verbose", False))
    try:
        if args.command == "convert":
            return run_convert(args)
        if args.command == "schema":
            return run_schema(args)
        if args.command == "check":
            from docparse.check.cli import run_check

            return run_check(args)
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"docparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader of our output went away (| head): not an error
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _quiet_pdf_libraries(verbose: bool) -> None:
    # pdfminer logs a warning for every broken object of a damaged PDF; without --verbose they
    # would bury the one line per file this command promises, with it they explain a failure.
    if verbose:
        logging.basicConfig(level=logging.WARNING, format="  %(name)s: %(message)s")
        return
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def iter_inputs(inputs: Sequence[str], *, allow_dirs: bool) -> Iterator[str]:
    """Yield the input files named on the command line, expanding directories."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            if not allow_dirs:
                raise UsageError(f"{item}: is a directory (give -o DIR to convert a directory)")
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            yield from (str(p) for p in found)
        elif not path.exists():
            raise UsageError(f"{item}: no such file")
        else:
            yield item


def read_input(item: str) -> tuple[bytes, str | None]:
    """Return the bytes and the file name of one input (``-`` is standard input)."""
    if item == "-":
        return sys.stdin.buffer.read(), None
    try:
        return Path(item).read_bytes(), Path(item).name
    except OSError as exc:
        raise UsageError(f"{item}: cannot read: {exc.strerror or exc}") from exc


def parse_one(item: str, options: ParseOptions) -> Document:
    """Return the document of one input; raise DocparseError when it cannot be parsed."""
    data, name = read_input(item)
    try:
        return parse_bytes(data, name=name, options=options)
    except DocparseError:
        raise
    except MemoryError as exc:
        raise LimitExceededError("ran out of memory (lower the limits or split the input)", cause=exc) from exc
    except Exception as exc:
        # A bug in docparse must not end a batch with a traceback: report it as one line.
        raise InternalError(
            f"internal error ({type(exc).__name__}: {exc}); please report it with this file", cause=exc
        ) from exc


def report_failure(item: str, exc: DocparseError, verbose: bool, stream: TextIO | None = None) -> None:
    """Print one line for an input that could not be parsed (and its cause with --verbose)."""
    stream = stream or sys.stderr
    where = item if item != "-" else "<stdin>"
    print(f"docparse: {where}: {exc.message}", file=stream)
    if verbose and exc.cause is not None:
        print(f"  cause: {type(exc.cause).__name__}: {exc.cause}", file=stream)


def run_convert(args: argparse.Namespace) -> int:
    options = parse_options(args)
    export = EXPORTERS[args.to]
    output = args.output
    many = len(args.inputs) > 1 or any(Path(i).is_dir() for i in args.inputs if i != "-")
    inputs = list(iter_inputs(args.inputs, allow_dirs=output is not None))
    out_dir: Path | None = None
    if many or (output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")))):
        if output is None:
            raise UsageError("several inputs need -o DIR")
        out_dir = Path(output)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{output}: cannot create directory: {exc.strerror or exc}") from exc
    failed = 0
    for item in inputs:
        try:
            document = parse_one(item, options)
        except DocparseError as exc:
            failed += 1
            report_failure(item, exc, args.verbose)
            continue
        text = export(document)
        if out_dir is not None:
            stem = "stdin" if item == "-" else Path(item).stem
            _write(out_dir / f"{stem}{SUFFIX_BY_FORMAT[args.to]}", text)
        elif output is not None and output != "-":
            _write(Path(output), text)
        else:
            sys.stdout.write(text)
    if len(inputs) > 1:
        print(f"docparse: converted {len(inputs) - failed} of {len(inputs)} file(s), {failed} failed", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def run_schema(args: argparse.Namespace) -> int:
    from docparse.schema import schema_text

    text = schema_text()
    if args.output and args.output != "-":
        _write(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return EXIT_OK
