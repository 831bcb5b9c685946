"""HTML tables as a browser shows them: a one-cell layout table is a box, cells without ``<tr>`` a row.

The fixture (fixtures/html-layout-tables, from fixtures/generate/make_layout_tables_html.py) holds a
dates table whose header cells stand in ``<thead>`` with no ``<tr>``, and a grey panel drawn as a table
of one cell around two paragraphs and a contacts table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docparse

from .conftest import FIXTURES, ROOT

PAGE = FIXTURES / "html-layout-tables" / "input.html"


def _document() -> docparse.Document:
    assert PAGE.is_file(), f"{PAGE} is missing: run fixtures/generate/make_layout_tables_html.py"
    return docparse.parse(PAGE)


def test_header_cells_without_a_row_are_the_header_row() -> None:
    dates, _ = _document().iter_tables()
    assert dates.rows == (
        ("Stage", "Opens", "Closes"),
        ("Letter of intent", "3 March", "31 March"),
        ("Full proposal", "1 May", "30 June"),
    )


def test_the_table_inside_a_one_cell_panel_is_the_table_and_the_panels_paragraphs_are_text() -> None:
    document = _document()
    _, contacts = document.iter_tables()
    assert len(contacts.rows) == 4 and {len(row) for row in contacts.rows} == {2}
    assert contacts.rows[0][1] == "12 Harbour Road, Springfield"
    assert contacts.rows[2][1] == ""
    markdown = docparse.to_markdown(document)
    assert "\nThe Foundation funds pilot projects in applied research and education.\n" in markdown


def test_cells_outside_rows_are_read_in_order_and_nothing_is_lost() -> None:
    page = "<table><th>A</th><th>B</th><tr><td>1</td><td>2</td></tr><td>3</td><td>4</td></table>"
    (table,) = docparse.parse(f"<html><body>{page}</body></html>".encode(), name="t.html").iter_tables()
    assert table.rows == (("A", "B"), ("1", "2"), ("3", "4"))


def test_the_generator_writes_the_committed_fixture(tmp_path: Path) -> None:
    out = tmp_path / "input.html"
    script = ROOT / "fixtures" / "generate" / "make_layout_tables_html.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    assert out.read_bytes() == PAGE.read_bytes()


def test_a_table_with_text_in_one_cell_only_is_layout_and_its_text_stays_in_the_flow() -> None:
    page = (
        '<table><tr><td><img src="logo.png"></td><td></td>'
        "<td><p>National Foundation</p><p>Directorate for Engineering</p></td></tr></table>"
    )
    document = docparse.parse(f"<html><body>{page}<p>Body text.</p></body></html>".encode(), name="t.html")
    assert not list(document.iter_tables())
    assert "National Foundation\n\nDirectorate for Engineering\n\nBody text." in docparse.to_markdown(document)
