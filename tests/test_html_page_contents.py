"""HTML reader: a ``<nav>`` whose links all lead to anchors of the page is the call's contents, not site chrome."""

from __future__ import annotations

import docparse
from docparse.model.document import DropReason

_BODY = """
<h2 id="intro">I. Introduction</h2><p>The call funds open ecosystems.</p>
<h2 id="elig">II. Eligibility</h2><p>Universities may apply.</p>
<h2 id="review">III. Selection</h2><p>Panels review each proposal.</p>
"""


def _page(nav: str) -> bytes:
    return f"<html><body><h1>Open call</h1>{nav}{_BODY}</body></html>".encode()


def test_a_nav_of_in_page_links_is_the_table_of_contents() -> None:
    nav = (
        '<nav aria-label="Table of contents"><h3>Table of Contents</h3><ol type="I">'
        '<li><a href="#intro">Introduction</a></li><li><a href="#elig">Eligibility</a></li>'
        '<li><a href="#review">Selection</a></li></ol></nav>'
    )
    document = docparse.parse(_page(nav), name="call.html")
    assert [entry.title for entry in document.toc] == ["Introduction", "Eligibility", "Selection"]
    assert [entry.label for entry in document.toc] == ["I.", "II.", "III."]


def test_a_nav_leading_to_other_pages_stays_site_chrome() -> None:
    nav = (
        '<nav><ul><li><a href="/intro">Introduction</a></li><li><a href="/elig">Eligibility</a></li>'
        '<li><a href="#review">Selection</a></li></ul></nav>'
    )
    document = docparse.parse(_page(nav), name="call.html")
    assert not document.toc
    assert any(d.reason is DropReason.SITE_CHROME and "Eligibility" in d.text for d in document.dropped)


def test_a_nav_whose_anchors_the_page_lacks_stays_site_chrome() -> None:
    nav = (
        '<nav><ul><li><a href="#a">Home</a></li><li><a href="#b">News</a></li>'
        '<li><a href="#c">About</a></li></ul></nav>'
    )
    document = docparse.parse(_page(nav), name="call.html")
    assert any(d.reason is DropReason.SITE_CHROME and "News" in d.text for d in document.dropped)
