"""Start-up: what a process imports and compiles before it needs it (issue 28 item 3).

No clock here: each test asks a fresh interpreter what it loaded (`sys.modules`) or compiled,
which does not move with the machine's load. The CPU figures are in bench/RESULTS.md.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from docparse.vocab import chars, families, markers
from docparse.vocab.lazy import compiled, lazy

from .conftest import FIXTURES

FORMAT_LIBRARIES = ("markdown_it", "pdfplumber", "pdfminer", "pypdfium2", "docx", "lxml", "yaml")


def _run(code: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return result.stdout.splitlines()


def test_import_docparse_loads_no_format_library() -> None:
    code = f"import sys, docparse\nprint(sorted(m for m in {FORMAT_LIBRARIES!r} if m in sys.modules))\n"
    assert _run(code) == ["[]"]


SMALL_HTML = (
    "<html><head><title>Call</title></head><body><h1>Call for proposals</h1>"
    "<p>This call invites proposals.</p><p>Deadline: 1 March 2027.</p></body></html>"
)


@pytest.mark.parametrize(
    ("name", "content", "needed"),
    [
        # markdown-it parses text files too (CommonMark lists and tables); the others are not needed.
        (
            "small.txt",
            "Call for proposals\n\nThis call invites proposals.\n\nDeadline: 1 March 2027.\n",
            ["markdown_it"],
        ),
        ("small.html", SMALL_HTML, ["lxml"]),
    ],
)
def test_a_conversion_loads_only_its_format_s_library(
    tmp_path: Path, name: str, content: str, needed: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code = (
        "import sys, docparse\n"
        f"document = docparse.parse({str(path)!r})\n"
        "docparse.to_json(document)\n"
        "print(document.title)\n"
        f"print(sorted(m for m in {FORMAT_LIBRARIES!r} if m in sys.modules))\n"
    )
    assert _run(code) == ["Call for proposals", str(needed)]


def test_a_docx_conversion_loads_no_pdf_or_markdown_library() -> None:
    path = FIXTURES / "seed-docx-autonum" / "input.docx"
    code = (
        "import sys, docparse\n"
        f"docparse.to_json(docparse.parse({str(path)!r}))\n"
        f"print(sorted(m for m in {FORMAT_LIBRARIES!r} if m in sys.modules))\n"
    )
    assert _run(code) == ["['lxml']"]


def test_the_vocabulary_floor_compiles_its_patterns_on_first_use() -> None:
    code = (
        "import gc\n"
        "from docparse.vocab import markers, families, chars\n"
        "from docparse.vocab.lazy import _Lazy\n"
        "def count():\n"
        "    found = [o for o in gc.get_objects() if isinstance(o, _Lazy)]\n"
        "    return len(found), sum(o._compiled is not None for o in found)\n"
        "print(*count())\n"
        "families.match_numbering('1. Scope')\n"
        "print(*count())\n"
    )
    before, after = (tuple(map(int, line.split())) for line in _run(code))
    total, compiled_at_import = before
    # Only `\s+`, which folds the floor's own label tables at import.
    assert total >= 60 and compiled_at_import <= 1
    # Matching one label compiles the families it tries, not the markers' tables.
    assert after[0] == total and 0 < after[1] < total


def _floor_patterns() -> list[regex.Pattern[str]]:
    return [
        value
        for module in (chars, families, markers)
        for value in vars(module).values()
        if hasattr(value, "pattern") and hasattr(value, "compiled")
    ] + [family.pattern for family in families.FAMILIES]


def test_a_lazy_pattern_answers_as_its_compiled_pattern() -> None:
    patterns = _floor_patterns()
    assert len(patterns) >= 40
    for pattern in patterns:
        real = compiled(pattern)
        assert isinstance(real, regex.Pattern) and real.pattern == pattern.pattern
        # Once compiled, the methods are the compiled pattern's own (no indirection in a loop).
        assert pattern.match.__self__ is real and pattern.search.__self__ is real
        again = pickle.loads(pickle.dumps(pattern))
        assert again.pattern == pattern.pattern and compiled(again).flags == real.flags


def test_lazy_keeps_flags_and_partial_matching() -> None:
    pattern = lazy(r"^(?P<label>abc)", regex.I)
    assert pattern.pattern == "^(?P<label>abc)"
    found = pattern.match("ABCdef")
    assert found is not None and found.group("label") == "ABC"
    assert pattern.match("AB", partial=True) is not None and pattern.match("x", partial=True) is None
    assert pattern.groupindex["label"] == 1
    already = regex.compile("x")
    assert compiled(already) is already
