"""The `docparse` command line: argument parsing and output only, no parsing logic.

Exit codes: 0 success, 1 a document could not be parsed (or, for ``check``, findings at or
above the fail level), 2 usage or I/O error (a full disk, a closed standard output), 130
interrupted (Ctrl-C), 143 terminated (SIGTERM). Every failure is one line on standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import errno
import logging
import os
import pickle
import shutil
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Literal, NoReturn, TextIO

from docparse import __version__
from docparse.errors import DocparseError, InternalError, LimitExceededError
from docparse.export import EXPORTERS, to_json, to_yaml
from docparse.files import Walk, iter_calls
from docparse.model.document import Document
from docparse.options import Limits, ParseOptions
from docparse.pipeline import parse_bytes, read_capped
from docparse.read.detect import INPUT_SUFFIXES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM
SUFFIX_BY_FORMAT = {"json": ".json", "yaml": ".yaml", "md": ".md"}
FORMAT_BY_SUFFIX = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


class UsageError(Exception):
    """A problem with the command line or the file system, reported with exit code 2."""


class Terminated(BaseException):
    """SIGTERM arrived: unwound like Ctrl-C, so temporary files are removed on the way out."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"docparse: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="docparse", description="Turn calls for proposals into structured outlines.")
    parser.add_argument("--version", action="version", version=f"docparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    convert = commands.add_parser("convert", help="convert calls to JSON, YAML or Markdown")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories; - for standard input")
    convert.add_argument(
        "-f",
        "--to",
        dest="to",
        choices=sorted(EXPORTERS),
        default=None,
        help="output format (default: -o's extension, else json)",
    )
    convert.add_argument("-o", "--output", metavar="FILE|DIR", help="output file, or directory for several inputs")
    existing = convert.add_mutually_exclusive_group()
    existing.add_argument("--force", action="store_true", help="overwrite existing outputs")
    existing.add_argument("--skip-existing", action="store_true", help="keep existing outputs and skip their inputs")
    convert.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="convert N files at a time (0: one per CPU; default 1)"
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    convert.add_argument(
        "--no-provenance",
        dest="provenance",
        action="store_false",
        help="leave out where each part came from (leaner JSON/YAML that still loads)",
    )
    _add_parse_options(convert)

    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    check = commands.add_parser("check", help="lint calls: report numbering, TOC and structure problems")
    check.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories")
    check.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=("text", "json", "github", "sarif"),
        default=None,
        help="text (path:line:col: CODE message), json, github (workflow commands) or sarif (2.1.0)",
    )
    check.add_argument("--statistics", action="store_true", help="print the count of each code instead of findings")
    check.add_argument("--stdin-filename", metavar="PATH", help="the path to report (and its extension) for input -")
    check.add_argument("--exclude", metavar="GLOBS", help="comma-separated patterns to skip, replacing the defaults")
    check.add_argument(
        "--extend-exclude", metavar="GLOBS", help="comma-separated patterns to skip, besides the defaults"
    )
    check.add_argument("--select", default=None, help="comma-separated code prefixes to report")
    check.add_argument("--ignore", default=None, help="comma-separated code prefixes not to report")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default=None)
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--config", metavar="FILE", help="pyproject.toml or docparse.toml to read settings from")
    _add_parse_options(check)

    rule = commands.add_parser("rule", help="explain a rule of `docparse check` (DP301, or its name)")
    rule_which = rule.add_mutually_exclusive_group(required=True)
    rule_which.add_argument("code", nargs="?", metavar="CODE", help="a rule code (DP301) or name (numbering-gap)")
    rule_which.add_argument("--all", action="store_true", help="list every rule")
    return parser


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs


def _add_parse_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument("--strict", action="store_true", help="treat error-level diagnostics as failures")
    parser.add_argument("--max-bytes", type=int, metavar="N", help="largest input accepted, in bytes")
    parser.add_argument("--max-pages", type=int, metavar="N", help="most PDF pages read")
    parser.add_argument("--timeout", type=float, metavar="SECONDS", help="time budget per document")
    parser.add_argument("-v", "--verbose", action="store_true", help="show each file and the cause of failures")


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
    previous = _on_sigterm()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        _quiet_pdf_libraries(getattr(args, "verbose", False))
        code = _run(parser, args)
        flush_stdout()
        return code
    except UsageError as exc:
        print(f"docparse: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        # What write_stdout does not cover (`check` printing its findings): files are written
        # through write_atomic, which reports its own errors, so what is left is standard output.
        stdout = exc.errno in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.ECONNRESET)
        print(f"docparse: error: {_stdout_error(exc) if stdout else exc.strerror or exc}", file=sys.stderr)
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


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "convert":
        return run_convert(args)
    if args.command == "schema":
        return run_schema(args)
    if args.command == "check":
        from docparse.check.cli import run_check

        return run_check(args)
    if args.command == "rule":
        return run_rule(args)
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def _on_sigterm() -> signal._HANDLER:
    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # signals can only be handled in the main thread (an embedding program)
        return signal.getsignal(signal.SIGTERM)


def write_stdout(text: str) -> None:
    """Write `text` to standard output; a full disk or a closed pipe becomes a `UsageError`."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as exc:
        raise _stdout_error(exc) from exc


def flush_stdout() -> None:
    """Flush standard output before exit, so a late write error is one line, not Python's own."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        raise _stdout_error(exc) from exc


def _stdout_error(exc: OSError) -> UsageError:
    # Python flushes standard output again at exit and would print "Exception ignored ...":
    # point the descriptor at /dev/null so that last flush has nowhere to fail.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    reason = "closed by the reader" if exc.errno in (errno.EPIPE, errno.ECONNRESET) else exc.strerror or str(exc)
    return UsageError(f"cannot write to standard output: {reason}")


def _quiet_pdf_libraries(verbose: bool) -> None:
    # pdfminer logs a warning for every broken object of a damaged PDF; without --verbose they
    # would bury the one line per file this command promises, with it they explain a failure.
    if verbose:
        logging.basicConfig(level=logging.WARNING, format="  %(name)s: %(message)s")
        return
    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def iter_inputs(inputs: Sequence[str], *, allow_dirs: bool, walk: Walk | None = None) -> Iterator[str]:
    """Yield the input files named on the command line, expanding directories."""
    for item, _root in iter_input_roots(inputs, allow_dirs=allow_dirs, walk=walk):
        yield item


def iter_input_roots(
    inputs: Sequence[str], *, allow_dirs: bool, walk: Walk | None = None
) -> Iterator[tuple[str, Path | None]]:
    """Yield (input file, the directory named on the command line it was found in, or None)."""
    for item in inputs:
        if item == "-":
            yield item, None
            continue
        path = Path(item)
        if path.is_dir():
            if not allow_dirs:
                raise UsageError(f"{item}: is a directory (give -o DIR to convert a directory)")
            yield from ((str(found), path) for found in iter_calls(path, walk))
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
    """Return the document of one input; raise DocparseError when it cannot be parsed."""
    data, file_name = read_input(item, options.limits.max_input_bytes)
    try:
        return parse_bytes(data, name=name or file_name, options=options)
    except DocparseError:
        raise
    except MemoryError as exc:
        raise LimitExceededError("ran out of memory (lower the limits or split the input)", cause=exc) from exc
    except Exception as exc:
        # A bug in docparse must not end a batch with a traceback: report it as one line.
        raise InternalError(
            f"internal error ({type(exc).__name__}: {exc}); please report it with this file", cause=exc
        ) from exc


def describe_cause(cause: BaseException) -> str:
    """Return `Type: message` of an error's cause."""
    return f"{type(cause).__name__}: {cause}"


# --- convert ---------------------------------------------------------------------------------


Status = Literal["converted", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class Job:
    """One conversion: an input (``-`` for standard input), its output (None: standard output)."""

    source: str
    target: Path | None
    to: str
    options: ParseOptions
    provenance: bool = True


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input; `text` is the export when it goes to standard output."""

    source: str
    target: Path | None
    status: Status
    message: str = ""
    cause: str | None = None
    text: str | None = None
    error: DocparseError | None = None
    io: bool = False
    """The failure is an input or output that could not be read or written (exit code 2)."""


def format_for(args: argparse.Namespace) -> str:
    """Return the output format: `-f`, else the one `-o FILE`'s extension names, else JSON."""
    if args.to is not None:
        return str(args.to)
    output = args.output
    if output is None or output == "-" or output.endswith(("/", "\\")) or Path(output).is_dir():
        return "json"
    suffix = Path(output).suffix.lower()
    if not suffix:
        return "json"
    if suffix not in FORMAT_BY_SUFFIX:
        known = ", ".join(sorted(FORMAT_BY_SUFFIX))
        raise UsageError(f"{output}: cannot tell the output format from {suffix!r} (give -f; known: {known})")
    return FORMAT_BY_SUFFIX[suffix]


def plan_jobs(args: argparse.Namespace, to: str, options: ParseOptions) -> tuple[list[Job | Outcome], bool]:
    """Return a job per input (or the outcome of an input refused already) and whether it is a batch.

    Outputs mirror the input tree: `calls/a/x.txt` with `-o out` is `out/a/x.json`. An output
    that would overwrite an input, or be written by two inputs, is refused; an existing output
    is refused unless `--force` (or skipped with `--skip-existing`). Nothing is written here.
    """
    output: str | None = args.output
    many = len(args.inputs) > 1 or any(Path(i).is_dir() for i in args.inputs if i != "-")
    out_dir: Path | None = None
    if many or (output is not None and (Path(output).is_dir() or output.endswith(("/", "\\")))):
        if output is None:
            folder = next((i for i in args.inputs if i != "-" and Path(i).is_dir()), None)
            if folder is not None:
                raise UsageError(f"{folder}: is a directory (give -o DIR to convert a directory)")
            raise UsageError("several inputs need -o DIR")
        out_dir = Path(output)
        if out_dir.exists() and not out_dir.is_dir():
            raise UsageError(f"{output}: not a directory")
    # .gitignore is not read: downloaded calls are often git-ignored. The output folder is not
    # searched for inputs when it is inside an input folder (a second run would convert the
    # outputs of the first), unless it is that folder itself.
    skip = (out_dir,) if out_dir is not None and not any(out_dir_is(i, out_dir) for i in args.inputs) else ()
    walk = Walk(gitignore=False, skip=skip)
    inputs = list(iter_input_roots(args.inputs, allow_dirs=output is not None, walk=walk))
    if not inputs:
        named = ", ".join(i for i in args.inputs if i != "-")
        raise UsageError(f"{named}: no {', '.join(INPUT_SUFFIXES)} file found")
    resolved_inputs = {_resolve(Path(item)): item for item, _ in inputs if item != "-"}
    targets = [_target(item, root, out_dir, output, to) for item, root in inputs]
    # A call published twice (call.pdf and call.docx side by side) keeps both: on such a clash
    # each output keeps its input's extension (call.pdf.json, call.docx.json).
    clashes = Counter(_resolve(t) for t in targets if t is not None)
    renamed = [
        t.with_name(Path(item).name + t.suffix) if t is not None and clashes[_resolve(t)] > 1 and item != "-" else t
        for (item, _), t in zip(inputs, targets, strict=True)
    ]
    still = Counter(_resolve(t) for t in renamed if t is not None)
    targets = [r if r is None or still[_resolve(r)] == 1 else t for t, r in zip(targets, renamed, strict=True)]
    claimed: dict[Path, str] = {}
    planned: list[Job | Outcome] = []
    for (item, _), target in zip(inputs, targets, strict=True):
        if target is None:
            planned.append(Job(item, None, to, options, args.provenance))
            continue
        key = _resolve(target)
        refusal = None
        if key in resolved_inputs:
            refusal = f"output {target} would overwrite the input {resolved_inputs[key]}; refused"
        elif key in claimed:
            refusal = f"output {target} is already the output of {claimed[key]}; refused"
        claimed.setdefault(key, item)
        if refusal is not None:
            planned.append(Outcome(item, target, "failed", refusal))
        elif target.exists() and not args.force:
            if args.skip_existing:
                planned.append(Outcome(item, target, "skipped", f"{target} exists"))
            else:
                message = f"{target} exists (give --force to overwrite it, --skip-existing to keep it)"
                planned.append(Outcome(item, target, "failed", message))
        else:
            planned.append(Job(item, target, to, options, args.provenance))
    return planned, out_dir is not None


def out_dir_is(item: str, out_dir: Path) -> bool:
    """Return whether `out_dir` is the input folder `item` itself."""
    return item != "-" and Path(item).is_dir() and _resolve(Path(item)) == _resolve(out_dir)


def _resolve(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _target(item: str, root: Path | None, out_dir: Path | None, output: str | None, to: str) -> Path | None:
    suffix = SUFFIX_BY_FORMAT[to]
    if out_dir is not None:
        if item == "-":
            return out_dir / f"stdin{suffix}"
        relative = Path(item).relative_to(root) if root is not None else Path(Path(item).name)
        return out_dir / relative.with_suffix(suffix)
    if output is not None and output != "-":
        return Path(output)
    return None


def convert_job(job: Job) -> Outcome:
    """Parse, export and write one input; never raise for a bad input (it runs in a worker process)."""
    try:
        document = parse_one(job.source, job.options)
        text = export(document, job.to, provenance=job.provenance)
        if job.target is None:
            return Outcome(job.source, None, "converted", text=text)
        write_atomic(job.target, text)
    except DocparseError as exc:
        cause = describe_cause(exc.cause) if exc.cause is not None else None
        return Outcome(job.source, job.target, "failed", exc.message, cause, error=portable(exc))
    except UsageError as exc:
        return Outcome(job.source, job.target, "failed", str(exc).split(": ", 1)[-1], io=True)
    return Outcome(job.source, job.target, "converted")


def portable(exc: DocparseError) -> DocparseError:
    """Return `exc`, or a copy without its cause if the cause does not pickle (to cross processes).

    The cause's type and message are kept as text in the `Outcome`, so nothing is lost to the user.
    """
    try:
        pickle.dumps(exc)
    except Exception:
        clone = copy.copy(exc)
        clone.cause = None
        clone.__cause__ = None
        clone.__context__ = None
        return clone
    return exc


def export(document: Document, to: str, *, provenance: bool = True) -> str:
    """Return `document` in the format `to` (Markdown never carries provenance), checked to encode as UTF-8.

    A failure here is a bug of ours: an `InternalError`, one line, and the batch goes on.
    """
    try:
        if to == "json":
            text = to_json(document, provenance=provenance)
        elif to == "yaml":
            text = to_yaml(document, provenance=provenance)
        else:
            text = EXPORTERS[to](document)
        text.encode("utf-8")
    except Exception as exc:
        raise InternalError(
            f"internal error while exporting ({type(exc).__name__}: {exc}); please report it with this file",
            cause=exc,
        ) from exc
    return text


def iter_outcomes(planned: Sequence[Job | Outcome], jobs: int) -> Iterator[Outcome]:
    """Yield the outcome of every planned input, in input order, converting `jobs` at a time.

    With more than one job the inputs are parsed in a process pool (parsing is CPU-bound
    Python: threads would share one core). Outcomes are plain data (the error's message
    and its cause as text), so an error whose cause does not pickle still crosses back.
    """
    work = [p for p in planned if isinstance(p, Job)]
    if jobs <= 1 or len(work) <= 1 or any(p.source == "-" for p in work):
        for item in planned:
            yield convert_job(item) if isinstance(item, Job) else item
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
        futures = {id(job): pool.submit(convert_job, job) for job in work}
        try:
            for item in planned:
                if isinstance(item, Outcome):
                    yield item
                    continue
                try:
                    yield futures[id(item)].result()
                except BrokenProcessPool:
                    yield Outcome(item.source, item.target, "failed", "the worker process died (out of memory?)")
                except Exception as exc:  # an outcome that did not cross back: report it, go on
                    yield Outcome(item.source, item.target, "failed", f"internal error ({describe_cause(exc)})")
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


class Progress:
    """One updating line on standard error (`[3/20] calls/a.pdf`), only when it is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0
        self.shown = False

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled and self.done < self.total:
            width = shutil.get_terminal_size((80, 24)).columns
            line = f"[{self.done}/{self.total}] {label}"[: max(width - 1, 10)]
            self.stream.write(f"\r\x1b[K{line}")
            self.stream.flush()
            self.shown = True


def run_convert(args: argparse.Namespace) -> int:
    to = format_for(args)
    options = parse_options(args)
    planned, batch = plan_jobs(args, to, options)
    if batch:
        assert args.output is not None
        try:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot create directory: {exc.strerror or exc}") from exc
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    err = sys.stderr
    progress = Progress(len(planned), err, enabled=batch and err.isatty() and not args.verbose and not args.quiet)
    counts = {"converted": 0, "skipped": 0, "failed": 0}
    unwritten = 0
    for outcome in iter_outcomes(planned, jobs):
        counts[outcome.status] += 1
        unwritten += outcome.io
        where = outcome.source if outcome.source != "-" else "<stdin>"
        progress.clear()
        if outcome.status == "failed":
            print(f"docparse: {where}: {outcome.message}", file=err)
            if args.verbose and outcome.cause is not None:
                print(f"  cause: {outcome.cause}", file=err)
        elif outcome.status == "skipped":
            if args.verbose:
                print(f"docparse: {where}: skipped: {outcome.message}", file=err)
        elif outcome.text is not None:
            write_stdout(outcome.text)  # a closed standard output ends the batch: nothing more can be written
        elif args.verbose:
            print(f"docparse: {where} -> {outcome.target}", file=err)
        progress.step(where)
    progress.clear()
    if batch and not args.quiet:
        print(
            f"docparse: {len(planned)} file(s): {counts['converted']} converted, "
            f"{counts['skipped']} skipped, {counts['failed']} failed",
            file=err,
        )
    return exit_code(counts["failed"] - unwritten, unwritten)


def exit_code(failed: int, unwritten: int) -> int:
    """Return the exit code of a batch: I/O errors (2) outrank documents that could not be parsed (1)."""
    if unwritten:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder renamed over it.

    A full disk, an error or Ctrl-C midway leaves the old file (or none), never a truncated one.
    """
    data = text.encode("utf-8")
    if path.exists() and not path.is_file():  # -o /dev/null, a FIFO: there is nothing to replace
        try:
            with path.open("wb") as stream:
                stream.write(data)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # outputs mirror the input tree
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _new_file_mode(path))
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise


def _new_file_mode(path: Path) -> int:
    # mkstemp makes the file 0600; the output should get the mode a plain open() would give it.
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def run_rule(args: argparse.Namespace) -> int:
    from docparse.check.explain import explain, find_rule, list_rules

    if args.all:
        sys.stdout.write(list_rules())
        return EXIT_OK
    rule = find_rule(args.code)
    if rule is None:
        raise UsageError(f"{args.code}: no such rule (`docparse rule --all` lists them)")
    sys.stdout.write(explain(rule))
    return EXIT_OK


def run_schema(args: argparse.Namespace) -> int:
    from docparse.schema import schema_text

    text = schema_text()
    if args.output and args.output != "-":
        write_atomic(Path(args.output), text)
    else:
        write_stdout(text)
    return EXIT_OK
