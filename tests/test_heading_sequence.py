"""Outline stage: a heading's number is kept as an outline position, so the next one is seen to follow it."""

from __future__ import annotations

from types import SimpleNamespace

from docparse.outline.rules.headings import continues
from docparse.outline.state import Levels
from docparse.vocab.families import match_numbering


def _after(printed: str, following: str) -> bool:
    heads = Levels()
    first, second = match_numbering(printed), match_numbering(following)
    assert first is not None and second is not None
    heads.record(first)
    return continues(SimpleNamespace(heads=heads), second)  # type: ignore[arg-type]


def test_chapter_numbers_ending_in_zero_follow_one_another() -> None:
    # "4.0 Intended users" then "5.0 Known constraints" (a US RFP): 5.0 goes on from 4.0
    assert _after("4.0 Intended users", "5.0 Known constraints")
    assert not _after("4.0 Intended users", "6.0 Project schedule")


def test_plain_numbers_still_follow_as_before() -> None:
    assert _after("1.2 Scope", "1.3 Constraints")
    assert not _after("1.2 Scope", "1.4 Constraints")
