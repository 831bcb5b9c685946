"""Memory of the PDF reader: pages are released as they are read, only their text is kept."""

from __future__ import annotations

import gc
import tracemalloc

from pdfminer.pdfpage import PDFPage

from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf
from docparse.read.pdf.budget import Budget
from docparse.read.pdf.source import forget_document, iter_pages, open_pdf

from .pdf_factory import Item, Text, make_pdf

WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu")
# A page's chars as pdfplumber dicts take ~1.5 KB each, ~100 KB for this page's line; its block,
# lines and provenance take ~5 KB. Growth above this per page means page objects are kept.
MAX_GROWTH_PER_PAGE = 20 * 1024


def document(pages: int) -> bytes:
    """Return a PDF of `pages` pages, one line of different words on each."""
    content: list[list[Item]] = []
    for page in range(pages):
        words = " ".join(WORDS[(page + i) % len(WORDS)] for i in range(12))
        content.append([Text(72, 100, f"Page {page}: {words}.")])
    return make_pdf(content)


def peak_bytes(data: bytes) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        reading = read_pdf(data, options=ParseOptions())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reading.blocks
    return peak


def test_peak_memory_grows_only_by_the_text_kept_per_page() -> None:
    read_pdf(document(2), options=ParseOptions())  # load pdfminer's font and CMap caches first
    small, large = document(30), document(300)
    growth_per_page = (peak_bytes(large) - peak_bytes(small)) / 270
    assert growth_per_page < MAX_GROWTH_PER_PAGE


def test_read_pages_leave_their_content_streams_out_of_pdfminer_cache() -> None:
    data = document(5)
    options = ParseOptions()
    pdf = open_pdf(data, options, None)
    contents = {item.objid for page in PDFPage.create_pages(pdf.doc) for item in page.contents}
    assert len(contents) == 5 and contents <= set(pdf.doc._cached_objs)
    pages = list(iter_pages(pdf, options, None, Budget(options.limits, None)))
    assert [page.number for page in pages] == [1, 2, 3, 4, 5]
    assert not contents & set(pdf.doc._cached_objs)
    forget_document(pdf)
    assert not pdf.doc._cached_objs and not pdf.rsrcmgr._cached_fonts
    # A page read again after both is parsed from the file again, to the same glyphs.
    again = list(iter_pages(pdf, options, None, Budget(options.limits, None)))
    assert [page.chars for page in again] == [page.chars for page in pages]
