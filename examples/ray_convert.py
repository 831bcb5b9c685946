"""Convert a folder of calls on Ray: one JSON per call (Ray tasks), or Parquet rows (Ray Data).

    python examples/ray_convert.py IN OUT             # OUT/<IN's tree>/*.json + OUT/failures.jsonl
    python examples/ray_convert.py IN OUT --parquet   # OUT/rows/*.parquet + OUT/failures.jsonl
    python examples/ray_convert.py s3://bucket/calls s3://bucket/run1 --parquet --address auto

Without `--address` a local Ray instance of `--cpus` CPUs is started (no dashboard; it binds
local ports only). For JSON, IN and OUT must be paths every node sees; each task is docparse's
own worker `convert_job`, so the tree is the one `docparse convert IN -o OUT` writes. With
`--parquet`, Ray Data reads the files (`read_binary_files`: a folder, or object storage),
`map_batches` parses them with `docparse.rows.file_rows`, and `write_parquet` writes the rows
with the explicit schema. A corrupt file is a line of failures.jsonl: the per-file call never
raises, so Ray never fails the dataset (and `max_errored_blocks` never drops good files).
Needs `docparse-calls[ray]`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

import pyarrow as pa

# A cluster that `ray start` made reports usage statistics to Ray's makers unless told not to (a
# release wheel's `ray.init()` turns them off for its own cluster, a nightly one asks). A recipe
# that converts someone's calls sends nothing anywhere: say so before Ray is imported.
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import ray
from recipe_common import (
    Failure,
    arguments,
    engine_failure,
    finish,
    input_files,
    is_uri,
    plan_json,
    tally,
)

from docparse.cli.convert import Job, Outcome, convert_job
from docparse.formats import INPUT_SUFFIXES
from docparse.rows import arrow_schema, file_rows, to_arrow

# The Ray Data functions below are shipped to the workers by value: the workers need docparse
# installed, not this script.
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

CHUNK = 1000  # tasks in flight at a time: the driver's memory stays bounded on 100,000 files
# A record per file between the parse and the rows: its failure, if any, and its rows as JSON.
PARSED = pa.schema([("path", pa.string()), ("failure", pa.string()), ("rows", pa.string())])


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=args.cpus, include_dashboard=False)
    try:
        convert = to_parquet if args.parquet else to_json_tree
        failures, done = convert(args.inputs, args.output)
    finally:
        ray.shutdown()
    return finish("ray_convert", args.output, failures, done)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = arguments("Ray", "OUT/rows/*.parquet")
    parser.add_argument("--cpus", type=int, default=os.cpu_count() or 1, help="CPUs of the local instance")
    return parser.parse_args(argv)


def to_json_tree(inputs: Sequence[str], output: str) -> tuple[list[Failure], int]:
    """Convert every call under `inputs` to OUT/<its path>.json with Ray tasks; return failures and count."""
    planned = plan_json(inputs, output)
    jobs = [item for item in planned if isinstance(item, Job)]
    # One CPU per task; a task whose worker dies (out of memory) is tried once more, then reported.
    task = ray.remote(num_cpus=1, max_retries=1)(convert_job)
    outcomes: dict[int, Outcome] = {}
    for start in range(0, len(jobs), CHUNK):
        chunk = jobs[start : start + CHUNK]
        refs = [task.remote(job) for job in chunk]
        for job, ref in zip(chunk, refs, strict=True):
            try:
                outcomes[id(job)] = ray.get(ref)
            except Exception as exc:  # RayTaskError, WorkerCrashedError: the engine's failure, not the document's
                outcomes[id(job)] = Outcome(
                    job.source, job.target, "failed", engine_failure(job.source, exc)["message"]
                )
    return tally(planned, outcomes)


def parse_batch(batch: pa.Table) -> pa.Table:
    """Return a `PARSED` record per file of a batch of `read_binary_files` (columns `bytes`, `path`)."""
    records: dict[str, list[str | None]] = {"path": [], "failure": [], "rows": []}
    for data, path in zip(batch.column("bytes").to_pylist(), batch.column("path").to_pylist(), strict=True):
        rows, failure = file_rows(data, name=path)
        records["path"].append(path)
        records["failure"].append(None if failure is None else json.dumps(failure, ensure_ascii=False))
        records["rows"].append(json.dumps(rows, ensure_ascii=False))
    return pa.Table.from_pydict(records, schema=PARSED)


def explode(batch: pa.Table) -> pa.Table:
    """Return the rows of a batch of `PARSED` records, typed with the rows' own Arrow schema."""
    return to_arrow(row for text in batch.column("rows").to_pylist() for row in json.loads(text))


def to_parquet(inputs: Sequence[str], output: str) -> tuple[list[Failure], int]:
    """Write the rows of every call under `inputs` to OUT/rows/ with Ray Data; return failures and count."""
    paths = [i for i in inputs if is_uri(i)] + input_files([i for i in inputs if not is_uri(i)])
    source = ray.data.read_binary_files(paths, include_paths=True, file_extensions=[s[1:] for s in INPUT_SUFFIXES])
    # batch_size=1: a call is already a sizeable task, and one slow PDF holds up no other file.
    parsed = source.map_batches(parse_batch, batch_format="pyarrow", batch_size=1).materialize()
    failures: list[Failure] = [
        json.loads(record["failure"]) for record in parsed.select_columns(["failure"]).iter_rows() if record["failure"]
    ]
    rows = parsed.map_batches(explode, batch_format="pyarrow")
    rows.write_parquet(f"{output.rstrip('/')}/rows", schema=arrow_schema())
    return failures, parsed.count() - len(failures)


if __name__ == "__main__":
    sys.exit(main())
