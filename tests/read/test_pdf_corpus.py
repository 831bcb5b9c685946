"""The PDF reader on real PDFs from the shared corpus (skipped where the corpus is absent)."""

from __future__ import annotations

import re
from functools import cache

import pytest

from docparse.blocks import Reading
from docparse.errors import NoTextLayerError
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import corpus_file

HORIZON = "en_horizon_he_csa_application_form.pdf"
ZH_INTERN = "zh_paddle_contributor_remote_intern_program.pdf"


@cache
def horizon() -> Reading:
    return read_pdf(corpus_file(HORIZON).read_bytes(), options=ParseOptions(), name=HORIZON)


def test_horizon_reads_all_48_pages() -> None:
    reading = horizon()
    assert reading.pages == 48
    assert len(reading.blocks) > 300
    assert any(block.text == "1. Excellence" for block in reading.blocks)


def test_horizon_watermark_never_reaches_the_blocks() -> None:
    reading = horizon()
    for block in reading.blocks:
        assert "not to be completed" not in block.text
        assert not re.search(r"\bExample,", block.text)
    watermarks = [d for d in reading.dropped if d.reason == DropReason.WATERMARK]
    assert {d.text for d in watermarks} == {"Example, not to be completed"}
    assert len({d.provenance.regions[0].page for d in watermarks}) >= 40


def test_horizon_headers_and_footers_of_both_parts_are_dropped() -> None:
    reading = horizon()
    texts = [block.text for block in reading.blocks]
    assert not any("Last saved" in text or re.fullmatch(r"Part B - Page \d+ of \d+", text) for text in texts)
    assert not any(text.startswith("EU Grants: Application form (HE CSA)") for text in texts)
    footers = [d for d in reading.dropped if d.reason == DropReason.RUNNING_FOOTER]
    headers = [d for d in reading.dropped if d.reason == DropReason.RUNNING_HEADER]
    assert sum("Last saved" in d.text for d in footers) == 18  # Part A: "Page 1 of 18" … "18 of 18"
    assert sum(d.text.startswith("Part B - Page") for d in footers) >= 18
    assert sum(d.text.startswith("EU Grants: Application form") for d in headers) >= 18


def test_horizon_footnotes_are_set_apart_with_dp104() -> None:
    reading = horizon()
    notes = [d for d in reading.dropped if d.reason == DropReason.FOOTNOTE]
    assert any(d.text.startswith("2According to the Commission Decision") for d in notes)
    assert len([d for d in reading.diagnostics if d.code == "DP104"]) == len(notes)
    assert not any("Classified background information is information" in block.text for block in reading.blocks)


def test_zh_intern_pdf_without_unicode_maps_has_no_text_layer() -> None:
    data = corpus_file(ZH_INTERN).read_bytes()
    with pytest.raises(NoTextLayerError, match="no extractable text"):
        read_pdf(data, options=ParseOptions(ocr="never"), name=ZH_INTERN)
