"""One RFP in Markdown, HTML, DOCX and PDF gives one outline: its title, its parts, the choices it offers.

The call numbers its parts without a dot ("1 Introduction", as Google Docs and LaTeX print them)
and offers its task groups as sub-parts under a lead-in that names them: the shape that a one-topic
RFP takes. Each rendition is generated here (the PDF and DOCX with the factories the reader tests use).
"""

from __future__ import annotations

import pytest

import docparse
from docparse.model import Document

from .read.docx_factory import make_docx, p, r
from .read.pdf_factory import Text, lines, make_pdf

TITLE = "Collaborative Robotics Dataset Initiative"
LEAD = "Participating teams may submit for one or more of the following task groups:"
# (level, text): 0 the title, 1 and 2 headings, "-" a bullet, "" a paragraph.
CALL: list[tuple[str, str]] = [
    ("0", TITLE),
    ("1", "1 Introduction"),
    ("", "The initiative collects robot demonstrations for healthcare."),
    ("1", "2 Scope of Work"),
    ("", LEAD),
    ("2", "2.1 Robotic Surgery"),
    ("-", "Example skills: needle passing, suture tying."),
    ("-", "Platform examples: dVRK, Raven."),
    ("2", "2.2 Robotic Ultrasound"),
    ("-", "Example skills: probe placement, sweep acquisition."),
    ("-", "Robotic platforms: KUKA LBR Med, Franka FR3."),
    ("2", "2.3 Proposal Requirements"),
    ("", "Each proposal must commit to the data format and its licence."),
    ("1", "3 Timeline"),
    ("", "Proposals are due on October 31, 2025."),
]


def _markdown() -> str:
    marks = {"0": "# ", "1": "## ", "2": "### ", "-": "- ", "": ""}
    return "\n\n".join(marks[kind] + text for kind, text in CALL) + "\n"


def _html() -> bytes:
    tags = {"0": "h1", "1": "h2", "2": "h3", "": "p"}
    out = []
    for kind, text in CALL:
        out.append(f"<ul><li>{text}</li></ul>" if kind == "-" else f"<{tags[kind]}>{text}</{tags[kind]}>")
    return f"<!doctype html><html><body>{''.join(out)}</body></html>".encode()


def _pdf() -> bytes:
    sizes = {"0": 20.0, "1": 16.0, "2": 13.0}
    items: list[Text] = []
    top = 60.0
    for kind, text in CALL:
        if kind in sizes:
            items.append(Text(72, top, text, sizes[kind], "Helvetica-Bold"))
            top += sizes[kind] * 2
        else:
            items += lines([f"- {text}" if kind == "-" else text], top=top)
            top += 22
    return make_pdf([items])


# As Google Docs exports a document: a Title style and heading styles with outline levels.
STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:sz w:val="22"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:rPr><w:sz w:val="46"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="34"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>'
)


def _docx() -> bytes:
    styles = {"0": "Title", "1": "Heading1", "2": "Heading2"}
    body = ""
    for kind, text in CALL:
        if kind in styles:
            body += p(r(text), ppr=f'<w:pStyle w:val="{styles[kind]}"/>')
        else:
            body += p(r(f"• {text}" if kind == "-" else text))
    return make_docx(body, styles=STYLES)


def _docx_direct() -> bytes:
    """Return the call as a Word document set by hand: bold and larger lines, no heading style."""
    sizes = {"0": 40, "1": 32, "2": 26}
    body = ""
    for kind, text in CALL:
        if kind in sizes:
            body += p(r(text, rpr=f'<w:b/><w:sz w:val="{sizes[kind]}"/>'))
        else:
            body += p(r(f"• {text}" if kind == "-" else text, rpr='<w:sz w:val="20"/>'))
    return make_docx(body)


def _summary(document: Document) -> tuple[object, ...]:
    topics = list(document.iter_topics())
    return (
        document.kind,
        document.title,
        [topic.title for topic in topics],
        [field.label for topic in topics for field in topic.fields],
        [direction.title or direction.text for topic in topics for direction in topic.directions],
    )


EXPECTED = (
    "single-topic",
    TITLE,
    [TITLE],
    ["Introduction", "Scope of Work", "Timeline"],
    ["Robotic Surgery", "Robotic Ultrasound"],
)


@pytest.mark.parametrize("rendition", ["markdown", "html", "pdf", "docx", "docx-direct"])
def test_every_rendition_gives_the_one_topic_and_its_choices(rendition: str) -> None:
    source: str | bytes
    if rendition == "markdown":
        document = docparse.parse_text(_markdown())
    else:
        source = {"html": _html, "pdf": _pdf, "docx": _docx, "docx-direct": _docx_direct}[rendition]()
        document = docparse.parse(source)
    assert _summary(document) == EXPECTED
