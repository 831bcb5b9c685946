"""The text and Markdown reader: blocks as a reader of the rendered page sees them."""

from __future__ import annotations

from docparse.options import ParseOptions
from docparse.read.text import read_string


def test_markdown_auto_numbering_gives_the_numbers_a_reader_sees() -> None:
    reading = read_string("Steps:\n\n1. one\n1. two\n1. three\n\nMore:\n\n3. c\n4. d\n", options=ParseOptions())
    labels = [block.label for block in reading.blocks if block.label]
    assert labels == ["1.", "2.", "3.", "3.", "4."]
    # The numbers typed otherwise are kept as the markup they are.
    assert [(d.text, d.provenance.line_start) for d in reading.dropped] == [("1.", 4), ("1.", 5)]
