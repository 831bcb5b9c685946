"""Real PDF calls of other publishers (../shared/corpus): hand-checked outlines.

The documents are read where they are and never copied here; each test skips without them.
"""

from __future__ import annotations

import pytest

import docparse
from docparse.model import CallKind, DropReason, Section

from .conftest import corpus_file

PART_B = [
    ("1", "Excellence", ["1.1", "1.2"]),
    ("2", "Impact", ["2.1", "2.2", "2.3"]),
    ("3", "Quality and efficiency of the implementation", ["3.1", "3.2"]),
]


def test_horizon_form_outline_without_the_version_history_rows() -> None:
    document = docparse.parse(corpus_file("en_horizon_he_csa_application_form.pdf"))
    assert document.source.pages == 48
    # A form, not a list of topics: Part A's numbered sections, then Part B's outline as sub-sections.
    assert document.kind is CallKind.GUIDE and not list(document.iter_topics())
    part_a = [(s.number, s.title) for s in document.sections[:5]]
    assert part_a == [
        ("1", "General information"),
        ("2", "Participants"),
        ("3", "Budget"),
        ("4", "Ethics & security"),
        ("5", "Other questions"),
    ]
    sections = [node for node in document.iter_nodes() if isinstance(node, Section)]
    outline = [(s.number, s.title, [c.number for c in s.sections]) for s in sections if s.sections]
    # The form's Part B outline appears twice: in the instructions, and as the template to fill.
    assert [(n, t.split(" [")[0].replace(" (OPTIONAL)", ""), c) for n, t, c in outline[-6:]] == PART_B + PART_B
    titles = [c.title for s in sections if s.number in {"1", "2", "3"} for c in s.sections]
    assert titles[0] == "Objectives [e.g. 1 pages]"
    assert titles[3].startswith("Measures to maximise impact - Dissemination, exploitation and communication")
    # "1.1 19.04.2021 • Formatting and alignment" is a row of the version history, not a heading.
    assert not any("2021" in t or "2022" in t for t in titles)
    assert document.title == "Application form (Part A)"
    # The rotated "Example" stamp is a watermark on every page, never text of the outline.
    watermarks = [d for d in document.dropped if d.reason is DropReason.WATERMARK]
    assert len({r.page for d in watermarks for r in d.provenance.regions}) >= 40
    assert "not to be completed" not in docparse.to_markdown(document)


def test_chinese_pdf_without_a_text_layer_is_reported_without_ocr() -> None:
    path = corpus_file("zh_paddle_contributor_remote_intern_program.pdf")
    with pytest.raises(docparse.NoTextLayerError):
        docparse.parse(path, options=docparse.ParseOptions(ocr="never"))
