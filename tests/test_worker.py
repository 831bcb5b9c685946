"""The bounded worker (`ParseOptions.isolate`, the command line's --timeout): what no deadline check reaches.

A library call that never returns, one that maps memory without end, a worker killed or crashed:
each ends in one typed error. The hostile library calls are stood in for by patching the reader
(the worker is forked: it runs the patched code); bench/bench_hostile3.py runs the real ones.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

import docparse
from docparse import pipeline, worker
from docparse.errors import InternalError, LimitExceededError
from docparse.options import Limits, ParseOptions

START_METHOD = worker._start_method
CALL = "1. 研究方向\n\n（1）机器学习基础理论\n\n申报要求：按时提交。\n".encode()


@pytest.fixture(autouse=True)
def _forked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another test's threads would make the worker start from a fork server, which runs unpatched code.
    monkeypatch.setattr(worker, "_start_method", lambda: "fork")


def _isolated(seconds: float = 120.0, memory: int | None = None) -> ParseOptions:
    limits = Limits(max_seconds=seconds) if memory is None else Limits(max_seconds=seconds, max_memory_bytes=memory)
    return ParseOptions(isolate=True, limits=limits)


def test_an_isolated_parse_gives_the_same_document_as_in_process() -> None:
    inside = docparse.parse(CALL, name="call.txt")
    isolated = docparse.parse(CALL, name="call.txt", options=_isolated())
    assert isolated == inside
    assert not worker.inside()  # the parent is no worker: its next parse is bounded again


def test_a_library_call_that_never_returns_is_stopped_by_ending_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def stuck(*args: object, **kwargs: object) -> None:
        while True:  # a C call holding the interpreter: no deadline check runs in here
            time.sleep(0.05)

    monkeypatch.setattr(pipeline, "read_blocks", stuck)
    with pytest.raises(LimitExceededError) as caught:
        docparse.parse(CALL, name="call.txt", options=_isolated(seconds=0.2))
    assert "more than 0.2 s (limits.max_seconds, --timeout;" in str(caught.value)
    assert str(caught.value).endswith("its worker process was stopped")
    assert str(caught.value).startswith("call.txt: ")


def test_a_worker_over_its_address_space_cap_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def greedy(*args: object, **kwargs: object) -> None:
        hoard = [bytearray(64 << 20) for _ in range(64)]  # 4 GB, over the cap below
        raise AssertionError(len(hoard))

    monkeypatch.setattr(pipeline, "read_blocks", greedy)
    with pytest.raises(LimitExceededError) as caught:
        docparse.parse(CALL, name="call.txt", options=_isolated(memory=1 << 30))
    assert "ran out of memory" in str(caught.value)


def test_a_deadline_the_worker_extends_keeps_it_running(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.read_blocks

    def slow_ocr(*args: object, **kwargs: object) -> object:
        worker.extend_deadline(time.monotonic() + 60, 60)  # as OCR does for the pages it will read
        time.sleep(1.5)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read_blocks", slow_ocr)
    monkeypatch.setattr(pipeline, "check_deadline", lambda *args: None)  # the in-process budget is not tested here
    document = docparse.parse(CALL, name="call.txt", options=_isolated(seconds=0.1))
    assert document.sections[0].title == "研究方向"


@pytest.mark.parametrize(
    ("number", "kind", "text"),
    [
        (signal.SIGKILL, LimitExceededError, "killed by the system (out of memory?)"),
        (signal.SIGSEGV, InternalError, "the worker process died (exit code -11)"),
    ],
)
def test_a_worker_that_dies_is_one_typed_error(
    monkeypatch: pytest.MonkeyPatch, number: int, kind: type[Exception], text: str
) -> None:
    monkeypatch.setattr(pipeline, "read_blocks", lambda *args, **kwargs: os.kill(os.getpid(), number))
    with pytest.raises(kind) as caught:
        docparse.parse(CALL, name="call.txt", options=_isolated())
    assert text in str(caught.value)


def test_a_bug_in_the_worker_crosses_back_as_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def buggy(*args: object, **kwargs: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "read_blocks", buggy)
    with pytest.raises(InternalError) as caught:
        docparse.parse(CALL, name="call.txt", options=_isolated())
    assert "KeyError" in str(caught.value)


def test_a_process_with_other_threads_starts_its_worker_from_a_fork_server(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setattr(worker, "_start_method", START_METHOD)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert START_METHOD() in ("forkserver", "spawn")  # a fork would copy the other thread's held locks
        # The server's child is not ours: it must not take the server for a dead parent.
        assert docparse.parse(CALL, name="call.txt", options=_isolated()) == docparse.parse(CALL, name="call.txt")
    finally:
        stop.set()
        thread.join()


def test_the_command_line_isolates_a_parse_given_a_timeout_or_a_memory_cap() -> None:
    from docparse.cli.common import parse_options
    from docparse.cli.main import build_parser

    parser = build_parser()
    assert not parse_options(parser.parse_args(["convert", "call.txt"])).isolate
    timed = parse_options(parser.parse_args(["convert", "call.txt", "--timeout", "10"]))
    assert timed.isolate and timed.limits.max_seconds == 10
    capped = parse_options(parser.parse_args(["convert", "call.txt", "--max-memory", "600"]))
    assert capped.isolate and capped.limits.max_memory_bytes == 600 << 20


def test_a_batch_in_parallel_with_a_timeout_runs_each_file_in_a_bounded_worker(tmp_path: Path) -> None:
    import subprocess
    import sys

    calls = tmp_path / "calls"
    calls.mkdir()
    for index in range(3):
        (calls / f"call-{index}.txt").write_bytes(CALL)
    command = ["convert", str(calls), "-o", str(tmp_path / "out"), "--jobs", "2", "--timeout", "60"]
    done = subprocess.run(
        [sys.executable, "-m", "docparse", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["call-0.json", "call-1.json", "call-2.json"]


def test_the_memory_cap_counts_from_what_a_forked_worker_inherits(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parent holding more address space than the cap (a test runner, an application with models loaded)
    still gets its parse: the cap is what the worker may map beyond its start, and a bug in it is a bug."""
    import mmap

    monkeypatch.setattr(worker, "_start_method", lambda: "fork")
    reserved = mmap.mmap(-1, 3 << 30)  # address space only: no page is touched
    try:
        cap = 1 << 30
        assert docparse.parse(CALL, name="call.txt", options=_isolated(memory=cap)) == docparse.parse(
            CALL, name="call.txt"
        )

        def buggy(*args: object, **kwargs: object) -> None:
            raise KeyError("oops")

        monkeypatch.setattr(pipeline, "read_blocks", buggy)
        with pytest.raises(InternalError) as caught:
            docparse.parse(CALL, name="call.txt", options=_isolated(memory=cap))
        assert "KeyError" in str(caught.value)
    finally:
        reserved.close()
