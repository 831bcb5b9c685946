"""Convert a folder of calls on a Dask cluster: one JSON per call, or Parquet rows.

    python examples/dask_convert.py IN OUT             # OUT/<IN's tree>/*.json + OUT/failures.jsonl
    python examples/dask_convert.py IN OUT --parquet   # OUT/rows.parquet + OUT/failures.jsonl
    python examples/dask_convert.py IN OUT --address tcp://scheduler:8786   # a running cluster

Without `--address` a `LocalCluster` of `--workers` single-threaded processes is started
(parsing is CPU-bound Python: threads would share one core). For JSON, IN and OUT must be paths
every worker sees (a shared file system); the tree written is the one `docparse convert IN -o
OUT` writes, since the task is its own worker, `convert_job`. With `--parquet` the workers read
IN and send rows back; the client writes OUT, which may be object storage (`s3://bucket/run1`).
A corrupt file is a line of failures.jsonl, never a failed run. Needs `docparse-calls[dask]`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from dask.distributed import Client, LocalCluster
from recipe_common import (
    Failure,
    arguments,
    engine_failure,
    finish,
    input_files,
    plan_json,
    tally,
    write_rows,
)

from docparse.cli.convert import Job, Outcome, convert_job
from docparse.rows import Row, file_rows

CHUNK = 1000  # tasks in flight at a time: the client's memory stays bounded on 100,000 files
T = TypeVar("T")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with contextlib.ExitStack() as stack:
        if args.address:
            client = stack.enter_context(Client(args.address))
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
            client = stack.enter_context(Client(stack.enter_context(cluster)))
        convert = to_parquet if args.parquet else to_json_tree
        failures, done = convert(client, args.inputs, args.output)
    return finish("dask_convert", args.output, failures, done)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = arguments("a Dask cluster", "OUT/rows.parquet")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="local worker processes")
    return parser.parse_args(argv)


def to_json_tree(client: Client, inputs: Sequence[str], output: str) -> tuple[list[Failure], int]:
    """Convert every call under `inputs` to OUT/<its path>.json; return the failure records and the count done."""
    planned = plan_json(inputs, output)
    jobs = [item for item in planned if isinstance(item, Job)]
    outcomes = {}
    for job, outcome in in_order(client, convert_job, jobs):
        if isinstance(outcome, Exception):
            outcome = Outcome(job.source, job.target, "failed", engine_failure(job.source, outcome)["message"])
        outcomes[id(job)] = outcome
    return tally(planned, outcomes)


def to_parquet(client: Client, inputs: Sequence[str], output: str) -> tuple[list[Failure], int]:
    """Write the rows of every call under `inputs` to OUT/rows.parquet; return the failure records and the count."""
    failures: list[Failure] = []
    converted = 0

    def batches() -> Iterator[list[Row]]:
        nonlocal converted
        for path, answer in in_order(client, file_rows, input_files(inputs)):
            rows, failure = ([], engine_failure(path, answer)) if isinstance(answer, Exception) else answer
            if failure is not None:
                failures.append(failure)
                continue
            converted += 1
            yield rows

    write_rows(output, batches())
    return failures, converted


def in_order(client: Client, function: Callable[[Any], T], items: Sequence[Any]) -> Iterator[tuple[Any, T | Exception]]:
    """Yield (item, function(item)) in input order, CHUNK at a time; a task the engine lost yields its exception."""
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        futures = client.map(function, chunk, pure=False)
        for item, future in zip(chunk, futures, strict=True):
            try:
                yield item, future.result()
            except Exception as exc:  # the engine's failure (a killed worker), not the document's
                yield item, exc


if __name__ == "__main__":
    sys.exit(main())
