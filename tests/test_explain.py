"""`docparse.explain`: why each block became what it is, from the pipeline's own trace."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import docparse
from docparse.explanation import Explanation, Record, Role, explain, explain_document
from docparse.model.compare import outline_data

from .conftest import FIXTURES, SEED

FORMATS = {
    "text": SEED,
    "docx": FIXTURES / "seed-docx-typed" / "input.docx",
    "docx-autonum": FIXTURES / "seed-docx-autonum" / "input.docx",
    "html": FIXTURES / "seed-html" / "input.html",
    "pdf": FIXTURES / "seed-pdf-reportlab" / "input.pdf",
    "pdf-table": FIXTURES / "pdf-split-table" / "input.pdf",
}

FIELD_TEMPLATE = b"""# Project ideas

## 1. Alpha

### Abstract

Alpha text.

### Technical Details

Alpha details.

## 2. Beta

### Abstract

Beta text.

### Technical Details

Beta details.
"""

ONE_TOPIC = b"""# RFP-010: Vector commitments

## Background

Some background.

## Scope of this RFP

The scope.
"""


def _record(explanation: Explanation, text: str) -> Record:
    """Return the last record whose text holds `text` (the body heading, not its TOC line)."""
    found = [record for record in explanation.records if text in record.text]
    assert found, text
    return found[-1]


@pytest.mark.parametrize("path", FORMATS.values(), ids=FORMATS.keys())
def test_explaining_changes_nothing_of_the_parse(path: Path) -> None:
    document, _ = explain_document(path)
    parsed = docparse.parse(path)
    assert outline_data(document) == outline_data(parsed)
    assert document.model_dump() == parsed.model_dump()


@pytest.mark.parametrize("path", FORMATS.values(), ids=FORMATS.keys())
def test_every_block_has_a_rule_and_a_role_in_document_order(path: Path) -> None:
    explanation = docparse.explain(path)
    document = docparse.parse(path)
    assert explanation.kind == document.kind
    assert explanation.format == document.source.format
    blocks = [r for r in explanation.records if r.rule != "reader"]
    assert blocks and all(r.token is not None and r.role is not Role.JOINED for r in blocks)
    # Every node of the outline is the role of the block of its heading, under the node's id.
    heads = {r.node for r in explanation.records if r.role in (Role.SECTION, Role.TOPIC, Role.TRACK)}
    ids = {s.id for top in document.sections for s in top.iter_sections() if s.provenance.regions or s.title}
    ids |= {t.id for top in document.sections for s in top.iter_sections() for t in s.topics}
    assert ids <= heads
    directions = {r.node for r in explanation.records if r.role is Role.DIRECTION}
    assert directions == {d.id for top in document.sections for d in _directions(top)}
    # Everything dropped is a record too, with its reason.
    dropped = [r for r in explanation.records if r.role is Role.DROPPED]
    assert len(dropped) == len(document.dropped) and all(r.reason for r in dropped)


def _directions(section: docparse.Section) -> list[docparse.Direction]:
    out: list[docparse.Direction] = []
    for node in section.iter_sections():
        for holder in (node, *node.topics, *(track for topic in node.topics for track in topic.tracks)):
            stack = list(holder.directions)
            while stack:
                direction = stack.pop()
                out.append(direction)
                stack.extend(direction.children)
    return out


def test_the_seed_call_explained() -> None:
    explanation = explain(SEED)
    assert explanation.kind_reason.startswith("catalogue: 8 topics")
    assert explanation.shape_rules == ("topics", "kind")
    assert all(r.rule and r.role for r in explanation.records)
    heading = _record(explanation, "1.1 机器学习基础理论")
    assert (heading.where, heading.rule, heading.role, heading.node) == ("L26", "heading", Role.TOPIC, "1.1")
    assert (heading.evidence.family, heading.evidence.depth, heading.evidence.numbering) == ("decimal-multi", 2, "1.1")
    assert heading.changed_by == ("topics",)  # a section after the block rules, a topic after `topics`
    part = _record(explanation, "1. 开放课题")
    assert (part.role, part.node, part.evidence.family, part.evidence.depth) == (Role.SECTION, "1", "decimal", 1)
    marker = explanation.records[explanation.records.index(heading) + 2]
    assert (marker.rule, marker.role, marker.node) == ("marker", Role.DIRECTIONS_MARKER, "1.1")
    assert marker.evidence.directions_marker == "建议研究方向"
    first = explanation.records[explanation.records.index(heading) + 3]
    assert (first.rule, first.role, first.node) == ("direction", Role.DIRECTION, "1.1/d1")
    assert first.evidence.numbering == "1)"
    entry = next(r for r in explanation.records if r.role is Role.TOC_ENTRY and "1.2" in r.text)
    assert (entry.rule, entry.node, entry.evidence.toc_page) == ("toc-entry", "1.2", "2")
    back = _record(explanation, "返回目录")
    assert (back.rule, back.role, back.reason) == ("navigation", Role.DROPPED, "back-link")
    assert back.evidence.navigation
    assert [r.role for r in explanation.records[:2]] == [Role.LABEL, Role.TOC_TITLE]
    assert _record(explanation, "申报主题").role is Role.TITLE


def test_markdown_and_the_shape_rules_that_changed_a_block() -> None:
    templated = explain(FIELD_TEMPLATE, format="markdown", name="ideas.md")
    assert templated.format == "markdown" and templated.name == "ideas.md"
    assert "field template" in templated.kind_reason
    abstract = _record(templated, "Abstract")
    assert (abstract.rule, abstract.role, abstract.node, abstract.evidence.heading_level) == (
        "field-heading",
        Role.FIELD,
        "2",
        3,
    )
    one = explain(ONE_TOPIC, format="markdown")
    assert one.kind.value == "single-topic" and "single-topic" in one.shape_rules
    background = _record(one, "Background")
    # A section after the block rules, a track under the topic after `topics`, a field after `single-topic`.
    assert (background.rule, background.role, background.node) == ("heading", Role.FIELD, "RFP-010")
    assert background.changed_by == ("topics", "single-topic")


def test_docx_and_pdf_evidence_and_provenance() -> None:
    docx = explain(FORMATS["docx"])
    heading = _record(docx, "1.1 机器学习基础理论")
    assert heading.where.startswith("¶") and heading.provenance.paragraph_start is not None
    assert heading.evidence.heading_level == 2 and heading.evidence.bold and heading.evidence.font_size == 14
    pdf = explain(FORMATS["pdf"])
    heading = _record(pdf, "1.1 机器学习基础理论")
    assert heading.where == "p2" and heading.provenance.regions[0].bbox.x0 > 0
    assert heading.evidence.display and heading.evidence.font_size is not None
    assert heading.evidence.describe().startswith("decimal-multi/2 '1.1'")
    numbers = [r for r in pdf.records if r.rule == "reader" and r.reason == "page-number"]
    assert numbers and all(r.role is Role.DROPPED and r.where.startswith("p") for r in numbers)
    # The reader's drops stand where they were on the page: a page's number after its text.
    at = pdf.records.index(numbers[0])
    assert pdf.records[at - 1].pages[0] <= numbers[0].pages[0]


def test_json_round_trip_and_selection() -> None:
    explanation = explain(FORMATS["pdf"])
    text = explanation.to_json()
    assert Explanation.model_validate_json(text) == explanation
    jsonschema.validate(json.loads(text), Explanation.model_json_schema())
    assert "机器学习" in text  # CJK unescaped
    page = explanation.select(pages=(3, 3))
    assert page.records and all(3 in r.pages for r in page.records)
    found = explanation.select(grep="返回目录")
    assert found.records and all("返回目录" in r.text for r in found.records)
    assert explanation.select(grep="no such text anywhere").records == ()


def test_errors_are_the_parse_errors() -> None:
    with pytest.raises(docparse.EmptyDocumentError):
        explain(b"\n\n")
    with pytest.raises(docparse.DocumentNotFoundError):
        explain("no-such-file.pdf")


BOLD_HEADS = b"""# Workshop

Papers are welcome.

- **Software Development**
  - Licensing issues
- **Case studies**
  - Writing wrappers

**Submission**

Papers of eight pages.

**Organizers**

Ada Lovelace, University of London.
"""


def test_the_repetition_a_line_is_one_of_is_its_evidence() -> None:
    explained = explain(BOLD_HEADS, format="markdown")
    head, plain = _record(explained, "Software Development"), _record(explained, "Licensing issues")
    assert (head.rule, head.role, head.evidence.repeated) == ("list-item", Role.FIELD, "bold list head")
    assert plain.evidence.repeated is None
    apart = _record(explained, "Submission")
    assert (apart.rule, apart.evidence.repeated) == ("field-heading", "set apart")
    assert "repeated: set apart" in apart.evidence.describe()
