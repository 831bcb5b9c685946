"""Character classes: `has_han` answers as the `\\p{Han}` pattern, with its quick rejection of ASCII texts."""

from __future__ import annotations

import sys

from docparse.vocab.chars import HAN, has_han


def test_no_ascii_character_is_han() -> None:
    # has_han skips the pattern for an ASCII text: true of every code point below 128.
    assert not any(HAN.search(chr(code)) for code in range(128))


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
    texts += [chr(code) for code in range(0x80, 0x2E00, 7)] + ["Paragraph 1 of a call, the applicant\u2019s"]
    assert [has_han(text) for text in texts] == [HAN.search(text) is not None for text in texts]
    assert has_han("Topic 1：机器学习") and not has_han("Research areas")
