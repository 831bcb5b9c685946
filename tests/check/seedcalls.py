"""Mutated copies of the reference call, built from the seed text with string edits."""

from __future__ import annotations

import docparse
from docparse import Document

from ..conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def replace_once(text: str, old: str, new: str) -> str:
    """Return `text` with the single occurrence of `old` replaced (fail if it is not there exactly once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def block(text: str, start: str, end: str) -> str:
    """Return the part of `text` from the line starting with `start` up to (not including) `end`."""
    first = text.index(start)
    return text[first : text.index(end, first)]


def topic_block(number: str, following: str) -> str:
    """Return a body topic of the seed: its heading line up to the next heading `following`."""
    title_line = next(line for line in SEED_TEXT.splitlines()[20:] if line.startswith(f"{number} "))
    return block(SEED_TEXT, f"\n{title_line}\n", f"\n{following}")[1:]


def codes(document: Document) -> set[str]:
    """Return the codes of the diagnostics at warning level or above."""
    return {d.code for d in document.diagnostics if d.severity.rank >= 1}


def check_text(text: str) -> set[str]:
    return codes(docparse.parse_text(text))


def line_of(text: str, needle: str) -> int:
    """Return the 1-based number of the line of `text` that contains `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)
