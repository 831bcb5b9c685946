"""`docparse check` conveniences: -q, --output-file, --jobs, JSON Lines, in-place and per-file ignores;
`docparse convert --exclude`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import docparse
from docparse.cli import main
from tests.check.seedcalls import SEED_TEXT, line_of

from ..conftest import SEED
from .test_check_cli import GAP_LINE, GAP_TEXT, _run

GAP_FINDING = f"calls/gap.md:{GAP_LINE}:1: DP301 number 3 is missing before direction `4)`\n"


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a folder (under the current directory) with a clean call and two with a numbering gap."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "clean.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "gap.md").write_text(GAP_TEXT, encoding="utf-8")
    (folder / "gap2.md").write_text(GAP_TEXT, encoding="utf-8")
    return folder


def test_quiet_prints_the_findings_only(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "calls/gap.md", "-q") == (1, GAP_FINDING, "")


def test_output_file_holds_what_standard_output_would(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "calls/gap.md", "--output-file", "findings.txt")
    assert (code, out) == (1, "")
    assert Path("findings.txt").read_text(encoding="utf-8") == GAP_FINDING
    code, out, _ = _run(capsys, "calls", "--format", "json", "-o", "findings.json")
    assert (code, out) == (1, "")
    assert [r["path"] for r in json.loads(Path("findings.json").read_text(encoding="utf-8"))] == [
        "calls/gap.md",
        "calls/gap2.md",
    ]


def test_jobs_give_the_same_output_in_the_same_order(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = _run(capsys, "calls", "--jobs", "1")
    assert _run(capsys, "calls", "--jobs", "2") == one
    assert one[0] == 1 and one[1].count("DP301") == 2


def test_json_lines_is_one_finding_a_line(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "calls", "--format", "jsonl")
    listed = json.loads(_run(capsys, "calls", "--format", "json")[1])
    assert code == 1
    assert [json.loads(line) for line in out.splitlines()] == listed and len(listed) == 2


def _with_comment(comment: str, line: int) -> str:
    lines = GAP_TEXT.split("\n")
    lines.insert(line - 1, comment)
    return "\n".join(lines)


def test_a_comment_above_a_finding_hides_it(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (calls / "gap.md").write_text(_with_comment("<!-- docparse: ignore DP301 -->", GAP_LINE), encoding="utf-8")
    assert _run(capsys, "calls/gap.md") == (0, "", "docparse: checked 1 file(s): all checks passed\n")
    # Another code, or a comment far from the finding, hides nothing.
    (calls / "gap.md").write_text(_with_comment("<!-- docparse: ignore DP302 -->", GAP_LINE), encoding="utf-8")
    assert _run(capsys, "calls/gap.md")[0] == 1
    (calls / "gap.md").write_text(_with_comment("<!-- docparse: ignore DP301 -->", 3), encoding="utf-8")
    assert _run(capsys, "calls/gap.md")[0] == 1
    # The comment is markup: the outline is the one without it.
    hidden = docparse.parse(calls / "gap.md")
    assert docparse.outline_data(hidden) == docparse.outline_data(docparse.parse_text(GAP_TEXT))


def test_an_ignore_file_comment_hides_a_code_in_the_whole_file(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GAP_TEXT + "\n<!-- docparse: ignore-file DP3 -->\n"
    (calls / "gap.md").write_text(text, encoding="utf-8")
    assert _run(capsys, "calls/gap.md")[0] == 0
    assert line_of(text, "ignore-file") > GAP_LINE


def test_per_file_ignores_in_the_config(calls: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("pyproject.toml").write_text(
        '[tool.docparse.per-file-ignores]\n"calls/gap2.md" = ["DP301"]\n"*.txt" = "DP1"\n', encoding="utf-8"
    )
    code, out, _ = _run(capsys, "calls")
    assert (code, out) == (1, GAP_FINDING)
    Path("pyproject.toml").write_text('[tool.docparse.per-file-ignores]\n"calls/*" = ["XX1"]\n', encoding="utf-8")
    code, _, err = _run(capsys, "calls")
    assert code == 2 and "per-file-ignores" in err


def test_convert_exclude_leaves_out_the_matching_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "calls"
    (folder / "drafts").mkdir(parents=True)
    shutil.copy(SEED, folder / "call.txt")
    shutil.copy(SEED, folder / "drafts" / "draft.txt")
    code = main(["convert", str(folder), "-o", str(tmp_path / "out"), "--exclude", "drafts/"])
    assert code == 0 and "1 file(s): 1 converted" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "out").rglob("*.json")] == ["call.json"]
    code = main(["convert", str(folder), "-o", str(tmp_path / "all")])
    assert code == 0 and len(list((tmp_path / "all").rglob("*.json"))) == 2


def test_rule_shows_the_example_that_the_rules_page_shows(capsys: pytest.CaptureFixture[str]) -> None:
    from ..conftest import ROOT

    assert main(["rule", "DP301"]) == 0
    shown = capsys.readouterr().out
    example = "1) 深度学习优化算法研究。\n2) 深度学习的可解释性研究。\n4) 模型小型化技术研究。\n```"
    finding = "$ docparse check call.md\ncall.md:7:1: DP301 number 3 is missing before direction `4)`\n```"
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert example in shown and finding in shown
    assert example in page and finding in page
    assert "<!-- docparse: ignore DP301 -->" in shown and "per-file-ignores" in shown
