"""The PDF reader's paragraph rules on small generated pages, one producer's habit per test.

Each test draws the layout that broke on a real document (named in the test), and where the
shared corpus is present, checks the real document too.
"""

from __future__ import annotations

from functools import cache

import pytest

from docparse.blocks import Reading
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf
from docparse.read.pdf.joins import joint
from docparse.read.pdf.lines import Line, font_is_bold
from docparse.read.pdf.paragraphs import first_unit_width
from docparse.vocab.families import match_numbering

from ..conftest import corpus_file
from .pdf_factory import CJK, Item, Text, make_pdf, width

OPTIONS = ParseOptions()


def read(pages: list[list[Item]]) -> Reading:
    return read_pdf(make_pdf(pages), options=OPTIONS, name="test.pdf")


def texts(reading: Reading) -> list[str]:
    return [block.text for block in reading.blocks]


@cache
def corpus(name: str) -> Reading:
    return read_pdf(corpus_file(name).read_bytes(), options=OPTIONS, name=name)


def page_texts(reading: Reading, page: int) -> list[str]:
    return [block.text for block in reading.blocks if page in block.provenance.pages]


# A WPS export of a Chinese call (zh_tzb2026_xh202603_rs.pdf): 16 pt, left margin 79, paragraphs
# indented 2 em (x = 111) and going on at the margin, 27 characters to a full line.
WPS_LEFT, WPS_SIZE, WPS_CHARS = 79.0, 16.0, 27
WPS_INDENT = WPS_LEFT + 2 * WPS_SIZE
WPS_LEADING = 28.0
FILLER = "太空智算深度融合航天能源计算机与人工智能等前沿领域旨在充分发挥太空优势以实现天数天算已经成为新赛道"


def wps_paragraph(text: str) -> list[tuple[float, str]]:
    """Return `text` set as WPS sets a paragraph: (x, line) with a 2 em first-line indent."""
    first = WPS_CHARS - 2
    out = [(WPS_INDENT, text[:first])]
    out += [(WPS_LEFT, text[i : i + WPS_CHARS]) for i in range(first, len(text), WPS_CHARS)]
    return out


def wps_page(rows: list[tuple[float, str]], top: float = 100.0) -> list[Item]:
    return [Text(x, top + i * WPS_LEADING, line, WPS_SIZE, CJK) for i, (x, line) in enumerate(rows)]


def body(n: int) -> str:
    """Return a paragraph of three full lines and a short last one, ending in a full stop."""
    return (FILLER * 2)[n : n + 2 * WPS_CHARS + 23] + "研究。"


def test_clause_headings_under_a_line_that_nearly_fills_the_measure_are_their_own_blocks() -> None:
    # `中国…实验室` ends 1.3 em short of the margin without punctuation: by its end alone it runs
    # on, and the clause heading after it was read as its continuation (`…实验室二、题目名称`).
    org = "中国航天科技集团有限公司五院钱学森空间技术实验室"
    title = "面向太空智算的多模态遥感大模型应用探索"
    heads = [(WPS_INDENT, "一、发榜单位"), (WPS_INDENT, org), (WPS_INDENT, "二、题目名称"), (WPS_INDENT, title)]
    heads += [(WPS_INDENT, "三、题目介绍"), (WPS_INDENT, "（一）选题背景")]
    rows = heads + wps_paragraph(body(0)) + wps_paragraph(body(5)) + wps_paragraph(body(9))
    assert WPS_INDENT + width(org, CJK, WPS_SIZE) > WPS_LEFT + (WPS_CHARS - 1.5) * WPS_SIZE
    reading = read([wps_page(rows)])
    assert texts(reading) == [line for _, line in heads] + [body(0), body(5), body(9)]


def test_a_one_line_paragraph_at_the_first_line_indent_does_not_take_the_next_one() -> None:
    # No label anywhere: only the document's habit (paragraphs start at the indent and go on at
    # the margin) says that a line at the indent under a one-line paragraph starts a paragraph.
    org = "中国航天科技集团有限公司五院钱学森空间技术实验室"
    rows = [*wps_paragraph(body(0)), (WPS_INDENT, org), *wps_paragraph(body(3)), *wps_paragraph(body(7))]
    reading = read([wps_page(rows)])
    assert texts(reading) == [body(0), org, body(3), body(7)]


def test_an_indented_block_without_first_line_indents_stays_one_paragraph() -> None:
    # The same lines at x = 111 in a document whose paragraphs are not indented: a block quote.
    quoted = (FILLER * 2)[: 3 * (WPS_CHARS - 2)]
    rows = [(WPS_LEFT, line) for line in [body(0)[i : i + WPS_CHARS] for i in range(0, len(body(0)), WPS_CHARS)]]
    rows += [(WPS_INDENT, quoted[i : i + WPS_CHARS - 2]) for i in range(0, len(quoted), WPS_CHARS - 2)]
    reading = read([wps_page(rows)])
    assert texts(reading) == [body(0), quoted]


@pytest.mark.parametrize(
    "rest",
    [["1.5 倍以上，满足在轨实时处理的要求，并在多个遥感场景数", "据集上验证。"], ["1.5 倍。"]],
)
def test_a_decimal_wrapped_to_a_line_start_stays_in_its_sentence(rest: list[str]) -> None:
    start = "本题目要求参赛模型的在轨推理速度相比地面模型提升到"
    assert len(start) == WPS_CHARS - 2
    rows = [(WPS_INDENT, start), *[(WPS_LEFT, line) for line in rest], *wps_paragraph(body(2)), *wps_paragraph(body(6))]
    reading = read([wps_page(rows)])
    # Whether a space goes between 到 and 1.5 is the paragraph's own habit (`1.5 倍` has one).
    assert texts(reading)[0].replace(" ", "") == (start + "".join(rest)).replace(" ", "")
    assert texts(reading)[1:] == [body(2), body(6)]


def test_a_short_labelled_heading_line_after_a_line_that_runs_on_starts_a_block() -> None:
    # `1.` is not a label a sentence never wraps onto; but `2. 申报条件` is short and unpunctuated:
    # a heading line, not the rest of the sentence above.
    full = FILLER[:WPS_CHARS]
    rows = [(WPS_LEFT, "1. 总体要求"), (WPS_LEFT, full), (WPS_LEFT, "2. 申报条件"), (WPS_LEFT, full)]
    reading = read([wps_page(rows)])
    assert texts(reading) == ["1. 总体要求", full, "2. 申报条件", full]


@pytest.mark.parametrize("label", ["１．１", "项目一"])
def test_labels_of_the_numbering_table_start_blocks_after_a_full_finished_line(label: str) -> None:
    # The reader knows labels from docparse.vocab.families, the table the outline is built from.
    full = FILLER[: WPS_CHARS - 1] + "。"
    rows = [(WPS_LEFT, full), (WPS_LEFT, f"{label}智能计算平台建设"), (WPS_LEFT, full)]
    reading = read([wps_page(rows)])
    assert texts(reading) == [full, f"{label}智能计算平台建设", full]


# The DoD BAA and its Army instructions (Adobe PDF Library): 11 pt Times, left margin 72, items
# `a.`, `i.` with the second line under the text after the label.
DOD_SIZE, DOD_LEADING = 11.0, 13.0


def dod_item(label: str, first: str, second: str, top: float, x: float = 90.0) -> list[Item]:
    text_x = x + 18
    return [
        Text(x, top, label, DOD_SIZE, "Times-Roman"),
        Text(text_x, top, first, DOD_SIZE, "Times-Roman"),
        Text(text_x, top + DOD_LEADING, second, DOD_SIZE, "Times-Roman"),
    ]


def test_an_item_whose_label_the_table_lacks_keeps_its_hanging_second_line() -> None:
    first = "Army Benefits: Briefly describe any identified Army use cases, the solutions' advantages"
    second = "and potential level of impact and scale of impact the solution would have for the Army."
    reading = read([dod_item("ii.", first, second, 100)])
    assert texts(reading) == [f"ii. {first} {second}"]


LETTERED = [
    ("a.", "increase the transition of commercial technology to the DoD;"),
    ("b.", "expand the small business nontraditional industrial base;"),
    ("c.", "increase commercialization derived from the DoD investments and from those of the Services and"),
    ("d.", "expand the ability for qualifying SBCs to propose technology solutions to meet DoD needs."),
]


def lettered_page(items: list[tuple[str, str]]) -> list[Item]:
    out: list[Item] = []
    for i, (label, text) in enumerate(items):
        top = 100 + i * DOD_LEADING
        out += [Text(90, top, label, DOD_SIZE, "Times-Roman"), Text(108, top, text, DOD_SIZE, "Times-Roman")]
    return out


def test_lettered_items_on_lines_of_their_own_are_one_block_each() -> None:
    reading = read([lettered_page([*LETTERED[:2], ("c.", "increase commercialization; and"), *LETTERED[3:]])])
    assert texts(reading) == [
        "a. increase the transition of commercial technology to the DoD;",
        "b. expand the small business nontraditional industrial base;",
        "c. increase commercialization; and",
        "d. expand the ability for qualifying SBCs to propose technology solutions to meet DoD needs.",
    ]


def test_a_lettered_item_after_an_item_that_runs_to_the_margin_starts_a_block() -> None:
    # `c.` fills the line without punctuation: only the label says that `d.` is a new item.
    assert 108 + width(LETTERED[2][1], "Times-Roman", DOD_SIZE) > 540 - 1.5 * DOD_SIZE
    reading = read([lettered_page(LETTERED)])
    assert texts(reading) == [f"{label} {text}" for label, text in LETTERED]


TZB = "zh_tzb2026_xh202603_rs.pdf"
BAA = "en_dod_sbir254_baa.pdf"
ARMY = "en_dod_sbir254_army_r12.pdf"


def test_tzb_clause_headings_are_blocks_of_their_own() -> None:
    reading = corpus(TZB)
    assert page_texts(reading, 1)[3:7] == [
        "一、发榜单位",
        "中国航天科技集团有限公司五院钱学森空间技术实验室",
        "二、题目名称",
        "面向太空智算的多模态遥感大模型应用探索",
    ]
    heads = [text for text in texts(reading) if (found := match_numbering(text)) and found.family.name == "cjk"]
    assert [match_numbering(text).label for text in heads] == [  # type: ignore[union-attr]
        f"{n}、" for n in "一二三四五六七八九十"
    ] + ["十一、"]
    assert all(len(text) <= 15 for text in heads)


def test_tzb_prize_paragraphs_at_the_indent_are_one_block_each() -> None:
    blocks = page_texts(corpus(TZB), 9)
    assert "特等奖：设税后奖金 2 万元/人，颁发荣誉证书及奖杯。" in blocks
    assert "一等奖：设税后奖金 1 万元/人，颁发荣誉证书及奖杯。" in blocks


def test_dod_lettered_and_roman_items_keep_their_second_lines() -> None:
    army = texts(corpus(ARMY))
    benefits = next(text for text in army if text.startswith("ii. Army Benefits: Briefly describe"))
    assert "the solutions’ advantages and potential level of impact" in benefits
    assert not any(text.startswith("and potential level of impact") for text in army)
    baa = page_texts(corpus(BAA), 7)
    assert "c. increase commercialization derived from DoD investments; and" in baa
    assert "d. expand the ability for qualifying SBCs to propose technology solutions to meet DoD needs." in baa
    lettered = [text[:2] for text in page_texts(corpus(BAA), 11) if text[:2] in ("a.", "b.", "c.", "d.", "e.")]
    assert lettered == ["a.", "b.", "c.", "d.", "e."]


@pytest.mark.parametrize(
    ("cut", "rest", "joined"),
    [
        (
            "notes at https://example.org/rfcs/plan-",
            "dynamism.md",
            "notes at https://example.org/rfcs/plan-dynamism.md",
        ),
        ("see www.example.org/long-", "name", "see www.example.org/long-name"),
        ("the environ-", "ment", "the environment"),
        (
            "at https://github.com/MegEngine/MegEngine/",
            "tree/master",
            "at https://github.com/MegEngine/MegEngine/tree/master",
        ),
        ("the end of a sentence/", "and more", "the end of a sentence/ and more"),
        (
            "文档：https://docs.example.org/zh/developmen",
            "t/，了解各个模块",
            "文档：https://docs.example.org/zh/development/，了解各个模块",
        ),
        ("see https://example.org/call", "and apply", "see https://example.org/call and apply"),
    ],
)
def test_a_hyphen_at_a_line_end_is_kept_inside_an_address(cut: str, rest: str, joined: str) -> None:
    def line(text: str, top: float) -> Line:
        return Line(1, 72.0, top, 400.0, top + 10, text, [False] * len(text), 10.0, 20.0)

    drop, glue = joint(line(cut, 100.0), line(rest, 114.0))
    assert cut[: len(cut) - drop] + glue + rest == joined


def test_a_list_label_set_apart_from_cjk_text_keeps_its_space() -> None:
    # LibreOffice sets a list label, a tab, then the item: the gap is a separator, not the
    # 0.25 em of Asian/Western auto-spacing it leaves between `pytorch` and `接近` in a sentence.
    label = Text(90, 100, "–", 12.0)
    item = Text(90 + 24, 100, "在接口层面添加算子", 12.0, CJK)
    (block,) = read_pdf(make_pdf([[label, item]]), options=ParseOptions()).blocks
    assert block.text == "– 在接口层面添加算子"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("考：https://docs.example.org/zh/ 了解", "考：https://docs.example.org/zh/"),
        ("（PaddleScience API 文档）", "（PaddleScience"),
        ("考虑到各个模块", None),
        ("The call funds", None),
    ],
)
def test_kinsoku_carries_a_cjk_character_and_its_latin_run_as_one_unit(text: str, unit: str | None) -> None:
    head = text.split(" ")[0] if " " in text else text
    line = Line(1, 72.0, 100.0, 400.0, 110.0, text, [False] * len(text), 10.0, 20.0, head_width=width(head))
    assert first_unit_width(line) == (width(unit) if unit else 20.0)


def test_bulleted_lines_nest_by_their_indent() -> None:
    # A slide deck (zh_megvii_traffic_sign_task_slides.pdf): `–` items nest by indentation alone,
    # and an en dash set close to a word is a bullet too.
    rows = [(72.0, "– Background"), (108.0, "– first reason"), (108.0, "– second reason"), (72.0, "–Data: two sets")]
    reading = read([[Text(x, 100.0 + i * 30.0, text, 20.0) for i, (x, text) in enumerate(rows)]])
    assert [(block.text, block.list_depth) for block in reading.blocks] == [
        ("– Background", 1),
        ("– first reason", 2),
        ("– second reason", 2),
        ("–Data: two sets", 1),
    ]


def test_slide_items_nest_by_their_indent() -> None:
    slides = corpus("zh_megvii_traffic_sign_task_slides.pdf")
    assert [(b.text[:6], b.list_depth) for b in slides.blocks if 3 in b.provenance.pages][1:5] == [
        ("– 深度学习", 1),
        ("– 智能驾驶", 2),
        ("– 交通标志", 2),
        ("– 难点与挑", 1),
    ]


def test_symbol_font_bullets_are_bullets_not_letters() -> None:
    for text, family in [("†任务说明", "symbol-bullet"), ("\uf0a7 item", "symbol-bullet"), ("–比赛题目: x", "dash")]:
        found = match_numbering(text)
        assert found is not None and found.family.name == family and found.is_bullet, text
    assert match_numbering("–2021 onwards") is None


@pytest.mark.parametrize(
    ("fontname", "bold"),
    [
        ("AEAPTU+CMBX10", True),
        ("GWLEVE+CMBX12", True),
        ("CMSSBX10", True),
        ("SFBX1000", True),
        ("CMB10", True),
        ("FPBPGK+CMR10", False),
        ("CMBRIGHT", False),
        ("Arial-BoldMT", True),
    ],
)
def test_tex_bold_faces_are_bold_by_their_code(fontname: str, bold: bool) -> None:
    # Computer Modern names its bold extended face CMBX: LaTeX's headings and \paragraph labels.
    assert font_is_bold(fontname) is bold
