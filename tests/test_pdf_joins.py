"""PDF line joins of Latin words broken at a hyphen: a word's cut hyphen goes, a compound's own hyphen stays."""

from __future__ import annotations

from docparse.read.pdf.joins import text_joint


def _join(before: str, after: str) -> str:
    cut, sep = text_joint(before, after)
    return (before[:-cut] if cut else before) + sep + after


def test_a_word_hyphenated_at_the_line_end_is_rejoined() -> None:
    assert _join("the environ-", "ment") == "the environment"
    assert _join("Twenty-", "Four") == "Twenty-Four"


def test_a_compound_already_hyphenated_keeps_the_hyphen_it_was_broken_at() -> None:
    assert _join("Chinese-RoBERTa-", "wwm-ext[7]") == "Chinese-RoBERTa-wwm-ext[7]"
    assert _join("a state-of-the-", "art method") == "a state-of-the-art method"
    assert _join("see https://a.org/x-", "y") == "see https://a.org/x-y"
