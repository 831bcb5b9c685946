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
from tests.check.seedcalls import SEED_TEXT, block, line_of, replace_once

from ..conftest import ROOT, SEED

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


def test_clean_call_exits_zero_with_a_summary_line_that_quiet_leaves_out(
    calls: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "calls/clean.txt") == (0, "", "docparse: checked 1 file(s): all checks passed\n")
    assert _run(capsys, "calls/clean.txt", "-q") == (0, "", "")


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
    calls = ("calls/a.pdf", "calls/2026/b.docx", "docs/calls/c.txt", "calls/d.md", "calls/e.markdown", "calls/f.html")
    assert all(files.search(name) for name in ("calls/g.htm", "calls/h.xhtml"))
    assert all(files.search(name) for name in calls)
    others = ("README.md", "notes.txt", "docs/guide.md", "calls/a.py", "calls/b.pdf.bak", "mycalls/c.md", "calls.md")
    assert not any(files.search(name) for name in others)


def test_a_folder_is_walked_like_ruff_walks_one(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = calls.parent
    for folder in (".venv/lib", "node_modules/pkg", "build", ".hidden", "calls/drafts", "calls/sub"):
        (root / folder).mkdir(parents=True)
    for folder in (".venv/lib", "node_modules/pkg", "build", ".hidden", "calls/drafts", "calls/sub"):
        (root / folder / "gap.md").write_text(GAP_TEXT, encoding="utf-8")
    (root / "calls" / "sub" / "ignored.md").write_text(GAP_TEXT, encoding="utf-8")
    (root / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (root / "calls" / "sub" / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (root / ".git").mkdir()
    code, out, _ = _run(capsys, ".")
    assert code == 1
    assert sorted(line.split(":")[0] for line in out.splitlines()) == ["calls/gap.md", "calls/sub/gap.md"]
    # --exclude replaces the defaults, --extend-exclude adds to them; the config has the same keys.
    _, out, _ = _run(capsys, ".", "--extend-exclude", "sub")
    assert [line.split(":")[0] for line in out.splitlines()] == ["calls/gap.md"]
    _, out, _ = _run(capsys, ".", "--exclude", "drafts,sub")
    assert sorted(line.split(":")[0] for line in out.splitlines()) == [
        ".hidden/gap.md",
        ".venv/lib/gap.md",
        "build/gap.md",
        "calls/gap.md",
        "node_modules/pkg/gap.md",
    ]
    (root / "docparse.toml").write_text('extend-exclude = ["calls/gap.md"]\n', encoding="utf-8")
    _, out, _ = _run(capsys, ".")
    assert [line.split(":")[0] for line in out.splitlines()] == ["calls/sub/gap.md"]
    # A file named on the command line is checked whatever the excludes say (as in ruff).
    _, out, _ = _run(capsys, "calls/drafts/gap.md")
    assert [line.split(":")[0] for line in out.splitlines()] == ["calls/drafts/gap.md"]


def test_stdin_filename_names_the_input(
    calls: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GAP_TEXT.encode("utf-8"))))
    code, out, _ = _run(capsys, "-", "--stdin-filename", "calls/gap.md")
    assert (code, out) == (1, f"calls/gap.md:{GAP_LINE}:1: DP301 " + _gap())
    code, _, err = _run(capsys, "calls/gap.md", "--stdin-filename", "x.md")
    assert code == 2 and "--stdin-filename" in err


def test_statistics(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (calls / "gap2.md").write_text(GAP_TEXT, encoding="utf-8")
    (calls / "empty.txt").write_bytes(b"")
    code, out, _ = _run(capsys, "calls", "--statistics")
    assert code == 1
    assert out == "2  DP301  numbering-gap\n1  DP100  unreadable-input\n"


def test_sarif_output(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "calls", "--output-format", "sarif")
    assert (code, err) == (1, "")
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "DP301"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "calls/gap.md"
    assert location["region"]["startLine"] == GAP_LINE


def test_pdf_findings_have_a_parseable_location(tmp_path: Path) -> None:
    pdf = ROOT / "fixtures" / "hostile" / "pdf-partly-garbled.pdf"
    args = [sys.executable, "-m", "docparse", "check", str(pdf), "--select", "DP", "--ocr", "never"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    lines = result.stdout.splitlines()
    assert lines, result.stderr
    matcher = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): DP\d{3} .+$")
    assert all(matcher.match(line) for line in lines), lines
    assert any(re.search(r" \(page \d+\)$", line) for line in lines), lines


@pytest.mark.parametrize(("tty", "no_color", "coloured"), [(True, "", True), (True, "1", False), (False, "", False)])
def test_colour_only_on_a_terminal_without_no_color(
    calls: Path, monkeypatch: pytest.MonkeyPatch, tty: bool, no_color: str, coloured: bool
) -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    stream = Stream()
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setenv("NO_COLOR", no_color)
    assert main(["check", "calls/gap.md"]) == 1
    assert ("\x1b[" in stream.getvalue()) is coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue()) == f"calls/gap.md:{GAP_LINE}:1: DP301 " + _gap()


def test_rule_command_explains_a_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "DP301"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# numbering-gap (DP301)\n")
    assert [line for line in out.splitlines() if line.startswith("## ")] == [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Suppressing it",
    ]
    assert main(["rule", "numbering-gap"]) == 0
    assert capsys.readouterr().out == out
    assert main(["rule", "DP999"]) == 2
    assert "no such rule" in capsys.readouterr().err
    assert main(["rule", "--all"]) == 0
    assert "DP301  numbering-gap  warning" in capsys.readouterr().out.splitlines()


def test_a_git_ignored_folder_named_on_the_command_line_is_checked(
    calls: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (calls.parent / ".git").mkdir()
    (calls.parent / ".gitignore").write_text("calls/\n", encoding="utf-8")
    assert _run(capsys, ".")[:2] == (0, "")
    code, out, _ = _run(capsys, "calls")
    assert (code, out) == (1, f"{Path('calls', 'gap.md')}:{GAP_LINE}:1: DP301 " + _gap())


def test_a_folder_walk_leaves_out_the_markdown_convert_wrote_into_it(
    calls: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", "calls/gap.md", "-o", "calls/out/gap.md", "-q"]) == 0
    capsys.readouterr()
    code, out, err = _run(capsys, "calls")
    # The gap once, in the call: its Markdown export (first line the generated comment) is no call of its own.
    assert code == 1 and out == f"calls/gap.md:{GAP_LINE}:1: DP301 " + _gap()
    assert err == "docparse: checked 2 file(s): 1 finding(s), 1 at or above warning\n"
    # Named on the command line it is checked, as convert reads it.
    assert _run(capsys, "calls/out/gap.md")[0] == 1
