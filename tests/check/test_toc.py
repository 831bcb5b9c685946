"""Table-of-contents rules (DP21x) beyond the seed mutations: TOC depth, page offsets."""

from __future__ import annotations

import pytest

import docparse
from docparse import Document
from docparse.check.toc import page_mismatches

from ..conftest import FIXTURES
from .seedcalls import SEED_TEXT, check_text

PDF = FIXTURES / "seed-pdf-reportlab" / "input.pdf"


@pytest.fixture(scope="module")
def pdf_document() -> Document:
    # Our own reader and a committed fixture: an import error or a missing file fails, never skips.
    return docparse.parse(PDF)


def _with_pages(document: Document, pages: list[int | None]) -> Document:
    toc = tuple(entry.model_copy(update={"page": page}) for entry, page in zip(document.toc, pages, strict=True))
    return document.model_copy(update={"toc": toc})


def _codes_and_nodes(document: Document) -> list[tuple[str, str | None]]:
    return [(d.code, d.node) for d in page_mismatches(document)]


def test_pdf_toc_pages_agree_with_the_headings(pdf_document: Document) -> None:
    assert [e.page for e in pdf_document.toc] == [1, 1, 2, 3, 3, 3, 5, 5, 5, 7]
    assert _codes_and_nodes(pdf_document) == []


def test_a_constant_offset_is_front_matter_not_a_mismatch(pdf_document: Document) -> None:
    pages = [entry.page - 2 for entry in pdf_document.toc if entry.page is not None]
    assert _codes_and_nodes(_with_pages(pdf_document, list(pages))) == []


def test_only_entries_off_the_usual_offset_are_reported(pdf_document: Document) -> None:
    pages: list[int | None] = [entry.page - 2 for entry in pdf_document.toc if entry.page is not None]
    pages[3] = 7  # 1.3: printed 1 with the offset, now 7
    pages[9] = None  # an entry without a page is not compared
    assert _codes_and_nodes(_with_pages(pdf_document, pages)) == [("DP213", "1.3")]


def test_page_numbers_are_only_compared_in_pdfs() -> None:
    # The text seed's TOC pages are those of the original PDF; a text file has no pages.
    text = SEED_TEXT.replace("1.2 深度学习框架技术.....\t2", "1.2 深度学习框架技术.....\t9")
    assert check_text(text) == set()


def test_a_toc_of_sections_does_not_require_topics() -> None:
    call = (
        "目录\n\n1. 开放课题.....1\n2. 半开放课题.....3\n\n"
        "1. 开放课题\n\n1.1 机器学习\n\n研究。\n\n2. 半开放课题\n\n2.1 模型\n\n研究。\n"
    )
    assert check_text(call) == set()
    assert check_text(call.replace("2. 半开放课题.....3\n", "")) == {"DP211"}


def test_unnumbered_entries_may_point_to_tracks() -> None:
    call = (
        "目录\n\n1. 开放课题.....1\n1.1 开源推理部署.....1\n深度学习在 Web 端的应用研究.....1\n小程序.....2\n\n"
        "1. 开放课题\n\n1.1 开源推理部署\n\n■ 深度学习在 Web 端的应用研究\n\n研究 Web 端推理。\n\n"
        "■ 小程序\n\n研究小程序。\n"
    )
    document = docparse.parse_text(call)
    assert [t.title for t in next(iter(document.iter_topics())).tracks] == ["深度学习在 Web 端的应用研究", "小程序"]
    assert [d.code for d in document.diagnostics if not d.code.startswith("DP5")] == []
    # The TOC lists tracks, so a track it leaves out is missing from it.
    document = docparse.parse_text(call.replace("小程序.....2\n", ""))
    assert [(d.code, d.node) for d in document.diagnostics if not d.code.startswith("DP5")] == [("DP211", "1.1/t2")]


def test_no_toc_means_no_toc_findings() -> None:
    body = SEED_TEXT[SEED_TEXT.index("申报主题\n\n") :]
    assert check_text(body) == set()
