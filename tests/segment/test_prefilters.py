"""The segmenter's quick rejections give the answers of the full patterns they guard.

match_numbering tries only the families that can match a text's first character; a TOC line
is looked for only in a text that holds a leader (dots, a tab, a run of spaces); a TOC of links
or titles only in a document that has a TOC title or an anchor link.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
import regex

import docparse
from docparse.blocks import Block, Span
from docparse.model.compare import outline_data
from docparse.segment import classify
from docparse.vocab.chars import has_han
from docparse.vocab.families import FAMILIES, Numbering, digits_to_int, match_families, match_numbering
from docparse.vocab.markers import (
    _NOT_A_TITLE_START,
    _SENTENCE_END,
    _TRAILING_COLON,
    DECORATION,
    DEFAULT_DIRECTIONS_MARKERS,
    DEFAULT_LEXICON,
    LEAD_IN_BELOW,
    TITLE_MAX_CHARS,
    TITLE_MAX_CHARS_LATIN,
    TITLE_MAX_WORDS_WITH_STOP,
    TOC_LINE,
    TOC_TITLE,
    _fold,
    is_title_like,
    is_toc_line,
    is_toc_title_text,
    match_toc_line,
    split_decoration,
)

from ..conftest import CORPUS, FIXTURES


def _every_family(text: str) -> Numbering | None:
    # match_numbering as it was: every family in turn (the reference for the first-character filter).
    return match_families(text, FAMILIES)


LABELS = [
    "第三章 总则",
    "第12条",
    "Part II. Scope",
    "SECTION 3: x",
    "Chapter IV",
    "项目一：甲",
    "Appendix A Forms",
    "annex 2 x",
    "附件二：表",
    "附录 A",
    "附：",
    "No.236：题目",
    "no 5",
    "A254-049 TITLE: Radar",
    "XH-202603 甲",
    "1.1 机器学习",
    "１．２ 全角",
    "2.3.1深度",
    "3、方向",
    "12. Twelve",
    "7 - Seven",
    "一、总则",
    "十二．乙",
    "（一）甲",
    "( 二 ) 乙",
    "(3) three",
    "（４）",
    "5) five",
    "①甲",
    "㊿ 末",
    "(a) item",
    "b) item",
    "c. item",
    "IV. Four",
    "XII. Twelve",
    ". dot",
    "■ 标题",
    "★星",
    "• item",
    "※ 注",
    "- dash",
    "– en",
    "* star",
    "+ plus",
    "",
    " ",
    "研究内容：",
    "Abstract",
    "2026年",
    "100%",
    "e-mail",
    "I",
    "x",
    "\u3000一、",
    "\t1.",
    "-",
    "1.",
]


def _texts() -> list[str]:
    texts = list(LABELS)
    paths = [*sorted(FIXTURES.glob("*/input.txt")), *sorted(CORPUS.glob("*.txt")), *sorted(CORPUS.glob("*.md"))]
    for path in paths:
        texts += [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        texts += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return texts


def test_the_first_character_filter_answers_as_every_family_does() -> None:
    texts = _texts()
    found = [match_numbering(text) for text in texts]
    assert found == [_every_family(text) for text in texts]
    families = {n.family.name for n in found if n is not None}
    # The labels above reach most families: the comparison is not only over non-matches.
    assert len(families) >= 20, families


TOC_LINES = [
    "1.1 机器学习基础理论......3",
    "第一章 总则 ……………… 12",
    "Introduction\t1",
    "Annex A   A-1 – A-6",
    "2.3 Topic ____ 7",
    "一、申请条件　　　5",
    "Contents ．．．ii",
    "3 Scope ··· 4",
    "目录",
    "Page 3 of 10",
    "研究内容：……",
    "\t\t",
    "a  b",
    "x . . . 4",
    "1. Budget......",
    "1. Budget .. 3",
]


def test_a_toc_line_is_found_exactly_where_the_full_pattern_finds_one() -> None:
    texts = [text.strip() for text in [*TOC_LINES, *_texts()]]
    assert [is_toc_line(text) for text in texts] == [TOC_LINE.match(text) is not None for text in texts]
    assert [match_toc_line(text) is not None for text in TOC_LINES].count(True) >= 7


LEAD_INS = [
    "Proposals may address one or more of the five core challenges identified below.",
    "We invite work on any of the topics AS FOLLOWS",
    "Submit at least two of the research areas below。",
    "Each of the themes listed below. Then more text.",
    "Below is a list.",
    "as follows",
    "研究内容如下：",
    "The following topics are of interest:",
    "One or more of the areas described below follows.",
]


def _below_sentence(text: str) -> str | None:
    # lead_in's rule for a paragraph without a closing colon, sentence by sentence (no quick rejection).
    for sentence in _SENTENCE_END.split(text.strip()):
        if LEAD_IN_BELOW.search(sentence.strip()):
            return sentence.strip()
    return None


def test_a_lead_in_pointing_below_is_found_as_sentence_by_sentence() -> None:
    texts = [text for text in [*LEAD_INS, *_texts()] if text.strip() and text.strip()[-1] not in "：:"]
    assert [DEFAULT_LEXICON.lead_in(text) for text in texts] == [_below_sentence(text) for text in texts]
    assert sum(DEFAULT_LEXICON.lead_in(text) is not None for text in LEAD_INS) >= 3


# is_title_like's rejection as it was: one pattern, searched (the anchored part, or a tab anywhere).
_NOT_A_TITLE = regex.compile(_NOT_A_TITLE_START.pattern + r"|\t")


def _title_like(text: str) -> bool:
    # is_title_like as it was: the limit chosen by script first, then the length compared with it.
    stripped = text.strip()
    limit = TITLE_MAX_CHARS if has_han(stripped) else TITLE_MAX_CHARS_LATIN
    if not 0 < len(stripped) <= limit or "\n" in stripped or _NOT_A_TITLE.search(stripped):
        return False
    last = stripped[-1]
    if last in "。；;，,！？!?：:、":
        return False
    return not (last == "." and len(stripped.split()) > TITLE_MAX_WORDS_WITH_STOP)


def test_title_likeness_and_digit_values_are_unchanged() -> None:
    texts = [*_texts(), "研" * 61, "研" * 60, "a" * 121, "a" * 120, "研" + "a" * 70, "Introduction."]
    assert [is_title_like(text) for text in texts] == [_title_like(text) for text in texts]
    numbers = ["0", "7", "12", "0012", "１２", "3４", "٣"]
    assert [digits_to_int(n) for n in numbers] == [int("".join(str(unicodedata.digit(c)) for c in n)) for n in numbers]


def _linked_toc_texts() -> list[Path]:
    # Calls with and without a TOC of links or titles: fixtures and the corpus's text renditions.
    fixtures = sorted(FIXTURES.glob("*/input.*"))
    corpus = [*sorted(CORPUS.glob("*.md")), *sorted(CORPUS.glob("*.txt")), *sorted(CORPUS.glob("*.html"))]
    return [path for path in [*fixtures, *corpus] if path.suffix in (".md", ".txt", ".html")]


def test_link_tocs_skips_only_documents_where_no_run_could_become_a_toc(monkeypatch: pytest.MonkeyPatch) -> None:
    # The reference: `_links_anchor` always true, so `link_tocs` looks for runs in every document.
    import docparse.segment as segment

    paths = _linked_toc_texts()
    assert len(paths) >= 5
    quick = {path: outline_data(docparse.parse(path)) for path in paths}
    monkeypatch.setattr(segment, "_links_anchor", lambda block: True)
    for path in paths:
        assert outline_data(docparse.parse(path)) == quick[path], path


TOC_TITLES = [
    "目录",
    "目  录",
    "目\u3000录：",
    "Table of Contents",
    "CONTENTS",
    "Contents:",
    "conten\u017fts",  # a long s: case-insensitive matching folds it to "s", as casefold does
    "INDEX",
    "Outline",
    "Agenda ：",
    "提纲",
    "大纲",
    "议程",
    "\u212aey contents",  # the Kelvin sign folds to "k"
    "Index of figures",
    "Contents of the call for proposals and more",
]


def test_a_toc_title_is_found_exactly_where_the_full_pattern_finds_one() -> None:
    texts = [*TOC_TITLES, *_texts()]
    assert [is_toc_title_text(text) for text in texts] == [TOC_TITLE.match(text) is not None for text in texts]
    assert sum(is_toc_title_text(text) for text in TOC_TITLES) >= 12


def _marker_as_it_was(text: str) -> str | None:
    # directions_marker without its length rejection: the trailing colon cut, then the folded text looked up.
    body = _TRAILING_COLON.sub("", text.strip()).strip()
    return body if _fold(body) in DEFAULT_LEXICON._markers else None  # type: ignore[attr-defined]


def test_a_directions_marker_is_found_exactly_where_the_folded_lookup_finds_one() -> None:
    markers = list(DEFAULT_DIRECTIONS_MARKERS)
    padded = [f"  {m}  ：  " for m in markers] + [m.replace(" ", " \t\u3000 ") + "::::" for m in markers]
    texts = [*markers, *padded, *(m.upper() for m in markers), *(m + "x" for m in markers), *_texts()]
    assert [DEFAULT_LEXICON.directions_marker(text) for text in texts] == [_marker_as_it_was(text) for text in texts]
    assert sum(DEFAULT_LEXICON.directions_marker(text) is not None for text in padded) == len(padded)


def test_a_token_answers_title_likeness_and_boldness_as_its_text_does() -> None:
    block = Block("Expected results", spans=(Span("Expected results", bold=True),))
    token = classify(block)
    assert (token.title_like, token.all_bold) == (True, True)
    # `replace` starts the kept answers afresh: a token given another text answers for that text.
    changed = replace(token, text="This one ends as a sentence does, with a colon:", spans=(Span("x"),))
    assert (changed.title_like, changed.all_bold) == (False, False)
    assert changed == replace(changed) and token != changed


def test_a_toc_line_is_read_as_without_the_quick_rejections(monkeypatch: pytest.MonkeyPatch) -> None:
    import docparse.vocab.markers as markers

    texts = [*TOC_LINES, *_texts()]
    quick = [match_toc_line(text) for text in texts]
    monkeypatch.setattr(markers, "may_end_toc_line", lambda last: True)
    monkeypatch.setattr(markers, "_HAS_LEADER", regex.compile(""))
    assert quick == [match_toc_line(text) for text in texts]
    assert sum(found is not None for found in quick) >= 7


DECORATED = ["💡 Smart Bot", "👥 **Mentor(s):**", "🇨🇳 中国", "1️⃣ one", "© 2024 Org", "™", "💡", "👩‍💻 Dev", "x 💡"]


def test_decoration_is_split_as_the_pattern_splits_it() -> None:
    def as_it_was(text: str) -> tuple[str, str]:
        found = DECORATION.match(text)
        if found is None or not text[found.end() :].strip():
            return "", text
        return found.group().strip(), text[found.end() :]

    texts = [*DECORATED, *_texts()]
    assert [split_decoration(text) for text in texts] == [as_it_was(text) for text in texts]
    assert sum(bool(split_decoration(text)[0]) for text in DECORATED) >= 4


CHAINS = [
    "medium. Requirements: C. Potential mentors: Ana",
    "中；导师：张三",
    "Note: see below.",
    "A plain sentence. Another one without a label",
    "x. Skills： Python",
]


def test_chained_labels_are_found_as_without_the_colon_test(monkeypatch: pytest.MonkeyPatch) -> None:
    import docparse.vocab.markers as markers

    texts = [*CHAINS, *_texts()]
    quick = [(DEFAULT_LEXICON.chained(text), DEFAULT_LEXICON.chain_candidates(text)) for text in texts]
    monkeypatch.setattr(markers, "_has_colon", lambda text: True)
    assert quick == [(DEFAULT_LEXICON.chained(text), DEFAULT_LEXICON.chain_candidates(text)) for text in texts]
    assert sum(bool(chained) for chained, _ in quick[: len(CHAINS)]) >= 2


def test_title_likeness_kept_by_text_stays_bounded() -> None:
    import docparse.vocab.markers as markers

    kept = markers._title_like_kept
    bound = kept.cache_info().maxsize
    assert bound is not None
    texts = [f"Title {i}" for i in range(bound + 10)]
    assert all(is_title_like(text) for text in texts)
    assert kept.cache_info().currsize <= bound
    before = kept.cache_info().currsize
    assert not is_title_like("x" * (markers._MAX_TITLE_LIKE_KEY + 1))  # a long text is answered, not kept
    assert kept.cache_info().currsize == before
    assert not is_title_like("A sentence, as a heading never is.")
