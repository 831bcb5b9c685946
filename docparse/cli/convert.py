"""`docparse convert INPUT...`: calls → JSON, YAML or Markdown, one file or a tree, in parallel.

Outputs mirror the input tree under `-o DIR`; an input is never written over; an existing
output is kept unless `--force`; each output is written atomically (`common.write_atomic`).
"""

from __future__ import annotations

import argparse
import os
import shutil
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
    GENERATED_LINE,
    OutputExists,
    UsageError,
    describe_cause,
    is_generated,
    iter_input_roots,
    parse_options,
    read_input,
    write_atomic,
    write_stdout,
)
from docparse.cli.exits import raise_if_signalled
from docparse.errors import DocparseError, InternalError, portable
from docparse.export import exporter
from docparse.export.json import to_json_pieces
from docparse.files import DEFAULT_EXCLUDE, Skipped, Walk, escape_name
from docparse.formats import INPUT_SUFFIXES
from docparse.model.diagnostic import Severity
from docparse.model.document import Document
from docparse.options import ParseOptions
from docparse.worker import worker_signals

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

SHOWN_ERRORS = 3
"""How many error-level diagnostics of a converted document `convert` prints (`check` lists them all)."""
SIGNAL_POLL = 0.25
"""Seconds between looks, while files are converted in parallel, for a signal whose exception was lost."""
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
    overwrite: bool = False
    """`--force`: replace an existing output; else it is created exclusively when written."""
    name: str | None = None
    """`--stdin-filename`: the file name of standard input (its reader, `source.name`, messages)."""


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
    notice: bool = False
    """Shown even without --verbose: a link not followed out of the input tree, a loop."""
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
    stdin_name: str | None = getattr(args, "stdin_filename", None)
    if stdin_name is not None and "-" not in args.inputs:
        raise UsageError("--stdin-filename names the input - (standard input); no input is -")
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
    left: list[Skipped] = []
    inputs = list(iter_input_roots(args.inputs, allow_dirs=output is not None, walk=walk, skipped=left))
    if not inputs and not left:
        named = ", ".join(i for i in args.inputs if i != "-")
        raise UsageError(f"{named}: no {', '.join(INPUT_SUFFIXES)} file found")
    resolved_inputs = {_resolve(Path(item)): item for item, _ in inputs if item != "-"}
    # A Markdown file convert wrote into the input tree on an earlier run is its output, not a call.
    generated = [item for item, root in inputs if root is not None and is_generated(Path(item))]
    inputs = [(item, root) for item, root in inputs if item not in generated]
    targets = [_target(item, root, out_dir, output, to, stdin_name) for item, root in inputs]
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
            planned.append(Job(item, None, to, options, args.provenance, name=_name_of(item, stdin_name)))
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
            job = Job(item, target, to, options, args.provenance, bool(args.force), _name_of(item, stdin_name))
            planned.append(job)
    planned.extend(Outcome(str(s.path), None, "skipped", s.reason, notice=True) for s in left)
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


def _name_of(item: str, stdin_name: str | None) -> str | None:
    """Return the file name standard input goes by (`--stdin-filename`'s last part), or None."""
    return (Path(stdin_name).name or None) if item == "-" and stdin_name else None


def _target(
    item: str, root: Path | None, out_dir: Path | None, output: str | None, to: str, stdin_name: str | None = None
) -> Path | None:
    suffix = SUFFIX_BY_FORMAT[to]
    if out_dir is not None:
        if item == "-":
            stem = Path(_name_of(item, stdin_name) or "stdin").stem or "stdin"
            return out_dir / f"{stem}{suffix}"
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
        result = convert_one(data, name=job.name or name, options=job.options)
        document = result.unwrap()
        text = export(document, job.to, provenance=job.provenance)
        errors, count = error_lines(document, job.source if job.source != "-" else (job.name or "<stdin>"))
        if job.target is None:
            return Outcome(job.source, None, "converted", text=text, errors=errors, error_count=count)
        if job.to == "md" and isinstance(text, str):
            text = GENERATED_LINE + text
        try:
            write_atomic(job.target, text, replace=job.overwrite)
        except OutputExists as exc:  # another batch into the same folder wrote it since the plan
            if not _holds(job.target, text):  # the same bytes (a job run again after its worker died): done
                return Outcome(job.source, job.target, "failed", f"{exc}; kept (give --force to overwrite it)")
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


def _holds(path: Path, text: str | list[bytes]) -> bool:
    """Return whether the file at `path` holds exactly `text`."""
    expected = b"".join(text) if isinstance(text, list) else text.encode("utf-8")
    try:
        return path.stat().st_size == len(expected) and path.read_bytes() == expected
    except OSError:
        return False


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
    A worker that dies (the kernel's OOM killer) breaks the pool: a new one is made, the files
    that were in hand are run again one at a time, and only the file whose worker dies alone
    fails.
    """
    work = [p for p in planned if isinstance(p, Job)]
    if jobs <= 1 or len(work) <= 1 or any(p.source == "-" for p in work):
        for item in planned:
            yield convert_job(item) if isinstance(item, Job) else item
        return
    runner = _PoolRunner(work, min(jobs, len(work)))
    decided = len(planned) - len(work)
    try:
        for item in planned:
            if isinstance(item, Outcome):
                yield item
                continue
            outcome = runner.outcome(item)
            if finished is not None:
                # Files finish out of order: the count is of every file done, not of those reported.
                finished(decided + runner.completed)
            yield outcome
    except BaseException:  # Ctrl-C, SIGTERM, a closed standard output: stop now
        runner.stop()
        raise
    runner.close()


class _PoolRunner:
    """Jobs through a process pool at most `workers` at a time, rebuilt when a worker dies."""

    def __init__(self, work: Sequence[Job], workers: int) -> None:
        from collections import deque

        self.workers = workers
        self.queue = deque(work)
        self.suspects: deque[Job] = deque()
        """Jobs in hand when a worker died: run one at a time until each is cleared or convicted."""
        self.running: dict[Future[Outcome], Job] = {}
        self.done: dict[int, Outcome] = {}
        self.completed = 0
        """Jobs finished so far, in whatever order."""
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # The pool's modules (multiprocessing) are imported only for a batch that runs in parallel.
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, initializer=worker_signals, initargs=(os.getpid(),))

    def outcome(self, job: Job) -> Outcome:
        """Return the outcome of `job`, running the others meanwhile."""
        while id(job) not in self.done:
            self._step()
        return self.done.pop(id(job))

    def _step(self) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        if self.suspects and not self.running:
            self._submit(self.suspects.popleft())
        while not self.suspects and self.queue and len(self.running) < self.workers:
            self._submit(self.queue.popleft())
        finished: set[Future[Outcome]] = set()
        while not finished:  # in steps: a signal whose exception a finalizer swallowed still ends the run
            finished, _ = wait(self.running, timeout=SIGNAL_POLL, return_when=FIRST_COMPLETED)
            raise_if_signalled()
        died: list[Job] = []
        for future in finished:
            job = self.running.pop(future)
            try:
                self.done[id(job)] = future.result()
                self.completed += 1
            except BrokenProcessPool:
                died.append(job)
            except Exception as exc:  # an outcome that did not cross back: report it, go on
                message = f"internal error ({describe_cause(exc)})"
                self.done[id(job)] = Outcome(job.source, job.target, "failed", message)
                self.completed += 1
        if not died:
            return
        died.extend(self.running.values())  # the pool is broken: every job in hand is lost with it
        self.running.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self._new_pool()
        if len(died) == 1:  # alone in the pool when it broke: this file killed its worker
            job = died[0]
            message = "the worker process died (killed by the system: out of memory?)"
            self.done[id(job)] = Outcome(job.source, job.target, "failed", message)
            self.completed += 1
        else:
            self.suspects.extend(died)

    def _submit(self, job: Job) -> None:
        self.running[self.pool.submit(convert_job, job)] = job

    def stop(self) -> None:
        _stop_now(self.pool)

    def close(self) -> None:
        self.pool.shutdown(wait=True)


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
        raise_if_signalled()
        counts[outcome.status] += 1
        counts["unwritten"] += outcome.io
        # Names and messages escaped: a file name holding a newline must not forge a line.
        where = escape_name(outcome.source if outcome.source != "-" else (args.stdin_filename or "<stdin>"))
        progress.clear()
        if outcome.status == "failed":
            print(f"docparse: {where}: {escape_name(outcome.message)}", file=err)
            if args.verbose and outcome.cause is not None:
                print(f"  cause: {escape_name(outcome.cause)}", file=err)
        elif outcome.status == "skipped":
            if args.verbose or outcome.notice:
                print(f"docparse: {where}: skipped: {escape_name(outcome.message)}", file=err)
        else:
            if outcome.text is not None:
                write_stdout(outcome.text)  # a closed standard output ends the batch: nothing more can be written
            elif args.verbose:
                print(f"docparse: {where} -> {escape_name(str(outcome.target))}", file=err)
            if not args.quiet:
                report_errors(outcome, where, err)
        progress.step(where)


def exit_code(failed: int, unwritten: int) -> int:
    """Return the exit code of a batch: I/O errors (2) outrank documents that could not be parsed (1)."""
    if unwritten:
        return EXIT_USAGE
    return EXIT_FAILED if failed else EXIT_OK
