"""The Dask and Ray recipes (examples/) on a folder of committed fixtures and a corrupt file.

Each engine runs locally on two worker processes. The JSON tree must be the
one a sequential `docparse convert` writes; the corrupt file is reported, the rest converted.
Deselect with `-m "not dask and not ray"`.
"""

from __future__ import annotations

import copyreg
import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from docparse.cli import main as docparse_main
from docparse.rows import arrow_schema

from .conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "examples"))  # the recipes are scripts, not a package

CALLS = {
    "seed.txt": FIXTURES / "seed" / "input.txt",
    "word/typed.docx": FIXTURES / "seed-docx-typed" / "input.docx",
    "word/autonum.docx": FIXTURES / "seed-docx-autonum" / "input.docx",
    "pdf/seed.pdf": FIXTURES / "seed-pdf-reportlab" / "input.pdf",
    "pdf/broken.pdf": FIXTURES / "hostile" / "pdf-truncated.pdf",
    "page.html": FIXTURES / "seed-html" / "input.html",
}


@pytest.fixture(scope="module")
def calls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("calls")
    for name, fixture in CALLS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fixture, folder / name)
    return folder


@pytest.fixture(scope="module")
def sequential(calls: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("sequential")
    assert docparse_main(["convert", str(calls), "-o", str(out), "-q"]) == 1  # one file fails
    return tree(out)


def tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "failures.jsonl"
    }


def failures(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "failures.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def check_failures(folder: Path, calls: Path) -> None:
    [record] = failures(folder)
    assert record["source"] == str(calls / "pdf" / "broken.pdf")
    assert record["error"] == "CorruptDocumentError" and record["message"].startswith("corrupt or not a PDF")


def check_rows(table: Any, calls: Path) -> None:
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    per_file = Counter(table.column("source").to_pylist())
    converted = [str(calls / name) for name in CALLS if name != "pdf/broken.pdf"]
    assert per_file == dict.fromkeys(converted, 58)  # 8 topics and 50 directions each
    assert Counter(table.column("type").to_pylist()) == {"topic": 40, "direction": 250}


# --- Dask --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    # distributed installs tblib's pickling for every exception class defined when it is
    # imported (docparse's among them): undo that for the tests that run after these.
    before = dict(copyreg.dispatch_table)
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
    copyreg.dispatch_table.clear()
    copyreg.dispatch_table.update(before)


@pytest.mark.dask
def test_dask_writes_the_tree_docparse_convert_writes(
    dask_client: Any, calls: Path, sequential: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import dask_convert

    # As run from the command line, on the running cluster: exit code 1, one file failed.
    assert dask_convert.main([str(calls), str(tmp_path), "--address", dask_client.scheduler.address]) == 1
    assert capsys.readouterr().err == "dask_convert: 6 file(s): 5 converted, 1 failed\n"
    assert tree(tmp_path) == sequential
    check_failures(tmp_path, calls)


@pytest.mark.dask
def test_dask_writes_parquet_rows(dask_client: Any, calls: Path, tmp_path: Path) -> None:
    import dask_convert
    import recipe_common

    found, done = dask_convert.to_parquet(dask_client, [str(calls)], str(tmp_path))
    recipe_common.write_failures(str(tmp_path), found)
    assert done == 5
    check_failures(tmp_path, calls)
    check_rows(pq.read_table(tmp_path / "rows.parquet"), calls)


# --- Ray ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_local() -> Iterator[None]:
    # Release wheels' ray.init() already turns usage reports off; say it anyway: nothing of ours
    # may reach the network, whatever Ray build is installed.
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    import ray

    # No dashboard; the workers' output stays in Ray's logs. Ray 2.60 needs no network (it
    # starts in a network namespace with only loopback) but listens on every interface.
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.mark.ray
def test_ray_writes_the_tree_docparse_convert_writes(
    ray_local: None, calls: Path, sequential: dict[str, str], tmp_path: Path
) -> None:
    import ray_convert
    import recipe_common

    found, done = ray_convert.to_json_tree([str(calls)], str(tmp_path))
    recipe_common.write_failures(str(tmp_path), found)
    assert done == 5 and tree(tmp_path) == sequential
    check_failures(tmp_path, calls)


@pytest.mark.ray
def test_ray_data_writes_parquet_rows(ray_local: None, calls: Path, tmp_path: Path) -> None:
    import ray_convert
    import recipe_common

    found, done = ray_convert.to_parquet([str(calls)], str(tmp_path))
    recipe_common.write_failures(str(tmp_path), found)
    assert done == 5
    check_failures(tmp_path, calls)
    check_rows(pq.read_table(tmp_path / "rows"), calls)
