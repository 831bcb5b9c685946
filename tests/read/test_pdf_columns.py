"""Two columns side by side read column by column; a label and its value side by side do not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import FIXTURES, ROOT, corpus_file
from .pdf_factory import CJK, LEFT, Item, Text, make_pdf

SIZE = 10.0
LEADING = 16.0
RIGHT_COLUMN = 320.0
TEXT = (
    "研究更好的深度学习中间表达方式研究深度学习底层编译优化策略包括运行时编译优化压缩编译协同设计"
    "动态代码自动生成等实现对多硬件的更好自适应支持特别是对编译器和手工优化结合的研究。"
)


def texts(items: list[Item]) -> list[str]:
    return [block.text for block in read_pdf(make_pdf([items]), options=ParseOptions()).blocks]


def test_a_list_in_two_columns_reads_down_the_left_column_first() -> None:
    left = ["1) 深度学习框架", "2) 强化学习", "3) 自然语言处理", "4) 计算机视觉"]
    right = ["5) 预训练模型", "6) 推理部署", "7) 框架评估", "8) 开源生态"]
    items: list[Item] = []
    for i, (a, b) in enumerate(zip(left, right, strict=True)):
        items += [Text(LEFT, 100 + i * LEADING, a, SIZE, CJK), Text(RIGHT_COLUMN, 100 + i * LEADING, b, SIZE, CJK)]
    assert texts(items) == left + right


def test_running_text_in_two_columns_reads_column_by_column() -> None:
    per_line = 22  # CJK glyphs of a column line: 220 pt of a 230-pt column
    left_text, right_text = TEXT[:88], TEXT[88:] + TEXT[: 176 - len(TEXT)]
    items: list[Item] = [Text(LEFT, 70, "1.1 深度学习框架技术", 14, CJK)]
    for i in range(4):
        top = 100 + i * LEADING
        items.append(Text(LEFT, top, left_text[i * per_line : (i + 1) * per_line], SIZE, CJK))
        items.append(Text(RIGHT_COLUMN, top, right_text[i * per_line : (i + 1) * per_line], SIZE, CJK))
    assert texts(items) == ["1.1 深度学习框架技术", left_text, right_text]


def test_labels_beside_their_values_keep_their_rows() -> None:
    rows = [("Project title", "Deep learning frameworks"), ("Duration", "36 months"), ("Budget", "EUR 2.5 million")]
    items: list[Item] = []
    for i, (label, value) in enumerate(rows):
        items += [Text(LEFT, 100 + i * LEADING, label, SIZE), Text(RIGHT_COLUMN, 100 + i * LEADING, value, SIZE)]
    assert texts(items) == [f"{label}\t{value}" for label, value in rows]


def test_the_baa_technology_areas_read_column_by_column() -> None:
    # en_dod_sbir254_baa.pdf page 5: the critical technology areas, a bullet list in two columns.
    path = corpus_file("en_dod_sbir254_baa.pdf")
    blocks = read_pdf(path.read_bytes(), options=ParseOptions(), name=path.name).blocks
    page_5 = [block.text for block in blocks if block.provenance.pages == (5,)]
    start = page_5.index("• FutureG")
    assert page_5[start : start + 8] == [
        "• FutureG",
        "• Trusted AI and Autonomy",
        "• Biotechnology",
        "• Advanced Computing and Software",
        "• Integrated Sensing and Cyber",
        "• Directed Energy (DE)",
        "• Hypersonics",
        "• Microelectronics",
    ]
    assert "• Advanced Infrastructure & Advanced Manufacturing" in page_5


def test_a_paragraph_running_on_into_the_right_column_is_one_paragraph() -> None:
    per_line = 22
    text = TEXT + TEXT  # 222 glyphs: 5 lines in the left column, the rest at the right column's top
    first, rest = text[: 5 * per_line], text[5 * per_line :]
    second = "第二段研究更好的深度学习中间表达方式研究深度学习底层编译优化策略。"
    items: list[Item] = [Text(LEFT, 70, "1.1 深度学习框架技术", 14, CJK)]
    for i in range(5):
        items.append(Text(LEFT, 100 + i * LEADING, first[i * per_line : (i + 1) * per_line], SIZE, CJK))
    right_lines = [rest[i : i + per_line] for i in range(0, len(rest), per_line)]
    # The second paragraph opens in the right column with a first-line indent of two ems.
    right_lines.append(second[:20])
    right_lines.append(second[20:])
    for i, line in enumerate(right_lines):
        x = RIGHT_COLUMN + 2 * SIZE if i == len(right_lines) - 2 else RIGHT_COLUMN
        items.append(Text(x, 100 + i * LEADING, line, SIZE, CJK))
    assert texts(items) == ["1.1 深度学习框架技术", text, second]


def test_a_finished_sentence_at_the_foot_of_the_left_column_ends_its_paragraph() -> None:
    per_line = 22
    left = TEXT[: 4 * per_line - 1] + "。"
    items: list[Item] = [Text(LEFT, 70, "1.1 深度学习框架技术", 14, CJK)]
    for i in range(4):
        items.append(Text(LEFT, 100 + i * LEADING, left[i * per_line : (i + 1) * per_line], SIZE, CJK))
    right = TEXT[: 4 * per_line]
    for i in range(4):
        items.append(Text(RIGHT_COLUMN, 100 + i * LEADING, right[i * per_line : (i + 1) * per_line], SIZE, CJK))
    assert texts(items) == ["1.1 深度学习框架技术", left, right]


GENERATE = ROOT / "fixtures" / "generate"


@pytest.mark.parametrize(
    ("script", "folder"),
    [
        ("make_seed_pdf_reportlab.py", "seed-pdf-reportlab"),
        ("make_seed_pdf_justified.py", "seed-pdf-justified"),
        ("make_seed_pdf_columns.py", "seed-pdf-columns"),
    ],
)
def test_reportlab_renditions_are_reproduced_by_their_generators(script: str, folder: str, tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    code = f"import sys; sys.argv = ['x']; import runpy; g = runpy.run_path({str(GENERATE / script)!r}, run_name='lib')"
    code += f"; g['build_pdf'](__import__('pathlib').Path({str(out)!r}), **{KWARGS[folder]!r})"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert out.read_bytes() == (FIXTURES / folder / "input.pdf").read_bytes(), f"{folder} is stale: run {script}"


KWARGS = {
    "seed-pdf-reportlab": {},
    "seed-pdf-justified": {"justify": True},
    "seed-pdf-columns": {"justify": True, "columns": 2},
}


def test_seed_in_two_columns_breaks_paragraphs_and_directions_across_columns() -> None:
    # The fixture exercises the column rules: directions start at the foot of a left column and
    # end at the top of the right one (one block spanning both), paragraphs run on over pages.
    blocks = read_pdf((FIXTURES / "seed-pdf-columns" / "input.pdf").read_bytes(), options=ParseOptions()).blocks
    body = [block for block in blocks if block.provenance.regions[0].page > 1]
    across_columns = [
        block.text[:2]
        for block in body
        if len(block.provenance.regions) == 1
        and block.provenance.regions[0].bbox.x0 < 100
        and block.provenance.regions[0].bbox.x1 > 400
    ]
    across_pages = [block for block in body if len(block.provenance.regions) > 1]
    assert across_columns == ["5)", "8)"]
    assert len(across_pages) == 2


def test_a_column_opening_with_a_bold_heading_does_not_carry_on_the_column_before() -> None:
    # en_petrinets2022_conference_cfp.pdf page 2: the left column's last affiliation is its widest
    # line, so it reaches the column's edge; the right column opens with its own bold heading.
    left = [
        ("Programme co-chairs", "Helvetica-Bold"),
        ("Laure Petrucci", "Helvetica"),
        ("University of Paris", "Helvetica"),
        ("General chairs", "Helvetica-Bold"),
        ("Lars Kristensen", "Helvetica"),
        ("Western Norway University of Applied Sciences", "Helvetica"),
    ]
    right = [
        ("Steering committee", "Helvetica-Bold"),
        ("W. van der Aalst, Germany", "Helvetica"),
        ("G. Ciardo, USA", "Helvetica"),
        ("Workshops co-chairs", "Helvetica-Bold"),
        ("Robin Bergenthum", "Helvetica"),
    ]
    items: list[Item] = []
    for n, (text, font) in enumerate(left):
        items.append(Text(LEFT, 100 + n * LEADING, text, SIZE, font))
    for n, (text, font) in enumerate(right):
        items.append(Text(RIGHT_COLUMN, 100 + n * LEADING, text, SIZE, font))
    blocks = texts(items)
    assert blocks[blocks.index("Western Norway University of Applied Sciences") + 1] == "Steering committee"
