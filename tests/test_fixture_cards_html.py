"""An ideas page whose topics are cards of a grid: a card's title line is a heading, its bold labels fields.

The page (``fixtures/cards-html``, written by ``fixtures/generate/make_cards_html.py``) has no
heading tag over any topic: each card opens with ``<p class="card-title">`` and carries
``<strong>Label</strong><br />value`` paragraphs. Its Markdown twin must give the same outline.
"""

from __future__ import annotations

import docparse

from .conftest import FIXTURES
from .test_corpus_parity import _normal

FOLDER = FIXTURES / "cards-html"
TITLES = ["Native I/O backend for the stream library", "Web components for the UI library", "A faster immutable list"]
LABELS = ["Prerequisites", "Expected Difficulty", "Expected Length", "Mentors"]


def test_each_card_is_a_topic_with_its_labels_as_fields() -> None:
    document = docparse.parse(FOLDER / "input.html")
    assert document.kind.value == "catalogue"
    topics = [topic for section in document.sections for topic in section.topics]
    assert [topic.title for topic in topics] == TITLES
    for topic in topics:
        assert [field.label for field in topic.fields] == LABELS
    assert topics[0].fields[0].items[0].text == "Scala, ability to read C"  # type: ignore[union-attr]


def test_the_page_chrome_and_the_tags_head_nothing() -> None:
    document = docparse.parse(FOLDER / "input.html")
    titles = {section.title for section in document.sections} | {
        topic.title for section in document.sections for topic in section.topics
    }
    for chrome in ("Home", "Projects", "Press / to open search", "Find us on the forum", "web", "networking"):
        assert chrome not in titles
    assert document.title == "Summer of Code"


def test_the_page_and_its_markdown_twin_give_one_outline() -> None:
    page = docparse.outline_data(docparse.parse(FOLDER / "input.html"))
    twin = docparse.outline_data(docparse.parse(FOLDER / "input.md"))
    assert _normal(page) == _normal(twin)
