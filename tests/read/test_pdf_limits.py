"""PDF limits inside the work: operations, time and inflated bytes counted while a page is interpreted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFResourceManager

import docparse
from docparse.errors import LimitExceededError
from docparse.options import Limits, ParseOptions
from docparse.read.pdf.budget import MAX_SAVED_STATES, Budget, BudgetedInterpreter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import hostile_pdf


def _parse(data: bytes, **limits: float) -> docparse.Document:
    return docparse.parse(data, options=ParseOptions(limits=Limits.model_validate(limits)))


def test_the_generated_pdfs_are_readable_at_a_harmless_size() -> None:
    assert _parse(hostile_pdf.nested_forms(2, 3)).sections[0].title == "Nested forms"
    assert _parse(hostile_pdf.inflating(10_000)).sections[0].title == "Inflating"


def test_nested_forms_stop_at_the_page_operation_limit() -> None:
    data = hostile_pdf.nested_forms(10, 9)  # a billion forms
    assert len(data) < 5000
    with pytest.raises(LimitExceededError, match=r"page 1 .*\(limits\.max_page_operations\)"):
        _parse(data, max_page_operations=20_000)


def test_a_document_stops_at_the_document_operation_limit() -> None:
    with pytest.raises(LimitExceededError, match=r"\(limits\.max_operations\)"):
        _parse(hostile_pdf.many_glyphs(20_000), max_operations=10_000)


def test_glyphs_drawn_count_as_operations() -> None:
    with pytest.raises(LimitExceededError, match="max_page_operations"):
        _parse(hostile_pdf.many_glyphs(20_000), max_page_operations=30_000)  # 40,000 operands and operators
    assert _parse(hostile_pdf.many_glyphs(1_000), max_page_operations=30_000).source.pages == 1


def test_the_time_limit_is_checked_inside_a_page() -> None:
    # Without the deadline inside the page, this page runs for hours.
    with pytest.raises(LimitExceededError, match=r"stopped in page 1 \(limits\.max_seconds, --timeout\)"):
        _parse(hostile_pdf.nested_forms(10, 9), max_seconds=0.3, max_page_operations=10**9, max_operations=10**9)


def test_a_content_stream_bomb_stops_before_it_is_inflated() -> None:
    data = hostile_pdf.inflating(4_000_000)
    assert len(data) < 20_000
    with pytest.raises(LimitExceededError, match=r"\(limits\.max_decompressed_bytes\)"):
        _parse(data, max_decompressed_bytes=1_000_000)


def test_saved_graphics_states_are_bounded() -> None:
    rsrcmgr = PDFResourceManager()
    interpreter = BudgetedInterpreter(rsrcmgr, PDFDevice(rsrcmgr), Budget(Limits(), None))
    interpreter.init_state((1, 0, 0, 1, 0, 0))
    for _ in range(MAX_SAVED_STATES * 3):
        interpreter.do_q()
    assert len(interpreter.gstack) == MAX_SAVED_STATES
    for _ in range(MAX_SAVED_STATES * 3):
        interpreter.do_Q()
    assert interpreter.gstack == []
