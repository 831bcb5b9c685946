"""PDF tables printed with no rule and no fill are found by the alignment of their text; text set in
columns that is no table (justified prose, page columns, fields, a hanging list, a contents list) stays text.

The fixture (fixtures/pdf-aligned-table, from fixtures/generate/make_aligned_table_pdf.py): page 1 a justified
paragraph, a four-column table (bold header, a right-aligned amount column, two wrapped description cells),
a two-column table of dates under a bold header, label: value lines and a list with a
hanging indent; page 2 a contents list in three columns and two columns of justified running text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import docparse
from docparse.read.pdf.aligned import aligned_tables

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-aligned-table" / "input.pdf"


def _document() -> docparse.Document:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_aligned_table_pdf.py"
    return docparse.parse(PDF.read_bytes(), name=PDF.name)


def test_a_borderless_grid_is_one_table_with_its_header_and_wrapped_cells_joined() -> None:
    table, _ = _document().iter_tables()
    assert table.rows == (
        ("Deliverable", "Description", "Due", "Amount"),
        ("Inception report", "Work plan, risks and the survey design", "Month 2", "12,000"),
        ("Pilot survey", "Survey of 400 households", "Month 6", "30,500"),
        ("Interim review", "Findings to date", "Month 10", "8,250"),
        ("Final report", "Results and a plan for the next phase", "Month 18", "19,000"),
    )
    assert table.provenance.regions[0].page == 1


def test_two_columns_under_a_bold_header_are_a_table() -> None:
    _, dates = _document().iter_tables()
    assert dates.rows == (
        ("Stage", "Date"),
        ("Proposals open", "5 January 2026"),
        ("Deadline", "1 March 2026"),
        ("Decision", "30 April 2026"),
    )


def test_explain_says_why_the_block_is_a_table() -> None:
    explanation = docparse.explain(PDF)
    record, _ = [r for r in explanation.records if r.role.value == "table"]
    assert record.evidence.table == "aligned text: 4 columns, 5 rows"
    assert "table: aligned text" in record.evidence.describe()


def test_prose_fields_lists_contents_and_page_columns_stay_text() -> None:
    document = _document()
    markdown = docparse.to_markdown(document)
    assert "The programme funds pilot projects that test new ways of delivering public services" in markdown
    assert "The amounts are in euros and include every tax" in markdown
    assert "Projects must involve at least one municipality" in markdown
    assert "Proposals are evaluated by a panel of independent" in markdown
    # Only the grid of page 1 is a table: nothing on page 2 is.
    assert [table.provenance.regions[0].page for table in document.iter_tables()] == [1, 1]


def test_the_finder_says_why_and_declines_what_it_cannot_tell() -> None:
    import pdfplumber

    with pdfplumber.open(PDF) as pdf:
        first, second = (page.chars for page in pdf.pages)
        kept, found = aligned_tables(first)
        assert [entry.why for entry in found] == ["aligned text: 4 columns, 5 rows", "aligned text: 2 columns, 4 rows"]
        assert len(kept) < len(first)
        kept, found = aligned_tables(second)
        assert found == [] and kept == second


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_aligned_table_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()


def _glyph(text: str, x: float, top: float, size: float) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x,
        "x1": x + size / 2,
        "top": top,
        "bottom": top + size,
        "size": size,
        "upright": True,
        "matrix": (1, 0, 0, 1, 0, 0),
        "fontname": "F",
        "doctop": top,
    }


def test_a_grid_of_figures_whose_last_column_goes_up_is_a_table_not_a_contents_list() -> None:
    figures = [
        _glyph(digit, 50 + column * 60 + k * 5, 50 + row * 14, 10)
        for row in range(12)
        for column in range(5)
        for k, digit in enumerate(str(1000 + row * 7 + column * 13))
    ]
    kept, (found,) = aligned_tables(figures)
    assert kept == [] and found.why == "aligned text: 5 columns, 12 rows"
    assert found.table[1][11] == ["1077", "1090", "1103", "1116", "1129"]


def test_letters_at_no_size_packed_on_long_lines_make_no_table() -> None:
    packed = [_glyph("a", 20 + column * 3.0, 20 + row * 12, 0) for row in range(60) for column in range(200)]
    kept, found = aligned_tables(packed)
    assert found == [] and len(kept) == len(packed)
