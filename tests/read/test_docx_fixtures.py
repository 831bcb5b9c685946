"""The DOCX reader on the committed renderings of the reference call (typed numbers / Word numbering)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docparse.blocks import BlockKind, Reading
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.docx import read_docx

from ..conftest import FIXTURES

TYPED = FIXTURES / "seed-docx-typed" / "input.docx"
AUTONUM = FIXTURES / "seed-docx-autonum" / "input.docx"


def _read(path: Path) -> Reading:
    # A committed fixture that is missing fails (FileNotFoundError), it never skips.
    return read_docx(path.read_bytes(), options=ParseOptions(), name=path.name)


@pytest.fixture(scope="module")
def autonum() -> Reading:
    return _read(AUTONUM)


@pytest.fixture(scope="module")
def typed() -> Reading:
    return _read(TYPED)


def test_word_numbers_come_out_as_labels(autonum: Reading) -> None:
    lines = [block.full_text for block in autonum.blocks]
    assert "1. 开放课题" in lines
    assert "1.1 机器学习基础理论" in lines
    assert "2.3 深度学习框架评估评价体系" in lines
    assert "■ 深度学习在 Web 端的应用研究" in lines
    first = next(b for b in autonum.blocks if b.full_text.startswith("1) 深度学习优化算法和收敛性研究："))
    assert first.label == "1)" and first.text.startswith("深度学习优化算法和收敛性研究：研究能加速")
    assert first.spans[0].text == "深度学习优化算法和收敛性研究" and first.spans[0].bold
    assert not first.spans[1].bold
    # Labels never leak into the text.
    assert all(not b.text.startswith(("1.", "1)", "■")) for b in autonum.blocks if b.label)


def test_each_direction_list_restarts_at_one(autonum: Reading) -> None:
    labels = [b.label for b in autonum.blocks if b.label and b.label.endswith(")")]
    assert len(labels) == 50
    restarts = [i for i, label in enumerate(labels) if label == "1)"]
    assert len(restarts) == 11  # one list per topic or track
    assert labels[:9] == ["1)", "2)", "3)", "4)", "5)", "6)", "7)", "8)", "1)"]


def test_headings_levels_and_tracks(autonum: Reading) -> None:
    headings = [(b.full_text, b.heading_level) for b in autonum.blocks if b.kind is BlockKind.HEADING]
    assert headings[:3] == [("1. 开放课题", 1), ("1.1 机器学习基础理论", 2), ("1.2 深度学习框架技术", 2)]
    assert sum(1 for _text, level in headings if level == 3) == 5
    assert len(headings) == 2 + 8 + 5


def test_toc_entries_read_from_the_field_result(autonum: Reading) -> None:
    toc = [b.text for b in autonum.blocks if "\t" in b.text]
    assert len(toc) == 10
    assert (
        toc[0] == "1. 开放课题\t1"
        and toc[1] == "1.1 机器学习基础理论\t1"
        and toc[-1] == "2.3 深度学习框架评估评价体系\t7"
    )
    assert not any("TOC" in b.text or "PAGEREF" in b.text for b in autonum.blocks)


def test_page_broken_paragraph_stays_one_block_and_title_follows_a_break(autonum: Reading, typed: Reading) -> None:
    for reading in (autonum, typed):
        joined = [b for b in reading.blocks if "着重方法的效果和效率" in b.text]
        assert len(joined) == 1 and not joined[0].after_break
        broken = [b for b in reading.blocks if b.after_break]
        # The title follows the page break that ends the TOC; later breaks are pageBreakBefore headings.
        assert broken[0].text == "申报主题"
        assert all(b.kind is BlockKind.HEADING for b in broken[1:])


def test_back_links_stay_as_linked_spans(autonum: Reading) -> None:
    back = [b for b in autonum.blocks if b.text == "返回目录"]
    assert len(back) == 11
    assert all(b.spans[0].link == "#TocTop" for b in back)


def test_running_header_and_footer_are_dropped_with_reason(autonum: Reading) -> None:
    reasons = {(d.text, d.reason) for d in autonum.dropped}
    assert ("2021年度百度飞桨开源课题 申报指南", DropReason.RUNNING_HEADER) in reasons
    assert any(reason is DropReason.RUNNING_FOOTER for _text, reason in reasons)


def test_typed_and_automatic_renderings_give_the_same_full_texts(autonum: Reading, typed: Reading) -> None:
    assert [b.full_text for b in typed.blocks] == [b.full_text for b in autonum.blocks]
    assert all(b.label is None for b in typed.blocks)


def test_provenance_indexes_increase(autonum: Reading) -> None:
    starts = [b.provenance.paragraph_start for b in autonum.blocks]
    assert None not in starts
    assert starts == sorted(s for s in starts if s is not None)
