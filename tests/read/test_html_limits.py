"""Issue 27: nothing of a page is lost to a parser limit, a nested list or a codec posing as a charset."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import lxml.html
import pytest

import docparse
from docparse.accounting import iter_document_texts
from docparse.errors import LimitExceededError
from docparse.read.html import _check_finished
from docparse.read.sourcecount import account_source

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import hostile3


def _text(document: docparse.Document) -> str:
    return "\n".join(iter_document_texts(document))


def _all_text(document: docparse.Document) -> str:
    return _text(document) + "".join(d.text for d in document.dropped)


@pytest.mark.parametrize("kind", ["script", "style", "comment", "attribute"])
def test_a_node_over_10_mb_keeps_the_rest_of_the_page(kind: str) -> None:
    data = hostile3.huge_node_page(kind)
    document = docparse.parse(data, name="page.html")
    assert "After the node." in _text(document)
    if kind in ("script", "style"):
        assert any(len(d.text) >= 11_000_000 and d.reason == "markup" for d in document.dropped)
    assert account_source(data, document, name="page.html").complete


def test_a_text_node_over_10_mb_is_refused_by_our_line_limit_not_cut() -> None:
    with pytest.raises(LimitExceededError, match="max_line_chars"):
        docparse.parse(hostile3.huge_node_page("text"), name="page.html")


def test_the_source_counter_sees_what_libxml2_would_cut() -> None:
    # Parsed with libxml2's own 10 MB cap, the page ends at the script: the counter, which does
    # not use libxml2, still counts the paragraph after it, and the stop is seen in the log.
    data = hostile3.huge_node_page("script")
    capped = lxml.html.HTMLParser(no_network=True, huge_tree=False)
    root = lxml.html.document_fromstring(data, parser=capped)
    assert "After the node." not in root.text_content()
    with pytest.raises(LimitExceededError, match="stopped at line 1"):
        _check_finished(capped, "page.html")
    short = docparse.parse_text("# 1. A call\n\nBefore the node.\n")
    assert not account_source(data, short, name="page.html").complete


def test_a_list_nested_in_a_value_is_read_once() -> None:
    text = _text(docparse.parse(hostile3.nested_definitions(), name="page.html"))
    assert text.count("Inner value") == 1
    assert text.count("Outer value") == 1
    assert "Last value" in text


@pytest.mark.parametrize("codec", ["unicode_escape", "zlib", "rot13", "base64", "punycode", "raw_unicode_escape"])
def test_a_codec_that_is_no_web_charset_is_ignored_with_a_diagnostic(codec: str) -> None:
    document = docparse.parse(hostile3.codec_charset(codec), name="page.html")
    assert "\\new\\table" in _all_text(document)
    assert "\u202e" not in _all_text(document)
    assert document.source.encoding == "utf-8"
    notes = [d.message for d in document.diagnostics if d.code == "DP101"]
    assert notes == [f"the page declares charset {codec!r}, not a text encoding of the web: ignored, decoded as utf-8"]


def test_a_web_charset_is_still_used() -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>研究方向</p></body></html>'.encode("gbk")
    document = docparse.parse(page, name="page.html")
    assert "研究方向" in _text(document)
    assert not [d for d in document.diagnostics if d.code == "DP101"]


def test_an_unbuffered_pipe_is_read_to_its_end() -> None:
    data = ("1. Topic heading\n\n" + "Some call text for the topic, line after line.\n" * 4_000).encode()
    read, write = os.pipe()

    def feed() -> None:
        with os.fdopen(write, "wb") as stream:
            stream.write(data)

    feeder = threading.Thread(target=feed)
    feeder.start()
    with os.fdopen(read, "rb", buffering=0) as stream:
        document = docparse.parse(stream)
    feeder.join()
    assert len(data) > 65_536
    assert document.source.size == len(data)
