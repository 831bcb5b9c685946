"""The reader's own glyph walk gives the dicts pdfplumber's `Page.objects` gives, key by key."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from pdfminer.pdfpage import PDFPage

from docparse.options import ParseOptions
from docparse.read.pdf.budget import Budget
from docparse.read.pdf.source import _Page, open_pdf, page_objects

from ..conftest import FIXTURES

# The keys the line builder reads (lines.py, text.py, furniture.py), compared first and named
# in the failure; the whole dicts are compared after.
READ_KEYS = ("text", "x0", "x1", "top", "bottom", "size", "fontname", "matrix", "upright", "render_mode")
PDFS = sorted(FIXTURES.glob("*/input.pdf")) + [
    FIXTURES / "hostile" / name
    for name in ("pdf-cjk-subset-no-tounicode.pdf", "pdf-drawn-twice.pdf", "pdf-partly-garbled.pdf")
]


def _page(pdf: object, page_obj: PDFPage, number: int) -> _Page:
    page = _Page(pdf, page_obj, page_number=number)  # type: ignore[arg-type]
    page.budget = Budget(ParseOptions().limits, None)
    return page


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name + "/" + p.name)
def test_glyph_walk_matches_pdfplumber(path: Path) -> None:
    pdf = open_pdf(path.read_bytes(), ParseOptions(), path.name)
    glyphs = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            fast_page, plumber_page = _page(pdf, page_obj, number), _page(pdf, page_obj, number)
            fast, plumber = page_objects(fast_page), plumber_page.parse_objects()
            assert set(fast) == set(plumber)
            chars, expected = fast.get("char", []), plumber.get("char", [])
            assert len(chars) == len(expected)
            for index, (char, other) in enumerate(zip(chars, expected, strict=True)):
                for key in READ_KEYS:
                    assert char[key] == other[key], (number, index, key)
                assert list(char.items()) == list(other.items()), (number, index)
            for kind in plumber:
                assert fast[kind] == plumber[kind], (number, kind)
            glyphs += len(chars)
            fast_page.close()
            plumber_page.close()
    assert glyphs > 100
