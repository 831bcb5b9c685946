"""What the Dask and Ray recipes share on the driver: planning, tallying and the failures record.

Nothing here runs on a worker: the functions the engines ship to workers are docparse's own
(`docparse.cli.convert.convert_job`, `docparse.rows.file_rows`), importable wherever docparse
is installed, so no recipe code has to be pickled by value.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from docparse.cli.common import iter_input_roots
from docparse.cli.convert import Job, Outcome, failure_record, plan
from docparse.files import Walk
from docparse.rows import Row, arrow_schema, to_arrow

ROW_GROUP = 50_000  # rows per Parquet row group: a useful size, and the client's memory bounded
Failure = dict[str, Any]


def is_uri(path: str) -> bool:
    """Return whether `path` names object storage (`s3://`, `gs://`, `abfs://`) rather than a file."""
    return "://" in path


def plan_json(inputs: Sequence[str], output: str, *, force: bool = False) -> list[Job | Outcome]:
    """Return `docparse convert INPUTS -o OUTPUT`'s plan with absolute paths (workers have their own cwd)."""
    Path(output).mkdir(parents=True, exist_ok=True)
    return plan([os.path.abspath(i) for i in inputs], os.path.abspath(output), force=force)


def input_files(inputs: Sequence[str]) -> list[str]:
    """Return the calls under `inputs` as absolute paths, chosen as `docparse convert` chooses them."""
    found = iter_input_roots([os.path.abspath(i) for i in inputs], allow_dirs=True, walk=Walk(gitignore=False))
    return [item for item, _root in found]


def tally(planned: Sequence[Job | Outcome], outcomes: dict[int, Outcome]) -> tuple[list[Failure], int]:
    """Return the failure records and the number converted, in input order (`outcomes` by id of job)."""
    failures, done = [], 0
    for item in planned:
        outcome = item if isinstance(item, Outcome) else outcomes[id(item)]
        if outcome.status == "failed":
            failures.append(failure_record(outcome))
        done += outcome.status == "converted"
    return failures, done


def engine_failure(source: str, exc: BaseException) -> Failure:
    """Return the record of a file whose task failed in the engine (a killed worker), not in docparse."""
    return {"source": source, "error": type(exc).__name__, "message": f"the task failed: {exc}", "cause": None}


def write_rows(output: str, batches: Iterable[list[Row]]) -> None:
    """Write the rows of `batches` to OUTPUT/rows.parquet with the explicit schema, a row group at a time."""
    import pyarrow.parquet as pq

    if not is_uri(output):
        Path(output).mkdir(parents=True, exist_ok=True)
    pending: list[Row] = []
    with pq.ParquetWriter(f"{output.rstrip('/')}/rows.parquet", arrow_schema()) as writer:
        for rows in batches:
            pending.extend(rows)
            if len(pending) >= ROW_GROUP:
                writer.write_table(to_arrow(pending))
                pending = []
        writer.write_table(to_arrow(pending))


def write_failures(output: str, failures: Sequence[Failure]) -> None:
    """Write one JSON line per failure to OUTPUT/failures.jsonl (an empty file when none failed)."""
    text = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in failures).encode("utf-8")
    if is_uri(output):  # object storage, through pyarrow's file systems
        from pyarrow import fs

        store, root = fs.FileSystem.from_uri(output)
        with store.open_output_stream(f"{root.rstrip('/')}/failures.jsonl") as stream:
            stream.write(text)
        return
    Path(output).mkdir(parents=True, exist_ok=True)
    (Path(output) / "failures.jsonl").write_bytes(text)


def arguments(engine: str, parquet: str) -> argparse.ArgumentParser:
    """Return the arguments both recipes take (IN..., OUT, --parquet, --address); each adds its own."""
    parser = argparse.ArgumentParser(description=f"Convert a folder of calls on {engine}.")
    parser.add_argument("inputs", nargs="+", metavar="IN", help="files or folders of calls")
    parser.add_argument("output", metavar="OUT", help="output folder (with --parquet, also s3://...)")
    parser.add_argument("--parquet", action="store_true", help=f"write {parquet} instead of JSON files")
    parser.add_argument("--address", help="a running cluster (default: start a local one)")
    return parser


def finish(name: str, output: str, failures: Sequence[Failure], done: int) -> int:
    """Write the failures record, print `name: N file(s): C converted, F failed`; return the exit code."""
    write_failures(output, failures)
    print(f"{name}: {done + len(failures)} file(s): {done} converted, {len(failures)} failed", file=sys.stderr)
    return 1 if failures else 0
