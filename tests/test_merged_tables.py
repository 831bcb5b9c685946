"""Merged table cells kept as spans in the model: DOCX gridSpan/vMerge, HTML colspan/rowspan, a PDF's ruled boxes.

The fixture (fixtures/merged-tables, from fixtures/generate/make_merged_tables.py) is one call
whose schedule table has a header cell over two columns, header cells over two rows and a body
cell over two rows, in three renditions that must give the same grid and the same spans.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from docparse.model import CellSpan, Table

from .conftest import FIXTURES

FOLDER = FIXTURES / "merged-tables"
ROWS = (
    ("阶段", "时间", "", "备注"),
    ("", "开始", "结束", ""),
    ("初审", "5月1日", "5月10日", "线上"),
    ("复审", "6月1日", "6月5日", ""),
)
SPANS = [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 2, 1), (2, 3, 2, 1)]


def _table(suffix: str) -> tuple[docparse.Document, Table]:
    path = FOLDER / f"input.{suffix}"
    assert path.is_file(), f"{path} is missing: run fixtures/generate/make_merged_tables.py"
    document = docparse.parse(path.read_bytes(), name=path.name)
    (table,) = document.iter_tables()
    return document, table


@pytest.mark.parametrize("suffix", ["docx", "html", "pdf"])
def test_each_rendition_gives_the_grid_and_its_merged_cells(suffix: str) -> None:
    document, table = _table(suffix)
    assert table.rows == ROWS
    assert [(s.row, s.column, s.rows, s.columns) for s in table.spans] == SPANS
    assert [s.title for s in document.sections] == ["评审安排"]


def test_spans_are_in_the_json_export_and_load_back_and_absent_without_merges() -> None:
    document, _ = _table("html")
    data = json.loads(docparse.to_json(document))
    (part,) = [p for p in data["sections"][0]["description"] if p["type"] == "table"]
    assert part["spans"][1] == {"row": 0, "column": 1, "rows": 1, "columns": 2}
    assert docparse.load(docparse.to_json(document).encode()) == document
    plain = docparse.parse(b"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", name="t.html")
    (table,) = plain.iter_tables()
    assert table.spans == () and "spans" not in json.dumps(json.loads(docparse.to_json(plain))["preamble"])
    assert CellSpan(row=0, column=0).rows == 1


def test_html_rows_after_a_rowspan_take_the_free_positions() -> None:
    html = (
        b"<table><tr><td rowspan='3'>Phase I</td><td>Design</td></tr>"
        b"<tr><td>Build</td></tr><tr><td>Test</td></tr><tr><td>Phase II</td><td>Deploy</td></tr></table>"
    )
    (table,) = docparse.parse(html, name="t.html").iter_tables()
    assert table.rows == (("Phase I", "Design"), ("", "Build"), ("", "Test"), ("Phase II", "Deploy"))
    assert [(s.row, s.column, s.rows, s.columns) for s in table.spans] == [(0, 0, 3, 1)]


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    script = FIXTURES / "generate" / "make_merged_tables.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True)
    for name in ("input.docx", "input.html", "input.pdf"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), f"{name} is stale: regenerate it"
