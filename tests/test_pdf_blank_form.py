"""A form's fill-in lines in a PDF (a label, then its value written on a drawn line) are a table of labels and values.

The fixture (fixtures/pdf-blank-form, from fixtures/generate/make_blank_form_pdf.py) is a task book's
cover: five labels, three letter-spaced, each before a line starting at one x with its value on it
(one left blank); a title on two lines of its own blank; then a body with three underlined links.
"""

from __future__ import annotations

import docparse

from .conftest import FIXTURES

PDF = FIXTURES / "pdf-blank-form" / "input.pdf"


def _document() -> docparse.Document:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_blank_form_pdf.py"
    return docparse.parse(PDF.read_bytes(), name=PDF.name)


FORM_LABELS = ("学院", "专业班级", "姓名", "学号", "指导教师")


def test_fill_in_lines_are_labelled_fields_not_glued_text() -> None:
    document = _document()
    # Wherever the kind puts them (the form names one topic): every field and sub-field of every node.
    every = [f for node in document.iter_nodes() for top in node.fields for f in (top, *top.iter_fields())]
    fields = {field.label: field.text for field in every if field.label in FORM_LABELS}
    assert fields == {
        "学院": "计算机科学与技术学院",
        "专业班级": "软件工程 2101",
        "姓名": "张三",
        "学号": "U202101234",
        "指导教师": "",
    }
    markdown = docparse.to_markdown(document)
    assert "学院计算机" not in markdown.replace(" ", "")  # the label is no longer glued to its value


def test_underlined_links_ending_where_their_text_ends_stay_text() -> None:
    document = _document()
    assert not list(document.iter_tables())
    markdown = docparse.to_markdown(document)
    for link in ("https://example.org/a", "https://example.org/abc/def", "https://example.org/abcdefgh/ijk"):
        assert link in markdown
