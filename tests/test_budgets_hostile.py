"""Issue 27, budgets inside the libraries and our own walks: each attack one typed line or a clean read."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import docparse
from docparse.accounting import iter_document_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile3


def _text(document: docparse.Document) -> str:
    return "\n".join(iter_document_texts(document))


def test_a_400_digit_font_size_is_ignored_not_an_overflow() -> None:
    document = docparse.parse(hostile3.docx_huge_size(), name="call.docx")
    assert "研究方向" in _text(document) and "按时提交" in _text(document)


def test_a_5000_deep_pyproject_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(hostile3.deep_pyproject(), encoding="utf-8")
    (tmp_path / "call.txt").write_text(hostile3.CALL, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "docparse", "check", "call.txt"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"docparse: error: {tmp_path / 'pyproject.toml'}: invalid TOML: nested too deep"
    ]


def test_core_properties_nested_240_deep_are_read_once() -> None:
    document = docparse.parse(hostile3.docx_nested_core(depth=240, items=2_000), name="call.docx")
    assert "研究方向" in _text(document)
    assert document.source.metadata.title is None  # 2,000 empty items: no title, and no search of each subtree


def test_an_xmp_value_is_the_first_item_of_its_own_list_only() -> None:
    from lxml import etree

    from docparse.read.metadata import from_xml

    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xml = (
        f'<x xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:rdf="{rdf}"><dc:title><rdf:Alt>'
        "<rdf:li/><rdf:li>Call title</rdf:li></rdf:Alt><dc:title><rdf:Alt><rdf:li>Nested</rdf:li></rdf:Alt>"
        "</dc:title></dc:title></x>"
    )
    assert from_xml(etree.fromstring(xml))["title"] == "Call title"


def test_an_info_title_that_is_a_dag_of_2_to_the_40_paths_is_cut_not_walked() -> None:
    document = docparse.parse(hostile3.pdf_info_dag(40), name="call.pdf")
    assert "Info DAG" in _text(document)
    assert document.source.metadata.title is None  # an array is no title


def test_the_bounded_info_walk_gives_what_pdfplumbers_gives_within_its_budget() -> None:
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfplumber.utils import resolve_and_decode

    from docparse.read.pdf.metadata import bounded_resolve_and_decode

    info = PDFDocument(PDFParser(io.BytesIO(hostile3.pdf_info_dag(5)))).info[0]
    assert bounded_resolve_and_decode(info["Title"]) == resolve_and_decode(info["Title"])
    deep = PDFDocument(PDFParser(io.BytesIO(hostile3.pdf_info_dag(40)))).info[0]["Title"]
    assert "leaf" not in repr(bounded_resolve_and_decode(deep))  # the budget ran out long before a leaf


def test_hidden_runs_of_one_paragraph_are_one_dropped_record_in_order() -> None:
    document = docparse.parse(hostile3.docx_hidden_runs(2_000), name="call.docx")
    hidden = [d for d in document.dropped if d.reason == "hidden"]
    words = hostile3._words(2_000, 2)
    assert [d.text for d in hidden] == ["".join(words)]
    assert "申报要求" in _text(document)


def test_a_paragraph_of_line_breaks_is_read_whole() -> None:
    document = docparse.parse(hostile3.docx_paragraph_breaks(2_000), name="call.docx")
    text = _text(document)
    assert all(word in text for word in hostile3._words(2_000, 1))


def test_a_paragraph_of_many_short_lines_joins_as_one_pair_at_a_time_would() -> None:
    from functools import reduce

    from docparse.blocks import Block, Span
    from docparse.normalize import iter_joined_lines, join_blocks

    lines = [Block(text="1. 研究方向", spans=(Span("1. 研究方向"),))]
    for index in range(3_000):
        word = ("*a", "词", "b")[index % 3]
        # (the first line is plain: a wholly bold line over a plain one is a label of its own)
        lines.append(Block(text=word, spans=(Span(word, bold=index % 5 == 1),), continues=True))
    joined = list(iter_joined_lines(lines))
    expected = reduce(join_blocks, lines[2:], lines[1])  # the title is a line of its own
    assert [block.text for block in joined] == ["1. 研究方向", expected.text]
    assert "".join(span.text for span in joined[1].spans) == expected.text
    bold = [span.text for span in joined[1].spans if span.bold]
    assert "".join(bold) == "".join(span.text for span in expected.spans if span.bold)


def test_a_markdown_paragraph_of_100k_lines_is_read_whole() -> None:
    document = docparse.parse(hostile3.markdown_paragraph_lines(20_000), name="call.md")
    assert _text(document).count("*a") == 20_000


@pytest.mark.parametrize("kind", ["parms", "hex", "twice"])
def test_a_flate_chain_pdfminer_would_decode_is_refused_before_it_inflates(kind: str) -> None:
    with pytest.raises(docparse.LimitExceededError, match="max_decompressed_bytes"):
        docparse.parse(hostile3.pdf_flate_chain(kind), name="call.pdf")


@pytest.mark.parametrize("kind", ["parms", "hex", "twice"])
def test_a_flate_chain_within_the_budget_is_still_read(kind: str) -> None:
    document = docparse.parse(hostile3.pdf_flate_chain(kind, inflated=4_000), name="call.pdf")
    assert "Flate chain" in _text(document)


@pytest.mark.parametrize("kind", ["parms", "hex", "twice"])
def test_the_budget_refuses_a_chain_before_pdfminer_decodes_it(kind: str) -> None:
    import io

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    from docparse.errors import LimitExceededError
    from docparse.options import Limits
    from docparse.read.pdf.budget import Budget

    document = PDFDocument(PDFParser(io.BytesIO(hostile3.pdf_flate_chain(kind))))
    stream = document.getobj(5)
    assert isinstance(stream, PDFStream)
    with pytest.raises(LimitExceededError, match="max_decompressed_bytes"):
        Budget(Limits(), "call.pdf").inflate(stream)
    assert stream.data is None  # nothing was inflated whole


def _refused(data: bytes, limits: docparse.Limits | None = None) -> str:
    options = docparse.ParseOptions(limits=limits or docparse.Limits())
    with pytest.raises(docparse.LimitExceededError) as raised:
        docparse.parse(data, name="call.pdf", options=options)
    return str(raised.value)


SMALL = docparse.Limits(max_decompressed_bytes=4_000_000)


def test_an_object_stream_inflating_past_the_budget_is_refused_before_pdfminer_inflates_it() -> None:
    # 12 MB of padding behind the font in an object stream, 4 MB allowed: refused in 64 KB steps.
    message = _refused(hostile3.pdf_object_stream(12_000_000), SMALL)
    assert "the PDF's streams inflate to more than 4000000 bytes" in message
    document = docparse.parse(hostile3.pdf_object_stream(1_000), name="call.pdf")  # the same shape, small: read
    assert "Object stream" in _text(document)


def test_an_xref_stream_inflating_past_the_budget_is_refused_while_the_document_opens() -> None:
    message = _refused(hostile3.pdf_xref_stream(12_000_000), SMALL)
    assert message.startswith("call.pdf: the PDF's streams inflate to more than 4000000 bytes")
    assert "Xref stream" in _text(docparse.parse(hostile3.pdf_xref_stream(1_000), name="call.pdf"))


def test_a_tounicode_cmap_piling_up_operands_is_refused_with_one_typed_error() -> None:
    assert "a font's CMap stacks more than 100000 operands" in _refused(hostile3.pdf_tounicode(400_000))
    # The same entries in blocks of 100, as the format has them, map the text.
    assert "ToUnicode" in _text(docparse.parse(hostile3.pdf_tounicode(20_000, per_block=100), name="call.pdf"))


def test_lzw_is_decoded_linearly_as_pdfminer_reads_it_and_within_the_budget() -> None:
    import random

    from pdfminer.lzw import lzwdecode as pdfminer_lzwdecode

    from docparse.read.pdf.budget import lzw_decode

    rng = random.Random(27)
    for data in (b"", b"abcabcabc", bytes(range(256)) * 3, bytes(rng.randrange(256) for _ in range(20_000))):
        for clear in (True, False):
            coded = hostile3.lzw_encode(data, clear=clear)
            assert lzw_decode(coded, 1 << 30) == pdfminer_lzwdecode(coded) == data
    with pytest.raises(docparse.LimitExceededError):
        lzw_decode(hostile3.lzw_encode(b"q Q " * 10_000), 1_000)
    # A table never cleared (pdfminer's decoder copied it at every code: quadratic): read whole.
    assert "LZW" in _text(docparse.parse(hostile3.pdf_lzw(20_000), name="call.pdf"))


def test_a_ruled_grid_past_the_finders_budget_is_not_searched_and_says_so() -> None:
    from docparse.read.pdf.grid import MAX_TABLE_CROSSINGS

    lines = 110  # 111 × 111 crossings, just over the budget: pdfplumber's finder would take about 3 CPU s
    assert (lines + 1) ** 2 > MAX_TABLE_CROSSINGS
    document = docparse.parse(hostile3.pdf_ruled_grid(lines, step=5), name="grid.pdf")
    assert "Ruled grid" in _text(document)
    [finding] = [d for d in document.diagnostics if d.code == "DP112"]
    assert finding.message.startswith("Page 1: its rulings make a grid of 111 × 111 lines")
    # A table within the budget is still looked for and read as cells.
    from docparse.blocks import BlockKind
    from docparse.read.pdf.reader import read_pdf

    reading = read_pdf(hostile3.pdf_table_only(rows=4, cols=3), options=docparse.ParseOptions())
    assert not [d for d in reading.diagnostics if d.code == "DP112"]
    [table] = [block for block in reading.blocks if block.kind is BlockKind.TABLE]
    assert table.rows[0] == ("Cell r0c0", "Cell r0c1", "Cell r0c2") and len(table.rows) == 4


def test_ocr_renders_within_pixel_and_aspect_bounds_from_pdfiums_own_page_size() -> None:
    import pypdfium2

    from docparse.read.pdf.ocr import DPI, MAX_SIDE, render_scale

    def scale(width: float, height: float) -> float | None:
        document = pypdfium2.PdfDocument(hostile3.pdf_image_page(width, height))
        try:
            return render_scale(document[0])
        finally:
            document.close()

    assert scale(612, 792) == min(DPI / 72, MAX_SIDE / 792) and scale(300, 400) == DPI / 72
    # 200,000 units a side (pdfplumber clamps it to 14,400): rendered at most MAX_SIDE pixels a side.
    huge = scale(200_000, 200_000)
    assert huge is not None and round(200_000 * huge) <= MAX_SIDE
    # A one-unit-high strip, or one 200,000 units long: no page of text, not rendered at all.
    assert scale(612, 1) is None and scale(200_000, 612) is None


def test_altchunk_imports_share_one_document_budget_of_blocks() -> None:
    # 60 imports of a part that imports a text part 60 times: 3,600 imports, 1,000 blocks allowed.
    options = docparse.ParseOptions(limits=docparse.Limits(max_blocks=1_000))
    with pytest.raises(docparse.LimitExceededError, match=r"imported by altChunks yield more than 1000 blocks"):
        docparse.parse(hostile3.docx_alt_chunks(outer=60, inner=60), name="call.docx", options=options)
    # Within the budget every import is read, each where it stands (3 × 4 + the two headings).
    document = docparse.parse(hostile3.docx_alt_chunks(outer=3, inner=4), name="call.docx")
    assert _text(document).count("机器学习基础理论") == 12


def test_a_nested_package_spends_the_budget_of_the_document_importing_it() -> None:
    from docparse.read.zipguard import Package

    limits = docparse.Limits(max_decompressed_bytes=100_000)
    outer = Package(hostile3.docx("<w:p/>"), limits, path="call.docx")
    inner = Package(hostile3.docx("<w:p/>"), limits, path="chunk.docx", within=outer)
    inner.spend(60_000, "word/document.xml")
    with pytest.raises(docparse.LimitExceededError, match=r"word/document\.xml exceeds the decompressed-size limit"):
        outer.spend(60_000, "word/document.xml")


def test_one_header_part_named_by_many_relationships_is_read_once() -> None:
    # 250 relationships to one header of about 9 KB: 250 reads would spend 2.2 MB of a 1 MB budget.
    options = docparse.ParseOptions(limits=docparse.Limits(max_decompressed_bytes=1_000_000))
    document = docparse.parse(hostile3.docx_shared_header(250, words=200), name="call.docx", options=options)
    assert "研究方向" in _text(document)
    headers = [item for item in document.dropped if item.reason == "running-header"]
    assert len(headers) == 200  # one record per paragraph of the header, once


def test_a_paragraph_of_many_inline_spans_is_read_whole_or_refused_as_soon_as_it_passes_the_line_limit() -> None:
    document = docparse.parse(hostile3.html_inline_spans(5_000), name="page.html")
    assert "a" * 5_000 in _text(document) and "After the spans." in _text(document)
    options = docparse.ParseOptions(limits=docparse.Limits(max_line_chars=10_000))
    with pytest.raises(docparse.LimitExceededError) as raised:
        docparse.parse(hostile3.html_inline_spans(200_000), name="page.html", options=options)
    # Refused when the line first passes the limit (measured as the content doubles), not after 200,000 spans.
    found = re.search(r"a text of (\d+) characters, over the limit of 10000", str(raised.value))
    assert found is not None and int(found.group(1)) <= 20_001


def test_a_markdown_table_over_the_cell_budget_is_read_as_plain_lines_with_a_diagnostic() -> None:
    from docparse.read.text import MAX_TABLE_CELLS

    columns, rows = 1_300, 40  # 53,300 cells with the header row: just over the budget
    assert columns * (rows + 1) > MAX_TABLE_CELLS
    data = hostile3.markdown_wide_table(columns, rows)
    document = docparse.parse(data, name="call.md")
    text = _text(document)
    assert text.count("|" + "x|" * columns) == rows + 1 and "|" + "-|" * columns in text
    assert text.index("研究方向") < text.index("x|x|") < text.index("申报要求")
    [finding] = [d for d in document.diagnostics if d.code == "DP113"]
    assert finding.message.startswith(f"lines 3-{3 + rows + 1}: a table of {columns} columns and {rows} rows")
    # A table within the budget is still a table.
    small = docparse.parse(hostile3.markdown_wide_table(3, 2), name="call.md")
    assert not [d for d in small.diagnostics if d.code == "DP113"] and "x|x" not in _text(small)


def test_a_markdown_paragraph_crowded_with_link_openers_is_read_as_plain_lines_with_a_diagnostic() -> None:
    from docparse.read.text import MAX_PARAGRAPH_BRACKETS

    count = MAX_PARAGRAPH_BRACKETS + 500
    document = docparse.parse(hostile3.markdown_brackets("images", count * 2), name="call.md")
    text = _text(document)
    assert "![" * count in text and text.index("研究方向") < text.index("![") < text.index("申报要求")
    [finding] = [d for d in document.diagnostics if d.code == "DP113"]
    assert finding.message == (
        f"lines 3-3: a paragraph of {count} link or image openers ('['), over the parser's budget of "
        f"{MAX_PARAGRAPH_BRACKETS}, read as plain lines"
    )
    # A paragraph with a few links is Markdown as before.
    links = docparse.parse("1. 研究方向\n\n见[指南](https://example.org)和[附件](a.pdf)。\n".encode(), name="call.md")
    assert "[指南]" not in _text(links) and not [d for d in links.diagnostics if d.code == "DP113"]
