"""`docparse schema`: the JSON Schema of the output, to standard output or a file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from docparse.cli.common import EXIT_OK, write_atomic, write_stdout


def add_parser(commands: Any) -> None:
    """Add the `schema` command to `commands` (the subparsers of `docparse`)."""
    schema = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    schema.set_defaults(run=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    from docparse.schema import schema_text

    text = schema_text()
    if args.output and args.output != "-":
        write_atomic(Path(args.output), text)
    else:
        write_stdout(text)
    return EXIT_OK
