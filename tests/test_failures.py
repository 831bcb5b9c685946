"""Every failure one line: surrogates, full disks, closed pipes, signals, atomic output, pickling."""

from __future__ import annotations

import os
import pickle
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse.cli import main
from docparse.cli.common import write_atomic
from docparse.errors import CorruptDocumentError, DocparseError, ForeignCause, InternalError, LimitExceededError
from docparse.options import Limits, ParseOptions
from docparse.pipeline import parse_bytes, parse_text

from .conftest import FIXTURES
from .read.docx_factory import make_docx, p, r

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile_pdf

CALL = "1. 研究方向\n\n（1）机器学习基础理论\n".encode()


def docparse_process(
    *args: str, stdin: Any = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "docparse", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
    )


def test_lone_surrogate_in_parse_text_is_replaced_with_a_diagnostic() -> None:
    document = parse_text("1. Research directions\n\n（1）Learning\ud800 theory \ud83d\ude00\n")
    data = docparse.to_json(document)
    data.encode("utf-8")
    assert "Learning\ufffd theory \U0001f600" in data
    assert "DP102" in {d.code for d in document.diagnostics}


@pytest.mark.parametrize("char", ["D800", "DFFF", "0001", "110000"])
def test_docx_symbol_outside_unicode_characters_is_left_out(tmp_path: Path, char: str) -> None:
    docx = make_docx(p(r("1. Title"), f'<w:r><w:sym w:font="Arial" w:char="{char}"/></w:r>', r(" after")))
    path = tmp_path / "sym.docx"
    path.write_bytes(docx)
    out = tmp_path / "out.json"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    assert "after" in out.read_text(encoding="utf-8")


def test_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_bytes(CALL)
    with open(os.devnull if not Path("/dev/full").exists() else "/dev/full", "wb") as full:
        result = docparse_process("convert", str(tmp_path / "call.txt"), stdout=full)
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "docparse: error: cannot write to standard output: No space left on device"
    ]


@pytest.mark.parametrize("command", [["convert"], ["check", "--select", "DP"]])
def test_a_closed_stdout_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "call.txt").write_bytes(CALL)
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -c1` does once it has its byte
    try:
        result = docparse_process(*command, str(tmp_path / "call.txt"), stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "docparse: error: cannot write to standard output: closed by the reader"
    ]


def test_endless_stdin_stops_at_max_bytes() -> None:
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        result = docparse_process("convert", "-", "--max-bytes", "1000", stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
        assert yes.stdout is not None
        yes.stdout.close()
    assert result.returncode == 1
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "limits.max_input_bytes" in lines[0] and "--max-bytes" in lines[0]


def test_a_device_file_is_read_with_a_cap(capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert main(["convert", "/dev/zero", "--max-bytes", "1000"]) == 1
    assert "over the limit of 1000 bytes" in capsys.readouterr().err
    with pytest.raises(LimitExceededError, match="max_input_bytes"):
        docparse.parse("/dev/zero", options=ParseOptions(limits=Limits(max_input_bytes=1000)))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signum", "code", "line"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_signal_is_one_line_and_its_exit_code(tmp_path: Path, signum: int, code: int, line: str) -> None:
    # Standard input that never ends nor sends anything: docparse is waiting in a read.
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "docparse", "convert", "-", "-o", str(tmp_path / "out.json")],
        stdin=read_end,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    os.close(read_end)
    try:
        os.write(write_end, b"1. ")
        time.sleep(1.0)  # let the interpreter start and reach the read (no timing is asserted)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=30)
    finally:
        os.close(write_end)
    assert process.returncode == code
    assert stderr.decode().splitlines() == [f"docparse: {line}"]
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def fail(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(Exception, match="No space left on device"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_write_keeps_no_temporary_file_on_ctrl_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.json", "new")
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_gives_the_mode_of_a_plain_open(tmp_path: Path) -> None:
    write_atomic(tmp_path / "out.json", "x")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_batch_goes_on_past_a_failed_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes(CALL)
    (inputs / "b.txt").write_bytes(CALL)
    (inputs / "c.txt").write_bytes(b"")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.json").mkdir()  # a directory where the output should go: os.replace fails
    assert main(["convert", str(inputs), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3, err
    assert err[-1] == "docparse: 3 file(s): 1 converted, 0 skipped, 2 failed"
    assert (out / "b.json").read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_error_pickles_when_its_lxml_cause_does_not(tmp_path: Path) -> None:
    corrupt = make_docx("", document='<?xml version="1.0"?><w:document><w:body><w:p>')
    with pytest.raises(DocparseError) as caught:
        docparse.parse(corrupt)
    error = caught.value
    assert isinstance(error, CorruptDocumentError)
    assert error.cause is not None
    cause_type = type(error.cause).__name__
    assert cause_type == "XMLSyntaxError"
    with pytest.raises(TypeError):
        pickle.dumps(error.cause)  # the reason for the stand-in
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CorruptDocumentError
    assert (copy.message, copy.path, str(copy)) == (error.message, error.path, str(error))
    assert isinstance(copy.cause, ForeignCause) and copy.__cause__ is copy.cause
    assert copy.cause.type_name == "XMLSyntaxError" and copy.cause.message == str(error.cause)


def test_error_with_a_picklable_cause_keeps_it() -> None:
    error = LimitExceededError("over", path="a.pdf", cause=ValueError("x"))
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy.cause, ValueError) and str(copy.cause) == "x" and copy.path == "a.pdf"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("call.pdf", make_docx(p(r("1. Title"))), "the name 'call.pdf' says PDF but the bytes are DOCX; read as DOCX"),
        ("call.docx", hostile_pdf.inflating(100), "the name 'call.docx' says DOCX but the bytes are PDF; read as PDF"),
        ("call.txt", make_docx(p(r("1. Title"))), "the name 'call.txt' says text but the bytes are DOCX; read as DOCX"),
    ],
)
def test_a_name_claiming_another_format_is_read_by_the_bytes_and_said(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    document = docparse.parse(path)
    found = [d for d in document.diagnostics if d.code == "DP106"]
    assert [d.message for d in found] == [says]


@pytest.mark.parametrize("name", ["call.docx", "call.DOCX", "call", None])
def test_a_name_that_agrees_or_claims_nothing_adds_no_diagnostic(name: str | None) -> None:
    document = parse_bytes(make_docx(p(r("1. Title"))), name=name)
    assert "DP106" not in {d.code for d in document.diagnostics}
    assert "DP106" not in {d.code for d in parse_bytes(CALL, name="call.md").diagnostics}


def test_the_time_limit_holds_through_the_stages_after_reading() -> None:
    options = ParseOptions(limits=Limits(max_seconds=1e-9))  # spent before the first stage ends
    with pytest.raises(LimitExceededError, match=r"stopped after reading \(limits\.max_seconds, --timeout\)"):
        parse_text("1. Research directions\n", options=options)
    with pytest.raises(LimitExceededError, match=r"limits\.max_seconds"):
        parse_bytes(CALL, options=options)


def test_lone_surrogates_a_reader_lets_through_are_replaced_before_the_build() -> None:
    # As a PDF whose ToUnicode map yields U+D800 would give them.
    from docparse.blocks import Block, Reading, Span
    from docparse.model.document import Dropped, DropReason
    from docparse.pipeline import build_document, source_for

    reading = Reading(
        blocks=[Block(text="1. Title\ud800", spans=(Span("1. Title\ud800"),)), Block(text="body text")],
        format="pdf",
        dropped=[Dropped(text="page \udfff", reason=DropReason.PAGE_NUMBER)],
    )
    document = build_document(reading, source_for(b"x", "a.pdf", reading), ParseOptions())
    docparse.to_json(document).encode("utf-8")
    assert "Title\ufffd" in docparse.to_json(document)
    assert [d.message for d in document.diagnostics if d.code == "DP102"] == [
        "lone surrogates in 2 text(s), replaced by U+FFFD"
    ]


# Runs the command line the way the console script does, after a finder that blocks the import of
# one module (argv[1]) until a signal arrives: a Ctrl-C at a known point, with no timing involved.
_BLOCKED_IMPORT = """
import importlib.abc, os, sys, time

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == BLOCKED:
            os.write(1, b"importing\\n")
            time.sleep(120)
        return None

BLOCKED = sys.argv.pop(1)
sys.meta_path.insert(0, Block())
from docparse.cli import main
sys.argv[0] = "docparse"
sys.exit(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("module", "document"),
    [("pydantic", FIXTURES / "seed" / "input.txt"), ("pdfplumber", FIXTURES / "seed-pdf-reportlab" / "input.pdf")],
)
def test_ctrl_c_while_importing_is_one_line_and_130(tmp_path: Path, module: str, document: Path) -> None:
    out = tmp_path / "out.json"
    command = [sys.executable, "-c", _BLOCKED_IMPORT, module, "convert", str(document), "-o", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    try:
        ready, _, _ = select.select([process.stdout], [], [], 120)  # a broken start fails, never hangs
        assert ready and process.stdout.readline() == b"importing\n"  # blocked in the import of `module`
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, stderr.decode().splitlines()) == (130, ["docparse: interrupted"])
    assert not out.exists()


def _busy_children(pid: int, ticks: int) -> bool:
    """Return whether a child of `pid` has used `ticks` clock ticks of CPU (a worker at work)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[11]) + int(fields[12]) >= ticks:  # utime + stime
            return True
    return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker CPU time from /proc")
def test_ctrl_c_during_a_parallel_batch_ends_the_workers_too(tmp_path: Path) -> None:
    # Two scans OCR'd in two workers take minutes; Ctrl-C while they work ends the run at once
    # (the pool's workers are terminated), not when the files in hand are done.
    calls = tmp_path / "calls"
    calls.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (calls / name).write_bytes((FIXTURES / "ocr" / "seed-image-only.pdf").read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "docparse", "convert", str(calls), "-o", str(tmp_path / "out"), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(600):  # until a worker has spent 2 s of CPU (at most a minute)
            if process.poll() is not None or _busy_children(process.pid, 2 * os.sysconf("SC_CLK_TCK")):
                break
            time.sleep(0.1)
        assert process.poll() is None, "the batch ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)  # OCR of what the workers hold takes longer
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert stderr.decode().splitlines()[-1] == "docparse: interrupted"
    assert not list((tmp_path / "out").rglob("*.json"))


def test_a_bug_of_ours_is_an_internal_error_from_every_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    # One guard in the pipeline (`pipeline.guarded`): parse, parse_bytes and parse_text alike.
    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("simulated bug")

    monkeypatch.setattr("docparse.read.text.read_string", broken)
    with pytest.raises(InternalError, match="IndexError") as caught:
        parse_text("1. 总则\n")
    assert isinstance(caught.value.cause, IndexError)
    monkeypatch.setattr("docparse.pipeline.read_blocks", broken)
    with pytest.raises(InternalError, match="IndexError") as caught:
        docparse.parse("1. 总则\n".encode(), name="call.txt")
    assert caught.value.path == "call.txt"
