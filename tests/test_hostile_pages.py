"""Issue 27, nothing lost on a PDF page: text only in a ruled table, FreeText annotations, filled form fields."""

from __future__ import annotations

import sys
from pathlib import Path

import docparse
from docparse.accounting import iter_document_texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import hostile3


def _text(document: docparse.Document) -> str:
    return "\n".join(iter_document_texts(document))


def test_a_page_whose_only_text_is_a_ruled_table_is_read_not_refused_as_empty() -> None:
    document = docparse.parse(hostile3.pdf_table_only(rows=4, cols=3), name="table.pdf")
    text = _text(document)
    assert all(f"Cell r{i}c{j}" in text for i in range(4) for j in range(3))


def test_freetext_annotations_and_filled_fields_are_read_where_a_viewer_draws_them() -> None:
    document = docparse.parse(hostile3.pdf_annotations(freetext=2, fields=2), name="notes.pdf")
    text = _text(document)
    for index in (1, 2):
        assert f"Note {index}" in text and f"Value {index}" in text
    assert text.count("bring the budget sheet.") == 2
    # What no viewer draws is no text of the page: a hidden annotation, a check box's state, a field's name.
    assert "Hidden note" not in text and "Yes" not in text and "Field 1" not in text


def test_annotations_are_placed_in_reading_order_by_their_box() -> None:
    document = docparse.parse(hostile3.pdf_annotations(freetext=2, fields=2), name="notes.pdf")
    text = _text(document)
    assert text.index("body text") < text.index("Note 1") < text.index("Note 2") < text.index("Value 1")
    assert text.index("Value 1") < text.index("Value 2")


def test_a_pdf_without_pages_is_a_typed_error_not_an_internal_one() -> None:
    import hostile_pdf
    import pytest

    empty = hostile_pdf.build([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])
    with pytest.raises(docparse.EmptyDocumentError):
        docparse.parse(empty, name="empty.pdf")


def test_each_page_over_the_table_finders_budget_has_its_own_diagnostic() -> None:
    import zlib

    import hostile_pdf

    one = hostile3.pdf_ruled_grid(110, step=5)
    start = one.index(b"stream\n") + len(b"stream\n")
    content = zlib.decompress(one[start : one.index(b"\nendstream", start)])
    page = hostile3.PAGE.replace(b"[0 0 612 792]", b"[0 0 650 650]")
    two = hostile_pdf.build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            page,
            hostile_pdf.FONT,
            hostile_pdf.stream(content, flate=True),
            page.replace(b"5 0 R", b"7 0 R"),
            # The heading repeats at the top of both pages (a running header): the second page has text of its own.
            hostile_pdf.stream(content + b"\nBT /F1 12 Tf 60 300 Td (The second page's own text.) Tj ET", flate=True),
        ]
    )
    document = docparse.parse(two, name="grid.pdf")
    found = [d.message.split(":")[0] for d in document.diagnostics if d.code == "DP112"]
    assert found == ["Page 1", "Page 2"]
