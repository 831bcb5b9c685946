"""The reference call is clean; each mutation of it gives exactly the expected codes."""

from __future__ import annotations

from pathlib import Path

import pytest

import docparse

from ..conftest import FIXTURES
from .seedcalls import SEED_TEXT, block, check_text, codes, line_of, replace_once, topic_block


def _seed_fixtures() -> list[object]:
    params: list[object] = []
    for path in sorted(FIXTURES.glob("seed*/input.*")):
        params.append(pytest.param(path, id=path.parent.name))
    return params


@pytest.mark.parametrize("path", _seed_fixtures())
def test_reference_call_is_clean(path: Path) -> None:
    document = docparse.parse(path)
    assert len(list(document.iter_topics())) == 8
    assert [(d.code, d.message) for d in document.diagnostics if d.severity.rank >= 1] == []


def test_reference_call_has_only_info_diagnostics() -> None:
    document = docparse.parse_text(SEED_TEXT)
    assert {d.code for d in document.diagnostics} == {"DP403", "DP501"}


def test_deleted_direction_is_a_gap_at_the_next_direction() -> None:
    deleted = block(SEED_TEXT, "- 3) **模型小型化技术研究**", "- 4) ")
    text = replace_once(SEED_TEXT, deleted, "")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP301"}
    (gap,) = [d for d in document.diagnostics if d.code == "DP301"]
    assert gap.provenance.line_start == line_of(text, "- 4) **深度学习的表示能力")
    assert gap.node == "1.1/d3"


def test_repeated_direction_number_is_a_duplicate_only() -> None:
    text = replace_once(SEED_TEXT, "- 3) **模型小型化技术研究**", "- 2) **模型小型化技术研究**")
    assert check_text(text) == {"DP302"}


def test_inserted_copy_of_a_direction_is_a_duplicate() -> None:
    line = block(SEED_TEXT, "- 2) 基于深度学习的自然语言对话技术", "- 3) ")
    text = replace_once(SEED_TEXT, line, line + line)
    assert check_text(text) == {"DP302"}


def test_changed_toc_title_is_a_title_mismatch() -> None:
    text = replace_once(SEED_TEXT, "1.2 深度学习框架技术.....", "1.2 深度学习框架.....")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP212"}
    assert [d.provenance.line_start for d in document.diagnostics if d.code == "DP212"] == [11]


def test_toc_title_differing_only_in_whitespace_is_not_a_mismatch() -> None:
    text = replace_once(SEED_TEXT, "1.2 深度学习框架技术.....", "1.2 深度学习 框架技术.....")
    assert check_text(text) == set()


def test_last_topic_deleted_from_the_body_is_a_toc_entry_without_heading() -> None:
    text = replace_once(SEED_TEXT, topic_block("1.5", "2. "), "")
    assert check_text(text) == {"DP210"}


def test_middle_topic_deleted_from_the_body_is_also_a_topic_gap() -> None:
    text = replace_once(SEED_TEXT, topic_block("1.4", "1.5 "), "")
    assert check_text(text) == {"DP210", "DP301"}


def test_topic_deleted_from_the_toc_is_a_heading_missing_from_toc() -> None:
    text = replace_once(SEED_TEXT, "1.3 强化学习/进化学习.....\t3\n", "")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP211"}
    assert [d.node for d in document.diagnostics if d.code == "DP211"] == ["1.3"]


def test_stray_paragraph_between_sections_is_unplaced_text() -> None:
    stray = "以上课题的申报截止日期另行通知，请关注官网。"
    text = replace_once(SEED_TEXT, "\n2. 半开放课题\n", f"\n{stray}\n\n2. 半开放课题\n")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP401"}
    (unplaced,) = [d for d in document.diagnostics if d.code == "DP401"]
    assert unplaced.provenance.line_start == line_of(text, stray)


def test_topics_in_the_wrong_order_are_out_of_order() -> None:
    moved = topic_block("1.4", "1.5 ")
    text = replace_once(SEED_TEXT, moved, "")
    text = replace_once(text, topic_block("1.3", "1.4 "), moved + "\n" + topic_block("1.3", "1.4 "))
    document = docparse.parse_text(text)
    assert [t.number for t in document.iter_topics()][:5] == ["1.1", "1.2", "1.4", "1.3", "1.5"]
    assert codes(document) == {"DP303"}
    assert [d.node for d in document.diagnostics if d.code == "DP303"] == ["1.3"]


def _plain_directions_of_14(text: str) -> str:
    """Return the seed with the Markdown `- ` bullets removed from the directions of 1.4."""
    directions = block(text, "- 1) 领域语义模型", "[返回目录](#)\n\n1.5")
    plain = "\n".join(line.removeprefix("- ") for line in directions.split("\n"))
    return replace_once(text, directions, plain)


def test_plain_text_directions_are_clean() -> None:
    assert check_text(_plain_directions_of_14(SEED_TEXT)) == set()


def test_directions_mixing_two_numbering_styles_are_a_family_change() -> None:
    text = replace_once(_plain_directions_of_14(SEED_TEXT), "\n3) 基于知识图谱", "\n(3) 基于知识图谱")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP304"}
    assert [d.node for d in document.diagnostics if d.code == "DP304"] == ["1.4/d3"]


def test_markdown_directions_mixing_two_numbering_styles_are_a_family_change() -> None:
    text = replace_once(SEED_TEXT, "- 3) 基于知识图谱", "- (3) 基于知识图谱")
    assert check_text(text) == {"DP304"}


def test_marker_followed_by_no_list() -> None:
    directions = block(SEED_TEXT, "- 1) 分布式的多智能体强化学习", "[返回目录](#)\n\n1.4")
    document = docparse.parse_text(replace_once(SEED_TEXT, directions, ""))
    assert codes(document) == {"DP202"}
    assert [d.node for d in document.diagnostics if d.code == "DP202"] == ["1.3"]


def test_topic_with_nothing_under_its_heading_is_empty() -> None:
    heading = "1.3 强化学习/进化学习\n\n"
    body = block(SEED_TEXT, "PARL 是百度基于 PaddlePaddle", "[返回目录](#)\n\n1.4")
    document = docparse.parse_text(replace_once(SEED_TEXT, heading + body, heading))
    assert codes(document) == {"DP201"}
    assert [d.node for d in document.diagnostics if d.code == "DP201"] == ["1.3"]


def test_heading_without_title() -> None:
    text = replace_once(SEED_TEXT, "\n1.3 强化学习/进化学习\n\nPARL", "\n1.3\n\nPARL")
    document = docparse.parse_text(text)
    # The TOC entry keeps its title, so it no longer matches the heading's (empty) title.
    assert codes(document) == {"DP204", "DP212"}


def test_section_without_topics() -> None:
    text = SEED_TEXT[: SEED_TEXT.index("\n2.1 面向前沿领域", SEED_TEXT.index("申报主题\n\n"))] + "\n"
    for number in ("2.1", "2.2", "2.3"):
        text = replace_once(text, next(line for line in text.splitlines() if line.startswith(number)) + "\n", "")
    document = docparse.parse_text(text)
    assert codes(document) == {"DP205"}
    assert [d.node for d in document.diagnostics if d.code == "DP205"] == ["2"]
