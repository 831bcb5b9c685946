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


def test_a_typed_bullet_line_inside_a_list_item_is_an_item_under_it() -> None:
    # `- – 难点与挑战` with `– 交通标志…` on the next line, indented: the slide's sub-bullet, one level down (the
    # Markdown export writes a printed bullet with items under it so). A wrapped line of the item stays its text.
    source = "- – 难点与挑战\n  – 交通标志种类众多\n  – 十字路口场景复杂\n- 一个较长的条目\n  接着写完。\n"
    reading = read_string(source, options=ParseOptions())
    assert [(block.text, block.list_depth) for block in reading.blocks] == [
        ("– 难点与挑战", 1),
        ("– 交通标志种类众多", 2),
        ("– 十字路口场景复杂", 2),
        ("一个较长的条目", 1),
        ("接着写完。", 1),
    ]
