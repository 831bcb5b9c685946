"""Issue 27, a batch under attack: a concurrent writer, a worker killed, signals, a parent killed."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from docparse.cli import convert
from docparse.cli.convert import Job, Outcome, iter_outcomes, plan_jobs
from docparse.options import ParseOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import hostile3


def _args(inputs: list[str], output: str, *, force: bool = False) -> argparse.Namespace:
    return argparse.Namespace(inputs=inputs, output=output, force=force, skip_existing=False, provenance=True)


def test_an_output_written_by_another_run_after_the_plan_is_kept(tmp_path: Path) -> None:
    calls = hostile3.batch(tmp_path, count=2, lines=5)
    planned, _ = plan_jobs(_args([str(calls)], str(tmp_path / "out")), "json", ParseOptions())
    jobs = [p for p in planned if isinstance(p, Job)]
    assert len(jobs) == 2 and all(j.target is not None and not j.target.exists() for j in jobs)
    assert jobs[0].target is not None
    jobs[0].target.parent.mkdir(parents=True)
    jobs[0].target.write_text("the other run's output", encoding="utf-8")  # a second batch, meanwhile
    first, second = (convert.convert_job(job) for job in jobs)
    assert first.status == "failed" and "another run wrote it" in first.message
    assert jobs[0].target.read_text(encoding="utf-8") == "the other run's output"
    assert second.status == "converted"
    assert sorted(p.name for p in jobs[0].target.parent.iterdir()) == ["call-000.json", "call-001.json"]


def test_force_still_replaces(tmp_path: Path) -> None:
    calls = hostile3.batch(tmp_path, count=1, lines=5)
    planned, _ = plan_jobs(_args([str(calls)], str(tmp_path / "out"), force=True), "json", ParseOptions())
    job = planned[0]
    assert isinstance(job, Job) and job.target is not None
    job.target.parent.mkdir(parents=True)
    job.target.write_text("old", encoding="utf-8")
    assert convert.convert_job(job).status == "converted"
    assert job.target.read_text(encoding="utf-8").startswith("{")


_CONVERT_JOB = convert.convert_job


def _dies_on_007(job: Job) -> Outcome:
    if job.source.endswith("call-007.txt"):
        os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
    return _CONVERT_JOB(job)


def test_a_dead_worker_fails_its_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = hostile3.batch(tmp_path, count=12, lines=20)
    planned, _ = plan_jobs(_args([str(calls)], str(tmp_path / "out")), "json", ParseOptions())
    monkeypatch.setattr(convert, "convert_job", _dies_on_007)
    outcomes = list(iter_outcomes(planned, 3))
    failed = [(Path(o.source).name, o.message) for o in outcomes if o.status == "failed"]
    assert failed == [("call-007.txt", "the worker process died (killed by the system: out of memory?)")]
    assert sum(o.status == "converted" for o in outcomes) == 11
    assert [Path(o.source).name for o in outcomes] == [f"call-{i:03d}.txt" for i in range(12)]


_HELD = """
import os, signal, sys
from pathlib import Path
from docparse.cli import common
signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as in a worker: SIGTERM ends it at once
real = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.SIGTERM)  # the parent stops the batch mid-write
    real(fd)
os.fsync = fsync
common.write_atomic(Path(sys.argv[1]), "complete output")
print("not reached")
"""


def test_sigterm_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-c", _HELD, str(target)], capture_output=True, timeout=60, check=False)
    assert done.returncode == -signal.SIGTERM  # it still ends, once the write is done
    assert b"not reached" not in done.stdout
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
    assert target.read_text(encoding="utf-8") == "complete output"


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(x) for x in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    calls = hostile3.batch(tmp_path, count=40, lines=3_000)
    script = textwrap.dedent(
        f"""
        import sys
        from docparse.cli import main
        sys.exit(main(["convert", {str(calls)!r}, "-o", {str(tmp_path / "out")!r}, "--jobs", "2", "-q"]))
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        workers: set[int] = set()
        for _ in range(600):  # until the pool has started (at most a minute on a loaded machine)
            workers = _children(parent.pid)
            if len(workers) >= 2 or parent.poll() is not None:
                break
            time.sleep(0.1)
        assert len(workers) >= 2, "the pool never started"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(300):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.wait()


def test_a_signal_whose_exception_a_finalizer_swallowed_still_ends_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docparse.cli import exits
    from docparse.cli.main import main

    calls = hostile3.batch(tmp_path, count=3, lines=5)
    real = convert.convert_job

    def then_signalled(job: Job) -> Outcome:
        outcome = real(job)
        # SIGTERM's handler ran, but its exception was raised in a `__del__` and dropped by Python.
        exits.note_signal(signal.SIGTERM)
        return outcome

    monkeypatch.setattr(convert, "convert_job", then_signalled)
    code = main(["convert", str(calls), "-o", str(tmp_path / "out"), "--jobs", "1", "-q"])
    assert code == exits.EXIT_TERMINATED
    assert len(list((tmp_path / "out").rglob("*.json"))) == 1  # not the whole batch
    monkeypatch.undo()
    assert main(["convert", str(calls / "call-002.txt"), "-o", str(tmp_path / "one.json")]) == 0  # a new run
