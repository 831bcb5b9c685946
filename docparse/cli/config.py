"""`docparse check` settings: the config file, rule selection by code prefix, fail level, format.

Settings come from, lowest priority first: the defaults, the config file, the command line.
The config file is `--config FILE`, or else the first directory from the current one upwards
that holds a `docparse.toml` (read whole) or a `pyproject.toml` with a `[tool.docparse]` table
(a `docparse.toml` wins in the same directory). Keys: `select`, `ignore` (lists of code
prefixes, or one comma-separated string), `fail-on` (`error`, `warning`, `info`), `format`
(`text`, `json`, `jsonl`, `github`, `sarif`), `exclude` (gitignore-style patterns that replace the
default excludes), `extend-exclude` (patterns added to them) and `per-file-ignores` (a table of
gitignore-style pattern → code prefixes not reported in the files it matches, as ruff's).

Rule selection works like ruff's. Each layer (config, then command line) is resolved on its
own: a rule takes the verdict of the longest prefix of that layer that matches its code
(`select` enables, `ignore` disables, `ignore` wins a tie); a rule no prefix of the layer
matches keeps the verdict of the layer below, except that a layer with a `select` starts
from nothing. The bottom layer is the default selection: every rule whose severity is
warning or error (info-level rules report what docparse did, not a problem, and are shown
only when selected, e.g. `--select DP403` or `--select DP`).
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex

from docparse.diagnostics import RULES
from docparse.files import DEFAULT_EXCLUDE
from docparse.model.diagnostic import Severity

Format = Literal["text", "json", "jsonl", "github", "sarif"]
FORMATS: tuple[Format, ...] = ("text", "json", "jsonl", "github", "sarif")
DEFAULT_FAIL_ON = Severity.WARNING
DEFAULT_FORMAT: Format = "text"
KEYS = ("select", "ignore", "fail-on", "format", "exclude", "extend-exclude", "per-file-ignores")
CONFIG_NAMES = ("docparse.toml", "pyproject.toml")
_SELECTOR = regex.compile(r"^DP[0-9]{0,3}$")


class ConfigError(Exception):
    """A problem with a config file or a setting's value (reported with exit code 2)."""


@dataclass(frozen=True, slots=True)
class Layer:
    """The `select` and `ignore` prefixes of one source of settings; `select` None if not given."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings of one `docparse check` run."""

    selected: frozenset[str]
    fail_on: Severity = DEFAULT_FAIL_ON
    format: Format = DEFAULT_FORMAT
    config: Path | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    """Gitignore-style patterns of the files and folders a folder's walk leaves out."""
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(gitignore-style pattern, code prefixes) pairs: the prefixes are not reported in the files matched."""

    def is_selected(self, code: str) -> bool:
        return code in self.selected

    def ignored_in(self, path: str) -> tuple[str, ...]:
        """Return the code prefixes that `per-file-ignores` turns off in `path`."""
        if not self.per_file_ignores:
            return ()
        import pathspec

        return tuple(
            prefix
            for pattern, prefixes in self.per_file_ignores
            if pathspec.GitIgnoreSpec.from_lines([pattern]).match_file(path)
            for prefix in prefixes
        )


def parse_selectors(value: object, where: str) -> tuple[str, ...]:
    """Return the code prefixes of a `select`/`ignore` value: a list, or a comma-separated string."""
    if isinstance(value, str):
        parts: list[object] = list(value.split(","))
    elif isinstance(value, list):
        parts = list(value)
    else:
        raise ConfigError(f"{where}: expected a list of code prefixes or a comma-separated string")
    selectors: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise ConfigError(f"{where}: {part!r} is not a code prefix")
        selector = part.strip().upper()
        if not selector:
            continue
        if not _SELECTOR.match(selector) or not any(rule.code.startswith(selector) for rule in RULES):
            raise ConfigError(
                f"{where}: {part.strip()!r} matches no rule code (codes are DP + 3 digits, e.g. DP3, DP301)"
            )
        selectors.append(selector)
    return tuple(selectors)


def resolve_selection(layers: Sequence[Layer], codes: Iterable[str] | None = None) -> frozenset[str]:
    """Return the codes enabled after applying `layers` (lowest priority first) to the defaults."""
    all_codes = list(codes) if codes is not None else [rule.code for rule in RULES]
    enabled = {rule.code for rule in RULES if rule.default and rule.code in all_codes}
    for layer in layers:
        base = set() if layer.select is not None else enabled
        result: set[str] = set()
        for code in all_codes:
            verdict = _verdict(code, layer)
            if verdict is True or (verdict is None and code in base):
                result.add(code)
        enabled = result
    return frozenset(enabled)


def _verdict(code: str, layer: Layer) -> bool | None:
    """Return True (select), False (ignore) or None (no prefix matches) for `code` in one layer."""
    best_select = max((len(p) for p in layer.select or () if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in layer.ignore if code.startswith(p)), default=-1)
    if best_select < 0 and best_ignore < 0:
        return None
    return best_select > best_ignore


def find_config(start: Path) -> Path | None:
    """Return the config file that applies in `start`, or None.

    That is the nearest `docparse.toml`, or `pyproject.toml` with a `[tool.docparse]` table, in
    `start` or a directory above it.
    """
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name == "docparse.toml":
                return candidate
            tool = _read_toml(candidate).get("tool")
            if isinstance(tool, dict) and "docparse" in tool:
                return candidate
    return None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except RecursionError:  # tomllib recurses into nested arrays and inline tables: 5,000 deep
        raise ConfigError(f"{path}: invalid TOML: nested too deep") from None


def load_config(path: Path) -> dict[str, object]:
    """Return the docparse table of a config file: `[tool.docparse]` of a pyproject.toml, else the whole file."""
    data = _read_toml(path)
    table: object = data
    if path.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool", {})
        table = tool.get("docparse", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.docparse] must be a table")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)} (known: {', '.join(KEYS)})")
    return table


def _fail_on(value: object, where: str) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        raise ConfigError(f"{where}: fail-on must be error, warning or info, not {value!r}") from None


def _format(value: object, where: str) -> Format:
    for name in FORMATS:
        if value == name:
            return name
    raise ConfigError(f"{where}: format must be {', '.join(FORMATS)}, not {value!r}")


def _patterns(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ConfigError(f"{where}: expected a list of glob patterns or a comma-separated string")
    return tuple(part.strip() for part in value)


def resolve_exclude(table: Mapping[str, object], args: argparse.Namespace, where: str) -> tuple[str, ...]:
    """Return the exclude patterns: the defaults, or `exclude`; then every `extend-exclude` (config, then CLI)."""
    exclude = DEFAULT_EXCLUDE
    if "exclude" in table:
        exclude = _patterns(table["exclude"], f"{where}: exclude")
    if getattr(args, "exclude", None) is not None:
        exclude = _patterns(args.exclude, "--exclude")
    if "extend-exclude" in table:
        exclude = (*exclude, *_patterns(table["extend-exclude"], f"{where}: extend-exclude"))
    if getattr(args, "extend_exclude", None) is not None:
        exclude = (*exclude, *_patterns(args.extend_exclude, "--extend-exclude"))
    return exclude


def _layer(table: Mapping[str, object], where: str) -> Layer:
    select = parse_selectors(table["select"], f"{where}: select") if table.get("select") is not None else None
    ignore = parse_selectors(table["ignore"], f"{where}: ignore") if table.get("ignore") is not None else ()
    return Layer(select, ignore)


def resolve_settings(args: argparse.Namespace, cwd: Path | None = None) -> Settings:
    """Return the settings from the config file and the command line (which wins)."""
    if args.config:
        config: Path | None = Path(args.config)
        assert config is not None
        if not config.is_file():
            raise ConfigError(f"{args.config}: no such config file")
    else:
        config = find_config((cwd or Path.cwd()).resolve())
    table = load_config(config) if config is not None else {}
    where = str(config) if config is not None else "config"
    cli = {"select": args.select, "ignore": args.ignore}
    layers = [_layer(table, where), _layer(cli, "command line")]
    fail_on = _fail_on(table["fail-on"], where) if "fail-on" in table else DEFAULT_FAIL_ON
    if args.fail_on is not None:
        fail_on = _fail_on(args.fail_on, "--fail-on")
    output_format = _format(table["format"], where) if "format" in table else DEFAULT_FORMAT
    if args.output_format is not None:
        output_format = _format(args.output_format, "--format")
    exclude = resolve_exclude(table, args, where)
    ignores = _per_file_ignores(table.get("per-file-ignores", {}), f"{where}: per-file-ignores")
    return Settings(resolve_selection(layers), fail_on, output_format, config, exclude, ignores)


def _per_file_ignores(value: object, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of pattern = [code prefixes]")
    return tuple((str(pattern), parse_selectors(codes, f"{where}: {pattern}")) for pattern, codes in value.items())
