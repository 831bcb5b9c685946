"""The reader's glyph dicts are the dicts pdfplumber's `Page.objects` gives, key by key, bit for bit.

Two steps, each compared on real PDFs: the device's own dicts (built in `render_char`, no
`LTChar`) against the `LTChar` path (`_Page.lt_chars`, read by `_char`), on every committed PDF,
every corpus PDF and hand-written PDFs with the odd cases (Type3 and vertical CID fonts, turned,
mirrored and raised glyphs, a shifted MediaBox, marked content); and the `LTChar` path against
pdfplumber's own `parse_objects` on the committed PDFs.
"""

from __future__ import annotations

import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdfminer.pdfpage import PDFPage

from docparse.options import ParseOptions
from docparse.read.pdf.budget import Budget
from docparse.read.pdf.source import _Page, open_pdf, page_objects
from docparse.vocab.chars import fold_radicals

from ..conftest import CORPUS, FIXTURES

# The keys the line builder reads (lines.py, text.py, furniture.py), compared first and named
# in the failure; the whole dicts are compared after.
READ_KEYS = ("text", "x0", "x1", "top", "bottom", "size", "fontname", "matrix", "upright", "render_mode")
PDFS = sorted(FIXTURES.glob("*/input.pdf")) + [
    FIXTURES / "hostile" / name
    for name in (
        "pdf-cjk-subset-no-tounicode.pdf",
        "pdf-drawn-twice.pdf",
        "pdf-partly-garbled.pdf",
        "pdf-ligatures.pdf",
        "pdf-control-chars.pdf",
        "pdf-identity-guessed.pdf",
        "pdf-no-tounicode.pdf",
        "pdf-partly-guessed.pdf",
        "pdf-scanned.pdf",
    )
]
CORPUS_PDFS = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def _page(pdf: object, page_obj: PDFPage, number: int, *, lt_chars: bool) -> _Page:
    page = _Page(pdf, page_obj, page_number=number)  # type: ignore[arg-type]
    page.budget = Budget(ParseOptions().limits, None)
    page.lt_chars = lt_chars
    return page


def _pages(data: bytes) -> Iterator[tuple[int, _Page, _Page]]:
    """Yield each page read twice: with the device's dicts and with `LTChar`s."""
    pdf = open_pdf(data, ParseOptions(), None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            fast, slow = _page(pdf, page_obj, number, lt_chars=False), _page(pdf, page_obj, number, lt_chars=True)
            yield number, fast, slow
            fast.close()
            slow.close()


def _same(found: list[dict[str, Any]], expected: list[dict[str, Any]], where: object) -> None:
    """Assert the dicts are equal key by key in order, floats to the bit (``repr`` tells -0.0 from 0.0)."""
    assert len(found) == len(expected), where
    for index, (char, other) in enumerate(zip(found, expected, strict=True)):
        for key in READ_KEYS:
            assert repr(char.get(key)) == repr(other.get(key)), (where, index, key)
        assert repr(list(char.items())) == repr(list(other.items())), (where, index)


def _compare_paths(data: bytes) -> list[dict[str, Any]]:
    """Assert both paths give the same objects on every page; return the glyphs."""
    glyphs: list[dict[str, Any]] = []
    for number, fast_page, slow_page in _pages(data):
        fast, slow = page_objects(fast_page), page_objects(slow_page)
        assert list(fast) == list(slow), number
        _same(fast.get("char", []), slow.get("char", []), number)
        for kind in slow:
            assert repr(fast[kind]) == repr(slow[kind]), (number, kind)
        glyphs += fast.get("char", [])
    return glyphs


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name + "/" + p.name)
def test_lt_char_walk_matches_pdfplumber(path: Path) -> None:
    glyphs = 0
    for number, _fast, page in _pages(path.read_bytes()):
        plumber_page = _page(page.pdf, page.page_obj, number, lt_chars=True)
        walked, plumber = page_objects(page), plumber_page.parse_objects()
        plumber_page.close()
        for char in plumber.get("char", []):
            # the one difference by design: a Kangxi radical a font gives for an ideograph is read as that ideograph
            char["text"] = fold_radicals(char["text"])
        assert list(walked) == list(plumber)
        _same(walked.get("char", []), plumber.get("char", []), number)
        for kind in plumber:
            assert walked[kind] == plumber[kind], (number, kind)
        glyphs += len(walked.get("char", []))
    assert glyphs > 100 or path.parent.name == "hostile"


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name + "/" + p.name)
def test_device_dicts_match_lt_chars_on_fixtures(path: Path) -> None:
    glyphs = _compare_paths(path.read_bytes())
    assert glyphs or path.name == "pdf-scanned.pdf"


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=lambda p: p.name)
def test_device_dicts_match_lt_chars_on_corpus(path: Path) -> None:
    assert len(_compare_paths(path.read_bytes())) > 1000


def test_corpus_pdfs_are_compared_when_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not available")
    assert len(CORPUS_PDFS) >= 5


# Hand-written PDFs for what the fixtures lack. Each object is ``(number, body)``; streams are
# given as bytes and wrapped here.
Obj = tuple[int, bytes]


def _stream(content: bytes, extra: bytes = b"", *, deflate: bool = False) -> bytes:
    if deflate:
        content = zlib.compress(content)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)


def _pdf(objects: list[Obj]) -> bytes:
    """Return a PDF whose catalog is object 1, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in objects:
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


TO_UNICODE = _stream(
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    b"3 beginbfchar <0001> <4E2D> <0002> <6587> <0003> <FB01> endbfchar endcmap\n"
    b"CMapName currentdict /CMap defineresource pop end end"
)
CONTENT = b"""
BT /F1 12 Tf 72 700 Td (Plain ab) Tj ET
BT /F1 12 Tf 3 Ts 120 Tz 2 Tr 72 680 Td [(Ra) -250 (ised)] TJ ET
BT /F1 10 Tf 0 1 -1 0 300 500 Tm (Turned) Tj ET
BT /F1 10 Tf -1 0 0 1 400 400 Tm (Mirror) Tj ET
BT /F1 10 Tf 0.7071 0.7071 -0.7071 0.7071 200 300 Tm (Slanted) Tj ET
BT /F1 10 Tf 1 0 0 -1 100 200 Tm (Upside) Tj ET
BT /F2 20 Tf 72 600 Td (abba) Tj ET
BT /F3 16 Tf 500 700 Td <000100020003> Tj 2 Tc [<0001> 300 <0002>] TJ ET
BT /F4 11 Tf 72 560 Td <000300010002> Tj ET
/P << /MCID 0 >> BDC BT /F1 9 Tf 72 520 Td (Tagged) Tj ET EMC
/Span BDC BT /F1 9 Tf 72 510 Td (Span) Tj ET EMC
/P << /MCID 1 >> BDC BT /F1 9 Tf 72 500 Td (Retagged) Tj ET EMC
20 20 l S
0 0 1 rg 1 0 0 RG BT /F1 9 Tf 0 Tr 72 490 Td (Blue) Tj ET
0.5 g BT /F1 9 Tf 72 480 Td (Grey) Tj ET
/Fm1 Do
72 470 200 0.5 re f
BT /F1 9 Tf 72 460 Td (After the form) Tj ET
"""
FORM = _stream(
    b"BT /F1 8 Tf 10 10 Td (In the form) Tj ET 0 0 50 50 re S",
    b" /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [1 0 0 1 50 50]"
    b" /Resources << /Font << /F1 5 0 R >> >>",
)
ODD_OBJECTS: list[Obj] = [
    (1, b"<< /Type /Catalog /Pages 2 0 R >>"),
    (2, b"<< /Type /Pages /Kids [3 0 R 16 0 R] /Count 2 >>"),
    (
        3,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font"
        b" << /F1 5 0 R /F2 6 0 R /F3 9 0 R /F4 12 0 R >> /XObject << /Fm1 15 0 R >> >> >>",
    ),
    (4, _stream(CONTENT, deflate=True)),
    (5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    (
        6,
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 750 750] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /a 7 0 R /b 8 0 R >> /Encoding << /Type /Encoding /Differences [97 /a /b] >>"
        b" /FirstChar 97 /LastChar 98 /Widths [1000 800] /Resources << >> >>",
    ),
    (7, _stream(b"1000 0 0 -200 750 750 d1 0 0 750 750 re f")),
    (8, _stream(b"800 0 0 0 600 600 d1 0 0 600 600 re f")),
    (
        9,
        b"<< /Type /Font /Subtype /Type0 /BaseFont /MingVert /Encoding /Identity-V"
        b" /DescendantFonts [10 0 R] /ToUnicode 11 0 R >>",
    ),
    (
        10,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingVert /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 13 0 R /DW 1000"
        b" /W2 [1 [-900 480 860] 3 3 -1100 500 880] /DW2 [880 -1000] >>",
    ),
    (11, TO_UNICODE),
    (
        12,
        b"<< /Type /Font /Subtype /Type0 /BaseFont /MingHoriz /Encoding /Identity-H"
        b" /DescendantFonts [14 0 R] /ToUnicode 11 0 R >>",
    ),
    (
        13,
        b"<< /Type /FontDescriptor /FontName /MingVert /Flags 4 /FontBBox [0 -120 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ),
    (
        14,
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingHoriz /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 13 0 R /DW 1000 /W [1 [950 900 500]] >>",
    ),
    (15, FORM),
    (
        16,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [30 40 400 500] /Rotate 90 /Contents 17 0 R"
        b" /Resources << /Font << /F1 5 0 R /F3 9 0 R >> >> >>",
    ),
    (17, _stream(b"BT /F1 10 Tf 50 400 Td (Shifted box) Tj ET BT /F3 14 Tf 300 450 Td <00010002> Tj ET")),
]


def test_device_dicts_match_lt_chars_on_odd_glyphs() -> None:
    glyphs = _compare_paths(_pdf(ODD_OBJECTS))
    text = "".join(str(glyph["text"]) for glyph in glyphs)
    # Each odd case was drawn: the Type3 glyphs, the vertical font's, turned and upside-down text,
    # the form's text, and the glyph tagged again by the path painted after its marked content.
    for piece in ("abba", "中文ﬁ", "Turned", "Upside", "In the form", "Shifted box"):
        assert piece in text, piece
    assert any(g["upright"] is False for g in glyphs)
    assert {g["mcid"] for g in glyphs} >= {0, None}
    assert any(g["fontname"] == "MingVert" and g["height"] > g["width"] for g in glyphs)
    assert {g["render_mode"] for g in glyphs} == {0, 2}
    assert {g["page_number"] for g in glyphs} == {1, 2}
    retagged = [g for g in glyphs if g["text"] == "d" and g["top"] < 300]
    assert retagged and retagged[-1]["mcid"] is None
