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


def test_a_toc_of_two_levels_does_not_list_the_third() -> None:
    # A Word TOC of levels 1–2 (`\o "1-2"`) leaves `1.1.1` out by design: only levels it lists are expected.
    call = (
        "目录\n\n1. 总则.....1\n1.1 范围.....1\n2. 附则.....2\n\n"
        "1. 总则\n\n1.1 范围\n\n1.1.1 细节\n\n文字。\n\n1.1.2 其他\n\n文字。\n\n2. 附则\n\n文字。\n"
    )
    assert check_text(call) == set()
    assert check_text(call.replace("2. 附则.....2\n", "")) == {"DP211"}


def test_headings_before_the_toc_are_not_its_entries() -> None:
    # A foreword before the TOC is not something the TOC lists; a part after it is.
    call = (
        "# 申报指南\n\n## 前言\n\n文字。\n\n## 目录\n\n1. 总则.....1\n2. 附则.....2\n\n"
        "## 1. 总则\n\n文字。\n\n## 2. 附则\n\n文字。\n"
    )
    assert check_text(call) == set()
    assert check_text(call.replace("2. 附则.....2\n", "")) == {"DP211"}


def test_a_number_printed_twice_is_linked_by_its_title() -> None:
    call = (
        "目录\n\n1. 总则.....1\n1.1 范围.....1\n1.1 概述.....2\n2. 附则.....3\n\n"
        "1. 总则\n\n1.1 范围\n\n研究。\n\n1.1 概述\n\n研究。\n\n2. 附则\n\n研究。\n"
    )
    document = docparse.parse_text(call)
    assert [entry.target for entry in document.toc] == ["1", "1.1", "1.1~2", "2"]
    # The repeated number is the document's own fault (DP302); the TOC agrees with the body.
    assert check_text(call) == {"DP302"}


def test_an_entry_naming_a_field_has_its_heading() -> None:
    # A one-topic call holds its parts as fields: the TOC entries point to them.
    call = (
        "课题名称：面向科技文献的智能体\n\n目录\n\n研究背景.....1\n研究内容.....2\n\n"
        "研究背景：文献多。\n\n研究内容：构建智能体。\n"
    )
    document = docparse.parse_text(call)
    assert [field.label for topic in document.iter_topics() for field in topic.fields][-2:] == ["研究背景", "研究内容"]
    assert check_text(call) == set()
    assert check_text(call.replace("研究内容：构建智能体。", "构建智能体。")) == {"DP210"}
