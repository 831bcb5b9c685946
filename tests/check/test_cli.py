"""`docparse check` end to end: output, exit codes, directories, unreadable files, config, pre-commit."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from docparse.cli import main

from ..conftest import ROOT, SEED
from .seedcalls import SEED_TEXT, block, line_of, replace_once

GAP_TEXT = replace_once(SEED_TEXT, block(SEED_TEXT, "- 3) **模型小型化技术研究**", "- 4) "), "")
GAP_LINE = line_of(GAP_TEXT, "- 4) **深度学习的表示能力")


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a directory (also the current one) with a clean call, a call with a gap and an empty file."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "clean.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "gap.md").write_text(GAP_TEXT, encoding="utf-8")
    (folder / "notes.py").write_text("print('not a call')\n", encoding="utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_call_exits_zero_silently(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "calls/clean.txt") == (0, "", "")


def test_finding_fails_with_a_text_line(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calls/gap.md")
    assert code == 1
    assert out == f"calls/gap.md:{GAP_LINE}:1: DP301 number 3 is missing before direction `4)`\n"
    assert err == "docparse: checked 1 file(s): 1 finding(s), 1 at or above warning\n"


def test_exit_zero_and_fail_on(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "calls/gap.md", "--exit-zero")[:2] == (0, f"calls/gap.md:{GAP_LINE}:1: DP301 " + _gap())
    assert _run(capsys, "calls/gap.md", "--fail-on", "error")[0] == 0
    assert _run(capsys, "calls/gap.md", "--fail-on", "info")[0] == 1


def _gap() -> str:
    return "number 3 is missing before direction `4)`\n"


def test_select_and_ignore(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "calls/gap.md", "--select", "DP2")[:2] == (0, "")
    assert _run(capsys, "calls/gap.md", "--select", "DP3", "--ignore", "DP301")[:2] == (0, "")
    assert _run(capsys, "calls/gap.md", "--ignore", "DP30", "--select", "DP301")[0] == 1
    # Info-level rules only when selected; they never fail at the default level.
    code, out, _ = _run(capsys, "calls/clean.txt", "--select", "DP403")
    assert (code, re.findall(r"DP\d{3}", out)) == (0, ["DP403"])
    assert _run(capsys, "calls/clean.txt", "--select", "DP403", "--fail-on", "info")[0] == 1


def test_directory_with_an_unreadable_file_goes_on(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (calls / "empty.txt").write_bytes(b"")
    code, out, _ = _run(capsys, "calls", "--select", "DP2")
    assert code == 1
    # The unreadable file is reported whatever the selection; the others are checked.
    assert out.splitlines() == [f"{Path('calls', 'empty.txt')}:1:1: DP100 empty file"]
    code, out, _ = _run(capsys, "calls")
    assert [line.split(": ")[1].split()[0] for line in out.splitlines()] == ["DP100", "DP301"]
    assert _run(capsys, "calls", "--exit-zero")[0] == 0


def test_usage_errors_exit_two(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calls/missing.md")
    assert (code, out) == (2, "")
    assert "missing.md: no such file" in err
    code, out, err = _run(capsys, "calls/gap.md", "--select", "DP9")
    assert (code, out) == (2, "")
    assert "DP9" in err
    with pytest.raises(SystemExit) as exited:  # argparse rejects the choice itself
        main(["check", "calls/gap.md", "--format", "xml"])
    assert exited.value.code == 2
    (calls.parent / "docparse.toml").write_text("colour = 1\n", encoding="utf-8")
    code, _, err = _run(capsys, "calls/gap.md")
    assert code == 2
    assert "unknown key" in err


def test_json_output(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calls", "--format", "json")
    assert (code, err) == (1, "")
    (record,) = json.loads(out)
    assert record["path"] == str(Path("calls", "gap.md"))
    assert (record["code"], record["name"], record["severity"], record["node"]) == (
        "DP301",
        "numbering-gap",
        "warning",
        "1.1/d3",
    )
    assert record["location"]["line"] == GAP_LINE


def test_github_output(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "calls/gap.md", "--format", "github")
    assert code == 1
    assert out == (
        f"::warning file=calls/gap.md,line={GAP_LINE},title=DP301 numbering-gap::"
        "number 3 is missing before direction `4)`\n"
    )


def test_config_in_the_current_directory_applies(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (calls.parent / "pyproject.toml").write_text('[tool.docparse]\nformat = "json"\nignore = ["DP301"]\n', "utf-8")
    assert _run(capsys, "calls/gap.md") == (0, "[]\n", "")
    # The command line wins.
    code, out, _ = _run(capsys, "calls/gap.md", "--select", "DP3", "--format", "text")
    assert (code, out.split(": ")[1].split()[0]) == (1, "DP301")


def test_standard_input(calls: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GAP_TEXT.encode("utf-8"))))
    code, out, _ = _run(capsys, "-")
    assert (code, out) == (1, f"<stdin>:{GAP_LINE}:1: DP301 " + _gap())


def test_command_runs_as_a_subprocess(tmp_path: Path) -> None:
    gap = tmp_path / "gap.md"
    gap.write_text(GAP_TEXT, encoding="utf-8")
    args = [sys.executable, "-m", "docparse", "check", str(gap), str(SEED), "--format", "github"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 1
    assert result.stdout.startswith(f"::warning file={gap},line={GAP_LINE},title=DP301 numbering-gap::")
    assert len(result.stdout.splitlines()) == 1


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("docparse-check", "docparse check", "python")
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("a.pdf", "calls/b.docx", "c.txt", "d.md"))
    assert not any(files.search(name) for name in ("a.py", "b.pdf.bak", "docx", "c.markdown.json"))
