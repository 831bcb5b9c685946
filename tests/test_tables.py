"""Tables read as the outline's own structure: label tables are fields, in every format."""

from __future__ import annotations

import docparse
from docparse.model import LabelledField, ListItem, Paragraph
from docparse.model.document import DropReason

_IDEA = """<h2>{title}</h2>
<table>
<tr><td>Title</td><td>{title}</td></tr>
<tr><td>Brief Description</td><td>{description}<br>The goals are to:<ol><li>build it</li><li>test it</li></ol></td></tr>
<tr><td>Mentor</td><td>{mentor}</td></tr>
</table>
"""


def _page() -> bytes:
    ideas = "".join(
        _IDEA.format(title=title, description=text, mentor=mentor)
        for title, text, mentor in (
            ("Doodle Canvas", "Blast pixels onto a screen.", "Noel Welsh"),
            ("Doodle UI", "A cross-platform UI toolkit.", "Ada Lovelace"),
        )
    )
    return f"<html><body><main><h1>Project Ideas</h1>{ideas}</main></body></html>".encode()


def test_html_label_tables_under_sibling_headings_are_the_topics_fields() -> None:
    document = docparse.parse(_page(), name="ideas.html")
    topics = list(document.iter_topics())
    assert [t.title for t in topics] == ["Doodle Canvas", "Doodle UI"]
    for topic in topics:
        assert [f.label for f in topic.fields] == ["Title", "Brief Description", "Mentor"]
        assert all(f.cell == "row" for f in topic.fields)
    description = topics[0].fields[1]
    assert description.text == "Blast pixels onto a screen."
    assert isinstance(description.items[0], Paragraph) and description.items[0].text == "The goals are to:"
    items = [i for i in description.items if isinstance(i, ListItem)]
    assert [(i.label, i.text) for i in items] == [("1.", "build it"), ("2.", "test it")]
    assert topics[1].fields[2].text == "Ada Lovelace"


def test_markdown_and_html_label_tables_give_the_same_outline() -> None:
    markdown = "# Project Ideas\n" + "".join(
        f"\n## {title}\n\n|Title|{title}|\n|-|-|\n|Brief Description|{text}<br>The goals are to:<br>1. build it"
        f"<br>2. test it|\n|Mentor|{mentor}|\n"
        for title, text, mentor in (
            ("Doodle Canvas", "Blast pixels onto a screen.", "Noel Welsh"),
            ("Doodle UI", "A cross-platform UI toolkit.", "Ada Lovelace"),
        )
    )
    from_markdown = docparse.parse_text(markdown)
    from_html = docparse.parse(_page(), name="ideas.html")
    assert docparse.outline_data(from_markdown) == docparse.outline_data(from_html)


def test_a_generic_header_is_dropped_once_and_the_export_writes_the_table_again() -> None:
    source = (
        "# Grant call\n\n| Field | Value |\n| --- | --- |\n| Budget | Up to 10,000 USD |\n| Duration | Six months |\n"
    )
    document = docparse.parse_text(source)
    fields = [p for p in document.preamble if isinstance(p, LabelledField)]
    assert [(f.label, f.text, f.cell) for f in fields] == [
        ("Budget", "Up to 10,000 USD", "row"),
        ("Duration", "Six months", "row"),
    ]
    assert [d.text for d in document.dropped if d.reason is DropReason.COLUMN_HEADER] == ["Field\tValue"]
    exported = docparse.to_markdown(document)
    assert "| Budget | Up to 10,000 USD |" in exported
    assert docparse.outline_data(docparse.parse_text(exported)) == docparse.outline_data(document)
    assert '"cell": "row"' in docparse.to_json(document)


def test_a_line_break_in_a_kept_table_cell_survives_the_markdown_round_trip() -> None:
    source = "# Dates\n\n| Stage | Date |\n| --- | --- |\n| Open | May 1<br>noon |\n| Close | June 30 |\n"
    document = docparse.parse_text(source)
    table = document.preamble[0]
    assert table.type == "table" and table.rows[1] == ("Open", "May 1\nnoon")
    again = docparse.parse_text(docparse.to_markdown(document))
    assert docparse.outline_data(again) == docparse.outline_data(document)


_PROJECTS = """<html><body><main><h1>开源之夏</h1><h2>项目提案</h2>
<table>
<tr><th>项目</th><th>领域</th><th>难 度</th></tr>
<tr><td><a href="a.md">客户端重构</a><br>将客户端代码分离开。<br>导师：Rick</td><td>DevOps</td><td>中</td></tr>
<tr><td><a href="b.md">集成 Tekton</a><br>集成 Tekton 作为引擎。<br>导师：Rick</td><td>DevOps</td><td>中</td></tr>
<tr><td><a href="c.md">集成 SAML 认证</a><br>集成 SAML 2.0 认证协议</td><td>Security</td><td>低</td></tr>
</table>{after}</main></body></html>"""


def test_html_table_of_topics_gives_one_topic_a_row_with_its_cells_as_fields() -> None:
    document = docparse.parse(_PROJECTS.format(after="").encode(), name="projects.html")
    topics = list(document.iter_topics())
    assert [t.title for t in topics] == ["客户端重构", "集成 Tekton", "集成 SAML 认证"]
    first = topics[0]
    assert [p.text for p in first.description] == ["将客户端代码分离开。"]
    assert [(f.label, f.text, f.cell) for f in first.fields] == [
        ("导师", "Rick", None),
        ("领域", "DevOps", "column"),
        ("难度", "中", "column"),
    ]
    assert [d.text for d in document.dropped if d.reason is DropReason.COLUMN_HEADER] == ["项目\t领域\t难 度"]
    assert {link.target for link in document.links} >= {"a.md", "b.md", "c.md"}
    again = docparse.parse_text(docparse.to_markdown(document))
    assert docparse.outline_data(again) == docparse.outline_data(document)


def test_a_table_read_as_topics_is_still_a_table_of_the_document_as_printed() -> None:
    document = docparse.parse(_PROJECTS.format(after="").encode(), name="projects.html")
    assert [t.title for t in document.iter_topics()] == ["客户端重构", "集成 Tekton", "集成 SAML 认证"]
    (table,) = document.iter_tables()
    assert table.rows[0] == ("项目", "领域", "难 度")
    assert [row[1:] for row in table.rows[1:]] == [("DevOps", "中"), ("DevOps", "中"), ("Security", "低")]
    assert table.rows[1][0].startswith("客户端重构")
    assert document.topic_tables == (table,)
    loaded = docparse.load(docparse.to_json(document).encode())
    assert list(loaded.iter_tables()) == [table]


def test_a_document_without_a_table_read_as_topics_writes_no_topic_tables() -> None:
    document = docparse.parse_text("# Call\n\n| Name | Role |\n| --- | --- |\n| Ada | Mentor |\n| Bob | Student |\n")
    assert document.topic_tables == ()
    assert len(list(document.iter_tables())) == 1
    assert "topic_tables" not in docparse.to_json(document)


def test_a_table_of_topics_stays_a_table_where_the_call_has_topics_of_its_own() -> None:
    own = "<h2>开放课题</h2><h3>课题一</h3><p>研究内容：大模型训练。</p><h3>课题二</h3><p>研究内容：模型压缩。</p>"
    document = docparse.parse(_PROJECTS.format(after=own).encode(), name="projects.html")
    assert [t.title for t in document.iter_topics()] == ["课题一", "课题二"]
    assert any(p.type == "table" for s in document.sections for p in s.description)


_FORM = """<html><body><table>
<tr><th>Item</th><th></th></tr>
<tr><td>Project title</td><td>Sensor fusion for small farms</td></tr>
<tr><td>Lead organisation</td><td>Valley Agritech Cooperative</td></tr>
<tr><td>Track</td><td>☑ Applied research ☐ Basic research</td></tr>
<tr><td>Expected results</td><td>A field-tested prototype<br>☐ Open dataset</td></tr>
</table></body></html>"""


def test_a_form_s_one_label_table_is_the_one_topic_its_title_row_names() -> None:
    document = docparse.parse(_FORM.encode(), name="form.html")
    assert document.kind == "single-topic"
    (topic,) = document.iter_topics()
    assert topic.title == "Sensor fusion for small farms"
    assert [(f.label, f.text) for f in topic.fields] == [
        ("Project title", "Sensor fusion for small farms"),
        ("Lead organisation", "Valley Agritech Cooperative"),
        ("Track", "☑ Applied research ☐ Basic research"),
        ("Expected results", "A field-tested prototype"),
    ]
    # A check box leading a further line is the value's text as printed, not a list bullet.
    assert [(type(p).__name__, p.text) for p in topic.fields[3].items] == [("Paragraph", "☐ Open dataset")]
    assert [d.text for d in document.dropped if d.reason is DropReason.COLUMN_HEADER] == ["Item\t"]
