"""The grid gate: a page goes to pdfplumber's table finder only when its rulings cross like a table's."""

from __future__ import annotations

import warnings
from typing import Any

import pdfplumber
import pytest

from docparse.read.pdf.grid import TABLE_MIN_RULINGS, find_tables, has_grid

from ..conftest import corpus_file


def _line(x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom}


def test_a_two_by_two_grid_of_lines_or_of_rects_is_a_grid() -> None:
    lines = [_line(72, y, 312, y) for y in (100, 120, 140)] + [_line(x, 100, x, 140) for x in (72, 192, 312)]
    assert has_grid({"line": lines})
    cells = [_line(x, y, x + 120, y + 20) for x in (72, 192) for y in (100, 120)]
    assert has_grid({"rect": cells})
    # A table drawn with curves (path segments) only.
    curve = {"pts": [(72, 100), (312, 100), (312, 140), (72, 140), (72, 100)]}
    inner = [{"pts": [(72, 120), (312, 120)]}, {"pts": [(192, 100), (192, 140)]}]
    assert has_grid({"curve": [curve, *inner]})


def test_frames_boxes_in_a_row_and_underlines_are_not_a_grid() -> None:
    assert not has_grid({"rect": [_line(72, 100, 500, 300)]})
    assert not has_grid({"rect": [_line(72 + i * 40, 100, 100 + i * 40, 120) for i in range(8)]})
    assert not has_grid({"rect": [_line(72, 100 + i * 40, 100, 120 + i * 40) for i in range(8)]})
    assert not has_grid({"line": [_line(72, 100 + i * 20, 300, 100 + i * 20) for i in range(10)]})
    # Vertical and horizontal rulings far apart do not cross.
    far = [_line(72, y, 200, y) for y in (100, 120, 140)] + [_line(x, 500, x, 600) for x in (300, 350, 400)]
    assert not has_grid({"line": far})


@pytest.mark.parametrize(
    "name", ["en_horizon_he_csa_application_form.pdf", "en_dod_sbir254_baa.pdf", "zh_tw_keelung_sbir115_guide.pdf"]
)
def test_no_page_without_a_grid_has_a_table(name: str) -> None:
    # The gate may let pages through in vain, never keep a table from the finder: on every page
    # it turns away, the finder (run anyway here) finds none.
    rejected = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pdfplumber.open(corpus_file(name)) as pdf:
            for page in pdf.pages:
                objects = page.objects
                ruled = len(objects.get("line", [])) + len(objects.get("rect", [])) >= TABLE_MIN_RULINGS
                if ruled and not has_grid(objects):
                    rejected += 1
                    assert find_tables(page, objects.get("char", [])) == (objects.get("char", []), [])
                page.close()
    assert rejected >= (2 if name.startswith("en_horizon") else 0)
