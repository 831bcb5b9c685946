"""The text and Markdown reader: blocks as a reader of the rendered page sees them."""

from __future__ import annotations

import pytest

import docparse
from docparse.blocks import BlockKind, Reading, all_bold
from docparse.errors import LimitExceededError
from docparse.model import ListItem
from docparse.model.document import DropReason
from docparse.options import Limits, ParseOptions
from docparse.read.html import MAX_DEPTH
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


# -- HTML in Markdown (issue 23): read as the page it renders to -------------------------------


def _md(source: str, options: ParseOptions | None = None) -> Reading:
    return read_string(source, options=options or ParseOptions(), markdown=True)


def test_an_html_block_is_read_as_a_page_s_body_among_the_markdown_blocks() -> None:
    reading = _md("# Call\n\n<h2>Themes</h2>\n<ul><li>Maps</li><li>Archives</li></ul>\n\nMore text.\n")
    assert [(b.kind, b.heading_level, b.label, b.text, b.provenance.line_start) for b in reading.blocks] == [
        (BlockKind.HEADING, 1, None, "Call", 1),
        (BlockKind.HEADING, 2, None, "Themes", 3),
        (BlockKind.PARAGRAPH, None, "•", "Maps", 4),
        (BlockKind.PARAGRAPH, None, "•", "Archives", 4),
        (BlockKind.PARAGRAPH, None, None, "More text.", 6),
    ]
    assert reading.dropped == []


def test_html_blocks_cut_by_blank_lines_are_one_element_tree() -> None:
    # markdown-it makes three HTML blocks of this: read apart, the `<p>` would not be hidden.
    reading = _md(
        "Open.\n\n<div hidden>\n\n<p>Internal note</p>\n\n</div>\n\n<ol start=3>\n<li>c</li>\n\n<li>d</li>\n</ol>\n"
    )
    assert [(b.label, b.text) for b in reading.blocks] == [(None, "Open."), ("3.", "c"), ("4.", "d")]
    assert [(d.reason, d.text, d.provenance.line_start) for d in reading.dropped] == [
        (DropReason.HIDDEN, "Internal note", 3)
    ]


def test_markdown_between_html_blocks_is_read_as_markdown_in_its_place() -> None:
    reading = _md("<div>\n\n## Aims\n\n- **one**\n\n</div>\n")
    assert [(b.kind, b.text, b.label, all_bold(b.spans)) for b in reading.blocks] == [
        (BlockKind.HEADING, "Aims", None, False),
        (BlockKind.PARAGRAPH, "one", "-", True),
    ]
    # Each `<div>`/`</div>` alone holds no text: recorded as written.
    assert [(d.text, d.provenance.line_start) for d in reading.dropped] == [("<div>", 1), ("</div>", 7)]


def test_comments_scripts_and_declarations_are_markup() -> None:
    reading = _md("<!DOCTYPE html>\n\n<!--\nold text\n-->\n\n<p>Kept</p><script>track()</script>\n")
    assert [b.text for b in reading.blocks] == ["Kept"]
    assert [(d.reason, d.text, d.provenance.line_start) for d in reading.dropped] == [
        (DropReason.MARKUP, "<!DOCTYPE html>", 1),
        (DropReason.MARKUP, "old text", 3),
        (DropReason.MARKUP, "track()", 7),
    ]


def test_an_html_block_in_a_list_item_takes_its_label_and_depth() -> None:
    reading = _md("- <div>first item</div>\n- second\n")
    assert [(b.label, b.text, b.list_depth) for b in reading.blocks] == [("-", "first item", 1), ("-", "second", 1)]


def test_inline_html_makes_bold_links_and_line_breaks() -> None:
    source = '<b>Deadline:</b> 1 March<br>See <a href="https://x.org/r">the rules</a>.<br><br>\nNext paragraph.\n'
    reading = _md(source)
    assert [(b.text, b.continues, b.provenance.line_start) for b in reading.blocks] == [
        ("Deadline: 1 March", False, 1),
        ("See the rules.", True, 1),
        ("Next paragraph.", False, 2),
    ]
    first, second = reading.blocks[0], reading.blocks[1]
    assert [(s.text, s.bold) for s in first.spans] == [("Deadline:", True), (" 1 March", False)]
    assert [(s.text, s.link) for s in second.spans] == [("See ", None), ("the rules", "https://x.org/r"), (".", None)]
    # The tags are still recorded as the markup they are.
    assert [d.text for d in reading.dropped] == [
        "<b>",
        "</b>",
        "<br>",
        '<a href="https://x.org/r">',
        "</a>",
        "<br>",
        "<br>",
    ]


def test_an_html_block_obeys_the_html_reader_s_caps() -> None:
    deep = "<div>" * (MAX_DEPTH + 5) + "x" + "</div>" * (MAX_DEPTH + 5)
    with pytest.raises(LimitExceededError, match="nested"):
        _md(f"# Call\n\n{deep}\n")
    tight = ParseOptions(limits=Limits(max_line_chars=50))
    with pytest.raises(LimitExceededError, match="max_line_chars"):
        _md("<p>" + " ".join(["word"] * 30) + "</p>\n", tight)


def test_a_file_of_many_html_blocks_keeps_to_the_time_budget() -> None:
    source = "".join(f"<div>item {i}</div>\n\ntext {i}\n\n" for i in range(3000))
    with pytest.raises(LimitExceededError, match="max_seconds"):
        _md(source, ParseOptions(limits=Limits(max_seconds=0.001)))
