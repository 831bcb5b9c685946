"""PDF tables shaded in alternate rows, with no rules between rows, read as one table.

The fixture (fixtures/pdf-banded-table, from fixtures/generate/make_banded_table_pdf.py) has a
dates table whose shaded rows are one-row boxes with the same column edges and an unshaded header
line above them, then two shaded notes with a sentence across the columns between them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docparse

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-banded-table" / "input.pdf"


def _document() -> docparse.Document:
    assert PDF.is_file(), f"{PDF} is missing: run fixtures/generate/make_banded_table_pdf.py"
    return docparse.parse(PDF.read_bytes(), name=PDF.name)


def test_shaded_and_white_rows_with_their_header_are_one_table() -> None:
    (table,) = _document().iter_tables()
    assert table.rows[0] == ("", "Pre-Release", "Open", "Close")
    assert [row[0] for row in table.rows[1:]] == [f"Release {n}" for n in range(1, 6)]
    assert table.rows[2] == ("Release 2", "Nov 06, 2024", "Dec 04, 2024", "Jan 08, 2025")
    assert table.rows[5] == ("Release 5", "Feb 05, 2025", "Feb 26, 2025", "Mar 26, 2025")


def test_boxes_with_a_sentence_across_the_columns_or_an_empty_gap_between_them_stay_running_text() -> None:
    markdown = docparse.to_markdown(_document())
    assert "A sentence that runs across the columns between two shaded boxes." in markdown
    assert "Closing at noon" in markdown and "| Note" not in markdown
    # Nothing but an empty row's gap between two boxes: no white row, no table.
    assert "Nine to five" in markdown and "| Contact" not in markdown


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_banded_table_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PDF.read_bytes()
