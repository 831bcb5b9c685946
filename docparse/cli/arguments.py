"""The command line's grammar: every subcommand and its options, with nothing of what runs them.

Building the parser imports no model, pipeline or check: `docparse --version`, `--help` and a
usage error answer at once, and a command imports its own module (`convert`, `check`, `schema`,
`explain`, `rule`) only when it runs, not the other commands' (`Command`).
"""

from __future__ import annotations

import argparse
import gc
import importlib
from collections.abc import Callable
from typing import Any

from docparse.export import FORMATS


class Command:
    """The function `function` of module `module` that runs a command, imported when the command runs."""

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def __call__(self, args: argparse.Namespace) -> int:
        # Importing a command builds the model's classes and compiles the patterns: hundreds of
        # thousands of objects and no garbage, which the collector would otherwise scan again and
        # again (about a tenth of a small file's conversion). It runs as usual once they exist.
        enabled = gc.isenabled()
        gc.disable()
        try:
            module = importlib.import_module(self.module)
        finally:
            if enabled:
                gc.enable()
        run: Callable[[argparse.Namespace], int] = getattr(module, self.function)
        return run(args)


def add_commands(commands: Any) -> None:
    """Add every command to `commands` (the subparsers of `docparse`), in the order `docparse --help` lists them."""
    for add in (add_convert, add_schema, add_check, add_explain, add_rule):
        add(commands)


def add_convert(commands: Any) -> None:
    """Add the `convert` command to `commands` (the subparsers of `docparse`)."""
    convert = commands.add_parser("convert", help="convert calls to JSON, YAML or Markdown")
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories; - for standard input")
    convert.add_argument(
        "-f",
        "--to",
        dest="to",
        choices=sorted(FORMATS),
        default=None,
        help="output format (default: -o's extension, else json)",
    )
    convert.add_argument("-o", "--output", metavar="FILE|DIR", help="output file, or directory for several inputs")
    convert.add_argument(
        "--stdin-filename",
        metavar="PATH",
        help="the name of input - (its extension picks the reader; it names the document and its output in -o DIR)",
    )
    existing = convert.add_mutually_exclusive_group()
    existing.add_argument("--force", action="store_true", help="overwrite existing outputs")
    existing.add_argument("--skip-existing", action="store_true", help="keep existing outputs and skip their inputs")
    convert.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="convert N files at a time (default 0: one per CPU this process may use)",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    convert.add_argument("--exclude", metavar="GLOBS", help="comma-separated patterns to skip, replacing the defaults")
    convert.add_argument(
        "--extend-exclude", metavar="GLOBS", help="comma-separated patterns to skip, besides the defaults"
    )
    convert.add_argument(
        "--no-provenance",
        dest="provenance",
        action="store_false",
        help="leave out where each part came from (leaner JSON/YAML that still loads)",
    )
    add_parse_options(convert)
    convert.set_defaults(run=Command("docparse.cli.convert", "run_convert"))


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return jobs


def _pages(value: str) -> str:
    from docparse.options import page_ranges

    try:
        page_ranges(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return value


def add_schema(commands: Any) -> None:
    """Add the `schema` command to `commands` (the subparsers of `docparse`)."""
    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    schema.set_defaults(run=Command("docparse.cli.schema", "run_schema"))


def add_check(commands: Any) -> None:
    """Add the `check` command to `commands` (the subparsers of `docparse`)."""
    check = commands.add_parser("check", help="lint calls: report numbering, TOC and structure problems")
    check.add_argument("inputs", nargs="+", metavar="PATH", help="files or directories")
    check.add_argument(
        "--output-format",
        "--format",
        dest="output_format",
        choices=("text", "json", "jsonl", "github", "sarif"),
        default=None,
        help="text (path:line:col: CODE message), json, jsonl (JSON Lines), github (workflow commands) or sarif",
    )
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the findings to FILE (written atomically)")
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary line")
    check.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="files checked at a time (0: one per CPU)"
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
    add_parse_options(check)
    check.set_defaults(run=Command("docparse.cli.check", "run_check"))


def add_explain(commands: Any) -> None:
    """Add the `explain` command to `commands` (the subparsers of `docparse`)."""
    explain = commands.add_parser("explain", help="show why each block became what it is (rule, evidence, role, node)")
    explain.add_argument("input", metavar="FILE", help="the call to explain; - for standard input")
    explain.add_argument(
        "--format",
        dest="output_format",
        choices=("table", "json"),
        default="table",
        help="table (one line a block, default) or json (every record whole)",
    )
    explain.add_argument("--grep", metavar="TEXT", help="only the blocks whose text holds TEXT (any case)")
    explain.add_argument(
        "--png",
        metavar="DIR",
        help="draw each chosen PDF page into DIR, the blocks' boxes coloured by role (FILE-pN.png)",
    )
    # explain reads the whole document (its evidence is document-wide) and shows the pages asked for.
    explain.add_argument("--pages", metavar="N[-M]", help="only the blocks on these PDF pages (3, or 3-5)")
    add_parse_options(explain, pages=False)
    explain.set_defaults(run=Command("docparse.cli.explain", "run_explain"))


def add_rule(commands: Any) -> None:
    """Add the `rule` command to `commands` (the subparsers of `docparse`)."""
    rule = commands.add_parser("rule", help="explain a rule of `docparse check` (DP301, or its name)")
    rule_which = rule.add_mutually_exclusive_group(required=True)
    rule_which.add_argument("code", nargs="?", metavar="CODE", help="a rule code (DP301) or name (numbering-gap)")
    rule_which.add_argument("--all", action="store_true", help="list every rule")
    rule.set_defaults(run=Command("docparse.cli.rule", "run_rule"))


def add_parse_options(parser: argparse.ArgumentParser, *, pages: bool = True) -> None:
    """Add the options that shape a parse; `pages=False` for a command whose --pages is its own (explain)."""
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument("--strict", action="store_true", help="treat error-level diagnostics as failures")
    parser.add_argument("--max-bytes", type=int, metavar="N", help="largest input accepted, in bytes")
    parser.add_argument(
        "--max-pages", type=int, metavar="N", help="read at most the first N pages of a PDF (the rest: a DP110)"
    )
    if pages:
        parser.add_argument(
            "--pages", type=_pages, metavar="RANGES", help="PDF pages to read: 3-7, 1,3,5- (real page numbers kept)"
        )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        # The defaults are options.DEFAULT_MAX_SECONDS and DEFAULT_OCR_SECONDS_PER_PAGE (tests/cli check the
        # text); not imported: building the parser imports no pydantic.
        help="time budget per document in seconds (default 120), plus --ocr-seconds for each page that needs OCR; "
        "given, each file is parsed in a worker process ended a second after its budget, in a library call or not",
    )
    parser.add_argument(
        "--max-memory",
        type=int,
        metavar="MB",
        help="address space the parse's worker process may add to what it starts with (default 4096); "
        "like --timeout, it parses each file "
        "in a worker that is ended when either is spent",
    )
    parser.add_argument(
        "--ocr-seconds",
        type=float,
        metavar="SECONDS",
        help="seconds added to the time budget for each page that needs OCR (default 30)",
    )
    parser.add_argument(
        "--ocr",
        choices=("auto", "always", "never"),
        default="auto",
        help="OCR of PDF pages (needs the ocr extra): auto, the pages without a usable text layer (default); "
        "always, every page; never",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show each file and the cause of failures")
