"""A PDF contents without numbers gives its levels by indentation; the plain body lines it names nest so."""

from __future__ import annotations

import docparse
from docparse.model import Section

from .read.pdf_factory import Text, lines, make_pdf

BODY = "Offerors must follow these instructions closely when they prepare and send their quotes."


def _contents() -> list[Text]:
    entries = [
        (72, "STATEMENT OF WORK", "2"),
        (90, "Introduction", "2"),
        (72, "EVALUATION CRITERIA", "2"),
        (90, "Submissions", "2"),
        (126, "Format", "2"),
        (126, "Inquiries", "2"),
        (90, "Basis of Award", "3"),
        (126, "Price", "3"),
    ]
    items = [Text(250, 60, "Contents", 13)]
    for i, (x, title, page) in enumerate(entries):
        top = 90 + i * 20
        items += [Text(x, top, title, 11), Text(500, top, page, 11)]
    return items


def _body() -> list[list[Text]]:
    bold = "Helvetica-Bold"
    first = [
        Text(72, 60, "STATEMENT OF WORK", 18, bold),
        Text(72, 90, "Introduction", 15, bold),
        *lines([BODY, BODY], top=115, size=11),
        Text(72, 170, "EVALUATION CRITERIA", 18, bold),
        Text(72, 200, "Submissions", 15, bold),
        Text(72, 230, "Format", 11),
        *lines([BODY, BODY], top=255, size=11),
        Text(72, 310, "Inquiries", 11),
        *lines([BODY, BODY], top=335, size=11),
    ]
    second = [
        Text(72, 60, "Basis of Award", 15, bold),
        Text(72, 90, "Price", 11),
        *lines([BODY, BODY], top=115, size=11),
    ]
    return [first, second]


def _find(sections: tuple[Section, ...] | list[Section], title: str) -> Section:
    for section in sections:
        if section.title == title:
            return section
        try:
            return _find(section.sections, title)
        except LookupError:
            continue
    raise LookupError(title)


def test_indented_contents_entries_take_their_indent_s_level() -> None:
    document = docparse.parse(make_pdf([_contents(), *_body()]), name="rfq.pdf")
    assert [(entry.title, entry.level) for entry in document.toc] == [
        ("STATEMENT OF WORK", 1),
        ("Introduction", 2),
        ("EVALUATION CRITERIA", 1),
        ("Submissions", 2),
        ("Format", 3),
        ("Inquiries", 3),
        ("Basis of Award", 2),
        ("Price", 3),
    ]


def test_plain_lines_the_contents_names_nest_under_their_parent_entry_s_heading() -> None:
    document = docparse.parse(make_pdf([_contents(), *_body()]), name="rfq.pdf")
    assert [child.title for child in _find(document.sections, "Submissions").sections] == ["Format", "Inquiries"]
    assert [child.title for child in _find(document.sections, "Basis of Award").sections] == ["Price"]
