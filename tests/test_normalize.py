"""The normalize stage: paragraphs that a page break cut are joined back, title lines are not."""

from __future__ import annotations

from docparse.blocks import Block, Span
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.normalize import normalize


def on_page(page: int, text: str, *, bold: bool = False, size: float = 12.0) -> Block:
    region = PageRegion(page=page, bbox=BBox(x0=72, top=700 if page == 1 else 72, x1=500, bottom=714))
    return Block(text=text, spans=(Span(text, bold),), font_size=size, provenance=Provenance(regions=(region,)))


def in_paragraph(number: int, text: str, *, after_break: bool = False) -> Block:
    return Block(
        text=text,
        spans=(Span(text),),
        after_break=after_break,
        provenance=Provenance(paragraph_start=number, paragraph_end=number),
    )


def test_a_paragraph_cut_by_a_page_break_is_joined_back_with_a_diagnostic() -> None:
    # A Word document: the break sits in the text's flow, where nothing tells where a line ended.
    diagnostics: list[Diagnostic] = []
    blocks = normalize(
        [
            in_paragraph(1, "申請企業執行本計畫業務所必須之範圍內應依個人資料"),
            in_paragraph(2, "保護法規定採行安全管理措施。", after_break=True),
        ],
        diagnostics,
    )
    assert [b.text for b in blocks] == ["申請企業執行本計畫業務所必須之範圍內應依個人資料保護法規定採行安全管理措施。"]
    assert [d.name for d in diagnostics] == ["paragraph-rejoined"]


def test_laid_out_pages_keep_the_readers_judgement_of_a_page_break() -> None:
    # A PDF (or OCR'd) page: the reader saw the last line end short of the margin and parted the
    # blocks (a slide's last bullet, the next slide's title); normalize does not join them again.
    diagnostics: list[Diagnostic] = []
    lines = [on_page(1, "在飞桨开源社区中完成一个完整的开发任务"), on_page(2, "远程实习项目介绍")]
    blocks = normalize(lines, diagnostics)
    assert [b.text for b in blocks] == [line.text for line in lines]
    assert diagnostics == []


def test_two_bold_title_lines_parted_by_a_page_break_stay_two_blocks() -> None:
    # The builder's title rules join them, and can then tell the programme's name from the title.
    diagnostics: list[Diagnostic] = []
    lines = [
        on_page(1, "115年度基隆市地方產業創新研發推動計畫", bold=True),
        on_page(2, "申請須知會計科目及編列原則", bold=True),
    ]
    blocks = normalize(lines, diagnostics)
    assert [b.text for b in blocks] == [line.text for line in lines]
    assert diagnostics == []


def test_a_line_in_another_size_on_the_same_page_is_not_the_rest_of_a_paragraph() -> None:
    # A link line in 12 pt, then the next proposition's heading in 16 pt bold on the same page: the
    # reader parted them by their typography, so the rejoin does not take the heading as the rest.
    diagnostics: list[Diagnostic] = []
    lines = [
        on_page(1, "https://bbs.elecfans.com/jishu_2341875_1_1.html"),
        on_page(1, "命题8（TI命题）", bold=True, size=16.0),
    ]
    blocks = normalize(lines, diagnostics)
    assert [b.text for b in blocks] == [line.text for line in lines]
    same = [on_page(1, "https://bbs.elecfans.com/jishu_2341875_1_1.html"), on_page(1, "命题8（TI命题）", size=12.0)]
    assert len(normalize(same, [])) == 1  # the same size: a cut paragraph, as before
