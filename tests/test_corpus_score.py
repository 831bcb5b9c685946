"""Every real call of the shared corpus gives the outline its reader wrote down, check for check.

`../shared/corpus/expect.json` holds, per document, the outline a careful reader finds in it;
`../shared/tools/score_outline.py` scores a JSON export against it. The test runs that scorer
as the user would, on `docparse.to_json` output, and names every check that fails. It skips
when the shared corpus is absent (CI has it beside the clone; the documents are never copied).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import docparse

from .conftest import CORPUS, corpus_file

SCORER = CORPUS.parent / "tools" / "score_outline.py"
EXPECT = CORPUS / "expect.json"


def _names() -> list[str]:
    if not EXPECT.is_file():
        return []
    return sorted(json.loads(EXPECT.read_text(encoding="utf-8")))


@pytest.mark.skipif(not SCORER.is_file() or not EXPECT.is_file(), reason="the shared corpus is not available")
@pytest.mark.parametrize("name", _names())
def test_every_expected_check_holds(name: str, tmp_path: Path) -> None:
    exported = tmp_path / f"{name}.json"
    exported.write_text(docparse.to_json(docparse.parse(corpus_file(name))), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(EXPECT), name, str(exported)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    lines = run.stdout.strip().splitlines()
    assert lines, run.stderr
    # The scorer prints each failed check, then the figure line; it exits 0 when all hold.
    assert run.returncode == 0, "\n".join(lines)
