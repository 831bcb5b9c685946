"""Shared paths and helpers for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# The property tests run a fixed sequence of examples, so that a run of the suite (CI's, a user's) is
# reproducible and a failure is a change, not a draw; HYPOTHESIS_EXPLORE=1 explores new examples each time
# (and remembers failures) while developing. Examples exploration found are pinned in the tests themselves.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if not os.environ.get("HYPOTHESIS_EXPLORE"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed" / "input.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def corpus_file(name: str, corpus: Path = CORPUS) -> Path:
    """Return a corpus document's path, skipping the test when the corpus is absent."""
    path = corpus / name
    if not path.is_file():
        pytest.skip(f"corpus document {name} is not available")
    return path
