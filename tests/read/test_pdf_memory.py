"""Memory of the PDF reader: pages are released as they are read, only their text is kept."""

from __future__ import annotations

import gc
import tracemalloc

from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

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
