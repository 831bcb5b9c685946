"""A PDF whose font names ideographs by their Kangxi radicals reads as the page shows it.

fixtures/pdf-kangxi/input.pdf (fixtures/generate/make_kangxi_pdf.py) prints 一、背景介绍 and 二、任务场景 in a font
whose ToUnicode map says ⼀ (U+2F00) and ⼆ (U+2F06), as Chrome's and macOS's PDF output of some CJK fonts does.
"""

from __future__ import annotations

import docparse
from docparse.vocab.chars import KANGXI_RADICALS, fold_radicals

from .conftest import FIXTURES

SOURCE = FIXTURES / "pdf-kangxi" / "input.pdf"


def test_the_fixture_text_layer_holds_radicals() -> None:
    import pdfplumber

    with pdfplumber.open(SOURCE) as pdf:
        text = pdf.pages[0].extract_text()
    assert "\u2f00、背景介绍" in text and "\u2f64" in text


def test_radicals_read_as_the_ideographs_the_page_shows() -> None:
    document = docparse.parse(SOURCE)
    first, last = KANGXI_RADICALS
    assert not any(first <= ord(ch) <= last for ch in docparse.to_json(document))
    titles = [(s.label, s.title) for s in document.sections]
    assert titles == [("一、", "背景介绍"), ("二、", "任务场景"), ("三、", "评测方式")]
    assert [s.number for s in document.sections] == ["1", "2", "3"]
    assert "缓存与复用" in docparse.to_markdown(document)


def test_fold_radicals_maps_only_the_radicals_block() -> None:
    assert fold_radicals("\u2f00、\u2f06、复\u2f64") == "一、二、复用"
    assert fold_radicals("⺀ 一 ① ｱ") == "⺀ 一 ① ｱ"  # other compatibility characters are kept as printed
