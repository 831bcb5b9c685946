"""The text and Markdown reader: blocks as a reader of the rendered page sees them."""

from __future__ import annotations

import docparse
from docparse.model import ListItem
from docparse.options import ParseOptions
from docparse.read.text import read_string


def test_markdown_auto_numbering_gives_the_numbers_a_reader_sees() -> None:
    reading = read_string("Steps:\n\n1. one\n1. two\n1. three\n\nMore:\n\n3. c\n4. d\n", options=ParseOptions())
    labels = [block.label for block in reading.blocks if block.label]
    assert labels == ["1.", "2.", "3.", "3.", "4."]
    # The numbers typed otherwise are kept as the markup they are.
    assert [(d.text, d.provenance.line_start) for d in reading.dropped] == [("1.", 4), ("1.", 5)]


def test_only_a_typed_one_is_markdown_s_auto_numbering() -> None:
    # `1.` before every item renders 1, 2, 3; `2)` before every item is the author's own (repeated)
    # number, kept as printed so that the Markdown export reads back the same (a property test found it).
    def labels(text: str) -> list[str]:
        return [part.label for part in docparse.parse_text(text).iter_parts() if isinstance(part, ListItem)]

    assert labels("# T\n\n1. a\n1. b\n1. c\n") == ["1.", "2.", "3."]
    assert labels("# T\n\n2) a\n2) b\n") == ["2)", "2)"]
    text = "一\n\na) 一\n2) 一\n2) 一\n"
    once = docparse.parse_text(docparse.to_markdown(docparse.parse_text(text)))
    twice = docparse.parse_text(docparse.to_markdown(once))
    assert docparse.outline_data(twice) == docparse.outline_data(once)
