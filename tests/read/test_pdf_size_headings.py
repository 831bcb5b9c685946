"""A PDF call without numbering gets its outline from font-size tiers."""

from __future__ import annotations

import docparse

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
