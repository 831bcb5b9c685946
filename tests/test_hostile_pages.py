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
