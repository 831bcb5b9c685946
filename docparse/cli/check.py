"""`docparse check PATH...`: parse each input and report its diagnostics as a linter does.

Exit codes: 0 nothing at or above the fail level; 1 a finding at or above it, or an input that
could not be parsed (reported as DP100 `unreadable-input`, whatever the selection); 2 a usage
error (unknown path, bad option or config). `--exit-zero` turns 1 into 0.

A folder is walked as ruff walks one: only the formats docparse reads, less what `.gitignore`
files ignore and the `exclude` patterns (by default hidden folders, `.venv`, `node_modules`,
`build`, `dist`, …); a file named on the command line is always checked.

Text and GitHub output is written file by file as the inputs are parsed; JSON, SARIF and
`--statistics` at the end. `--strict` has no effect here: the fail level (`--fail-on`) decides.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

import docparse
from docparse.check.base import sort_diagnostics
from docparse.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    is_generated,
    iter_input_roots,
    parse_options,
    read_input,
    write_atomic,
)
from docparse.cli.config import ConfigError, Settings, resolve_settings
from docparse.cli.formatters import FORMATTERS, Finding, Formatter, format_sarif, format_statistics, format_text
from docparse.cli.suppress import NONE, suppressions
from docparse.diagnostics import make_diagnostic
from docparse.errors import DocparseError
from docparse.files import Skipped, Walk, escape_name
from docparse.formats import INPUT_SUFFIXES
from docparse.model.diagnostic import Diagnostic
from docparse.options import ParseOptions
from docparse.pipeline import parse_bytes


def run_check(args: argparse.Namespace) -> int:
    """Check every input named in `args`; print the findings; return the exit code."""
    try:
        settings = resolve_settings(args)
    except ConfigError as exc:
        raise UsageError(str(exc)) from exc
    if args.stdin_filename is not None and args.inputs != ["-"]:
        raise UsageError("--stdin-filename goes with the input - (standard input) alone")
    left: list[Skipped] = []
    walked = iter_input_roots(args.inputs, allow_dirs=True, walk=Walk(exclude=settings.exclude), skipped=left)
    # Markdown that `convert` wrote into the tree is its output, not a call: checked only where named.
    inputs = [item for item, root in walked if root is None or not is_generated(Path(item))]
    quiet = getattr(args, "quiet", False)
    if not inputs and not left:
        if not quiet:
            print(f"docparse: no {', '.join(INPUT_SUFFIXES)} file found to check", file=sys.stderr)
        return EXIT_OK
    options = parse_options(args).model_copy(update={"strict": False})
    output_file = getattr(args, "output_file", None)
    out = io.StringIO() if output_file is not None else sys.stdout
    formatter = choose_formatter(settings, out)
    streaming = settings.format in ("text", "github", "jsonl") and not args.statistics
    collected: list[Finding] = []
    failing = 0
    shown = 0
    skips = [[Finding(escape_name(str(s.path)), make_diagnostic("input-skipped", s.reason))] for s in left]
    check = partial(check_one, options=options, settings=settings, verbose=args.verbose)
    found_lists = iter_findings(inputs, check, getattr(args, "jobs", 1), args.stdin_filename)
    # A link not followed, a loop: its own finding, after the files read.
    skipped_lists = ([f for f in item if settings.is_selected(f.diagnostic.code)] for item in skips)
    for findings in itertools.chain(found_lists, skipped_lists):
        shown += len(findings)
        failing += sum(1 for finding in findings if _fails(finding.diagnostic, settings))
        if streaming:
            out.write(formatter(findings))
            out.flush()
        else:
            collected.extend(findings)
    if args.statistics:
        out.write(format_statistics(collected))
    elif not streaming:
        out.write(formatter(collected))
    if output_file is not None:
        assert isinstance(out, io.StringIO)
        write_atomic(Path(output_file), out.getvalue())
    if settings.format == "text" and not quiet:
        found = f"{shown} finding(s), {failing} at or above {settings.fail_on}" if shown else "all checks passed"
        print(f"docparse: checked {len(inputs)} file(s): {found}", file=sys.stderr)
    return EXIT_FAILED if failing and not args.exit_zero else EXIT_OK


def iter_findings(
    inputs: list[str], check: Callable[..., list[Finding]], jobs: int, stdin_filename: str | None
) -> Iterator[list[Finding]]:
    """Yield the findings of each input, in input order, checking `jobs` files at a time (0: one per CPU)."""
    from docparse.cli.convert import worker_count

    workers = worker_count(jobs)
    if workers <= 1 or len(inputs) <= 1 or "-" in inputs:
        for item in inputs:
            yield check(item, stdin_filename=stdin_filename)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(inputs))) as pool:
        yield from pool.map(check, inputs)


def choose_formatter(settings: Settings, stream: TextIO) -> Formatter:
    """Return the formatter of the settings' format; text in colour on a terminal unless NO_COLOR is set."""
    if settings.format == "text":
        return partial(format_text, colour=use_colour(stream))
    if settings.format == "sarif":
        return partial(format_sarif, version=docparse.__version__)
    return FORMATTERS[settings.format]


def use_colour(stream: TextIO) -> bool:
    """Return whether to colour output to `stream`: a terminal, and no `NO_COLOR` (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def check_one(
    item: str,
    options: ParseOptions,
    settings: Settings,
    *,
    verbose: bool = False,
    stdin_filename: str | None = None,
) -> list[Finding]:
    """Return the selected findings of one input, in document order, or its DP100 finding."""
    path = escape_name(item if item != "-" else (stdin_filename or "<stdin>"))  # a newline in a name forges no line
    name = os.path.basename(stdin_filename) if item == "-" and stdin_filename else None
    try:
        data, file_name = read_input(item, options.limits.max_input_bytes)
        document = parse_bytes(data, name=name or file_name, options=options)
    except (DocparseError, UsageError) as exc:
        return [Finding(path, unreadable(exc, verbose))]
    # In-place comments (`<!-- docparse: ignore DP301 -->`), then `per-file-ignores`.
    hidden = suppressions(data) if document.source.format in ("text", "markdown", "html") else NONE
    ignored = settings.ignored_in(path)
    selected = [
        d
        for d in sort_diagnostics(document.diagnostics)
        if settings.is_selected(d.code)
        and not hidden.hides(d)
        and not (ignored and d.code != "DP100" and d.code.startswith(ignored))
    ]
    return [Finding(path, diagnostic) for diagnostic in selected]


def unreadable(exc: DocparseError | UsageError, verbose: bool) -> Diagnostic:
    """Return the DP100 finding for an input that could not be read or parsed."""
    if isinstance(exc, DocparseError):
        message = exc.message
        if verbose and exc.cause is not None:
            message += f" (cause: {type(exc.cause).__name__}: {exc.cause})"
    else:
        message = str(exc).split(": ", 1)[-1]
    return make_diagnostic("unreadable-input", message)


def _fails(diagnostic: Diagnostic, settings: Settings) -> bool:
    return diagnostic.code == "DP100" or diagnostic.severity.rank >= settings.fail_on.rank
