"""Property tests: call-like documents built from fragments, and random bytes.

Whatever the input: only DocparseError subclasses escape, parsing is deterministic, every
letter and digit is accounted for, and the Markdown export parses back to a stable outline.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docparse
from docparse.accounting import account
from docparse.options import ParseOptions
from docparse.pipeline import build_document, source_for
from docparse.read.sourcecount import account_source
from docparse.read.text import read_string

CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=1, max_size=12)
LATIN = st.text(alphabet=st.sampled_from("abcdefghij klmnop ABC"), min_size=1, max_size=20).map(str.strip).filter(bool)
PUNCT = st.sampled_from(["。", "，", "：", ":", "；", "", "、", "（注）", " (x)", "…"])
WORDS = st.lists(st.one_of(CJK, LATIN, PUNCT), min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())

LABELS = st.sampled_from(
    [
        "1.",
        "2.",
        "1.1",
        "1.2",
        "2.1.3",
        "1)",
        "2)",
        "(1)",
        "（2）",
        "一、",
        "二、",
        "（一）",
        "第一章",
        "①",
        "②",
        "■",
        "●",
        "- ",
        "* ",
        "- 1)",
        "No.12",
        "１．",
        "a)",
    ]
)
FRAGMENT = st.one_of(
    st.tuples(LABELS, WORDS).map(lambda t: f"{t[0]} {t[1]}"),
    WORDS,
    st.sampled_from(
        [
            "建议研究方向：",
            "建议研究方向:",
            "Research directions:",
            "[返回目录](#)",
            "申报主题目录",
            "附件一:",
            "1.1 机器学习.....3",
            "2. 半开放课题\t5",
            "**研究内容**：",
            "技术标签：深度学习",
            "# 标题",
            "### No.236：任务",
            "---",
            "<a name='x'></a>",
            "| a | b |\n| - | - |\n| 1 | 2 |",
        ]
    ),
    st.tuples(st.sampled_from(["**", ""]), WORDS, st.sampled_from(["**", ""]), WORDS).map("".join),
)
DOCUMENT = st.lists(
    st.tuples(FRAGMENT, st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n\r\n"])), min_size=1, max_size=25
).map(lambda parts: "".join(f + sep for f, sep in parts))

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(text: str) -> docparse.Document | None:
    try:
        return docparse.parse(text.encode("utf-8"))
    except docparse.DocparseError:
        return None


@SETTINGS
@given(DOCUMENT)
def test_only_docparse_errors_escape_and_parsing_is_deterministic(text: str) -> None:
    first = _parse(text)
    second = _parse(text)
    assert first == second


@SETTINGS
@given(DOCUMENT)
def test_every_character_is_accounted_for(text: str) -> None:
    options = ParseOptions()
    reading = read_string(text, options=options)
    if not any(block.text.strip() or block.rows for block in reading.blocks):
        return
    document = build_document(reading, source_for(text.encode(), None, reading), options)
    result = account(reading, document)
    assert result.balanced, (dict(result.missing), dict(result.extra))


@SETTINGS
@given(DOCUMENT)
def test_every_character_of_the_source_is_accounted_for(text: str) -> None:
    document = _parse(text)
    if document is not None:
        missing = account_source(text.encode("utf-8"), document).missing
        assert not missing, dict(missing)


@SETTINGS
@given(DOCUMENT)
def test_markdown_export_is_stable_after_one_round(text: str) -> None:
    document = _parse(text)
    if document is None:
        return
    exported = docparse.to_markdown(document)
    if not exported.strip():
        return  # nothing but noise (a lone back-link): an empty export has nothing to parse
    once = docparse.parse_text(exported)
    twice = docparse.parse_text(docparse.to_markdown(once))
    assert docparse.outline_data(twice) == docparse.outline_data(once)


# Examples the property above found (by helpers' runs, stop 25) where the export is not yet stable: a heading
# right after a list comes back as one more item of it; a heading of a bare repeated clause label (`（一）。`)
# comes back as a field. Strict: when the export is fixed they pass and must leave this list.
UNSTABLE_ROUND_TRIPS = [
    "1. 一\n1. 一\n附件一:\n\n一\n",
    "建议研究方向：\n1. 一\n建议研究方向：\n1) 一\n附件一:\n\n一\n",
]
# Examples the property test found that are stable now: kept, so they stay so.
FIXED_ROUND_TRIPS = [
    "建议研究方向：\n### No.236：任务\n（一） 。\n（一） 。\n",
]


def _assert_round_trip_stable(text: str) -> None:
    document = _parse(text)
    assert document is not None
    once = docparse.parse_text(docparse.to_markdown(document))
    twice = docparse.parse_text(docparse.to_markdown(once))
    assert docparse.outline_data(twice) == docparse.outline_data(once)


@pytest.mark.parametrize("text", FIXED_ROUND_TRIPS)
def test_markdown_export_fixed_examples_stay_stable(text: str) -> None:
    _assert_round_trip_stable(text)


@pytest.mark.xfail(strict=True, reason="known export instability found by the property test (see UNSTABLE_ROUND_TRIPS)")
@pytest.mark.parametrize("text", UNSTABLE_ROUND_TRIPS)
def test_markdown_export_known_unstable_examples(text: str) -> None:
    _assert_round_trip_stable(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048))
def test_random_bytes_give_a_document_or_a_docparse_error(data: bytes) -> None:
    with contextlib.suppress(docparse.DocparseError):
        docparse.parse(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=512), st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf"]))
def test_format_signatures_followed_by_junk_give_a_docparse_error_at_worst(tail: bytes, head: bytes) -> None:
    with contextlib.suppress(docparse.DocparseError):
        docparse.parse(head + tail)
