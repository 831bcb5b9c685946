"""`docparse convert INPUT...`: calls → JSON, YAML or Markdown, one file or a tree, in parallel.

Outputs mirror the input tree under `-o DIR`; an input is never written over; an existing
output is kept unless `--force`; each output is written atomically (`common.write_atomic`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

from docparse.batch import convert_one
from docparse.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    describe_cause,
    iter_input_roots,
    parse_options,
    read_input,
    write_atomic,
    write_stdout,
)
from docparse.errors import DocparseError, InternalError, portable
from docparse.export import exporter
from docparse.export.json import to_json_pieces
from docparse.files import DEFAULT_EXCLUDE, Walk
from docparse.model.diagnostic import Severity
from docparse.model.document import Document
from docparse.options import ParseOptions
from docparse.read.detect import INPUT_SUFFIXES

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

GENERATED = "<!-- docparse: generated Markdown"
"""The first line of a Markdown file `convert` writes: a folder walk does not read such a file as a call."""
GENERATED_LINE = GENERATED + " (a folder given to docparse convert skips this file) -->\n\n"
SHOWN_ERRORS = 3
"""How many error-level diagnostics of a converted document `convert` prints (`check` lists them all)."""
PROGRESS_EVERY = 0.25
"""Seconds between updates of the progress line while the next file in order is still being parsed."""
SUFFIX_BY_FORMAT = {"json": ".json", "yaml": ".yaml", "md": ".md"}
FORMAT_BY_SUFFIX = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".md": "md", ".markdown": "md"}


def worker_count(jobs: int) -> int:
    """Return how many files to convert at a time: `jobs`, or for 0 the CPUs this process may run on.

    The CPUs it may run on, not the machine's: a container or `taskset` limits them, and a pool
    larger than that only adds processes that wait.
    """
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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
    text: str | list[bytes] | None = None
    """The export as text, or as pieces of UTF-8 (JSON: the serializer's own bytes, never decoded)."""
    error: DocparseError | None = None
    io: bool = False
    """The failure is an input or output that could not be read or written (exit code 2)."""
    errors: tuple[str, ...] = ()
    """The first error-level diagnostics of a converted document, one `path:line:1: CODE message` line each."""
    error_count: int = 0
    """How many error-level diagnostics the document has in all."""


def format_for(args: argparse.Namespace) -> str:
    """Return the output format: `-f`, else the one `-o FILE`'s extension names, else JSON."""
    output = args.output
    named = output is not None and output != "-" and not output.endswith(("/", "\\")) and not Path(output).is_dir()
    suffix = Path(output).suffix.lower() if named else ""
    if args.to is not None:
        implied = FORMAT_BY_SUFFIX.get(suffix)
        if implied is not None and implied != args.to:
            # JSON written into call.md is a file that lies about what it holds.
            raise UsageError(f"-o {output} names {implied} output but -f {args.to} was given; give one of them")
        return str(args.to)
    if not named:
        return "json"
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
    walk = Walk(gitignore=False, skip=skip, exclude=exclude_patterns(args))
    inputs = list(iter_input_roots(args.inputs, allow_dirs=output is not None, walk=walk))
    if not inputs:
        named = ", ".join(i for i in args.inputs if i != "-")
        raise UsageError(f"{named}: no {', '.join(INPUT_SUFFIXES)} file found")
    resolved_inputs = {_resolve(Path(item)): item for item, _ in inputs if item != "-"}
    # A Markdown file convert wrote into the input tree on an earlier run is its output, not a call.
    generated = [item for item, root in inputs if root is not None and is_generated(Path(item))]
    inputs = [(item, root) for item, root in inputs if item not in generated]
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
    planned: list[Job | Outcome] = [
        Outcome(item, None, "skipped", "Markdown that docparse wrote, not a call") for item in generated
    ]
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


def plan(
    inputs: Sequence[str],
    output: str,
    *,
    to: str = "json",
    options: ParseOptions | None = None,
    force: bool = False,
    skip_existing: bool = False,
    provenance: bool = True,
) -> list[Job | Outcome]:
    """Return what `docparse convert INPUTS -o OUTPUT` would do: a job per input, or its outcome already.

    For batch runners (examples/dask_convert.py, ray_convert.py): running `convert_job` on each
    job, anywhere, writes the same tree as the command line.
    """
    args = argparse.Namespace(
        inputs=list(inputs), output=output, force=force, skip_existing=skip_existing, provenance=provenance
    )
    return plan_jobs(args, to, options or ParseOptions())[0]


def exclude_patterns(args: argparse.Namespace) -> tuple[str, ...]:
    """Return the patterns a folder's walk leaves out: the defaults or `--exclude`, and `--extend-exclude`."""
    exclude = DEFAULT_EXCLUDE
    if getattr(args, "exclude", None) is not None:
        exclude = tuple(p.strip() for p in args.exclude.split(",") if p.strip())
    if getattr(args, "extend_exclude", None) is not None:
        exclude = (*exclude, *(p.strip() for p in args.extend_exclude.split(",") if p.strip()))
    return exclude


def is_generated(path: Path) -> bool:
    """Return whether `path` is a Markdown file that `convert` wrote (its first line is the GENERATED comment)."""
    if path.suffix.lower() not in (".md", ".markdown"):
        return False
    try:
        with path.open("rb") as stream:
            return stream.read(len(GENERATED)).decode("utf-8", "replace") == GENERATED
    except OSError:
        return False  # unreadable: reported when it is read


def failure_record(outcome: Outcome) -> dict[str, str | None]:
    """Return a failed outcome as one JSON-ready record: source, target, error class name, message, cause."""
    kind = type(outcome.error).__name__ if outcome.error is not None else ("OSError" if outcome.io else "Refused")
    target = str(outcome.target) if outcome.target is not None else None
    return {
        "source": outcome.source,
        "target": target,
        "error": kind,
        "message": outcome.message,
        "cause": outcome.cause,
    }


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
    """Parse, export and write one input; never raise for a bad input (it runs in a worker process).

    The parse is `docparse.convert_one`, the one safe per-file call that the Dask and Ray
    recipes use too; reading the input here tells an unreadable file (exit code 2) apart.
    """
    try:
        data, name = read_input(job.source, job.options.limits.max_input_bytes)
        result = convert_one(data, name=name, options=job.options)
        document = result.unwrap()
        text = export(document, job.to, provenance=job.provenance)
        errors, count = error_lines(document, job.source if job.source != "-" else "<stdin>")
        if job.target is None:
            return Outcome(job.source, None, "converted", text=text, errors=errors, error_count=count)
        if job.to == "md" and isinstance(text, str):
            text = GENERATED_LINE + text
        write_atomic(job.target, text)
    except DocparseError as exc:
        cause = describe_cause(exc.cause) if exc.cause is not None else None
        return Outcome(job.source, job.target, "failed", exc.message, cause, error=portable(exc))
    except UsageError as exc:
        return Outcome(job.source, job.target, "failed", str(exc).split(": ", 1)[-1], io=True)
    return Outcome(job.source, job.target, "converted", errors=errors, error_count=count)


def error_lines(document: Document, where: str) -> tuple[tuple[str, ...], int]:
    """Return the first SHOWN_ERRORS error-level diagnostics as `check`'s one-line findings, and their count."""
    found = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    if not found:
        return (), 0
    from docparse.cli.formatters import Finding, format_text  # the lint's module only when there is one

    text = format_text([Finding(where, d) for d in found[:SHOWN_ERRORS]])
    return tuple(text.splitlines()), len(found)


def report_errors(outcome: Outcome, where: str, err: TextIO) -> None:
    """Print a converted document's error-level diagnostics, one line each, and how many there are in all."""
    for line in outcome.errors:
        print(line, file=err)
    if outcome.error_count > len(outcome.errors):
        more = outcome.error_count - len(outcome.errors)
        print(f"docparse: {where}: {more} more error(s); `docparse check {where}` lists them all", file=err)


def export(document: Document, to: str, *, provenance: bool = True) -> str | list[bytes]:
    """Return `document` in the format `to` (Markdown never carries provenance), checked to encode as UTF-8.

    JSON comes as the serializer's UTF-8 bytes in pieces (`to_json_pieces`): a long call's
    export is then held once, not as bytes, text and text again. A failure here is a bug of
    ours: an `InternalError`, one line, and the batch goes on.
    """
    text: str
    try:
        if to == "json":
            return to_json_pieces(document, provenance=provenance)
        if to == "yaml":
            from docparse.export.yaml import to_yaml  # PyYAML only when YAML is asked for

            text = to_yaml(document, provenance=provenance)
        else:
            text = exporter(to)(document)
        text.encode("utf-8")
    except Exception as exc:
        raise InternalError(
            f"internal error while exporting ({type(exc).__name__}: {exc}); please report it with this file",
            cause=exc,
        ) from exc
    return text


def iter_outcomes(
    planned: Sequence[Job | Outcome], jobs: int, finished: Callable[[int], None] | None = None
) -> Iterator[Outcome]:
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
    # The pool's modules (multiprocessing) are imported only for a batch that runs in parallel.
    from concurrent.futures import ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=min(jobs, len(work)), initializer=_worker_signals) as pool:
        futures = {id(job): pool.submit(convert_job, job) for job in work}
        decided = len(planned) - len(work)

        def tell() -> None:
            # Files finish out of order: the count is of every file done, not of those reported.
            if finished is not None:
                finished(decided + sum(f.done() for f in futures.values()))

        try:
            for item in planned:
                if isinstance(item, Outcome):
                    yield item
                    continue
                future = futures[id(item)]
                while not future.done():
                    wait([future], timeout=PROGRESS_EVERY)
                    tell()
                try:
                    outcome = future.result()
                    tell()
                    yield outcome
                except BrokenProcessPool:
                    yield Outcome(item.source, item.target, "failed", "the worker process died (out of memory?)")
                except Exception as exc:  # an outcome that did not cross back: report it, go on
                    yield Outcome(item.source, item.target, "failed", f"internal error ({describe_cause(exc)})")
        except BaseException:  # Ctrl-C, SIGTERM, a closed standard output: stop now
            _stop_now(pool)
            raise


def _worker_signals() -> None:
    """Let the main process alone answer Ctrl-C, and let SIGTERM end a worker at once.

    A worker inherits the command's SIGTERM handler, which raises an exception that the pool
    would catch and report as the file's result, and go on to the next file; a terminal's Ctrl-C
    reaches the workers too, and each would print its own traceback.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """Cancel the files not started and end the workers: an interrupted run must not finish the files in hand.

    (Leaving the pool's `with` block joins its workers; a worker OCR-ing a scan would hold the
    exit for minutes.) Python 3.14 has `terminate_workers`; before it, the pool's processes.
    """
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    # Taken before shutdown(), which forgets them.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


class Progress:
    """One updating line on standard error (`[3/20] calls/a.pdf`), only when it is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0
        self.reported, self.label = 0, ""
        self.shown = False

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

    def step(self, label: str) -> None:
        """Count one more file reported, `label` the last one."""
        self.reported += 1
        self.label = label
        self.show(self.reported)

    def show(self, finished: int) -> None:
        """Show how many files are done (`finished`, at least those reported), while others run."""
        self.done = max(self.done, finished, self.reported)
        if self.enabled and self.done < self.total:
            width = shutil.get_terminal_size((80, 24)).columns
            line = f"[{self.done}/{self.total}] {self.label}"[: max(width - 1, 10)]
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
    jobs = worker_count(args.jobs)
    err = sys.stderr
    progress = Progress(len(planned), err, enabled=batch and err.isatty() and not args.verbose and not args.quiet)
    counts = {"converted": 0, "skipped": 0, "failed": 0, "unwritten": 0}
    try:
        report(planned, jobs, args, progress, counts)
    except BaseException:
        progress.clear()  # Ctrl-C's message, or an error's, starts on a line of its own
        raise
    progress.clear()
    if batch and not args.quiet:
        print(
            f"docparse: {len(planned)} file(s): {counts['converted']} converted, "
            f"{counts['skipped']} skipped, {counts['failed']} failed",
            file=err,
        )
    return exit_code(counts["failed"] - counts["unwritten"], counts["unwritten"])


def report(
    planned: Sequence[Job | Outcome], jobs: int, args: argparse.Namespace, progress: Progress, counts: dict[str, int]
) -> None:
    """Run the planned conversions, printing each failure (and what else is asked) as it is known."""
    err = progress.stream
    for outcome in iter_outcomes(planned, jobs, progress.show):
        counts[outcome.status] += 1
        counts["unwritten"] += outcome.io
        where = outcome.source if outcome.source != "-" else "<stdin>"
        progress.clear()
        if outcome.status == "failed":
            print(f"docparse: {where}: {outcome.message}", file=err)
            if args.verbose and outcome.cause is not None:
                print(f"  cause: {outcome.cause}", file=err)
        elif outcome.status == "skipped":
            if args.verbose:
                print(f"docparse: {where}: skipped: {outcome.message}", file=err)
        else:
            if outcome.text is not None:
                write_stdout(outcome.text)  # a closed standard output ends the batch: nothing more can be written
            elif args.verbose:
                print(f"docparse: {where} -> {outcome.target}", file=err)
            if not args.quiet:
                report_errors(outcome, where, err)
        progress.step(where)


def exit_code(failed: int, unwritten: int) -> int:
    """Return the exit code of a batch: I/O errors (2) outrank documents that could not be parsed (1)."""
    if unwritten:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK
