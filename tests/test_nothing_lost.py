"""Nothing is lost silently: every letter and digit a reader read is in the model or dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from docparse.accounting import account
from docparse.options import ParseOptions
from docparse.pipeline import build_document, source_for
from docparse.read import read_blocks

from .conftest import CORPUS, FIXTURES


def _inputs() -> list[Path]:
    found = sorted(FIXTURES.glob("*/input.*"))
    if CORPUS.is_dir():
        found += sorted(CORPUS.glob("*.txt"))
    return found


def check_accounting(path: Path) -> None:
    data = path.read_bytes()
    options = ParseOptions()
    reading = read_blocks(data, options=options, name=path.name)
    document = build_document(reading, source_for(data, path.name, reading), options)
    result = account(reading, document)
    assert result.balanced, f"missing {dict(result.missing)!r}, extra {dict(result.extra)!r}"


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_character_is_accounted_for(path: Path) -> None:
    pytest.importorskip("docparse.read.pdf" if path.suffix == ".pdf" else "docparse.read.text")
    pytest.importorskip("docparse.read.docx" if path.suffix == ".docx" else "docparse.read.text")
    check_accounting(path)
