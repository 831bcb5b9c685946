"""A page whose ``<title>`` runs from its first line into half of the next sentence is titled with its first line.

The page (``fixtures/title-html``, written by ``fixtures/generate/make_title_html.py``) is an
editor's export of a call without heading markup; its Markdown source must give the same outline.
"""

from __future__ import annotations

import docparse
from docparse.blocks import Block, BlockKind, head_with_title
from docparse.model.document import DropReason
from docparse.model.provenance import Provenance

from .conftest import FIXTURES
from .test_corpus_parity import _normal

FOLDER = FIXTURES / "title-html"


def test_the_first_line_is_the_title_and_the_declared_title_is_markup() -> None:
    document = docparse.parse(FOLDER / "input.html")
    assert document.title == "Call For Project Proposals"
    markup = [d.text for d in document.dropped if d.reason is DropReason.MARKUP]
    assert any(text.startswith("Call For Project Proposals The Department") for text in markup)


def test_the_page_and_its_markdown_source_give_one_outline() -> None:
    page = docparse.outline_data(docparse.parse(FOLDER / "input.html"))
    source = docparse.outline_data(docparse.parse(FOLDER / "input.md"))
    assert _normal(page) == _normal(source)


def _blocks(*texts: str) -> list[Block]:
    return [Block(text=text, kind=BlockKind.PARAGRAPH) for text in texts]


def test_a_declared_title_is_added_unless_the_text_begins_with_it() -> None:
    intro = "The Department announces a call for proposals."
    assert not head_with_title(_blocks("Call For Proposals", intro), "Call For Proposals", Provenance())
    assert not head_with_title(_blocks("Call For Proposals", intro), "Call For Proposals The Department", Provenance())
    # Half a word of the next line that the text does not print, or another first line: a title of its own.
    blocks = _blocks("Call For Proposals", intro)
    assert head_with_title(blocks, "Call For Proposals The Dean", Provenance())
    assert blocks[0].kind is BlockKind.HEADING and blocks[0].text == "Call For Proposals The Dean"
    assert head_with_title(_blocks("Introduction", intro), "Capstone call 2014", Provenance())
