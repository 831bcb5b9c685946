"""Topic words number like `项目一` (one family), and a bracketed line is a title of its own."""

from __future__ import annotations

import pytest

from docparse.vocab.families import TOPIC_FAMILIES, match_numbering
from docparse.vocab.markers import is_bracket_title


@pytest.mark.parametrize(
    ("text", "label", "value", "rest"),
    [
        ("赛题十二：利用MindSpore实现BoTNet模型", "赛题十二：", (12,), "利用MindSpore实现BoTNet模型"),
        ("项目一：添加 RNN 算子", "项目一：", (1,), "添加 RNN 算子"),
        ("课题3 数据治理", "课题3", (3,), "数据治理"),
        ("项目一智能计算平台建设", "项目一", (1,), "智能计算平台建设"),
        ("Topic 3: Serverless integrations", "Topic 3:", (3,), "Serverless integrations"),
        ("Project 12. Faster parser", "Project 12.", (12,), "Faster parser"),
    ],
)
def test_a_topic_word_and_its_number_is_one_family(text: str, label: str, value: tuple[int, ...], rest: str) -> None:
    found = match_numbering(text)
    assert found is not None and found.family.name in TOPIC_FAMILIES
    assert (found.label, found.value, found.rest) == (label, value, rest)


@pytest.mark.parametrize(
    "text", ["项目一般要求", "题目一致性", "Project 2 will be funded", "Topic three: x", "题目要求"]
)
def test_a_word_run_on_into_a_sentence_is_no_label(text: str) -> None:
    found = match_numbering(text)
    assert found is None or found.family.name not in TOPIC_FAMILIES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【第一批赛题】", True),
        (" 〖参赛须知〗 ", True),
        ("【注】本项目须在三个月内完成。", False),
        ("【】", False),
        ("第一批赛题", False),
    ],
)
def test_a_bracketed_line_of_its_own_is_a_title(text: str, expected: bool) -> None:
    assert is_bracket_title(text) is expected
