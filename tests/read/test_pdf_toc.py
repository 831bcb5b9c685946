"""The PDF reader on tables of contents: page labels, wrapped entry heads, small capitals."""

from __future__ import annotations

import re

import pytest

from docparse.blocks import Reading
from docparse.options import ParseOptions
from docparse.read.pdf import lines as pdf_lines
from docparse.read.pdf import read_pdf
from docparse.vocab import markers

from ..conftest import corpus_file
from .pdf_factory import LEFT, PAGE_W, Item, Text, make_pdf, width

FONT, SIZE, LEADING = "Times-Roman", 11.0, 12.7
RIGHT = PAGE_W - LEFT


def entry(head: list[Item]) -> list[Item]:
    """Return a TOC line as the Adobe PDF Library draws it: `head`, a dot leader, the page flush right.

    `head` is the line's text items; the last is the page reference.
    """
    *texts, page = [item for item in head if isinstance(item, Text)]
    end = max(item.x + width(item.text, item.font, item.size) for item in texts)
    page_x = RIGHT - width(page.text, FONT, SIZE)
    dots = "." * int((page_x - end - 6) / width(".", FONT, SIZE))
    return [*texts, Text(end + 3, page.top, dots, SIZE, FONT), Text(page_x, page.top, page.text, SIZE, FONT)]


def line(x: float, top: float, text: str, page: str = "") -> list[Item]:
    """Return a TOC line of plain text (with its page, if any)."""
    if not page:
        return [Text(x, top, text, SIZE, FONT)]
    return entry([Text(x, top, text, SIZE, FONT), Text(0, top, page, SIZE, FONT)])


def small_caps(x: float, top: float, text: str) -> list[Item]:
    """Return `text` in small capitals: each word's first letter at 11 pt, the rest at 9 pt."""
    items: list[Item] = []
    for word in text.split():
        items.append(Text(x, top, word[0], SIZE, FONT))
        x += width(word[0], FONT, SIZE)
        if word[1:]:
            items.append(Text(x, top, word[1:], 9.0, FONT))
            x += width(word[1:], FONT, 9.0)
        x += width(" ", FONT, SIZE)
    return items


def read(items: list[Item]) -> Reading:
    return read_pdf(make_pdf([items]), options=ParseOptions(), name="toc.pdf")


def test_wrapped_entry_heads_appendix_ranges_and_roman_pages() -> None:
    tops = [100 + i * LEADING for i in range(9)]
    c_head = LEFT + width("Appendix C: ", FONT, SIZE)
    items: list[Item] = [
        *line(LEFT, tops[0], "Preface", "ii"),
        *line(LEFT + 11, tops[1], "1.4 Eligibility and Performance Requirements", "2"),
        *line(LEFT + 11, tops[2], "1.5 Majority Ownership in Part by Multiple Venture Capital, Hedge Fund, and"),
        *line(LEFT + 33, tops[3], "Private Equity Firms", "3"),
        *line(LEFT, tops[4], "Appendix A: TECHNICAL PROPOSAL TEMPLATE (VOLUME 2)", "A-1 – A-6"),
        *line(LEFT, tops[5], "Appendix B: DEFINITIONS", "B-1 – B-8"),
        # Small capitals: mostly 9-pt glyphs, yet an 11-pt line like the rest of the entry.
        *line(LEFT, tops[6], "Appendix C:"),
        *small_caps(c_head, tops[6], "POTENTIAL APPLICABLE FEDERAL ACQUISITION"),
        *entry([*small_caps(LEFT + 60, tops[7], "REGULATION SUPPLEMENT CLAUSES"), Text(0, tops[7], "C-1 – C-5")]),
        *line(LEFT, tops[8], "Index", "9"),
    ]
    reading = read(items)
    assert [block.text for block in reading.blocks] == [
        "Preface\tii",
        "1.4 Eligibility and Performance Requirements\t2",
        "1.5 Majority Ownership in Part by Multiple Venture Capital, Hedge Fund, and Private Equity Firms\t3",
        "Appendix A: TECHNICAL PROPOSAL TEMPLATE (VOLUME 2)\tA-1 – A-6",
        "Appendix B: DEFINITIONS\tB-1 – B-8",
        "Appendix C: POTENTIAL APPLICABLE FEDERAL ACQUISITION REGULATION SUPPLEMENT CLAUSES\tC-1 – C-5",
        "Index\t9",
    ]
    assert all(block.font_size == SIZE for block in reading.blocks)


def test_a_heading_over_the_toc_does_not_take_the_first_entry() -> None:
    items: list[Item] = [
        *line(LEFT, 100, "Contents"),
        *line(LEFT, 100 + LEADING, "Introduction", "1"),
        *line(LEFT, 100 + 2 * LEADING, "Eligibility", "2"),
    ]
    assert [block.text for block in read(items).blocks] == ["Contents", "Introduction\t1", "Eligibility\t2"]


@pytest.mark.parametrize(
    ("text", "page"),
    [
        *[(label, True) for label in ("12", "ii", "XIV", "A-1", "A-1 – A-6", "12-15")],
        *[(text, False) for text in ("A-", "Firms", "1.5", "2025 年")],
    ],
)
def test_page_labels(text: str, page: bool) -> None:
    assert bool(re.fullmatch(pdf_lines.PAGE_LABEL, text)) is page
    if hasattr(markers, "PAGE_LABEL"):  # the TOC reader of the segment stage must agree
        assert bool(re.fullmatch(markers.PAGE_LABEL, text)) is page


BAA = "en_dod_sbir254_baa.pdf"


def test_dod_baa_toc_entries_are_one_block_each() -> None:
    path = corpus_file(BAA)
    reading = read_pdf(path.read_bytes(), options=ParseOptions(), name=BAA)
    toc = [block.text for block in reading.blocks if block.provenance.pages[0] in (2, 3) and "\t" in block.text]
    assert len(toc) == 61
    assert all(re.fullmatch(rf"[^\t]+\t{pdf_lines.PAGE_LABEL}", text) for text in toc)
    assert toc[5:7] == [
        "1.5 Majority Ownership in Part by Multiple Venture Capital, Hedge Fund, and Private Equity Firms\t3",
        "1.6 Performance Benchmark Requirements/Increased Minimum Performance Standards for Experienced Firms\t3",
    ]
    assert toc[-3:] == [
        "Appendix A: TECHNICAL PROPOSAL TEMPLATE (VOLUME 2)\tA-1 – A-6",
        "Appendix B: DEFINITIONS\tB-1 – B-8",
        "Appendix C: POTENTIAL APPLICABLE FEDERAL ACQUISITION REGULATION, DEFENSE FEDERAL "
        "ACQUISITION REGULATION SUPPLEMENT CLAUSES\tC-1 – C-5",
    ]
