"""Golden cases: every fixtures/<case>/input.* parses to its committed expected outputs.

Regenerate with `DOCPARSE_REGENERATE=1 pytest tests/test_golden.py`, read the diff, commit.
The guard test below fails while the flag is set, so a regenerating run is never green.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import docparse

from .conftest import FIXTURES

REGENERATE = os.environ.get("DOCPARSE_REGENERATE") == "1"
OUTPUTS = {"expected.json": docparse.to_json, "expected.yaml": docparse.to_yaml, "expected.md": docparse.to_markdown}


def _cases() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/input.*") if (p.parent / "expected.json").exists() or REGENERATE)


def test_regenerate_flag_is_off() -> None:
    assert not REGENERATE, "DOCPARSE_REGENERATE=1 rewrites the golden files: unset it and rerun"


@pytest.mark.parametrize("source", _cases(), ids=lambda p: p.parent.name)
def test_golden(source: Path) -> None:
    document = docparse.parse(source)
    for name, export in OUTPUTS.items():
        expected = source.parent / name
        actual = export(document)
        if REGENERATE:
            expected.write_text(actual, encoding="utf-8")
            continue
        assert expected.read_text(encoding="utf-8") == actual, f"{expected} differs"
