"""An ideas page whose groups are headings inside repeated title boxes, one group ranked below the others.

The page (``fixtures/grouped-html``, written by ``fixtures/generate/make_grouped_html.py``) wraps
each group's ``<h3>``/``<h4>`` in a ``<div class="project-title">`` box and numbers its ideas
``<h5>1. …</h5>`` from 1 again under each group. Its Markdown twin must give the same outline.
"""

from __future__ import annotations

import docparse

from .conftest import FIXTURES
from .test_corpus_parity import _normal

FOLDER = FIXTURES / "grouped-html"


def test_a_title_box_keeps_the_level_of_the_heading_inside_it() -> None:
    document = docparse.parse(FOLDER / "input.html")
    assert [section.title for section in document.sections] == ["GoLib", "NodeLib"]
    node_lib = document.sections[1]
    assert [topic.title for topic in node_lib.topics] == ["Digital Ocean Provider", "Ali-cloud Provider"]
    assert [section.title for section in node_lib.sections] == ["NodeLib-GCP"]


def test_an_h4_group_after_h5_ideas_stands_above_the_ideas_that_follow_it() -> None:
    document = docparse.parse(FOLDER / "input.html")
    group = document.sections[1].sections[0]
    assert [topic.title for topic in group.topics] == ["GCP Core", "GCP Services"]
    assert all(topic.fields[0].label == "Mentors" for topic in group.topics)


def test_the_page_and_its_markdown_twin_give_one_outline() -> None:
    page = docparse.outline_data(docparse.parse(FOLDER / "input.html"))
    twin = docparse.outline_data(docparse.parse(FOLDER / "input.md"))
    assert _normal(page) == _normal(twin)
