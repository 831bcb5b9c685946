"""`docparse schema`: the JSON Schema of the output, to standard output or a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from docparse.cli.common import EXIT_OK, write_atomic, write_stdout


def run_schema(args: argparse.Namespace) -> int:
    from docparse.schema import schema_text

    text = schema_text()
    if args.output and args.output != "-":
        write_atomic(Path(args.output), text)
    else:
        write_stdout(text)
    return EXIT_OK
