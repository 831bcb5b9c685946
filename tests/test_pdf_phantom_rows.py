"""PDF phantom rows: the gap of a double rule under a header is no row; a blank row of full height stays.

The fixture (fixtures/pdf-double-rule, from fixtures/generate/make_double_rule_table_pdf.py) draws the
header's bottom twice, 2.5 pt apart, and ends with a blank form row.
"""

from __future__ import annotations

import subprocess
import sys

import docparse
from docparse.read.pdf.grid import drop_rows, phantom_rows

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-double-rule" / "input.pdf"
ROWS = (
    ("单位", "类型", "基础生命值"),
    ("比特流", "数据", "20"),
    ("电压源", "实体", "60"),
    ("电流源", "实体", "100"),
    ("", "", ""),
)


def test_the_gap_of_a_double_rule_is_dropped_and_a_blank_form_row_kept() -> None:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_double_rule_table_pdf.py"
    (table,) = docparse.parse(PDF.read_bytes(), name=PDF.name).iter_tables()
    assert table.rows == ROWS


def test_only_empty_rows_lower_than_a_glyph_are_phantoms_and_spans_follow() -> None:
    rows = [["a", "b"], ["", ""], ["c", ""], ["", ""]]
    chars = [{"top": 0.0, "bottom": 10.0}]
    assert phantom_rows(rows, [20.0, 3.0, 20.0, 20.0], chars) == {1}
    assert phantom_rows([["", "x"], ["", ""]], [20.0, 3.0], []) == set()
    kept, merged = drop_rows(rows, ((0, 0, 3, 1), (2, 0, 1, 2)), {1})
    assert kept == [["a", "b"], ["c", ""], ["", ""]]
    assert merged == ((0, 0, 2, 1), (1, 0, 1, 2))


def test_the_generator_writes_the_committed_fixture(tmp_path: object) -> None:
    out = tmp_path / "input.pdf"  # type: ignore[operator]
    script = ROOT / "fixtures" / "generate" / "make_double_rule_table_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()
