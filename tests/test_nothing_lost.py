"""Nothing is lost silently: every letter and digit is in the model or in ``dropped``.

Two checks. `docparse.accounting.account` compares what a reader read with the model (so the
later stages lose nothing); `docparse.read.sourcecount.account_source` reads the source again
without the readers (so a reader loses nothing either). Both run on every committed fixture and
the shared corpus (its PDFs up to MAX_PDF_BYTES); the source check also on inputs built to make
a reader lose text.
"""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import docparse
from docparse.accounting import _NOT_CONTENT, account, content_chars, content_total
from docparse.model.document import DropReason
from docparse.options import ParseOptions
from docparse.pipeline import build_document, source_for
from docparse.read import read_blocks
from docparse.read.sourcecount import _drawn_again, account_source

from .conftest import CORPUS, FIXTURES, SEED
from .read.docx_factory import make_docx, p, r

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
# The suite's time budget: the larger corpus PDFs (up to 111,000 letters, about 30 s for the two
# reads) are checked by bench/nothing_lost.py instead, with the result in bench/RESULTS.md.
MAX_PDF_BYTES = 600_000


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("*/input.*"))


def _corpus() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        path
        for path in CORPUS.iterdir()
        if path.suffix in SUFFIXES and (path.suffix != ".pdf" or path.stat().st_size <= MAX_PDF_BYTES)
    )


def _ids(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def check_accounting(path: Path) -> None:
    data = path.read_bytes()
    options = ParseOptions()
    reading = read_blocks(data, options=options, name=path.name)
    document = build_document(reading, source_for(data, path.name, reading), options)
    result = account(reading, document)
    assert result.balanced, f"missing {dict(result.missing)!r}, extra {dict(result.extra)!r}"


def check_source(data: bytes, name: str, *, text_layer: bool = True) -> docparse.Document:
    """Parse `data` and check that every letter of its source is held; `text_layer=False` admits a
    PDF without one (read by OCR), whose source count is zero."""
    document = docparse.parse(data, name=name)
    result = account_source(data, document, name=name)
    assert result.source_total > 0 or not text_layer
    assert result.complete, f"{result.missing.total()} of {result.source_total} lost: {dict(result.missing)!r}"
    return document


def test_content_chars_are_the_letters_and_digits_counted_one_by_one() -> None:
    # content_chars counts every character then drops the kinds that are not L or N: the same
    # counts, in the same order, as asking each character's category.
    text = SEED.read_text(encoding="utf-8") + "① ½ Ⅻ ３ é\u0301 ‐—“”…\u3000\t研究Ab12"
    expected = Counter(ch for ch in text if unicodedata.category(ch)[0] in "LN")
    counted = content_chars(text)
    assert counted == expected and list(counted) == list(expected)
    assert counted["研"] >= 2 and "：" not in counted and "\u0301" not in counted
    assert content_total([text[:100], text[100:], ""]) == sum(expected.values())


def test_content_total_counts_the_letters_and_digits_of_every_code_point() -> None:
    # content_total finds the runs of other characters of a Chinese text with `re`'s `\W` and `_`:
    # that is category L or N, character by character, in this Python's Unicode tables too.
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    content = "".join(ch for ch in every if unicodedata.category(ch)[0] in "LN")
    assert _NOT_CONTENT.sub("", every) == content
    # Each way of counting: a Latin text's (per kind of character), a Chinese text's and one of many
    # kinds of symbols (per run, in one pass: a count per kind read it once for each, quadratic).
    latin = "Ab 12, é́ ½ Ⅻ ３ ‐—“”…　	_" * 50
    assert content_total([latin]) == sum(unicodedata.category(ch)[0] in "LN" for ch in latin)
    assert content_total([every, "_研_"]) == len(content) + 1
    assert content_total(["_研_", every]) == len(content) + 1


def test_there_are_fixtures_of_every_format() -> None:
    # A missing committed fixture must fail here, not shrink the parametrised tests silently.
    assert {path.suffix for path in _fixtures()} == {".txt", ".md", ".html", ".docx", ".pdf"}


@pytest.mark.parametrize("path", _fixtures(), ids=_ids)
def test_every_character_read_is_accounted_for(path: Path) -> None:
    check_accounting(path)


@pytest.mark.parametrize("path", _fixtures(), ids=_ids)
def test_every_character_of_a_fixture_is_accounted_for(path: Path) -> None:
    check_source(path.read_bytes(), path.name)


@pytest.mark.parametrize("path", sorted((FIXTURES / "hostile").glob("*.pdf")), ids=_ids)
def test_a_hostile_pdf_is_refused_or_read_whole(path: Path) -> None:
    with contextlib.suppress(docparse.DocparseError):  # refused with a typed error: nothing was claimed
        check_source(path.read_bytes(), path.name, text_layer=False)


@pytest.mark.parametrize("path", _corpus(), ids=_ids)
def test_every_character_of_a_corpus_call_is_accounted_for(path: Path) -> None:
    with contextlib.suppress(docparse.NoTextLayerError):  # no text layer: no characters to account for
        check_source(path.read_bytes(), path.name)


def test_markdown_nested_past_markdown_its_limit_keeps_its_text() -> None:
    quotes = "\n".join("> " * 20 + f"第{i}段 quoted text {i}" for i in range(30))
    lists = "\n".join("    " * depth + f"- level {depth} 列表项" for depth in range(40))
    deep = "\n".join("> " * 300 + f"line {i}" for i in range(5))
    for text in (quotes, lists, deep):
        check_source(text.encode("utf-8"), "deep.md")


def test_twenty_nested_quotes_are_read_as_text() -> None:
    quotes = "\n\n".join("> " * 20 + f"第{i}段 quoted text" for i in range(3))
    document = check_source(quotes.encode("utf-8"), "quotes.md")
    assert "第2段 quoted text" in docparse.to_markdown(document)
    assert "> >" not in docparse.to_markdown(document)


def test_link_reference_definitions_are_dropped_as_markup() -> None:
    text = '# Call\n\nSee [the site][home] and [faq].\n\n[home]: https://example.org/a "Home"\n[faq]: /faq\n'
    document = check_source(text.encode("utf-8"), "refs.md")
    assert [d.text for d in document.dropped if d.reason is DropReason.MARKUP] == [
        '[home]: https://example.org/a "Home"',
        "[faq]: /faq",
    ]


def test_word_comments_are_dropped_as_comments() -> None:
    body = p(r("1. 开放课题"), r(extra='<w:commentReference w:id="7"/>')) + p(r("研究内容：优化算法"))
    comment = f'<w:comment w:id="7" w:author="A">{p(r("Please check this 审阅意见"))}</w:comment>'
    data = make_docx(body, comments=comment)
    document = check_source(data, "c.docx")
    (dropped,) = [d for d in document.dropped if d.reason is DropReason.COMMENT]
    assert dropped.text == "Please check this 审阅意见"
    assert dropped.provenance.paragraph_start == 0


def test_hidden_word_runs_are_dropped_as_hidden() -> None:
    body = p(r("1. 开放课题"), r("隐藏文字 hidden", rpr="<w:vanish/>"), r("可见"))
    document = check_source(make_docx(body), "h.docx")
    assert [(d.text, d.reason) for d in document.dropped] == [("隐藏文字 hidden", DropReason.HIDDEN)]


def test_word_alt_chunks_are_read_in_place_or_dropped_by_name() -> None:
    html = "<html><body><h2>导入的标题</h2><p>Imported paragraph 导入段落</p></body></html>".encode()
    inner = make_docx(p(r("嵌套文档的文字 nested")))
    body = (
        p(r("第一段 first"))
        + '<w:altChunk r:id="rIdA"/>'
        + p(r("第二段 second"))
        + '<w:altChunk r:id="rIdB"/><w:altChunk r:id="rIdC"/><w:altChunk r:id="rIdD"/>'
    )
    chunks = {
        "rIdA": ("afchunk.htm", html),
        "rIdB": ("afchunk2.txt", "纯文本导入 plain import".encode()),
        "rIdC": ("afchunk3.docx", inner),
        "rIdD": ("afchunk4.rtf", rb"{\rtf1 RTF text}"),
    }
    data = make_docx(body, chunks=chunks)
    document = check_source(data, "a.docx")
    texts = [block.text for block in read_blocks(data, options=ParseOptions(), name="a.docx").blocks]
    assert texts == [
        "第一段 first",
        "导入的标题",
        "Imported paragraph 导入段落",
        "第二段 second",
        "纯文本导入 plain import",
        "嵌套文档的文字 nested",
    ]
    assert [(d.text, d.reason) for d in document.dropped] == [("afchunk4.rtf", DropReason.EMBEDDED)]


def test_html_text_nodes_are_all_accounted_for() -> None:
    page = (
        "<html><head><title>Call 2026</title><style>p{}</style></head><body><nav>Home Menu</nav>"
        "<main><h1>Call 2026</h1><p>Topic one 课题一</p><p hidden>secret text</p>"
        "<script>var x = 1;</script></main></body></html>"
    )
    check_source(page.encode(), "page.html")


def test_word_text_where_word_shows_none_is_dropped_as_hidden() -> None:
    # Fuzzed structures: a run straight in the body, a paragraph inside run properties, text
    # inside a field instruction. Word shows none of them; none may vanish without a record.
    body = (
        p(r("1. 开放课题"))
        + r("stray run")
        + p(r("正文", rpr=p(r("inside properties"))))
        + p(
            r(extra='<w:fldChar w:fldCharType="begin"/><w:t>instruction words</w:t>'),
            r(extra='<w:fldChar w:fldCharType="separate"/>'),
            r("结果"),
            r(extra='<w:fldChar w:fldCharType="end"/>'),
        )
        + p(r("末段"))
        + "<w:t>after the end</w:t>"
    )
    document = check_source(make_docx(body), "misplaced.docx")
    hidden = [d.text for d in document.dropped if d.reason is DropReason.HIDDEN]
    assert hidden == ["stray run", "inside properties", "instruction words", "after the end"]


def test_a_pdf_glyph_drawn_again_within_a_point_counts_once() -> None:
    # The PDF reader keeps a glyph drawn again within 1 pt once (fake bold); the count must agree,
    # also across a whole point (132.1 and 132.77 round apart).
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    assert not _drawn_again(seen, "R", 132.1, 532.9)
    assert _drawn_again(seen, "R", 132.77, 533.2)
    assert not _drawn_again(seen, "R", 134.0, 532.9)
    assert not _drawn_again(seen, "ł", 132.1, 532.9)
