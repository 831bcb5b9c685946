"""The PDF reader on a Word 2016 annex page (the Keelung SBIR guide, pages 7-8): flow-chart boxes
over a title, vertical box text, and a centred title at the top of the next page."""

from __future__ import annotations

import pytest

from docparse.blocks import Reading
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import corpus_file
from .pdf_factory import CJK, Item, Text, make_pdf, width

LEFT, SIZE, CHARS, LEADING = 79.0, 12.0, 36, 18.4
RIGHT = LEFT + CHARS * SIZE
TEXT = (
    "申請企業執行本計畫業務所必須之範圍內應依個人資料保護法規定採行安全管理措施以防止"
    "企業個人資料被竊取竄改毀損滅失或洩漏若有複委託之需求宜就涉及企業個人資料之部分"
)


def body(top: float, n: int = 4, *, stop: bool = True) -> list[Item]:
    """Return `n` full 12-pt lines from `top`, the last one short and ending in a full stop (if `stop`)."""
    rows = [(TEXT * n)[i * CHARS : (i + 1) * CHARS] for i in range(n - 1)]
    rows.append(TEXT[:12] + "。" if stop else TEXT[:CHARS])
    return [Text(LEFT, top + i * LEADING, row, SIZE, CJK) for i, row in enumerate(rows)]


def centred(top: float, text: str, size: float = 14.0) -> Text:
    return Text((LEFT + RIGHT - width(text, CJK, size)) / 2, top, text, size, CJK)


def read(pages: list[list[Item]]) -> Reading:
    return read_pdf(make_pdf(pages), options=ParseOptions(), name="annex.pdf")


def texts(reading: Reading) -> list[str]:
    return [block.text for block in reading.blocks]


def test_a_small_box_drawn_over_a_title_is_a_block_of_its_own() -> None:
    # The 10-pt box text ends 7 pt right of where the 14-pt title starts: two boxes at one height.
    page_one: list[Item] = [
        *body(100),
        Text(115, 742.6, "完成簽約撥款", 9.96, CJK),
        Text(168, 740.8, "115年度基隆市地方產業創新研發推動計畫", 14.04, CJK),
    ]
    page_two: list[Item] = [centred(74, "申請須知會計科目及編列原則"), *body(110)]
    reading = read([page_one, page_two])
    assert texts(reading)[1:4] == [
        "完成簽約撥款",
        "115年度基隆市地方產業創新研發推動計畫",
        "申請須知會計科目及編列原則",
    ]
    assert [block.font_size for block in reading.blocks[1:4]] == [10.0, 14.0, 14.0]


def test_a_superscript_and_small_capitals_stay_in_their_line_the_note_mark_apart() -> None:
    word = "Eligibility"
    x = LEFT + width(word, "Times-Roman", 11)
    items: list[Item] = [
        Text(LEFT, 100, word, 11, "Times-Roman"),
        Text(x, 99, "12", 6, "Times-Roman"),
        Text(x + width("12", "Times-Roman", 6) + 3, 100, "P", 11, "Times-Roman"),
        Text(x + width("12", "Times-Roman", 6) + 3 + width("P", "Times-Roman", 11), 100, "ROGRAM", 8, "Times-Roman"),
    ]
    reading = read([items])
    # One line (the raised `12` does not start a line of its own); as a note mark it is recorded apart.
    assert texts(reading) == ["Eligibility PROGRAM"]
    assert [(d.reason.value, d.text) for d in reading.dropped] == [("footnote-mark", "12")]


@pytest.mark.parametrize("stop", [False, True], ids=["runs-on", "forced-break"])
def test_a_centred_title_heading_a_page_does_not_continue_the_page_before(stop: bool) -> None:
    # Without a full stop the last line of page one runs on to the margin (`runs-on`), or a short
    # unterminated line ends it (`forced-break`): both join a plain continuation, not a title.
    last = body(600, 4, stop=False)
    if stop:
        last[-1] = Text(LEFT, 600 + 3 * LEADING, TEXT[:10], SIZE, CJK)
    page_two: list[Item] = [centred(74, "申請須知會計科目及編列原則", SIZE), *body(110)]
    reading = read([last, page_two])
    assert texts(reading)[1] == "申請須知會計科目及編列原則"
    assert reading.blocks[1].provenance.pages == (2,)


def test_vertical_box_text_is_one_block_and_spaced_glyphs_are_not() -> None:
    stacked = [Text(219, 587 + i * 8, ch, 8, CJK) for i, ch in enumerate("廠商放棄簽約")]
    apart = [Text(400, 700 + i * 16, ch, 8, CJK) for i, ch in enumerate("甲乙")]
    reading = read([[*body(100), *stacked, *apart]])
    assert texts(reading)[1:] == ["廠商放棄簽約", "甲", "乙"]


KEELUNG = "zh_tw_keelung_sbir115_guide.pdf"


def test_keelung_flow_chart_and_annex_title() -> None:
    reading = read_pdf(corpus_file(KEELUNG).read_bytes(), options=ParseOptions(), name=KEELUNG)
    page_seven = [block.text for block in reading.blocks if block.provenance.pages == (7,)]
    assert "完成簽約撥款" in page_seven
    assert "115年度基隆市地方產業創新研發推動計畫" in page_seven
    assert "廠商放棄簽約" in page_seven
    assert "通知補件或退件" in page_seven
    titles = [block for block in reading.blocks if block.text == "申請須知會計科目及編列原則"]
    assert len(titles) == 1 and titles[0].provenance.pages == (8,)
