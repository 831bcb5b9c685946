"""The vocabulary floor: each kind of knowledge is defined once, and each stage imports only from below.

The scans read docparse's own source (not its behaviour): a leader's dots, a bullet set or a CJK
range restated in a reader or a rule is the drift this floor exists to end (four leader sets
with four character sets once). A place that must keep its own stands in an allow-list, with why.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from docparse.vocab.glyphs import BULLETS, LEADER_DOTS, LEADER_ELLIPSES

PACKAGE = Path(__file__).resolve().parent.parent / "docparse"
VOCAB = PACKAGE / "vocab"

# Leader glyphs that mean nothing else in a pattern ("." and "_" do: any char, a word char).
LEADER_ONLY = frozenset(LEADER_DOTS + LEADER_ELLIPSES) - {".", "•"}
# A character class inside a pattern's text: `[...]`, escapes kept.
CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])+\]")
# CJK ranges written out: the bounds of the blocks vocab/chars.py lists, as escapes or hex ints.
CJK_RANGE_LITERAL = re.compile(
    r"(?i)\\u(?:2e80|4e00|9fff|ac00|d7af|f900|faff|fe30|ff00|ffef)|\\U0002[0-9a-f]{4}"
    r"|\b0x(?:2e80|4e00|9fff|ac00|d7af|f900|faff|fe30|ff00|ffef|20000)\b|\\p\{han"
)

# (file under docparse/, what it holds) → why it may hold it.
ALLOWED: dict[tuple[str, str], str] = {
    ("read/pdf/ocr.py", "leader class"): (
        "FOLIO: the marks OCR reads around a page number (`-7.`, `·7-`), a folio's dashes and not a leader"
    ),
}


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if VOCAB not in path.parents:
            yield path.relative_to(PACKAGE).as_posix(), path.read_text(encoding="utf-8")


def _docstrings(tree: ast.AST) -> set[int]:
    """Return the ids of the string constants that are docstrings or bare string statements."""
    return {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }


def findings(source: str) -> Iterator[tuple[int, str, str]]:
    """Yield ``(line, what, text)`` for each restated piece of vocabulary in one module's `source`."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in skip:
            continue
        text = node.value
        for found in CHAR_CLASS.finditer(text):
            if LEADER_ONLY & set(found.group()):
                yield node.lineno, "leader class", found.group()
        bullets = {ch for ch in text if ch in BULLETS}
        if len(bullets) >= 2:
            yield node.lineno, "bullet set", "".join(sorted(bullets))
    for number, line in enumerate(source.splitlines(), start=1):
        code = line.split("#", 1)[0]
        if found_range := CJK_RANGE_LITERAL.search(code):
            yield number, "CJK range", found_range.group()


def test_the_scan_finds_each_kind_of_restatement() -> None:
    # The scan below proves nothing unless it sees what it looks for.
    source = (
        'import re\nLEADERS = re.compile(r"(?:[.．·…]\\s*){4,}$")\nMARKS = "■●◆"\n'
        "def is_cjk(code):\n    return 0x2E80 <= code <= 0x9FFF\n"
        'HAN = re.compile(r"[\\u4e00-\\u9fff]")\n'
    )
    assert sorted(what for _, what, _ in findings(source)) == [
        "CJK range",
        "CJK range",
        "bullet set",
        "leader class",
    ]
    assert list(findings('"""A docstring may show ■ and ● side by side."""\nX = "[a-z.]"\nY = "\\u3000"\n')) == []


def test_the_scan_finds_the_floor_s_own_definitions() -> None:
    # Run over the floor itself, the scan meets the one definition of each kind.
    kinds = {what for path in VOCAB.glob("*.py") for _, what, _ in findings(path.read_text(encoding="utf-8"))}
    assert kinds == {"leader class", "bullet set", "CJK range"}


def test_leaders_bullets_and_cjk_ranges_are_defined_on_the_vocabulary_floor_only() -> None:
    found = [
        f"{name}:{line}: {what} {text!r}"
        for name, source in _sources()
        for line, what, text in findings(source)
        if (name, what) not in ALLOWED
    ]
    assert found == [], "define it in docparse/vocab/ and import it:\n" + "\n".join(found)


def test_every_allowed_restatement_is_still_there() -> None:
    # An allow-list row whose reason went away is a door left open.
    seen = {(name, what) for name, source in _sources() for _, what, _ in findings(source)}
    assert set(ALLOWED) <= seen


# -- floors --------------------------------------------------------------------------------------

LOWER = frozenset({"vocab", "formats", "blocks", "model", "diagnostics", "errors", "options"})
# Each part of docparse → the parts it may import. A stage stands on the lower floors and on
# itself; never on a later stage (a reader that imported the segmenter would run it twice).
FLOORS: dict[str, frozenset[str]] = {
    "vocab": frozenset({"vocab"}),
    "errors": frozenset(),
    "formats": frozenset(),
    "model": frozenset({"model", "formats"}),
    "blocks": frozenset({"model", "formats", "vocab"}),
    "diagnostics": frozenset({"model"}),
    "options": frozenset({"model"}),
    "read": LOWER | {"read"},
    "normalize": LOWER,
    "segment": LOWER | {"segment"},
    "accounting": LOWER,
    "outline": LOWER | {"outline", "normalize", "segment"},
    "check": LOWER | {"check", "accounting"},
    "export": LOWER | {"export"},
}
# (importing file under docparse/, imported part) → why this one edge is allowed.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("read/sourcecount.py", "accounting"): (
        "counts the source's characters the way accounting counts the model's: one rule for both sides"
    ),
}


def _imported_parts(source: str) -> Iterator[str]:
    for node in ast.walk(ast.parse(source)):
        names = (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        for name in names:
            parts = name.split(".")
            if parts[0] == "docparse" and len(parts) > 1:
                yield parts[1]


def _part(name: str) -> str:
    return name.split("/", 1)[0].removesuffix(".py")


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_a_stage_imports_only_from_lower_floors(part: str) -> None:
    wrong = [
        f"{name} imports docparse.{imported}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if _part(name := path.relative_to(PACKAGE).as_posix()) == part
        for imported in sorted(set(_imported_parts(path.read_text(encoding="utf-8"))))
        if imported not in FLOORS[part] and (name, imported) not in EXCEPTIONS
    ]
    assert wrong == []


def test_readers_and_normalize_never_import_the_segmenter() -> None:
    # The rule the floors above encode, asked plainly: reading comes before segmenting.
    for name in ("read", "normalize"):
        assert "segment" not in FLOORS[name]
    assert {part for part in FLOORS if "segment" in FLOORS[part]} == {"segment", "outline"}


def test_the_import_scan_sees_imports_inside_functions() -> None:
    source = "def f():\n    from docparse.segment import segment\n    import docparse.outline.state\n"
    assert list(_imported_parts(source)) == ["segment", "outline"]


def _top_level_names(tree: ast.Module) -> Iterator[str]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            yield node.name
        elif isinstance(node, ast.Assign):
            yield from (target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            yield node.target.id


@pytest.mark.parametrize("module", sorted(p.name for p in VOCAB.glob("*.py")))
def test_a_table_of_the_floor_is_defined_once_in_its_module(module: str) -> None:
    # Two branches once each added a BRACKET_TITLE to markers.py: the second silently replaced the first.
    tree = ast.parse((VOCAB / module).read_text(encoding="utf-8"))
    names = list(_top_level_names(tree))
    assert sorted({name for name in names if names.count(name) > 1 and name != "__all__"}) == []


def test_a_catalogues_code_is_closed_by_its_punctuation() -> None:
    # "R1. …", "T12. …" number a catalogue's items; "G20 summit", "A4 paper" in running text and labels
    # closed by a colon ("L0：…", a level) do not.
    from docparse.vocab.families import match_numbering

    found = [match_numbering(text) for text in ("R1. Rum River水文模拟", "D2. 全球水文云计算平台", "T12. Indexing")]
    assert [(n.family.name, n.label) for n in found if n is not None] == [
        ("code", "R1."),
        ("code", "D2."),
        ("code", "T12."),
    ]
    not_codes = ("G20 summit in Rome", "A4 paper size", "H2O in rivers", "L0：入门级")
    assert all((n := match_numbering(text)) is None or n.family.name != "code" for text in not_codes)


def test_a_no_break_space_after_a_number_separates_it_as_a_space_does() -> None:
    # Word puts a no-break space after a typed heading number ("3.2\xa0显示功能"): the number is still its label.
    from docparse.vocab.families import match_numbering

    found = [match_numbering(text) for text in ("3.2\xa0显示功能", "4.\xa0\xa0Vendor strength", "（一）\xa0总则")]
    assert [(n.family.name, n.label, n.rest) for n in found if n is not None] == [
        ("decimal-multi", "3.2", "显示功能"),
        ("decimal", "4.", "Vendor strength"),
        ("cjk-paren", "（一）", "总则"),
    ]


def test_a_colon_after_a_chapter_label_separates_its_title() -> None:
    from docparse.vocab.families import match_numbering

    found = [match_numbering(text) for text in ("第一部分：系统建模", "第二章: 总则", "第三部分 合同条款")]
    assert [(n.label, n.rest) for n in found if n is not None] == [
        ("第一部分", "系统建模"),
        ("第二章", "总则"),
        ("第三部分", "合同条款"),
    ]


def test_a_roman_numeral_character_numbers_a_heading() -> None:
    # Chinese word processors number parts with Unicode's Roman numerals: "Ⅰ. 基本数据结构及其应用", "Ⅻ、总结".
    from docparse.vocab.families import match_numbering

    found = [match_numbering(text) for text in ("Ⅰ. 基本数据结构及其应用", "Ⅻ、总结")]
    assert [(n.family.name, n.label, n.value) for n in found if n is not None] == [
        ("roman-char", "Ⅰ.", (1,)),
        ("roman-char", "Ⅻ、", (12,)),
    ]
