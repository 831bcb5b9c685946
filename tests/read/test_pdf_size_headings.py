"""A PDF call without numbering gets its outline from font-size tiers."""

from __future__ import annotations

import pytest

import docparse
from docparse.blocks import Block, BlockKind, Span
from docparse.model.provenance import BBox, PageRegion, Provenance
from docparse.options import ParseOptions
from docparse.read.pdf import headings
from docparse.read.pdf.reader import read_pdf

from .pdf_factory import Text, lines, make_pdf, wrap

LEAD = (
    "The goal of this RFP is to solicit proposals on sustainable systems. "
    "Specific areas of research include but are not limited to the following:"
)


def _unnumbered_call() -> bytes:
    items = [Text(72, 60, "Research Grants", 20.0), Text(72, 110, "Sustainability", 14.0)]
    items += lines(wrap(LEAD, 90), top=140)
    items += lines(["- Sustainable data centres", "- Energy profiling and monitoring"], top=190)
    items += [Text(72, 240, "Web 3", 14.0)]
    items += lines(wrap(LEAD.replace("sustainable systems", "blockchains"), 90), top=270)
    items += lines(["- Blockchain platforms and protocols"], top=320)
    return make_pdf([items])


def test_font_size_tiers_give_title_and_topics() -> None:
    document = docparse.parse(_unnumbered_call())
    assert document.title == "Research Grants"
    topics = list(document.iter_topics())
    assert [t.title for t in topics] == ["Sustainability", "Web 3"]
    assert [len(t.directions) for t in topics] == [2, 1]
    assert topics[0].directions[0].text == "Sustainable data centres"


def test_numbered_headings_keep_their_numbering_over_sizes() -> None:
    items = [Text(72, 60, "Application form", 20.0), Text(72, 110, "1. Excellence", 14.0)]
    items += [Text(72, 140, "1.1 Objectives", 12.0), *lines(["Describe the objectives."], top=170)]
    items += [Text(72, 200, "1.2 Measures", 12.0), *lines(["Describe the measures."], top=230)]
    document = docparse.parse(make_pdf([items]))
    assert [(s.number, s.title) for s in document.sections] == [("1", "Excellence")]
    # No identifier, directions or field template: a guide whose 1.1/1.2 are sub-sections.
    assert [(s.number, s.title) for s in document.sections[0].sections] == [("1.1", "Objectives"), ("1.2", "Measures")]


def _word_style_call() -> bytes:
    """A call set as Word's default heading styles: title 16 pt, Heading 2 at 14 pt (1.17× the
    12 pt body), Heading 3 in bold at the body size, one of them wrapped over two lines."""
    body = 12.0
    items = [Text(72, 60, "Research Grants", 16.0, "Helvetica-Bold"), Text(72, 100, "About", 14.0, "Helvetica-Bold")]
    items += lines(["Cisco funds research in two areas."], top=125, size=body)
    items += [Text(72, 160, "Sustainability", body, "Helvetica-Bold")]
    items += lines(wrap(LEAD, 80), top=180, size=body)
    items += lines(["- Sustainable data centres", "- Energy profiling and monitoring"], top=220, size=body)
    items += [Text(72, 270, "Web 3 and the decentralised systems that", body, "Helvetica-Bold")]
    items += [Text(72, 270 + body * 1.15, "support it", body, "Helvetica-Bold")]
    items += lines(wrap(LEAD.replace("sustainable systems", "blockchains"), 80), top=310, size=body)
    items += lines(["- Blockchain platforms and protocols"], top=350, size=body)
    return make_pdf([items])


def test_heading_styles_rank_by_size_then_weight() -> None:
    document = docparse.parse(_word_style_call())
    assert document.title == "Research Grants"
    assert [s.title for s in document.sections] == ["About"]
    topics = list(document.iter_topics())
    # The bold body-size lines rank under the 14 pt one; the wrapped one is one title.
    assert [t.title for t in topics] == ["Sustainability", "Web 3 and the decentralised systems that support it"]
    assert [len(t.directions) for t in topics] == [2, 1]


def test_a_bold_paragraph_of_several_lines_is_no_heading() -> None:
    warning = ["Applicants must register in the portal", "before the deadline or their proposals", "will not be read"]
    items = [Text(72, 60, "Research Grants", 16.0, "Helvetica-Bold")]
    items += [Text(72, 100 + i * 14, text, 12.0, "Helvetica-Bold") for i, text in enumerate(warning)]
    items += [Text(72, 160, "Budget", 12.0, "Helvetica-Bold"), *lines(["Up to one million."], top=180, size=12.0)]
    document = docparse.parse(make_pdf([items]))
    titles = [node.title for node in document.iter_nodes()]
    assert titles == ["Budget"]


def test_a_run_of_bold_lines_is_measured_once_not_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = headings._wraps_into

    def counting(block: Block, following: Block) -> bool:
        calls.append(1)
        return original(block, following)

    monkeypatch.setattr(headings, "_wraps_into", counting)
    lines = [
        Block(
            text=f"Bold line {i}",
            spans=(Span(f"Bold line {i}", bold=True),),
            font_size=12.0,
            provenance=Provenance(
                regions=(PageRegion(page=1, bbox=BBox(x0=72, top=i * 14, x1=300, bottom=i * 14 + 12)),)
            ),
        )
        for i in range(2000)
    ]
    marked = headings.mark_size_headings(lines, 12.0)
    assert not [block for block in marked if block.heading_level is not None]  # one bold paragraph
    assert len(calls) <= 3 * len(lines)


def test_a_larger_line_closed_by_a_colon_is_a_heading() -> None:
    # "Integration into the Movie Database Website:" set at 14 pt over an 11 pt body: a heading whose
    # colon says content follows; the same text at body size stays a line of text.
    items = [Text(72, 60, "Research Grants", 20.0)]
    items += lines(wrap(LEAD, 90), top=100, size=11.0)
    items += [Text(72, 160, "Integration into the Movie Database Website:", 14.0)]
    items += lines(wrap(LEAD, 90), top=190, size=11.0)
    items += lines(["Resources for the students of the course:"], top=240, size=11.0)
    items += lines(wrap(LEAD, 90), top=260, size=11.0)
    reading = read_pdf(make_pdf([items]), options=ParseOptions())
    heads = [b.text for b in reading.blocks if b.kind is BlockKind.HEADING]
    assert "Integration into the Movie Database Website:" in heads
    assert "Resources for the students of the course:" not in heads


def test_a_display_title_wrapped_over_two_lines_is_one_heading() -> None:
    # The reader joins the two 27 pt lines into one block before ranking: two lines of display
    # type are still a heading (the document's title), a colon in it notwithstanding.
    title = ["Call for Papers: Theme Issue on", "Formal Methods at Scale"]
    items = [Text(72, 60 + i * 27 * 1.2, line, 27.0) for i, line in enumerate(title)]
    items += lines(wrap(LEAD, 90), top=150)
    items += [Text(72, 200, "Important Dates", 15.0)]
    items += lines(["Submissions due: 30 November 2021"], top=225)
    items += [Text(72, 260, "Guest Editors", 15.0)]
    items += lines(["Contact the guest editors by mail."], top=285)
    document = docparse.parse(make_pdf([items]))
    assert document.title == "Call for Papers: Theme Issue on Formal Methods at Scale"
    assert [s.title for s in document.sections] == ["Important Dates", "Guest Editors"]
