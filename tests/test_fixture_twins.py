"""The committed web pages with a Markdown twin are what their generators write today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

TWINS = {
    "cards-html": "make_cards_html.py",
    "grouped-html": "make_grouped_html.py",
    "title-html": "make_title_html.py",
}


@pytest.mark.parametrize(("folder", "generator"), TWINS.items())
def test_the_page_and_its_twin_are_up_to_date(folder: str, generator: str, tmp_path: Path) -> None:
    script = ROOT / "fixtures" / "generate" / generator
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True, timeout=60)
    for name in ("input.html", "input.md"):
        assert (tmp_path / name).read_bytes() == (FIXTURES / folder / name).read_bytes(), f"run {generator}, commit"
