"""Character classes: `has_han` answers as the `\\p{Han}` pattern, with its quick rejection of low code points."""

from __future__ import annotations

import sys

from docparse.vocab.chars import _FIRST_HAN, HAN, has_han


def test_no_character_below_the_first_han_is_han() -> None:
    # has_han skips the pattern when every character is below _FIRST_HAN: true of every code point.
    assert not any(HAN.search(chr(code)) for code in range(ord(_FIRST_HAN)))
    assert HAN.search(_FIRST_HAN) is not None


def test_has_han_answers_as_the_pattern() -> None:
    texts = [
        "",
        "Research areas",
        "研究内容",
        "Topic 1：机器学习",
        "①②",
        "\u3000",
        "ＡＢＣ",
        "〇",
        "々",
        "𠀀",
        "é\u2e7f",
    ]
    texts += [chr(code) for code in range(0x2E00, 0x3100)] + [chr(0x20000), chr(sys.maxunicode)]
    assert [has_han(text) for text in texts] == [HAN.search(text) is not None for text in texts]
    assert has_han("Topic 1：机器学习") and not has_han("Research areas")
