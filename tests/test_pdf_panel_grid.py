"""PDF grids printed without rules on a shaded panel or on shaded row bands are tables; a panel of sentences stays text.

The fixture (fixtures/pdf-panel-grid, from fixtures/generate/make_panel_grid_pdf.py) has no rule: a
dates box beside a paragraph wrapped around it, a contacts panel whose paragraph runs across the box
above a grid with a wrapped label and an empty value, and a note box of two sentences.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docparse

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-panel-grid" / "input.pdf"


def _document() -> docparse.Document:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_panel_grid_pdf.py"
    return docparse.parse(PDF.read_bytes(), name=PDF.name)


def test_a_dates_box_beside_a_paragraph_is_a_table_and_the_paragraph_stays_whole() -> None:
    document = _document()
    # The box is read as a table; a column of dates beside its labels makes its rows the section's fields.
    fields = [(field.label, field.text) for field in document.sections[0].fields]
    assert fields[0] == ("Proposal deadline", "Friday, 19 May (noon UTC)")
    assert fields[4] == ("Final reports due", "Friday, 1 September")
    assert len(fields) == 5
    markdown = docparse.to_markdown(document)
    assert "Submissions are judged on their merit, novelty, importance and relevance to the programme." in markdown


def test_a_panels_paragraph_stays_text_and_its_grid_keeps_wrapped_labels_and_empty_values() -> None:
    document = _document()
    (contacts,) = document.iter_tables()
    assert contacts.rows == (
        ("Location:", "12 Harbour Road, Springfield"),
        ("For General Information\n(Information Centre):", "(555) 010-2000"),
        ("To Order Forms:", ""),
        ("Send an e-mail to:", "forms@example.org"),
        ("To Locate Staff:", "(555) 010-2111"),
    )
    markdown = docparse.to_markdown(document)
    assert "The Foundation supports research and education in science and engineering through grants" in markdown


def test_a_shaded_note_of_sentences_is_no_table() -> None:
    markdown = docparse.to_markdown(_document())
    assert "Note: applicants may revise a proposal until the deadline; the last version received" in markdown
    assert len(list(_document().iter_tables())) == 1  # the contacts grid; the dates box is the section's fields


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_panel_grid_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()


SLIDE = FIXTURES / "pdf-slide-bands" / "input.pdf"


def test_a_slide_table_of_shaded_row_bands_without_rules_is_one_table_a_row_a_band() -> None:
    assert SLIDE.is_file(), f"{SLIDE} is missing: run fixtures/generate/make_slide_bands_pdf.py"
    document = docparse.parse(SLIDE.read_bytes(), name=SLIDE.name)
    (table,) = document.iter_tables()
    # Five rows (the header band, two shaded rows, two white ones, the last below the last band), each
    # cell its Chinese line over its English line.
    assert len(table.rows) == 5
    assert table.rows[0] == ("阶段\nStage", "开始\nOpens", "截止\nCloses", "提交内容\nDeliverable")
    assert table.rows[4] == ("决赛\nFinal", "8月20日\n20 August", "8月22日\n22 August", "现场答辩\nLive defence")
    assert "所有时间均为北京时间，以组委会通知为准。" in docparse.to_markdown(document)


def test_the_slide_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_slide_bands_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == SLIDE.read_bytes()


def _fill(x0: float, top: float, x1: float, bottom: float, gray: float = 0.9) -> dict[str, object]:
    return {
        "x0": x0,
        "top": top,
        "x1": x1,
        "bottom": bottom,
        "fill": True,
        "stroke": False,
        "non_stroking_color": (gray,),
    }


def test_regions_panels_bands_hidden_grounds_and_drawings() -> None:
    from docparse.read.pdf.panels import MAX_FILLS, regions

    page = (600.0, 800.0)
    # A panel, and three like bands a band apart: one region each, the bands' edges kept and the
    # stack reaching one band below the last.
    (panel,) = regions({"rect": [_fill(50, 100, 400, 200)]}, *page)
    assert panel.edges == ()
    bands = [_fill(50, 300 + 40 * n, 500, 320 + 40 * n) for n in range(3)]
    (stack,) = regions({"rect": bands}, *page)
    assert stack.edges == (300, 320, 340, 360, 380, 400) and stack.bottom == 420
    # A ground covered by a white sheet drawn after it is seen nowhere; white itself is no panel.
    assert regions({"rect": [_fill(50, 100, 400, 200), _fill(40, 90, 410, 210, gray=1.0)]}, *page) == []
    # A page of more panel-sized fills than MAX_FILLS is a drawing: not searched.
    bars = [_fill(10, 10 + n, 110, 40 + n) for n in range(MAX_FILLS + 1)]
    assert regions({"rect": bars}, *page) == []
