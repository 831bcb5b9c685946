"""`docparse check`: parse each input and print its diagnostics, one line each."""

from __future__ import annotations

import argparse
import sys

from docparse.cli import EXIT_FAILED, EXIT_OK, iter_inputs, parse_one, parse_options, report_failure
from docparse.errors import DocparseError
from docparse.model.diagnostic import Severity


def run_check(args: argparse.Namespace) -> int:
    """Print `path:line:col: CODE message` for every finding; return the exit code."""
    options = parse_options(args)
    fail_rank = Severity(args.fail_on or "warning").rank
    failing = 0
    for item in iter_inputs(args.inputs, allow_dirs=True):
        try:
            document = parse_one(item, options)
        except DocparseError as exc:
            report_failure(item, exc, args.verbose)
            failing += 1
            continue
        for diagnostic in document.diagnostics:
            line = diagnostic.provenance.line_start or 1
            print(f"{item}:{line}:1: {diagnostic.code} {diagnostic.message}", file=sys.stdout)
            if diagnostic.severity.rank >= fail_rank:
                failing += 1
    return EXIT_FAILED if failing and not args.exit_zero else EXIT_OK
