"""The vocabulary of statements of work: lettered clause numbers, counted work units, labelled titles."""

from __future__ import annotations

import pytest

from docparse.outline.work import work_unit
from docparse.vocab.families import match_numbering
from docparse.vocab.markers import is_labelled_title, is_topic_title_label


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
