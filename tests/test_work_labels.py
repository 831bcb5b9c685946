"""The vocabulary of statements of work: lettered clause numbers, counted work units, labelled titles."""

from __future__ import annotations

import pytest

from docparse.outline.work import work_unit
from docparse.vocab.families import match_numbering
from docparse.vocab.markers import (
    is_labelled_title,
    is_problem_label,
    is_problem_part,
    is_task_part,
    is_topic_title_label,
    problem_title,
)


@pytest.mark.parametrize(
    ("text", "label", "value", "rest"),
    [
        ("C.1 Background", "C.1", (1,), "Background"),
        ("C.7.1 Introduction", "C.7.1", (7, 1), "Introduction"),
        ("C.10 Contractor Travel", "C.10", (10,), "Contractor Travel"),
    ],
)
def test_a_contract_section_letter_numbers_its_clauses(
    text: str, label: str, value: tuple[int, ...], rest: str
) -> None:
    found = match_numbering(text)
    assert found is not None and found.family.name == "lettered-decimal"
    assert (found.label, found.value, found.rest) == (label, value, rest)


@pytest.mark.parametrize("text", ["U.S. Army", "E.g. this one", "C.1a", "CA.1 Scope"])
def test_abbreviations_are_not_lettered_clauses(text: str) -> None:
    found = match_numbering(text)
    assert found is None or found.family.name != "lettered-decimal"


def test_counted_work_labels() -> None:
    assert [work_unit(label).last for label in ("Task 1", "Task 2:", "Work Package 3", "Subtask 4")] == [1, 2, 3, 4]  # type: ignore[union-attr]
    assert work_unit("Task") is None and work_unit("Task 1 design") is None and work_unit("Tasks 1") is None


def test_a_title_label_may_name_a_long_title_but_not_a_sentence() -> None:
    assert is_topic_title_label("Title") and is_topic_title_label("Call For Proposals:")
    long_title = (
        "Assessment of Model-Based Systems Engineering Processes in a Regulatory Review Context for "
        "Digital Instrumentation and Controls of Existing Nuclear Power Plants"
    )
    assert is_labelled_title(long_title)
    assert not is_labelled_title("The contractor shall assess the processes. It shall report to the agency monthly.")


@pytest.mark.parametrize(
    ("line", "label", "title"),
    [
        ("B题  基于餐厅消费数据的隐形资助研究", "B题", "基于餐厅消费数据的隐形资助研究"),
        ("赛题A:  视频抄袭检测方法研究", "赛题A", "视频抄袭检测方法研究"),
        ("第八届数据挖掘挑战赛——C 题：“智慧政务”中的文本挖掘应用", "C 题", "“智慧政务”中的文本挖掘应用"),
        ("2026 年 MCM 问题 C：与星同在的数据", "问题 C", "与星同在的数据"),
        ("Problem B: Ship Routing under Uncertainty", "Problem B", "Ship Routing under Uncertainty"),
    ],
)
def test_a_title_line_carries_a_problem_label(line: str, label: str, title: str) -> None:
    assert problem_title(line) == (label, title)
    assert is_problem_label(label) and is_topic_title_label(label)


@pytest.mark.parametrize(
    "line", ["A题是一个很难的问题，需要建模。", "基于FPGA的音频采样率变换", "ProblemB x", "题目名称：智能体"]
)
def test_a_line_without_a_problem_label_is_no_problem_title(line: str) -> None:
    assert problem_title(line) is None


def test_problem_parts_and_task_parts() -> None:
    assert all(is_problem_part(label) for label in ("赛题简介", "基本任务：", "解决问题", "Problem Statement"))
    assert all(is_task_part(label) for label in ("基本任务", "解决问题", "Tasks", "problem statement"))
    assert not any(is_task_part(label) for label in ("赛题简介", "背景", "发挥部分", "Problem Description"))
    assert not any(is_problem_part(label) for label in ("项目简介", "申报条件", "Task", "Background"))


def test_a_full_width_colon_closes_a_number_but_not_before_a_digit() -> None:
    found = match_numbering("1：FPGA实现线性插值算法的采样率变换；")
    assert found is not None and found.family.name == "decimal" and found.value == (1,)
    assert match_numbering("9：00 开始报到") is None
