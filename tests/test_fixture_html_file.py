"""The committed web-page rendering of the reference call is what its generator writes today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, ROOT

PAGE = FIXTURES / "seed-html" / "input.html"
GENERATOR = ROOT / "fixtures" / "generate" / "make_seed_html.py"


def test_the_page_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "input.html"
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True, timeout=60)
    assert out.read_bytes() == PAGE.read_bytes(), "run fixtures/generate/make_seed_html.py and commit the page"


def test_the_page_has_chrome_around_the_call() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for chrome in ("<header", "<nav", 'class="breadcrumb"', "<aside", "<footer", "display: none", "<script"):
        assert chrome in page
    assert page.index("<main") < page.index("<h1>申报主题</h1>") < page.index("</main>")
