"""The PDF reader on the two PDF renditions of the reference call (reportlab and LibreOffice)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from docparse.blocks import Block, Reading
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import FIXTURES, SEED
from ..helpers import seed_direction_texts

RENDITIONS = ("seed-pdf-reportlab", "seed-pdf-libreoffice")
HEADER = "2021年度百度飞桨开源课题"
CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"


@cache
def reading_of(rendition: str) -> Reading:
    path = FIXTURES / rendition / "input.pdf"
    return read_pdf(path.read_bytes(), options=ParseOptions(), name=path.name)


@pytest.fixture(params=RENDITIONS)
def rendition(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def seed_directions() -> list[tuple[str, str]]:
    """Return (label, text) of the seed's 50 directions, Markdown removed."""
    labels = re.findall(r"^- (\d+\)) ", SEED.read_text(encoding="utf-8"), re.MULTILINE)
    return list(zip(labels, seed_direction_texts(), strict=True))


def seed_bold_titles() -> list[str]:
    return re.findall(r"^- \d+\) \*\*(.+?)\*\*", SEED.read_text(encoding="utf-8"), re.MULTILINE)


def block_of(reading: Reading, start: str) -> Block:
    found = [block for block in reading.blocks if block.text.startswith(start) and "\t" not in block.text]
    assert len(found) == 1, (start, [block.text[:30] for block in found])
    return found[0]


def without_spaces_next_to_cjk(text: str) -> str:
    return re.sub(rf"(?<={CJK}) +| +(?={CJK})", "", text)


def test_reportlab_rendition_has_the_fifty_directions_exactly() -> None:
    texts = {block.text for block in reading_of("seed-pdf-reportlab").blocks}
    missing = [f"{label} {text}" for label, text in seed_directions() if f"{label} {text}" not in texts]
    assert len(seed_directions()) == 50
    assert missing == []


def test_libreoffice_rendition_has_the_fifty_directions() -> None:
    # LibreOffice draws no glyph for a space it wraps a line at, so where the seed has a space
    # between Chinese and Latin text exactly at a line end (`多模翻译 (融合`), the PDF has no trace
    # of it. Those directions match once spaces next to CJK are ignored; all others match exactly.
    blocks = [block.text for block in reading_of("seed-pdf-libreoffice").blocks]
    exact = set(blocks)
    loose = {without_spaces_next_to_cjk(text) for text in blocks}
    wanted = [f"{label} {text}" for label, text in seed_directions()]
    assert [text for text in wanted if without_spaces_next_to_cjk(text) not in loose] == []
    assert sum(text in exact for text in wanted) >= 47


def test_the_15_paragraph_is_one_block_on_two_pages(rendition: str) -> None:
    reading = reading_of(rendition)
    block = block_of(reading, "本项目希望对深度学习技术在计算视觉中")
    assert "着重方法的效果和效率" in block.text
    assert block.text.endswith("促进产业化的高效、高质量发展。")
    pages = block.provenance.pages
    assert len(pages) == 2 and pages[1] == pages[0] + 1
    assert any(d.code == "DP403" and d.provenance.pages == pages for d in reading.diagnostics)


def test_no_running_header_or_page_number_in_the_blocks(rendition: str) -> None:
    reading = reading_of(rendition)
    for block in reading.blocks:
        assert HEADER not in block.text
        assert not re.search(r"第\s*\d+\s*页|^-\s*\d+\s*-$", block.text)
    assert reading.pages is not None and reading.pages > 1
    numbered = {d.provenance.regions[0].page for d in reading.dropped if d.reason == DropReason.PAGE_NUMBER}
    # The LibreOffice rendition's TOC page carries no footer (page numbering starts after it).
    assert numbered >= set(range(2, reading.pages + 1))


def test_libreoffice_running_header_is_dropped_on_every_page() -> None:
    reading = reading_of("seed-pdf-libreoffice")
    headers = [d for d in reading.dropped if d.reason == DropReason.RUNNING_HEADER]
    assert reading.pages is not None
    assert [d.provenance.regions[0].page for d in headers] == list(range(1, reading.pages + 1))
    assert all(d.text.startswith(HEADER) for d in headers)
    assert all(d.provenance.regions[0].bbox.bottom < 100 for d in headers)


def test_libreoffice_bold_titles_are_bold_spans() -> None:
    reading = reading_of("seed-pdf-libreoffice")
    titles = seed_bold_titles()
    assert len(titles) == 16
    for label, text in seed_directions():
        block = block_of(reading, f"{label} {text[:12]}")
        bold = [span.text for span in block.spans if span.bold]
        title = next((t for t in titles if text.startswith(t)), None)
        assert bold == ([title] if title else []), block.text[:30]
    heading = block_of(reading, "1.1 机器学习基础理论")
    assert [span.bold for span in heading.spans] == [True]


def test_reportlab_rendition_has_no_bold() -> None:
    assert not any(span.bold for block in reading_of("seed-pdf-reportlab").blocks for span in block.spans)


def test_spans_concatenate_to_the_text_and_every_block_has_regions(rendition: str) -> None:
    reading = reading_of(rendition)
    assert reading.pages is not None
    for block in reading.blocks:
        assert "".join(span.text for span in block.spans) == block.text
        assert block.provenance.regions
        assert all(1 <= region.page <= reading.pages for region in block.provenance.regions)
        assert block.font_size is not None


def test_toc_lines_are_one_block_each_with_the_page_after_a_tab(rendition: str) -> None:
    reading = reading_of(rendition)
    toc = [block.text for block in reading.blocks if "\t" in block.text]
    seed_titles = re.findall(r"^(\d[\d.]* [^\t.]+)", SEED.read_text(encoding="utf-8").split("申报主题\n")[0], re.M)
    assert [entry.split("\t")[0] for entry in toc] == seed_titles
    assert all(re.fullmatch(r"[^\t]+\t\d+", entry) for entry in toc)
    assert len(toc) == 10


def test_after_break_marks_the_first_block_starting_on_a_new_page(rendition: str) -> None:
    reading = reading_of(rendition)
    last_page = reading.blocks[0].provenance.pages[-1]
    for block in reading.blocks[1:]:
        first_page = block.provenance.pages[0]
        assert block.after_break == (first_page != last_page)
        last_page = block.provenance.pages[-1]
    assert any(block.after_break for block in reading.blocks)
