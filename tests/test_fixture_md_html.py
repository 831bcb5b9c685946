"""A Markdown call whose body is partly HTML reads as the page it renders to (issue 23).

The fixture (``fixtures/md-html/input.md``, written by ``fixtures/generate/make_md_html.py``) is a
Jekyll page: front matter, a ``<div>`` wrapper cut by blank lines around a comment, an ``<h2>`` and
a ``<p>``; Markdown ``##`` headings; a ``<ul>`` whose items are cut by blank lines; field lines
ending in ``<br>``; a ``<table>`` whose rows are cut by a blank line; a ``<script>``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

import docparse
from docparse.blocks import BlockKind, Reading
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.read.sourcecount import account_source
from docparse.read.text import read_markdown

from .conftest import FIXTURES, ROOT
from .test_corpus_parity import _normal

SOURCE = FIXTURES / "md-html" / "input.md"
GENERATOR = ROOT / "fixtures" / "generate" / "make_md_html.py"


def _reading() -> Reading:
    return read_markdown(SOURCE.read_bytes(), options=ParseOptions(), name=SOURCE.name)


def test_the_fixture_is_what_its_generator_writes(tmp_path: Path) -> None:
    out = tmp_path
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(out)], check=True)
    assert (out / "input.md").read_bytes() == SOURCE.read_bytes()


def test_html_headings_lists_and_tables_are_read_among_the_markdown_ones() -> None:
    blocks = _reading().blocks
    headings = [(b.text, b.heading_level, b.provenance.line_start) for b in blocks if b.kind is BlockKind.HEADING]
    # `<h2>` is a heading of the level of the `##` headings, on its own source line (all one level
    # below the front matter's title).
    assert headings == [
        ("Community Archives Fund: Call for Proposals 2027", 1, 3),
        ("About the fund", 3, 10),
        ("Themes", 3, 16),
        ("Key facts", 3, 28),
        ("Funding levels", 3, 34),
        ("Contact", 3, 45),
    ]
    items = [(b.label, b.text, b.list_depth, b.provenance.line_start) for b in blocks if b.label]
    assert items == [
        ("•", "Digitising local newspapers and their indexes", 1, 21),
        ("•", "Oral history collection and transcription", 1, 23),
        ("•", "Open catalogues for small museums", 1, 25),
    ]
    # The table's rows, cut by a blank line into two HTML blocks, are one table.
    (table,) = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert table.rows == (
        ("Level", "Amount", "Duration"),
        ("Seed", "5,000 EUR", "6 months"),
        ("Full", "20,000 EUR", "12 months"),
    )
    assert (table.provenance.line_start, table.provenance.line_end) == (36, 40)  # its last row


def test_inline_html_bolds_links_and_breaks_lines() -> None:
    blocks = _reading().blocks
    about = next(b for b in blocks if b.text.startswith("The Lakeside Foundation"))
    assert [(s.text, s.bold, s.link) for s in about.spans if s.bold or s.link] == [
        ("community archives", True, None),
        ("programme rules", False, "https://example.org/rules"),
    ]
    facts = [b for b in blocks if 30 <= (b.provenance.line_start or 0) <= 32]
    assert [(b.text, b.spans[0].bold, b.continues) for b in facts] == [
        ("Deadline: 1 March 2027", True, False),
        ("Budget: up to 20,000 EUR per project", True, True),
        # `<br><br>`: a blank line on the page, a new paragraph.
        ("Late proposals are not read.", False, False),
    ]


def test_comments_and_scripts_are_dropped_as_markup_at_their_lines() -> None:
    dropped = [(d.text, d.reason, d.provenance.line_start) for d in _reading().dropped]
    assert ("Header: the site's template adds the banner above", DropReason.MARKUP, 9) in dropped
    assert ('window.analytics && window.analytics.track("call-2027");', DropReason.MARKUP, 43) in dropped


def test_every_letter_of_the_source_is_kept_or_dropped() -> None:
    data = SOURCE.read_bytes()
    result = account_source(data, docparse.parse(data, format="markdown", name=SOURCE.name))
    assert result.complete, dict(result.missing)
    assert result.source_total > 500


def test_the_markdown_and_the_page_it_renders_to_give_one_outline() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    # The page keeps the front matter on top, as a static site's sources do; the HTML reader reads it so.
    end = text.index("---\n", 4) + 4
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(text[end:])
    page = f"{text[:end]}<!doctype html><html><body>{body}</body></html>".encode()
    from_page = docparse.outline_data(docparse.parse(page, format="html", name="input.html"))
    from_markdown = docparse.outline_data(docparse.parse(SOURCE))
    assert _normal(from_page) == _normal(from_markdown)
