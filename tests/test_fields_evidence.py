"""Fields and tables of contents from a document's own evidence, in more than one format.

The spec cases (spec/outline.txt) run on Markdown; these run the same shapes as HTML, so that a
rule that reads the document's evidence does not hang on one reader's block output.
"""

from __future__ import annotations

import docparse
from docparse.model import DropReason, LabelledField, Topic

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


def test_html_labels_repeated_under_sibling_ideas_are_fields_however_drawn() -> None:
    body = "<h1>Ideas</h1>"
    for title, level, mentor, skills in (
        ("Faster assembly", "medium", "Ana", "C"),
        ("Better plotting", "hard", "Bo", "R"),
    ):
        body += (
            f"<h2>{title}</h2><p>Speed it up.</p>"
            f"<p><b>Difficulty:</b> {level}. Requirements: C. Potential mentors: {mentor}</p>"
            "<p>Expected size (in hours, approx.): 175</p>"
            f"<ul><li>Skills<ul><li>{skills}</li></ul></li></ul>"
        )
    topics = _topics(_html(body))
    assert len(topics) == 2
    for topic, level, mentor, skill in zip(topics, ("medium.", "hard."), ("Ana", "Bo"), ("C", "R"), strict=True):
        assert [(f.label, f.text) for f in topic.fields] == [
            ("Difficulty", level),
            ("Requirements", "C."),
            ("Potential mentors", mentor),
            ("Expected size (in hours, approx.)", "175"),
            ("Skills", ""),
        ]
        assert [item.text for item in topic.fields[-1].items] == [skill]


def test_html_table_of_contents_of_plain_in_page_links_is_the_toc() -> None:
    entries = ["Part 1. Overview Information", "Key Dates", "Section I. Award Information", "Section II. Eligibility"]
    links = "".join(f'<div class="toc-link"><a href="#_{e}">{e}</a></div>' for e in entries)
    body = f'<h2>Table of Contents</h2>{links}<p><a href="#top">Back to top</a></p>'
    body += "".join(f'<a name="_{e}"></a><h2>{e}</h2><p>Text of {e}.</p>' for e in entries)
    document = _html(f"<h1>Funding call</h1>{body}")
    assert document.toc_title == "Table of Contents"
    assert [(e.label, e.title, e.page, e.level) for e in document.toc] == [
        ("Part 1.", "Overview Information", None, 1),
        (None, "Key Dates", None, 1),
        ("Section I.", "Award Information", None, 1),
        ("Section II.", "Eligibility", None, 1),
    ]
    titles = [s.title for s in document.sections[0].sections] if document.sections[0].sections else []
    assert "Table of Contents" not in titles


def test_html_list_of_anchor_links_without_a_heading_is_the_toc_and_its_groups_one_level_up() -> None:
    index = (
        "<ul><li><b>High Priority</b><ul>"
        '<li><a href="#storage-client">Storage client</a></li><li><a href="#simple-webapps">Simple webapps</a></li>'
        '</ul></li><li>Other Ideas<ul><li><a href="#chain-explorer">Chain explorer</a> *</li></ul></li></ul>'
    )
    ideas = "".join(
        f"<h3>{t}</h3><p><b>Project Description</b></p><p>About {t}.</p>"
        for t in ("Storage client", "Simple webapps", "Chain explorer")
    )
    document = _html(f"<h1>RFP Ideas</h1><h2>RFPs</h2>{index}{ideas}")
    assert [(e.title, e.level) for e in document.toc] == [
        ("High Priority", 1),
        ("Storage client", 2),
        ("Simple webapps", 2),
        ("Other Ideas", 1),
        ("Chain explorer", 2),
    ]
    assert [e.target is not None for e in document.toc] == [False, True, True, False, True]
    assert [t.title for t in _topics(document)] == ["Storage client", "Simple webapps", "Chain explorer"]
    assert ("*", DropReason.FOOTNOTE_MARK) in [(d.text, d.reason) for d in document.dropped]


def test_short_lines_under_a_contents_heading_that_name_no_heading_are_not_a_toc() -> None:
    document = docparse.parse_text(
        "# Call\n\n## Contents\n\n- Apples\n- Pears\n- Plums\n\n## Budget\n\nUp to 10k.\n\n## Eligibility\n\nAnyone.\n"
    )
    assert document.toc == ()
    assert document.toc_title is None


def test_a_plain_chinese_contents_under_its_heading_is_the_toc() -> None:
    document = docparse.parse_text(
        "# 申报指南\n\n目录\n\n- 总体要求\n- 申报条件\n- 评审流程\n\n"
        "## 总体要求\n\n要求。\n\n## 申报条件\n\n条件。\n\n## 评审流程\n\n流程。\n"
    )
    assert document.toc_title == "目录"
    assert [(e.title, e.target is not None) for e in document.toc] == [
        ("总体要求", True),
        ("申报条件", True),
        ("评审流程", True),
    ]


def test_a_longer_title_case_bold_label_among_grid_rows_is_a_field() -> None:
    document = _html(
        "<h1>Notice</h1><h2>Award Information</h2>"
        "<dl><dt>Funding Instrument</dt><dd>Grant</dd>"
        "<dt>Funds Available and Anticipated Number of Awards</dt><dd>Up to $1.2M for 4 awards</dd>"
        "<dt>Award Budget</dt><dd>Up to $275,000</dd></dl>"
    )
    nodes = [node for top in document.sections for s in top.iter_sections() for node in (s, *s.topics)]
    fields = [f for node in nodes for f in node.fields]
    fields += [i for f in fields for i in f.items if isinstance(i, LabelledField)]
    labels = [f.label for f in fields if f.label != "Award Information"]
    assert labels == ["Funding Instrument", "Funds Available and Anticipated Number of Awards", "Award Budget"]


def test_a_tracks_pictographs_are_its_marker() -> None:
    document = docparse.parse_text(
        "# Ideas\n\n## Topics\n\n### 1. Bot\n\n#### 🚀 Fast path\n\nResearch directions:\n\n1) Caching.\n\n"
        "#### 🧪 Tests\n\nResearch directions:\n\n1) Fuzzing.\n"
    )
    tracks = _topics(document)[0].tracks
    assert [(t.marker, t.title) for t in tracks] == [("🚀", "Fast path"), ("🧪", "Tests")]
