"""A question wholly in bold that a line break ends stands on its own line, in Markdown and HTML alike (issue 23).

An FAQ-shaped call prints each question in bold, a ``<br/>``, then its answer: the reader keeps the
question a block of its own (not the first words of the answer's paragraph), and the outline makes
each question set apart so a label, its answer the value.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

import docparse
from docparse.options import ParseOptions
from docparse.read.html import read_html
from docparse.read.text import read_markdown

from .test_corpus_parity import _normal

FAQ = """# Travel Grants

The travel grants support students who present at the workshop.

**Who can apply?**<br/>
Any student who presents a paper or a poster at the workshop.

**How much is the grant?**<br/>
Up to 800 euros, paid after **the** workshop.

Plain words then **bold words**<br/>
and more plain words on the next line.
"""


def _html() -> bytes:
    return f"<!doctype html><html><body>{MarkdownIt('commonmark', {'html': True}).render(FAQ)}</body></html>".encode()


def _starts(texts: list[tuple[str, bool]]) -> list[str]:
    """Return the texts of the blocks that start a paragraph (do not continue the one before)."""
    return [text for text, continues in texts if not continues]


def test_a_bold_question_ended_by_a_break_starts_no_paragraph_with_the_text_under_it() -> None:
    options = ParseOptions()
    for reading in (
        read_markdown(FAQ.encode(), options=options, name="faq.md"),
        read_html(_html(), options=options, name="faq.html"),
    ):
        starts = _starts([(b.text.strip(), b.continues) for b in reading.blocks])
        assert "Who can apply?" in starts
        assert "Any student who presents a paper or a poster at the workshop." in starts
        assert "Up to 800 euros, paid after the workshop." in starts
        # A line that is not wholly bold keeps the line under it in its paragraph.
        assert "and more plain words on the next line." not in starts


def test_bold_questions_over_their_answers_are_fields_in_markdown_and_in_its_web_page() -> None:
    markdown = docparse.parse_text(FAQ)
    # A label line of its own holds its answer as its first part.
    fields = {f.label: f.items[0].text for f in markdown.preamble if f.type == "field" and f.items}
    assert fields.get("Who can apply?") == "Any student who presents a paper or a poster at the workshop."
    assert fields.get("How much is the grant?") == "Up to 800 euros, paid after the workshop."
    page = docparse.parse(_html(), format="html", name="faq.html")
    assert _normal(docparse.outline_data(page)) == _normal(docparse.outline_data(markdown))


def test_a_hard_break_sets_a_question_apart_as_a_br_does_and_a_bold_handle_stays_in_its_line() -> None:
    hard = FAQ.replace("**<br/>\n", "**  \n")
    assert hard != FAQ
    assert docparse.outline_data(docparse.parse_text(hard)) == docparse.outline_data(docparse.parse_text(FAQ))
    handle = docparse.parse_text("# Grants\n\n## Contact\n**@alice**<br/>\nWrite to us before you apply.\n")
    assert [p.text for p in handle.sections[0].description] == ["@alice Write to us before you apply."]
