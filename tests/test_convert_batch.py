"""`docparse convert` on folders: outputs mirror the inputs, nothing is overwritten, jobs, progress."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
import yaml

import docparse
from docparse import errors
from docparse.cli import main
from docparse.cli.convert import GENERATED_LINE, portable, worker_count
from docparse.cli.main import build_parser
from docparse.formats import INPUT_SUFFIXES

from .conftest import FIXTURES, SEED

DOCX = FIXTURES / "seed-docx-typed" / "input.docx"
PDF = FIXTURES / "seed-pdf-reportlab" / "input.pdf"
SEED_MD = (FIXTURES / "seed" / "expected.md").read_text(encoding="utf-8")
# A Markdown file convert writes opens with its generated marker (standard output does not).
SEED_MD_FILE = GENERATED_LINE + SEED_MD


@pytest.fixture
def calls(tmp_path: Path) -> Path:
    """Return a folder of calls: two `call.txt` in sub-folders, a `call.docx` and a `call.pdf` side by side."""
    folder = tmp_path / "calls"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        shutil.copy(SEED, folder / sub / "call.txt")
    shutil.copy(DOCX, folder / "call.docx")
    shutil.copy(PDF, folder / "call.pdf")
    (folder / "notes.py").write_text("print('not a call')\n", encoding="utf-8")
    return folder


def _convert(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["convert", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_outputs_mirror_the_input_tree(calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, err = _convert(capsys, str(calls), "-o", str(out))
    assert (code, stdout) == (0, "")
    # Same-stem inputs side by side keep their extension; nothing shares an output.
    assert _tree(out) == ["a/call.json", "b/call.json", "call.docx.json", "call.pdf.json"]
    assert {docparse.load(out / name).source.format for name in _tree(out)} == {"text", "docx", "pdf"}
    assert err == "docparse: 4 file(s): 4 converted, 0 skipped, 0 failed\n"


def test_existing_outputs_are_kept_unless_forced(
    calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a" / "call.json").write_text("mine\n", encoding="utf-8")
    code, _, err = _convert(capsys, str(calls), "-o", str(out))
    assert code == 1
    assert (out / "a" / "call.json").read_text(encoding="utf-8") == "mine\n"
    assert "a/call.json exists (give --force" in err
    assert err.endswith("4 file(s): 3 converted, 0 skipped, 1 failed\n")
    # Resume: the three converted now exist too, and are skipped.
    code, _, err = _convert(capsys, str(calls), "-o", str(out), "--skip-existing")
    assert (code, err) == (0, "docparse: 4 file(s): 0 converted, 4 skipped, 0 failed\n")
    code, _, err = _convert(capsys, str(calls), "-o", str(out), "--force")
    assert (code, err) == (0, "docparse: 4 file(s): 4 converted, 0 skipped, 0 failed\n")
    assert json.loads((out / "a" / "call.json").read_text(encoding="utf-8"))["title"] == "申报主题"


def test_an_input_is_never_written_over(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "SOURCES.md").write_bytes(SEED.read_bytes())
    shutil.copy(SEED, folder / "call.txt")
    before = (folder / "SOURCES.md").read_bytes()
    code, _, err = _convert(capsys, str(folder), "-f", "md", "-o", str(folder))
    assert code == 1
    assert (folder / "SOURCES.md").read_bytes() == before
    assert "would overwrite the input" in err
    assert (folder / "call.md").read_text(encoding="utf-8") == SEED_MD_FILE
    # The same for one file converted onto itself.
    code, _, err = _convert(capsys, str(folder / "call.txt"), "-f", "md", "-o", str(folder / "call.txt"))
    assert code == 1 and "would overwrite the input" in err
    assert (folder / "call.txt").read_bytes() == SEED.read_bytes()


def test_two_files_of_one_name_do_not_share_an_output(
    calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, _, err = _convert(capsys, str(calls / "a" / "call.txt"), str(calls / "b" / "call.txt"), "-o", str(out))
    assert code == 1
    assert _tree(out) == ["call.json"]
    assert f"{calls / 'b' / 'call.txt'}: output {out / 'call.json'} is already the output of" in err


def test_the_output_folder_inside_the_input_is_not_an_input(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = calls / "converted"
    assert _convert(capsys, str(calls / "a"), "-f", "md", "-o", str(out))[0] == 0
    code, _, err = _convert(capsys, str(calls / "a"), "-f", "md", "-o", str(out), "--skip-existing")
    assert (code, err) == (0, "docparse: 1 file(s): 0 converted, 1 skipped, 0 failed\n")


@pytest.mark.parametrize(
    ("suffix", "check"), [(".yaml", yaml.safe_load), (".yml", yaml.safe_load), (".json", json.loads)]
)
def test_the_format_follows_the_output_extension(
    tmp_path: Path, suffix: str, check: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"call{suffix}"
    assert _convert(capsys, str(SEED), "-o", str(out))[0] == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("{") is (suffix == ".json")
    assert docparse.load(out).title == "申报主题"
    out = tmp_path / "call.md"
    assert _convert(capsys, str(SEED), "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8") == SEED_MD_FILE
    code, _, err = _convert(capsys, str(SEED), "-o", str(tmp_path / "call.txt"))
    assert code == 2 and "cannot tell the output format" in err


def test_a_folder_without_calls_fails_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "script.py").write_text("x = 1\n", encoding="utf-8")
    code, out, err = _convert(capsys, str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"no {', '.join(INPUT_SUFFIXES)} file found" in err
    assert not (tmp_path / "out").exists()


def test_jobs_give_the_same_outputs_and_report_in_input_order(
    calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (calls / "a" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    (calls / "b" / "empty.md").write_bytes(b"")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    code_1, _, err_1 = _convert(capsys, str(calls), "-o", str(serial), "-v")
    code_2, _, err_2 = _convert(capsys, str(calls), "-o", str(parallel), "-v", "--jobs", "2")
    assert code_1 == code_2 == 1
    assert err_1.replace(str(serial), "OUT") == err_2.replace(str(parallel), "OUT")
    lines = err_2.splitlines()
    assert [line.split(": ")[1].split(" ")[0] for line in lines[:-1] if not line.startswith("  ")] == [
        str(calls / "a" / "bad.txt"),
        str(calls / "a" / "call.txt"),
        str(calls / "b" / "call.txt"),
        str(calls / "b" / "empty.md"),
        str(calls / "call.docx"),
        str(calls / "call.pdf"),
    ]
    assert lines[-1] == "docparse: 6 file(s): 4 converted, 0 skipped, 2 failed"
    for name in _tree(serial):
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name


def test_progress_is_one_line_on_a_terminal_only(
    calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["convert", str(calls / "a"), str(calls / "call.docx"), "-o", str(tmp_path / "tty")]) == 0
    shown = terminal.getvalue()
    assert "\r\x1b[K[1/2] " in shown
    # The progress line is cleared before the summary, which is the only line left.
    assert shown.rsplit("\r\x1b[K", 1)[1] == "docparse: 2 file(s): 2 converted, 0 skipped, 0 failed\n"
    monkeypatch.undo()
    _, _, err = _convert(capsys, str(calls / "a"), str(calls / "call.docx"), "-o", str(tmp_path / "pipe"))
    assert "\r" not in err


def test_quiet_prints_only_errors(calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (calls / "a" / "empty.txt").write_bytes(b"")
    code, out, err = _convert(capsys, str(calls / "a"), "-o", str(tmp_path / "out"), "--quiet")
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"docparse: {calls / 'a' / 'empty.txt'}: empty file"]


@pytest.mark.parametrize(
    "error", [e for e in vars(errors).values() if isinstance(e, type) and issubclass(e, errors.DocparseError)]
)
def test_errors_cross_process_boundaries(error: type[errors.DocparseError]) -> None:
    sent = error("over the limit", path="call.pdf", cause=ValueError("bad xref"))
    received = pickle.loads(pickle.dumps(sent))
    assert (type(received), received.message, received.path, str(received)) == (
        error,
        "over the limit",
        "call.pdf",
        "call.pdf: over the limit",
    )
    assert isinstance(received.cause, ValueError)


def test_an_unpicklable_cause_crosses_processes_as_its_type_and_message() -> None:
    class Unpicklable(Exception):
        def __init__(self) -> None:
            super().__init__("held a lock")
            self.hook = lambda: None

    sent = portable(errors.CorruptDocumentError("broken", path="x.pdf", cause=Unpicklable()))
    received = pickle.loads(pickle.dumps(sent))
    assert (type(received), received.message, received.path) == (errors.CorruptDocumentError, "broken", "x.pdf")
    # The cause cannot cross a process boundary itself; its type name and message do.
    assert "Unpicklable" in repr(received.cause) and "held a lock" in repr(received.cause)


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_no_provenance_is_leaner_and_still_loads(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    full, lean = tmp_path / f"full.{fmt}", tmp_path / f"lean.{fmt}"
    assert _convert(capsys, str(PDF), "-o", str(full))[0] == 0
    assert _convert(capsys, str(PDF), "-o", str(lean), "--no-provenance")[0] == 0
    assert "provenance" in full.read_text(encoding="utf-8")
    assert "provenance" not in lean.read_text(encoding="utf-8")
    assert lean.stat().st_size < full.stat().st_size * 0.75
    assert docparse.outline_data(docparse.load(lean)) == docparse.outline_data(docparse.load(full))


def test_git_ignored_calls_are_converted_all_the_same(
    calls: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("calls/\n*.pdf\n", encoding="utf-8")
    code, _, err = _convert(capsys, str(calls), "-o", str(tmp_path / "out"))
    assert (code, err) == (0, "docparse: 4 file(s): 4 converted, 0 skipped, 0 failed\n")


def test_jobs_default_to_the_cpus_the_process_may_use() -> None:
    args = build_parser().parse_args(["convert", "calls/"])
    assert args.jobs == 0
    assert worker_count(args.jobs) == len(os.sched_getaffinity(0))
    assert worker_count(3) == 3
