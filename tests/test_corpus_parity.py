"""The same real call gives the same outline as Markdown and as the web page it renders to.

Each Markdown call of the shared corpus is rendered to HTML by markdown-it (CommonMark and
tables, as a forge renders it) and read back by the HTML reader; the two outlines must agree.
What a reader cannot tell apart is not a difference: which bullet glyph marks an unordered
item (`-` in the source, `•` on the page), `1)` against the `1.` a browser draws, and runs of
whitespace (HTML collapses them). The calls that still disagree are listed with the reason, as
strict expected failures: when one comes to agree, the test says so and the entry goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex
from markdown_it import MarkdownIt

import docparse

from .conftest import CORPUS

BULLET = regex.compile(r"^[-*+•·▪◦●○■□◆◇–]$")
PAREN_NUMBER = regex.compile(r"^(\d+)\)$")
SPACES = regex.compile(r"\s+")

# name → why the two renditions still differ (a defect to fix, not an accepted difference).
KNOWN: dict[str, str] = {
    "en_nixos_gsoc2024_ideas.md": "a soft line break: the Markdown reader keeps each source line (`a.`/`b.` items "
    "on lines of their own), the page runs them into one line",
    "en_rocketchat_gsoc2025_ideas.md": "an indented block is code to CommonMark and to the page, text to the "
    "Markdown reader (plain-text calls indent their text)",
    "en_w3f_rfp_grant_management.md": "a pictograph after a heading (`## Deliverables 🔩`, `:nut_and_bolt:` in the "
    "source) hides the work label from the single-topic rule",
}


def _names() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if p.suffix == ".md" and p.name != "SOURCES.md")


def _normal(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _normal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normal(item) for item in value]
    if isinstance(value, str):
        if BULLET.match(value):
            return "•"
        return PAREN_NUMBER.sub(r"\1.", SPACES.sub(" ", value).strip())
    return value


def _html(markdown: str) -> bytes:
    renderer = MarkdownIt("commonmark", {"html": True}).enable("table")
    return f"<!doctype html><html><body>{renderer.render(markdown)}</body></html>".encode()


def _cases() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN[name])) if name in KNOWN else name
        for name in _names()
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not available")
@pytest.mark.parametrize("name", _cases())
def test_markdown_and_its_web_page_give_one_outline(name: str) -> None:
    path: Path = CORPUS / name
    markdown = docparse.parse(path, format="markdown")
    page = docparse.parse(_html(path.read_text(encoding="utf-8")), format="html", name=name + ".html")
    assert _normal(docparse.outline_data(page)) == _normal(docparse.outline_data(markdown))
