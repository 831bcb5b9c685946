"""Fields and tables of contents from a document's own evidence, in more than one format.

The spec cases (spec/outline.txt) run on Markdown; these run the same shapes as HTML, so that a
rule that reads the document's evidence does not hang on one reader's block output.
"""

from __future__ import annotations

import docparse
from docparse.model import DropReason, Topic

from .test_spec import summarize


def _html(body: str) -> docparse.Document:
    page = f"<html><head><title>Ideas</title></head><body><main>{body}</main></body></html>"
    return docparse.parse(page.encode("utf-8"), name="ideas.html")


def _topics(document: docparse.Document) -> list[Topic]:
    return [topic for section in document.sections for topic in section.topics]


def test_pictographs_before_html_titles_and_labels_are_decoration() -> None:
    document = _html(
        "<h1>🚀 Ideas</h1><h2>📂 Project Ideas</h2>"
        "<h3>💡 Smart market bot</h3><p>👥 <b>Mentor(s):</b> Ana Lima</p><p>💬 <b>Description:</b></p><p>A bot.</p>"
        "<h3>💡Trip helper</h3><p>👥 Mentor(s): Bo Chen</p><p>💬 <b>Description:</b></p><p>Plans trips.</p>"
    )
    assert [t.title for t in _topics(document)] == ["Smart market bot", "Trip helper"]
    assert [t.label for t in _topics(document)] == ["💡", "💡"]
    for topic in _topics(document):
        assert [(f.marker, f.label) for f in topic.fields] == [("👥", "Mentor(s)"), ("💬", "Description")]
    assert document.title == "Ideas"
    assert [(d.text, d.reason) for d in document.dropped if d.reason is DropReason.DECORATION] == [
        ("🚀", DropReason.DECORATION)
    ]


def test_a_line_of_nothing_but_pictographs_is_content_not_decoration() -> None:
    document = docparse.parse_text("# Ideas\n\n## Bot\n\n🚀🚀\n\n© 2025 Example\n")
    text = summarize(document)
    assert "description 🚀🚀" in text
    assert "description © 2025 Example" in text
