"""Settings of `docparse check`: rule selection by prefix, config files, command line over config."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from docparse.cli.config import (
    ConfigError,
    Layer,
    find_config,
    parse_selectors,
    resolve_selection,
    resolve_settings,
)
from docparse.diagnostics import RULES
from docparse.model.diagnostic import Severity

ALL = {rule.code for rule in RULES}
DEFAULT = {rule.code for rule in RULES if rule.severity is not Severity.INFO}


def _args(**given: object) -> argparse.Namespace:
    values: dict[str, object] = {"select": None, "ignore": None, "fail_on": None, "output_format": None, "config": None}
    values.update(given)
    return argparse.Namespace(**values)


def _select(*layers: Layer) -> set[str]:
    return set(resolve_selection(layers))


def test_default_selection_is_every_warning_and_error_rule() -> None:
    assert _select() == DEFAULT
    assert "DP403" not in DEFAULT and "DP104" not in DEFAULT
    assert _select(Layer(select=("DP",))) == ALL


def test_longest_prefix_wins() -> None:
    assert _select(Layer(select=("DP3",), ignore=("DP301",))) == {"DP302", "DP303", "DP304", "DP305"}
    assert _select(Layer(select=("DP301",), ignore=("DP3",))) == {"DP301"}
    assert _select(Layer(ignore=("DP2",))) == DEFAULT - {c for c in ALL if c.startswith("DP2")}


def test_ignore_wins_a_tie() -> None:
    assert _select(Layer(select=("DP3",), ignore=("DP3",))) == set()


def test_a_selected_prefix_includes_info_rules() -> None:
    assert _select(Layer(select=("DP4",))) == {"DP401", "DP402", "DP403"}


def test_command_line_select_replaces_the_config_selection() -> None:
    config = Layer(select=("DP3",), ignore=("DP301",))
    assert _select(config, Layer(select=("DP301",))) == {"DP301"}
    assert _select(config, Layer(select=("DP2",))) == {c for c in ALL if c.startswith("DP2")}


def test_command_line_ignore_adds_to_the_config() -> None:
    config = Layer(select=("DP3",), ignore=("DP301",))
    assert _select(config, Layer(ignore=("DP302",))) == {"DP303", "DP304", "DP305"}


def test_selectors_are_validated() -> None:
    assert parse_selectors("dp3, DP301,", "x") == ("DP3", "DP301")
    assert parse_selectors(["DP2"], "x") == ("DP2",)
    for bad in ("DP9", "E501", "DP3011", "numbering-gap"):
        with pytest.raises(ConfigError, match="matches no rule"):
            parse_selectors(bad, "x")
    with pytest.raises(ConfigError):
        parse_selectors(3, "x")


def test_pyproject_table_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "calls"\n\n'
        '[tool.docparse]\nselect = ["DP3"]\nignore = "DP301"\nfail-on = "error"\nformat = "json"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "calls" / "2024"
    sub.mkdir(parents=True)
    settings = resolve_settings(_args(), cwd=sub)
    assert settings.config == tmp_path / "pyproject.toml"
    assert set(settings.selected) == {"DP302", "DP303", "DP304", "DP305"}
    assert (settings.fail_on, settings.format) == (Severity.ERROR, "json")


def test_command_line_overrides_the_config(tmp_path: Path) -> None:
    (tmp_path / "docparse.toml").write_text('select = ["DP3"]\nfail-on = "error"\nformat = "json"\n', encoding="utf-8")
    settings = resolve_settings(_args(select="DP2", fail_on="info", output_format="github"), cwd=tmp_path)
    assert set(settings.selected) == {c for c in ALL if c.startswith("DP2")}
    assert (settings.fail_on, settings.format) == (Severity.INFO, "github")


def test_pyproject_without_a_docparse_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "docparse.toml").write_text('ignore = ["DP4"]\n', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert find_config(project) == tmp_path / "docparse.toml"


def test_docparse_toml_wins_over_pyproject_in_one_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docparse]\nselect = ["DP2"]\n', encoding="utf-8")
    (tmp_path / "docparse.toml").write_text('select = ["DP3"]\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "docparse.toml"
    settings = resolve_settings(_args(), cwd=tmp_path)
    assert all(code.startswith("DP3") for code in settings.selected)


def test_explicit_config_file(tmp_path: Path) -> None:
    other = tmp_path / "lint.toml"
    other.write_text('fail-on = "info"\n', encoding="utf-8")
    assert resolve_settings(_args(config=str(other)), cwd=tmp_path).fail_on is Severity.INFO
    with pytest.raises(ConfigError, match="no such config file"):
        resolve_settings(_args(config=str(tmp_path / "missing.toml")), cwd=tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('select = ["DP3"]\ncolour = "red"\n', "unknown key"),
        ('fail-on = "never"\n', "fail-on must be"),
        ('format = "xml"\n', "format must be"),
        ('select = ["DP9"]\n', "matches no rule"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_an_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "docparse.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        resolve_settings(_args(), cwd=tmp_path)
