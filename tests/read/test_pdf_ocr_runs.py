"""OCR's lines from what the engine really read: the runs of blurred scans of the reference call (recorded by
fixtures/generate/make_ocr_runs.py) turned into lines and sizes as `ocr_pages` does, without the OCR extra."""

from __future__ import annotations

import json
import re

from docparse.read.pdf import ocr
from docparse.read.pdf.lines import Line, PageLines

from ..conftest import FIXTURES


def read(name: str) -> dict[int, PageLines]:
    """Return the recorded pages of `fixtures/ocr/runs-NAME.json` as `ocr_pages` makes them: lines, sized."""
    data = json.loads((FIXTURES / "ocr" / f"runs-{name}.json").read_text(encoding="utf-8"))
    runs_by_page = {
        page["number"]: ocr.without_leaders([ocr.OcrRun(*run) for run in page["runs"]]) for page in data["pages"]
    }
    labels = ocr.label_widths([run.text for runs in runs_by_page.values() for run in runs])
    pages = {}
    for page in data["pages"]:
        for run in runs_by_page[page["number"]]:
            run.text = ocr.normalise_ocr_text(run.text, labels)
        blank = PageLines(number=page["number"], width=page["width"], height=page["height"], lines=[])
        pages[page["number"]] = ocr.runs_to_page(blank, runs_by_page[page["number"]])
    ocr.set_sizes(pages)
    return pages


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


def test_every_toc_entry_of_the_scan_has_its_page_number() -> None:
    # The margin band missed four of the ten numbers; the cells of their column read them.
    lines = read("libreoffice")[1].lines
    entries = [line for line in lines if line.text[:1].isdigit() and "\t" in line.text]
    assert [line.text.rsplit("\t", 1)[-1] for line in entries] == ["1", "1", "2", "3", "3", "3", "5", "5", "5", "7"]
    assert all(line.is_toc for line in entries)


def test_a_toc_titles_box_loses_the_width_of_the_dots_it_loses() -> None:
    # Its pitch (box width over the title's ems) is then the pitch of the other titles: one size.
    data = json.loads((FIXTURES / "ocr" / "runs-libreoffice.json").read_text(encoding="utf-8"))
    titles = [ocr.OcrRun(*run) for run in data["pages"][0]["runs"] if re.match(r"\d\.\d? ", run[0])]
    pitches = [(run.x1 - run.x0) / ocr.ems(run.text) for run in titles]
    assert len(titles) == 10
    assert max(pitches) <= min(pitches) * 1.1  # 1.17 with the dots' width kept


def test_a_label_alone_on_its_line_has_the_body_size() -> None:
    # fpdf2 breaks only at spaces: `6)` stands alone above its text; its box is digits' height.
    lines = read("fpdf2")[3].lines
    body = max(set(line.size for line in lines), key=[line.size for line in lines].count)
    labels = [line for line in lines if line.text in ("6)", "7)", "8)")]
    assert len(labels) == 3
    assert {line.size for line in labels} == {body}


def test_justified_lines_keep_spaces_where_ocr_cut_them() -> None:
    # fpdf2 justifies a line by stretching its spaces: `Paddle<gap>Lite` edge to edge.
    lines = texts(read("fpdf2")[6].lines)
    assert not [text for text in lines if "\t" in text]
    assert "Paddle Lite" in lines
    assert any(text.startswith("Web 端浏览器与小程序") for text in lines)
