"""Ruled tables in a PDF become table blocks (rows of cells) in the node they sit in."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

import docparse
from docparse.blocks import BlockKind
from docparse.model import DropReason, Table
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import FIXTURES, ROOT, corpus_file

PAGE_H = A4[1]


def _call_with_a_table() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 14)
    canvas.drawString(72, PAGE_H - 80, "1. Budget")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, PAGE_H - 110, "1.1 Costs")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, PAGE_H - 135, "The costs are set out below.")
    cells = [["Item", "Amount"], ["Staff", "1000"], ["Travel", "200"]]
    top, row_h, col_w = PAGE_H - 150, 20, 120
    for i in range(len(cells) + 1):
        canvas.line(72, top - i * row_h, 72 + 2 * col_w, top - i * row_h)
    for j in range(3):
        canvas.line(72 + j * col_w, top, 72 + j * col_w, top - len(cells) * row_h)
    for i, row in enumerate(cells):
        for j, text in enumerate(row):
            canvas.drawString(76 + j * col_w, top - (i + 1) * row_h + 6, text)
    canvas.drawString(72, top - len(cells) * row_h - 30, "1.2 Schedule")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_ruled_table_is_kept_as_rows_in_its_topic() -> None:
    document = docparse.parse(_call_with_a_table())
    (budget,) = document.sections
    costs, schedule = budget.sections
    tables = [part for part in costs.iter_parts() if isinstance(part, Table)]
    assert [t.rows for t in tables] == [(("Item", "Amount"), ("Staff", "1000"), ("Travel", "200"))]
    assert [part.type for part in costs.description] == ["paragraph", "table"]
    assert costs.description[0].text == "The costs are set out below."
    assert schedule.title == "Schedule"
    assert not list(schedule.iter_parts())
    region = tables[0].provenance.regions[0]
    assert region.page == 1 and region.bbox.x0 < region.bbox.x1


def test_horizon_version_history_is_a_table_not_headings() -> None:
    document = docparse.parse(corpus_file("en_horizon_he_csa_application_form.pdf"))
    tables = list(document.iter_tables())
    assert len(tables) >= 20
    cells = [cell for table in tables for row in table.rows for cell in row]
    assert not any("Example, not to be" in cell for cell in cells)
    (history,) = [t for t in tables if t.rows[0][0] == "HISTORY OF CHANGES"]
    assert history.rows[1] == ("Version", "Publication date", "Changes")  # the wrapped header cell joined
    assert history.rows[3][:2] == ("1.1", "19.04.2021")
    assert sum(1 for d in document.dropped if d.reason is DropReason.WATERMARK) >= 40


QUESTIONS = [
    "Does this activity involve human embryos?",
    "Does this activity involve human participants?",
    "Does this activity involve personal data?",
    "Is it planned to export personal data?",
]


def _partly_ruled_table() -> bytes:
    """Return a form page: a ruled header over rows whose only rulings are Yes/No boxes beside questions.

    The table's box spans the questions (the header is ruled across the page width), but no cell
    holds them: the Horizon form's ethics table, drawn small.
    """
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setLineWidth(0.5)
    canvas.setFont("Helvetica", 10)

    def box(x0: float, top: float, x1: float, bottom: float) -> None:
        canvas.rect(x0, PAGE_H - bottom, x1 - x0, bottom - top)

    box(72, 100, 480, 120)
    canvas.drawString(76, PAGE_H - 114, "ETHICS ISSUES TABLE")
    box(72, 120, 400, 140)
    box(400, 120, 480, 140)
    canvas.drawString(76, PAGE_H - 134, "Section")
    canvas.drawString(404, PAGE_H - 134, "Answer")
    for i, question in enumerate(QUESTIONS):
        top = 140 + i * 20
        canvas.drawString(76, PAGE_H - top - 12, question)
        box(400, top, 440, top + 20)
        box(440, top, 480, top + 20)
        canvas.drawString(405, PAGE_H - top - 12, "Yes")
        canvas.drawString(445, PAGE_H - top - 12, "No")
    canvas.drawString(72, PAGE_H - 300, "The questions above are answered in the boxes beside them.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_text_inside_a_tables_box_but_in_no_cell_stays_running_text() -> None:
    reading = read_pdf(_partly_ruled_table(), options=ParseOptions(), name="form.pdf")
    [table] = [block for block in reading.blocks if block.kind is BlockKind.TABLE]
    assert table.rows is not None and table.rows[0][0] == "ETHICS ISSUES TABLE"
    assert [row[1:] for row in table.rows[2:]] == [("Yes", "No")] * len(QUESTIONS)
    assert not any(question in table.text for question in QUESTIONS)
    running = [block.text for block in reading.blocks if block.kind is not BlockKind.TABLE]
    assert running[: len(QUESTIONS)] == QUESTIONS


SPLIT_TABLE = FIXTURES / "pdf-split-table" / "input.pdf"


def _tables(document: docparse.Document) -> list[Table]:
    return [part for node in document.iter_nodes() for part in node.iter_parts() if isinstance(part, Table)]


def test_a_table_over_three_pages_is_one_table_with_its_header_once() -> None:
    assert SPLIT_TABLE.is_file(), f"{SPLIT_TABLE} is missing: run fixtures/generate/make_split_table_pdf.py"
    document = docparse.parse(SPLIT_TABLE)
    projects, experts, schedule = _tables(document)
    assert projects.rows[0] == ("序号", "项目名称", "承担单位", "经费（万元）")
    # Every project once, in order, under the one header row.
    assert [row[0] for row in projects.rows[1:]] == [str(n) for n in range(1, 71)]
    assert [region.page for region in projects.provenance.regions] == [1, 2, 3]
    repeated = [d for d in document.dropped if d.reason is DropReason.REPEATED_HEADER]
    assert [d.text for d in repeated] == ["序号\t项目名称\t承担单位\t经费（万元）"] * 2
    assert [d.provenance.regions[0].page for d in repeated] == [2, 3]
    # A table ending mid-page and the next page's table of four columns stay two tables.
    assert experts.rows[0] == ("组别", "组长", "成员数") and len(experts.rows) == 3
    assert schedule.rows[0] == ("时间", "地点", "事项", "联系人") and len(schedule.rows) == 3


def test_tables_of_a_page_break_join_only_when_they_continue() -> None:
    blocks = read_pdf(SPLIT_TABLE.read_bytes(), options=ParseOptions()).blocks
    pages = [[r.page for r in b.provenance.regions] for b in blocks if b.kind is BlockKind.TABLE]
    assert pages == [[1, 2, 3], [4], [5]]


def test_generator_reproduces_the_split_table_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    subprocess.run(
        [sys.executable, str(ROOT / "fixtures" / "generate" / "make_split_table_pdf.py"), "--out", str(out)], check=True
    )
    assert out.read_bytes() == SPLIT_TABLE.read_bytes()


def test_baa_clause_table_over_five_pages_is_one_table() -> None:
    document = docparse.parse(corpus_file("en_dod_sbir254_baa.pdf"))
    clauses = [t for t in _tables(document) if t.rows[0][0] == "Clause\nNumber"]
    assert len(clauses) == 1
    (table,) = clauses
    assert [region.page for region in table.provenance.regions] == [43, 44, 45, 46, 47]
    # The header printed on each of the four later pages is recorded, not repeated in the rows.
    assert sum(row[0] == "Clause\nNumber" for row in table.rows) == 1
    repeated = [d for d in document.dropped if d.reason is DropReason.REPEATED_HEADER]
    assert [d.provenance.regions[0].page for d in repeated] == [44, 45, 46, 47]


WEB_PRINT = FIXTURES / "pdf-web-print" / "input.pdf"


def test_white_background_boxes_of_a_web_print_are_no_table() -> None:
    # The page's white, unstroked boxes (one reaching 1,900 pt past the paper) drew a grid the
    # table finder read as one table around the whole page; the two real tables remain, the
    # one of white cells on a dark ground included.
    document = docparse.parse(WEB_PRINT)
    tables = list(document.iter_tables())
    assert [[list(row) for row in table.rows] for table in tables] == [
        [["字段名", "类型", "说明"], ["id_road", "整数", "路段编号"], ["tti", "小数", "拥堵指数"]],
        [["阶段", "时间"], ["初赛", "6月3日"], ["决赛", "7月1日"]],
    ]
    assert [node.title for node in document.iter_nodes() if node.title] == ["【背景】", "【任务说明】"]


def test_generator_reproduces_the_web_print_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_web_print_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == WEB_PRINT.read_bytes()
