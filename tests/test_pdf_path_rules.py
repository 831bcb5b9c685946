"""PDF tables ruled with filled paths that pdfminer reads as curves, not lines or rects.

The fixture (fixtures/pdf-path-rules, from fixtures/generate/make_path_rules_pdf.py) draws every
rule as `re h f`, as TeXmacs does: the page has curves and no line or rect. The table finder's
gate counts curves among the rulings, so its table of two rows and its table of four are found.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber

import docparse
from docparse.read.pdf.grid import grid_size

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-path-rules" / "input.pdf"


def test_the_rulings_are_curves_only() -> None:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_path_rules_pdf.py"
    with pdfplumber.open(PDF) as pdf:
        objects = pdf.pages[0].objects
        assert "line" not in objects and "rect" not in objects
        assert len(objects["curve"]) == 16
        # Three horizontal positions make the two-row table: the gate's grid sees its rows of rulings.
        assert grid_size(objects) == (3 + 5, 7)  # rows of both tables; columns: one left edge shared


def test_tables_ruled_with_curves_are_found_the_two_row_one_too() -> None:
    document = docparse.parse(PDF.read_bytes(), name=PDF.name)
    first, second = document.iter_tables()
    assert first.rows == (("资质编号", "资质名称", "可执行工作"), ("Q1", "收银", "收银台结账"))
    assert second.rows[0] == ("任务", "开始", "结束")
    assert second.rows[3] == ("盘点", "21:00", "22:00")
    markdown = docparse.to_markdown(document)
    assert "目前提供的数据表如下。" in markdown and "每个员工每天最多工作八小时。" in markdown


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_path_rules_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()


def test_a_tables_unmapped_glyphs_count_as_garbage_for_the_text_layer_check() -> None:
    # Rules drawn round text whose fonts have no Unicode map: the cells' (cid:N) do not make the layer usable.
    from docparse.blocks import Block, BlockKind
    from docparse.read.pdf.reader import _table_glyphs

    table = Block(
        text="(cid:8)(cid:18)\tab\n\ue001 c", kind=BlockKind.TABLE, rows=(("(cid:8)(cid:18)", "ab"), ("\ue001 c",))
    )
    assert _table_glyphs([table]) == (2 + 2 + 2, 2 + 1)
