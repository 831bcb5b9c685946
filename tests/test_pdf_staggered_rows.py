"""PDF rows a reader sees: grid rows cut only between staggered header boxes are one row.

The fixture (fixtures/pdf-staggered-header, from fixtures/generate/make_staggered_header_pdf.py) has
a field table whose header cells are boxes cut at different heights (three grid rows, each cell
over two), and a schedule whose `时间` cell spans `开始 | 结束` below it: two real header rows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docparse
from docparse.read.pdf.grid import join_rows, row_bands

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-staggered-header" / "input.pdf"


def _tables() -> list[docparse.model.Table]:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_staggered_header_pdf.py"
    return list(docparse.parse(PDF.read_bytes(), name=PDF.name).iter_tables())


def test_a_header_of_staggered_boxes_is_one_row_and_a_spanning_header_keeps_two() -> None:
    fields, schedule = _tables()
    assert fields.rows == (
        ("留言编号", "留言用户", "留言主题", "一级分类"),
        ("744", "A089211", "建议增加快递柜", "交通运输"),
        ("745", "A089212", "道路照明不足", "城乡建设"),
    )
    assert fields.spans == ()
    assert schedule.rows == (("阶段", "时间", ""), ("", "开始", "结束"), ("初审", "5月1日", "5月10日"))
    assert [(s.row, s.column, s.rows, s.columns) for s in schedule.spans] == [(0, 0, 2, 1), (0, 1, 1, 2)]


def test_only_cuts_a_merged_cell_crosses_with_no_column_filled_on_both_sides_are_joined() -> None:
    rows = [["a", ""], ["", "b"], ["c", "d"], ["", "e"]]
    # No merged cell crosses a cut: a sparse table keeps its rows.
    assert row_bands(rows, ()) == [[0], [1], [2], [3]]
    merged = ((0, 0, 2, 1), (2, 0, 2, 1))
    # Rows 2 and 3 both fill the second column: a real cut, though the first column's cell crosses it.
    assert row_bands(rows, merged) == [[0, 1], [2], [3]]
    joined, spans = join_rows(rows, merged, row_bands(rows, merged))
    assert joined == [["a", "b"], ["c", "d"], ["", "e"]]
    assert spans == ((1, 0, 2, 1),)
    # Below the first row that fills every column, staggered boxes are items set apart: no join.
    items = [["maker", "model"], ["", "5G"], ["GW", ""], ["", "4G"]]
    assert row_bands(items, ((1, 1, 2, 1), (2, 0, 2, 1))) == [[0], [1], [2], [3]]


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_staggered_header_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()
