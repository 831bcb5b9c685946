"""Bad and hostile HTML: each gives a typed error or a diagnostic, never a traceback, never a hang."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

import docparse
from docparse.errors import (
    CorruptDocumentError,
    DecodingError,
    EmptyDocumentError,
    LimitExceededError,
)
from docparse.options import Limits, ParseOptions
from docparse.read.html import _PARSER, MAX_DEPTH, read_html

HOSTILE: dict[str, tuple[bytes, type[docparse.DocparseError], str]] = {
    "nested-10000-divs": (
        b"<html><body>" + b"<div>" * 10_000 + b"deep text" + b"</div>" * 10_000,
        LimitExceededError,
        "nested more than",
    ),
    "nested-10000-inline": (b"<p>" + b"<b><i>" * 5_000 + b"x", LimitExceededError, "nested more than"),
    "text-node-5mb": (b"<html><body><p>" + b"word " * 1_000_000 + b"</p>", LimitExceededError, "max_line_chars"),
    "billion-laughs": (
        b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;</p></body></html>',
        CorruptDocumentError,
        "internal subset",
    ),
    "xxe": (
        b'<!doctype html [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<html><body><p>&x;</p></body></html>',
        CorruptDocumentError,
        "internal subset",
    ),
    "empty-body": (
        b"<!DOCTYPE html><html><head><title></title></head><body>  </body></html>",
        EmptyDocumentError,
        "no text",
    ),
    "only-scripts": (
        b"<html><head><script>alert('x')</script></head><body><script>var t = 'text';</script>"
        b"<style>p { color: red }</style><noscript>Enable JavaScript</noscript></body></html>",
        EmptyDocumentError,
        "no text",
    ),
    "only-chrome": (
        b"<html><body><nav>Home | News</nav><main></main><footer>Copyright</footer></body></html>",
        EmptyDocumentError,
        "no text",
    ),
    "nul-characters": (b"<html><body><p>a\x00b\x00c</p></body></html>", DecodingError, "NUL"),
    "doctype-only": (b"<!DOCTYPE html>", EmptyDocumentError, "no text"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_page_gives_its_typed_error(name: str) -> None:
    data, error, message = HOSTILE[name]
    with pytest.raises(error, match=message) as caught:
        docparse.parse(data)
    assert type(caught.value) is error


def test_the_parser_keeps_libxml2s_guards_and_loads_nothing() -> None:
    # libxml2 stops at 2048 levels (huge_tree on): MAX_DEPTH sits below it, so the tree a page
    # deeper than that leaves is always refused by our own depth check.
    tree = lxml.html.document_fromstring(b"<div>" * 10_000 + b"x", parser=_PARSER)
    deepest = max(sum(1 for _ in element.iterancestors()) for element in tree.iter())
    assert MAX_DEPTH < deepest + 1 <= 2048
    page = b'<html><body><img src="http://127.0.0.1:9/x.png"><iframe src="file:///etc/passwd"></iframe><p>ok</p>'
    reading = read_html(page, options=ParseOptions())
    assert [block.text for block in reading.blocks] == ["ok"]
    assert not reading.dropped  # an image and an empty iframe hold no text; nothing was fetched


def test_invalid_bytes_and_entities_give_diagnostics_not_errors() -> None:
    document = docparse.parse(b"<html><body><p>Budget \xff\xfe\x80 caf\xe9 &#0; &#x110000; &bogus; &#xD800;</p>")
    codes = {d.code for d in document.diagnostics}
    assert "DP101" in codes  # not UTF-8: decoded by the fallback chain, and said so
    document = docparse.parse(b"<html><body><p>a&#0;b &#x110000;</p></body></html>")
    assert "DP105" in {d.code for d in document.diagnostics}  # replacement characters reported


def test_block_and_time_limits_apply() -> None:
    many = b"<html><body>" + b"<p>x</p>" * 2_000
    with pytest.raises(LimitExceededError, match="max_blocks"):
        docparse.parse(many, options=ParseOptions(limits=Limits(max_blocks=1_000)))
    with pytest.raises(LimitExceededError, match="max_input_bytes"):
        docparse.parse(many, options=ParseOptions(limits=Limits(max_input_bytes=1_000)))
    with pytest.raises(LimitExceededError, match="max_seconds"):
        docparse.parse(many * 5, options=ParseOptions(limits=Limits(max_seconds=1e-9)))


def test_a_broken_page_is_read_not_refused() -> None:
    page = b"<HTML><body><h2>1. Part</h4><p>x</div></p></span><body><p>Second body</p><td>stray cell</td></HTML>"
    document = docparse.parse(page)
    assert document.source.format == "html"
    assert "Second body" in docparse.to_markdown(document)


def test_check_lints_html_files_in_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    page = "<!DOCTYPE html><html><body><main><h1>申报指南</h1><h2>1. 开放课题</h2><h3>1.1 机器学习</h3>"
    page += "<p>建议研究方向：</p><p>1) 研究甲。</p><p>3) 研究丙。</p></main></body></html>"
    (folder / "call.html").write_text(page, encoding="utf-8")
    (folder / "broken.htm").write_bytes(b"<!DOCTYPE html [<!ENTITY a 'b'>]><p>&a;</p>")
    run = subprocess.run(
        [sys.executable, "-m", "docparse", "check", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert any("call.html:" in line and "DP301" in line for line in lines), run.stdout
    assert any("broken.htm:" in line and "DP100" in line for line in lines), run.stdout
    assert "Traceback" not in run.stderr
