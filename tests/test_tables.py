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
