"""The repository keeps its promises: README commands, CI, changelog."""

from __future__ import annotations

import re

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
