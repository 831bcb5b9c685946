"""A real call published as a web page: the NIH Guide notice RFA-TR-25-002, saved as served.

The page is outside the project (`../corpus-extra`, with its expected outline in
`expect.json`); the test skips when it is absent and is never a copy of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

import docparse
from docparse.model import CallKind, LabelledField

from .conftest import corpus_file

NIH = "en_nih_rfa_tr25002_rare_disease_poc.html"


@pytest.fixture(scope="module")
def nih() -> docparse.Document:
    return docparse.parse(corpus_file(NIH))


def test_the_notice_is_one_funding_opportunity(nih: docparse.Document) -> None:
    assert nih.source.format == "html"
    assert nih.kind is CallKind.SINGLE_TOPIC
    (topic,) = nih.iter_topics()
    assert topic.label == "RFA-TR-25-002"
    assert (
        nih.title
        == "RFA-TR-25-002: Preclinical Proof of Concept Studies for Rare Diseases (R21 Clinical Trial Not Allowed)"
    )
    assert topic.title == "Preclinical Proof of Concept Studies for Rare Diseases (R21 Clinical Trial Not Allowed)"
    assert sum(len(unit.directions) for unit in (topic, *topic.tracks)) == 0


def _fields(fields: Iterable[LabelledField]) -> Iterator[LabelledField]:
    for item in fields:
        yield item
        yield from _fields(part for part in item.items if isinstance(part, LabelledField))


def _all_fields(document: docparse.Document) -> list[LabelledField]:
    return [f for node in document.iter_nodes() for f in _fields(node.fields)]


def test_label_value_rows_are_fields(nih: docparse.Document) -> None:
    labels = {f.label for f in _all_fields(nih)}
    assert {
        "Participating Organization(s)",
        "Components of Participating Organizations",
        "Funding Opportunity Number (FON)",
        "Activity Code",
        "Expiration Date",
        "Award Budget",
    } <= labels


def test_headings_nest_as_printed_and_bold_paragraphs_are_parts(nih: docparse.Document) -> None:
    fields = {f.label: f for f in _all_fields(nih)}
    part_2 = fields["Full Text of Announcement"]
    assert part_2.marker == "Part 2."
    section_i = fields["Notice of Funding Opportunity Description"]
    assert section_i.marker == "Section I."
    assert [f.label for f in section_i.items if isinstance(f, LabelledField)] == [
        "Background and Funding Purpose",
        "Research Objectives and Scope",
        "Applications Not Responsive to this NOFO",
    ]
    assert any(f is section_i for f in part_2.items)
    eligibility = [f.label for f in fields["Eligibility Information"].items if isinstance(f, LabelledField)]
    assert {"Eligible Applicants", "Cost Sharing", "Additional Information on Eligibility"} <= set(eligibility)
    # div.heading4 sub-headings are headings like the <h4> ones around them.
    assert "Other Submission Requirements and Information" in fields
    assert "Data Management and Sharing" in fields
    assert not any(label.startswith(("Weekly TOC", "NIH...")) for label in fields)


def test_scripts_and_styles_are_dropped_as_markup(nih: docparse.Document) -> None:
    markup = [d.text for d in nih.dropped if d.reason == "markup"]
    assert any("googletagmanager" in text for text in markup)
    assert any(".assist_button" in text for text in markup)
