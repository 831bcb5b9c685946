"""The repository keeps its promises: README commands, CI, changelog."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_readme_shows_exactly_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2
    assert "docparse convert fixtures/seed/input.txt" in commands[0]
    assert (ROOT / "fixtures" / "seed" / "input.txt").exists()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_changelog_follows_keep_a_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog")
    assert "## [Unreleased]" in changelog
    assert "keepachangelog.com" in changelog


def _readme_blocks(language: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)\n```", readme, re.S)


def test_readme_python_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (block,) = _readme_blocks("python")
    shutil.copy(ROOT / "fixtures" / "seed-pdf-reportlab" / "input.pdf", tmp_path / "call.pdf")
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    assert "1.1 机器学习基础理论 8" in out
    assert (tmp_path / "call.json").is_file()
    assert out.rstrip().endswith("missing.pdf: no such file (to parse a call held in a str, use docparse.parse_text)")


def test_readme_install_and_hook_snippets_name_what_exists() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    blocks = [yaml.safe_load(block) for block in _readme_blocks("yaml")]
    (workflow,) = [block for block in blocks if isinstance(block, dict) and "jobs" in block]
    (pre_commit,) = [block for block in blocks if isinstance(block, dict) and "repos" in block]
    steps = workflow["jobs"]["lint"]["steps"]
    assert f"pip install {project['name']}" in [step.get("run") for step in steps]
    assert any(str(step.get("run", "")).startswith("docparse check calls/ --output-format sarif") for step in steps)
    (repo,) = pre_commit["repos"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in hooks}
    # The rev is a release tag: one the changelog has released, or the next one it announces.
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"])
    assert repo["repo"] == project["urls"]["Homepage"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_no_test_skips_when_our_own_code_does_not_import() -> None:
    # An import error in docparse is a failure: a skip would turn a broken reader into a green run.
    guarded = re.compile(r"(importorskip|find_spec)\(\s*[\"']docparse")
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tests").rglob("*.py"))
        if guarded.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
