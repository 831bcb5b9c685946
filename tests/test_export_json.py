"""JSON export: pydantic's serializer writes, byte for byte, what `json.dumps(indent=2)` of the dumped data writes."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

import docparse
from docparse import Document
from docparse.export.json import to_data, to_json_pieces

from .conftest import CORPUS, FIXTURES

# Floats where pydantic's and Python's number formats differ (below 1e-4), where they agree
# (large exponents, signed zero) and the non-finite ones a damaged PDF's matrix can give.
EDGE_FLOATS = [1e-05, -1.5e-07, 9.99e-05, 1e-10, 1e16, -1e30, 0.0001, -0.0, 123.45, math.inf, -math.inf, math.nan]


def reference(document: Document, provenance: bool = True) -> str:
    """Return the export as it was first written: `json.dumps` of the dumped data."""
    return json.dumps(to_data(document, provenance=provenance), ensure_ascii=False, indent=2) + "\n"


def _inputs() -> list[Path]:
    paths = sorted(FIXTURES.glob("*/input.*"))
    return paths + sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("source", _inputs(), ids=lambda p: p.name)
def test_json_export_is_byte_identical_to_json_dumps(source: Path) -> None:
    document = docparse.parse(source)
    assert docparse.to_json(document) == reference(document)
    assert docparse.to_json(document, provenance=False) == reference(document, provenance=False)
    # The command line's bytes are that text's UTF-8.
    assert b"".join(to_json_pieces(document)) == reference(document).encode("utf-8")
    assert b"".join(to_json_pieces(document, provenance=False)) == reference(document, provenance=False).encode("utf-8")


def _with_boxes(document: Document, values: list[float]) -> Document:
    """Return `document` with its first page regions' boxes set to `values` (four at a time)."""
    data = document.model_dump()
    boxes: list[dict[str, Any]] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if set(value) == {"x0", "top", "x1", "bottom"}:
                boxes.append(value)
            for item in value.values():
                collect(item)
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)

    collect(data)
    assert len(boxes) * 4 >= len(values)
    for index, number in enumerate(values):
        boxes[index // 4][("x0", "top", "x1", "bottom")[index % 4]] = number
    return Document.model_validate(data)


def test_json_export_writes_edge_floats_as_python_json_does() -> None:
    document = docparse.parse(FIXTURES / "seed-pdf-reportlab" / "input.pdf")
    edged = _with_boxes(document, EDGE_FLOATS)
    text = docparse.to_json(edged)
    assert text == reference(edged)
    assert "1e-05" in text and "Infinity" in text and "NaN" in text
    assert b"".join(to_json_pieces(edged)) == text.encode("utf-8")


def test_json_export_matches_json_dumps_on_random_floats() -> None:
    document = docparse.parse(FIXTURES / "seed-pdf-reportlab" / "input.pdf")
    rng = random.Random(7)
    values = [rng.choice((1, -1)) * 10 ** rng.uniform(-12, 20) for _ in range(250)]
    values += [round(v, rng.randint(0, 4)) for v in values[:150]]
    edged = _with_boxes(document, values)
    assert docparse.to_json(edged) == reference(edged)
    assert b"".join(to_json_pieces(edged)) == reference(edged).encode("utf-8")


def test_json_pieces_split_the_long_lists_and_join_to_the_export() -> None:
    document = docparse.parse(FIXTURES / "seed-pdf-reportlab" / "input.pdf")
    pieces = to_json_pieces(document)
    # One piece per section, dropped record and diagnostic, one for the document before each
    # list, and the end of the document.
    lists = [document.sections, document.dropped, document.diagnostics]
    assert len(pieces) == 1 + sum(1 + len(items) for items in lists if len(items) > 1)
    assert len(pieces) > 3
    assert b"".join(pieces).decode("utf-8") == docparse.to_json(document)
