"""The normalize stage: paragraphs that a page break cut are joined back, title lines are not."""

from __future__ import annotations

from docparse.blocks import Block, Span
from docparse.model.diagnostic import Diagnostic
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.normalize import normalize


def on_page(page: int, text: str, *, bold: bool = False, size: float = 12.0) -> Block:
    region = PageRegion(page=page, bbox=BBox(x0=72, top=700 if page == 1 else 72, x1=500, bottom=714))
    return Block(text=text, spans=(Span(text, bold),), font_size=size, provenance=Provenance(regions=(region,)))


def test_a_paragraph_cut_by_a_page_break_is_joined_back_with_a_diagnostic() -> None:
    diagnostics: list[Diagnostic] = []
    blocks = normalize(
        [on_page(1, "申請企業執行本計畫業務所必須之範圍內應依個人資料"), on_page(2, "保護法規定採行安全管理措施。")],
        diagnostics,
    )
    assert [b.text for b in blocks] == ["申請企業執行本計畫業務所必須之範圍內應依個人資料保護法規定採行安全管理措施。"]
    assert blocks[0].provenance.pages == (1, 2)
    assert [d.name for d in diagnostics] == ["paragraph-rejoined"]


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
