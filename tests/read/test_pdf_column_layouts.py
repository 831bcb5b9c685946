"""Three columns, a main column with a sidebar, a dates table, a centred panel: the flyer layouts read in order.

The fixture (fixtures/pdf-column-layouts, drawn by fixtures/generate/make_column_layouts_pdf.py)
sets a call's pages as conference calls and flyers do; the reader must read each column whole,
the text across the page before and after them in place, and a table's rows as rows.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from docparse.blocks import Block
from docparse.options import ParseOptions
from docparse.read.pdf import read_pdf

from ..conftest import FIXTURES, ROOT

PDF = FIXTURES / "pdf-column-layouts" / "input.pdf"


def page(number: int) -> list[str]:
    blocks: list[Block] = read_pdf(PDF.read_bytes(), options=ParseOptions(), name=PDF.name).blocks
    return [block.text for block in blocks if block.provenance.regions[0].page == number]


def test_the_fixture_is_reproduced_by_its_generator(tmp_path: Path) -> None:
    out = tmp_path / "input.pdf"
    script = ROOT / "fixtures" / "generate" / "make_column_layouts_pdf.py"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True, cwd=ROOT)
    assert out.read_bytes() == PDF.read_bytes(), "pdf-column-layouts is stale: run make_column_layouts_pdf.py"


def test_three_columns_of_topics_read_column_by_column() -> None:
    texts = page(1)
    headings = ["Storage", "Transactions", "Query processing", "Languages", "Learning systems", "Operations"]
    assert [text for text in texts if text in headings] == headings
    assert texts[0] == "International Workshop on Data Systems 2026"
    assert texts[1].startswith("The workshop brings together")
    assert texts[texts.index("Storage") + 1].startswith("Log-structured stores Persistent memory")
    # The heading and the text under the columns come after the last column, not inside the first.
    assert texts[-2:][0] == "Submission" and texts[-1].startswith("Papers must be written in English")
    assert not any("\t" in text for text in texts)


def test_a_sidebar_is_read_after_the_main_column_not_through_it() -> None:
    texts = page(2)
    dates = texts.index("Important Dates")
    main = texts[:dates]
    assert [text.split()[0] for text in main] == ["Call", "Modern", "Scope", "Proposals", "Funding", "Grants"]
    assert main[3].endswith("rather than building new silos.")
    assert texts[dates:] == [
        "Important Dates",
        "Paper submission deadline: 15 May 2026",
        "Notification: 30 June 2026",
        "Committee",
        "Ada Lindqvist, Uppsala University",
        "Marco Bellini, University of Turin",
        "Jun Tanaka, Kyoto",
    ]


def test_a_dates_table_keeps_each_label_on_its_dates_row() -> None:
    texts = page(3)
    assert texts[1:6] == [
        "Abstract submission\t13 January 2026",
        "Paper submission\t20 January 2026",
        "Notification\t5 March 2026",
        "Camera-ready version\t18 March 2026",
        "Conference\t22-24 June 2026",
    ]


def test_a_centred_panel_beside_headed_text_is_a_column_of_its_own() -> None:
    # Its lines level with the text's, the panel's centring (not a table cell's edge) makes it a column.
    texts = page(4)
    assert not any("\t" in text for text in texts)
    instructions = texts.index("Instructions for Authors")
    panel = " ".join(texts[:instructions])
    assert panel.startswith("Important Dates Paper Submission Deadline: 20 July 2026")
    assert panel.endswith("Versions: 10 October 2026")
    assert texts[instructions + 1].startswith("Submissions must be made") and texts[instructions + 1].endswith(
        "register and present it."
    )
    assert texts[instructions + 2 :][0] == "Special Sessions"
