"""Numbering rules (DP3xx): the sequence check alone, and on small calls."""

from __future__ import annotations

import bisect

import pytest
from hypothesis import given
from hypothesis import strategies as st

import docparse
from docparse.check.numbering import Item, check_sequence
from docparse.model.provenance import Provenance

from ..conftest import corpus_file
from .seedcalls import check_text


def _items(numbers: list[int], family: str = "paren-right") -> list[Item]:
    return [Item(n, family, f"{n})", Provenance(line_start=i + 1), f"d{i + 1}") for i, n in enumerate(numbers)]


def _found(numbers: list[int], continues_from: int | None = None, family: str = "paren-right") -> list[tuple[str, str]]:
    """Return (code, node) of each finding on a sequence of numbers."""
    return [(d.code, d.node or "") for d in check_sequence(_items(numbers, family), "direction", continues_from)]


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([1, 2, 3], []),
        ([1, 2, 4], [("DP301", "d3")]),
        ([2, 3, 4], [("DP301", "d1")]),
        ([1, 2, 5, 6, 9], [("DP301", "d3"), ("DP301", "d5")]),
        ([1, 2, 2, 3], [("DP302", "d3")]),
        # The duplicate stands where 3 was expected and 3 is nowhere: one finding, not also a gap.
        ([1, 2, 2, 4], [("DP302", "d3")]),
        ([1, 2, 2, 6], [("DP302", "d3"), ("DP301", "d4")]),
        ([1, 3, 2, 4], [("DP303", "d3")]),
        ([1, 2, 4, 3, 5], [("DP303", "d4")]),
        # One item moved to the front is one finding, not one per item after it.
        ([5, 1, 2, 3, 4], [("DP303", "d1")]),
        ([3, 2, 1], [("DP303", "d2"), ("DP303", "d3")]),
    ],
)
def test_sequence_findings(numbers: list[int], expected: list[tuple[str, str]]) -> None:
    assert _found(numbers) == expected


def test_a_sequence_may_continue_the_previous_one() -> None:
    assert _found([4, 5, 6], continues_from=3) == []
    assert _found([1, 2], continues_from=3) == []
    assert _found([5, 6], continues_from=3) == [("DP301", "d1")]


def test_identifier_numbers_are_not_positions() -> None:
    assert _found([236, 237, 239], family="no") == []
    assert _found([236, 237, 237], family="no") == [("DP302", "d3")]
    assert _found([237, 236], family="no") == [("DP303", "d2")]


@given(st.permutations(list(range(1, 9))))
def test_a_permutation_gives_only_out_of_order_findings_for_the_fewest_moves(numbers: list[int]) -> None:
    found = _found(numbers)
    assert {code for code, _ in found} <= {"DP303"}
    tails: list[int] = []
    for number in numbers:
        position = bisect.bisect_left(tails, number)
        tails[position : position + 1] = [number]
    assert len(found) == len(numbers) - len(tails)


@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=30))
def test_gaps_and_duplicates_follow_the_numbers(numbers: list[int]) -> None:
    findings = list(check_sequence(_items(numbers), "direction"))
    gaps = [d for d in findings if d.code == "DP301"]
    duplicates = [d for d in findings if d.code == "DP302"]
    missing = set(range(1, max(numbers) + 1)) - set(numbers)
    assert len(duplicates) == len(numbers) - len(set(numbers))
    if not missing:
        assert gaps == []
    elif not duplicates:
        assert 1 <= len(gaps) <= len(missing)
    # A gap is reported at an item whose number directly follows a missing number.
    nodes = {item.node: item.number for item in _items(numbers)}
    assert all(nodes[d.node or ""] - 1 in missing for d in gaps)


def test_tracks_are_checked() -> None:
    call = "1. 开放课题\n\n1.1 机器学习\n\n（一）优化算法\n\n研究优化。\n\n（二）可解释性\n\n研究可解释性。\n\n"
    assert check_text(call + "（三）模型压缩\n\n研究压缩。\n") == set()
    document = docparse.parse_text(call + "（四）模型压缩\n\n研究压缩。\n")
    assert [(d.code, d.node) for d in document.diagnostics if not d.code.startswith("DP5")] == [("DP301", "1.1/t3")]


def test_one_level_topics_may_continue_across_sections() -> None:
    call = (
        "一、开放课题\n\n1. 机器学习\n\n研究。\n\n2. 框架\n\n研究。\n\n"
        "二、半开放课题\n\n3. 模型\n\n研究。\n\n4. 部署\n\n研究。\n"
    )
    assert check_text(call) == set()
    assert check_text(call.replace("4. 部署", "5. 部署")) == {"DP301"}


def test_topic_under_another_sections_number() -> None:
    call = (
        "1. 开放课题\n\n1.1 机器学习\n\n研究。\n\n1.2 框架\n\n研究。\n\n"
        "2. 半开放课题\n\n2.1 模型\n\n研究。\n\n1.3 推理\n\n研究。\n\n2.2 部署\n\n研究。\n"
    )
    document = docparse.parse_text(call)
    assert [(d.code, d.node) for d in document.diagnostics if not d.code.startswith("DP5")] == [("DP305", "1.3")]


def test_family_change_that_restarts_at_one_begins_a_new_sequence() -> None:
    call = "1.1 机器学习\n\n建议研究方向：\n\n1) 优化。\n2) 解释。\n（1）压缩。\n（2）蒸馏。\n"
    document = docparse.parse_text(call)
    assert [(d.code, d.node) for d in document.diagnostics if not d.code.startswith("DP5")] == [("DP304", "1.1/d3")]


@pytest.mark.parametrize(
    "name",
    ["zh_paddle_hackathon4_industry_tasks.txt", "zh_paddle_hackathon9_scicomp_tasks.txt", "en_cisco_research_rfps.txt"],
)
def test_real_calls_of_other_publishers_have_no_numbering_findings(name: str) -> None:
    document = docparse.parse(corpus_file(name))
    assert [(d.code, d.message) for d in document.diagnostics if d.code.startswith("DP3")] == []


def test_directions_straight_under_a_section_are_checked() -> None:
    call = "1. 开放课题\n\n建议研究方向：\n\n1) 优化。\n3) 压缩。\n\n1.1 机器学习\n\n研究。\n"
    document = docparse.parse_text(call)
    assert [(d.code, d.node) for d in document.diagnostics if not d.code.startswith("DP5")] == [("DP301", "1/d2")]
